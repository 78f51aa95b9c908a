package dev.ferry.http;

import dev.ferry.integration.Secrets;
import dev.ferry.store.RunRecords;
import dev.ferry.tables.TableDefinitions;
import dev.ferry.tables.TableIntegration;
import dev.ferry.tables.TableService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/** {@code /api/tables}: table integrations, their runs, discovery and rows. Secrets are masked. */
final class TableRoutes {
  private static final int DEFAULT_ROWS = 100;
  private static final int MAX_ROWS = 10_000;

  private final TableService tables;
  private final RunRecords runs;
  private final RunJson json;

  private TableRoutes(TableService tables, RunRecords runs, RunJson json) {
    this.tables = tables;
    this.runs = runs;
    this.json = json;
  }

  static void install(RoutesConfig routes, TableService tables, RunRecords runs, RunJson json) {
    TableRoutes handlers = new TableRoutes(tables, runs, json);
    routes.post("/api/tables", handlers::create);
    routes.get("/api/tables", handlers::list);
    routes.get("/api/tables/{name}", handlers::show);
    routes.put("/api/tables/{name}", handlers::replace);
    routes.delete("/api/tables/{name}", handlers::delete);
    routes.post("/api/tables/{name}/runs", handlers::run);
    routes.get("/api/tables/{name}/runs", handlers::runs);
    routes.get("/api/tables/{name}/discover", handlers::discover);
    routes.get("/api/tables/{name}/{table}/rows", handlers::rows);
  }

  private void create(Context ctx) {
    ctx.status(201).json(masked(tables.create(Json.settings(ctx))));
  }

  private void list(Context ctx) {
    ctx.json(tables.list().stream().map(TableRoutes::masked).toList());
  }

  private void show(Context ctx) {
    ctx.json(masked(tables.find(ctx.pathParam("name"))));
  }

  private void replace(Context ctx) {
    ctx.json(masked(tables.replace(ctx.pathParam("name"), Json.settings(ctx))));
  }

  private void delete(Context ctx) {
    tables.delete(ctx.pathParam("name"));
    ctx.status(204);
  }

  private void run(Context ctx) {
    long runId = tables.start(ctx.pathParam("name"));
    ctx.status(202).json(Map.of("runId", runId, "integration", ctx.pathParam("name")));
  }

  private void runs(Context ctx) {
    String name = tables.find(ctx.pathParam("name")).name();
    RunsRoutes.list(ctx, runs, json, Optional.of(name));
  }

  private void discover(Context ctx) {
    ctx.json(tables.discover(ctx.pathParam("name")));
  }

  private void rows(Context ctx) {
    int limit = Queries.limit(ctx, DEFAULT_ROWS, MAX_ROWS);
    ctx.json(tables.rows(ctx.pathParam("name"), ctx.pathParam("table"), limit));
  }

  private static Map<String, Object> masked(TableIntegration integration) {
    return TableDefinitions.toSettings(integration, Secrets.MASKED);
  }
}
