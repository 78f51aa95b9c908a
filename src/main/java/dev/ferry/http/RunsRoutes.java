package dev.ferry.http;

import dev.ferry.store.Run;
import dev.ferry.store.RunRecords;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/** {@code /api/runs}: run records of every integration, with live progress while running. */
final class RunsRoutes {
  private static final int DEFAULT_LIMIT = 20;
  private static final int MAX_LIMIT = 1000;

  private final RunRecords runs;
  private final RunJson json;

  private RunsRoutes(RunRecords runs, RunJson json) {
    this.runs = runs;
    this.json = json;
  }

  static void install(RoutesConfig routes, RunRecords runs, RunJson json) {
    RunsRoutes handlers = new RunsRoutes(runs, json);
    routes.get("/api/runs", handlers::list);
    routes.get("/api/runs/{id}", handlers::show);
  }

  /** Answers with the latest runs of {@code integration} (all when empty), {@code ?limit=}. */
  static void list(Context ctx, RunRecords runs, RunJson json, Optional<String> integration) {
    int limit = Queries.limit(ctx, DEFAULT_LIMIT, MAX_LIMIT);
    ctx.json(runs.list(integration, limit).stream().map(json::of).toList());
  }

  private void list(Context ctx) {
    list(ctx, runs, json, Optional.ofNullable(ctx.queryParam("integration")));
  }

  private void show(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new ApiException(400, "Invalid run id '" + ctx.pathParam("id") + "'");
    }
    Run run = runs.find(id).orElseThrow(() -> new ApiException(404, "No run with id " + id));
    ctx.json(json.of(run));
  }
}
