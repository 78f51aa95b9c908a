package dev.ferry.http;

import dev.ferry.export.ExportDefinition;
import dev.ferry.export.ExportDefinitions;
import dev.ferry.export.ExportService;
import dev.ferry.integration.Secrets;
import dev.ferry.store.RunRecords;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/** {@code /api/exports}: exports and their runs. Secrets are masked. */
final class ExportRoutes {
  private final ExportService exports;
  private final RunRecords runs;
  private final RunJson json;

  private ExportRoutes(ExportService exports, RunRecords runs, RunJson json) {
    this.exports = exports;
    this.runs = runs;
    this.json = json;
  }

  static void install(RoutesConfig routes, ExportService exports, RunRecords runs, RunJson json) {
    ExportRoutes handlers = new ExportRoutes(exports, runs, json);
    routes.post("/api/exports", handlers::create);
    routes.get("/api/exports", handlers::list);
    routes.get("/api/exports/{name}", handlers::show);
    routes.put("/api/exports/{name}", handlers::replace);
    routes.delete("/api/exports/{name}", handlers::delete);
    routes.post("/api/exports/{name}/runs", handlers::run);
    routes.get("/api/exports/{name}/runs", handlers::runs);
    routes.get("/api/exports/{name}/activity", handlers::activity);
    routes.get("/api/activity", handlers::activityByRequest);
  }

  private void create(Context ctx) {
    ctx.status(201).json(masked(exports.create(Json.settings(ctx))));
  }

  private void list(Context ctx) {
    ctx.json(exports.list().stream().map(ExportRoutes::masked).toList());
  }

  private void show(Context ctx) {
    ctx.json(masked(exports.find(ctx.pathParam("name"))));
  }

  private void replace(Context ctx) {
    ctx.json(masked(exports.replace(ctx.pathParam("name"), Json.settings(ctx))));
  }

  private void delete(Context ctx) {
    exports.delete(ctx.pathParam("name"));
    ctx.status(204);
  }

  private void run(Context ctx) {
    long runId = exports.start(ctx.pathParam("name"));
    ctx.status(202).json(Map.of("runId", runId, "integration", ctx.pathParam("name")));
  }

  private void runs(Context ctx) {
    String name = exports.find(ctx.pathParam("name")).name();
    RunsRoutes.list(ctx, runs, json, Optional.of(name));
  }

  private void activity(Context ctx) {
    activity(ctx, ctx.pathParam("name"));
  }

  /** {@code GET /api/activity?request-id=ID[&run=yyyyMMddHHmmss]}: lookup by request id. */
  private void activityByRequest(Context ctx) {
    String requestId = ctx.queryParam("request-id");
    if (requestId == null || requestId.isBlank()) {
      throw new ApiException(400, "Missing query parameter request-id");
    }
    activity(ctx, requestId);
  }

  private void activity(Context ctx, String requestId) {
    int limit = Queries.limit(ctx, 100, 10_000);
    Optional<String> run = Optional.ofNullable(ctx.queryParam("run"));
    ctx.json(
        exports.activity(requestId, limit).stream()
            .map(ActivityJson::entry)
            .filter(entry -> run.map(r -> r.equals(entry.get("runTimestamp"))).orElse(true))
            .toList());
  }

  private static Map<String, Object> masked(ExportDefinition definition) {
    return ExportDefinitions.toSettings(definition, Secrets.MASKED);
  }
}
