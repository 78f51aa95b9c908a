package dev.ferry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ferry.ingest.ImportService;
import dev.ferry.ingest.RunProgress;
import dev.ferry.store.Run;
import dev.ferry.store.RunRecords;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code /api/runs}: run records of every integration, with live progress while running. */
final class RunsRoutes {
  private final RunRecords runs;
  private final ImportService imports;

  private RunsRoutes(RunRecords runs, ImportService imports) {
    this.runs = runs;
    this.imports = imports;
  }

  static void install(RoutesConfig routes, RunRecords runs, ImportService imports) {
    RunsRoutes handlers = new RunsRoutes(runs, imports);
    routes.get("/api/runs", handlers::list);
    routes.get("/api/runs/{id}", handlers::show);
  }

  private void list(Context ctx) {
    int limit = Queries.limit(ctx, 20, 1000);
    Optional<String> integration = Optional.ofNullable(ctx.queryParam("integration"));
    ctx.json(runs.list(integration, limit).stream().map(this::json).toList());
  }

  private void show(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new ApiException(400, "Invalid run id '" + ctx.pathParam("id") + "'");
    }
    Run run = runs.find(id).orElseThrow(() -> new ApiException(404, "No run with id " + id));
    ctx.json(json(run));
  }

  private Map<String, Object> json(Run run) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", run.id());
    json.put("integration", run.integration());
    json.put("kind", run.kind());
    json.put("status", run.status().name().toLowerCase(Locale.ROOT));
    json.put("startedAt", run.startedAt().toString());
    run.finished().ifPresent(at -> json.put("finishedAt", at.toString()));
    json.put("details", details(run.details()));
    json.put("errors", run.errors());
    imports.progress(run.id()).ifPresent(progress -> json.put("progress", progress(progress)));
    return json;
  }

  private static Object details(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return text;
    }
  }

  private static Map<String, Object> progress(RunProgress progress) {
    return Map.of(
        "bytesRead", progress.bytesRead(),
        "bytesTotal", progress.bytesTotal(),
        "rowsRead", progress.rowsRead(),
        "currentKey", progress.currentKey());
  }
}
