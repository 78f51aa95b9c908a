package dev.ferry.http;

import dev.ferry.ingest.ImportDefinition;
import dev.ferry.ingest.ImportDefinitions;
import dev.ferry.ingest.ImportService;
import dev.ferry.ingest.Preview;
import dev.ferry.integration.Secrets;
import dev.ferry.store.RunRecords;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code /api/imports}: recurring CSV imports, their preview and runs. Secrets are masked. */
final class ImportRoutes {
  private static final int DEFAULT_PREVIEW = 20;

  private final ImportService imports;
  private final RunRecords runs;
  private final RunJson json;

  private ImportRoutes(ImportService imports, RunRecords runs, RunJson json) {
    this.imports = imports;
    this.runs = runs;
    this.json = json;
  }

  static void install(RoutesConfig routes, ImportService imports, RunRecords runs, RunJson json) {
    ImportRoutes handlers = new ImportRoutes(imports, runs, json);
    routes.post("/api/imports", handlers::create);
    routes.get("/api/imports", handlers::list);
    routes.get("/api/imports/{name}", handlers::show);
    routes.put("/api/imports/{name}", handlers::replace);
    routes.delete("/api/imports/{name}", handlers::delete);
    routes.get("/api/imports/{name}/preview", handlers::preview);
    routes.post("/api/imports/{name}/runs", handlers::run);
    routes.get("/api/imports/{name}/runs", handlers::runs);
  }

  private void create(Context ctx) {
    ctx.status(201).json(masked(imports.create(Json.settings(ctx))));
  }

  private void list(Context ctx) {
    ctx.json(imports.list().stream().map(ImportRoutes::masked).toList());
  }

  private void show(Context ctx) {
    ctx.json(masked(imports.find(ctx.pathParam("name"))));
  }

  private void replace(Context ctx) {
    ctx.json(masked(imports.replace(ctx.pathParam("name"), Json.settings(ctx))));
  }

  private void delete(Context ctx) {
    imports.delete(ctx.pathParam("name"));
    ctx.status(204);
  }

  private void preview(Context ctx) {
    int limit = Queries.limit(ctx, DEFAULT_PREVIEW, 1000);
    Preview preview = imports.preview(ctx.pathParam("name"), limit);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("file", preview.file());
    json.put("mapping", preview.mapping());
    json.put("records", preview.records().stream().map(ImportRoutes::row).toList());
    json.put("errors", preview.errors());
    ctx.json(json);
  }

  private void run(Context ctx) {
    long runId = imports.start(ctx.pathParam("name"));
    ctx.status(202).json(Map.of("runId", runId, "integration", ctx.pathParam("name")));
  }

  private void runs(Context ctx) {
    String name = imports.find(ctx.pathParam("name")).name();
    RunsRoutes.list(ctx, runs, json, Optional.of(name));
  }

  private static Map<String, Object> row(Preview.Row row) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("line", row.line());
    json.putAll(RecordJson.of(row.record()));
    return json;
  }

  private static Map<String, Object> masked(ImportDefinition definition) {
    return ImportDefinitions.toSettings(definition, Secrets.MASKED);
  }
}
