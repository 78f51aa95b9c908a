package dev.ferry.http;

import dev.ferry.export.ExportService;
import dev.ferry.ingest.ImportService;
import dev.ferry.store.Store;
import dev.ferry.tables.TableService;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Ferry's REST API. Starts a real HTTP server; {@link #port()} tells the port it bound (useful with
 * port 0).
 */
public final class ApiServer implements AutoCloseable {
  private final Javalin javalin;

  private ApiServer(Javalin javalin) {
    this.javalin = javalin;
  }

  /**
   * Starts the API on {@code host:port}.
   *
   * @param authToken when present, every {@code /api/} request must carry {@code Authorization:
   *     Bearer <token>}
   */
  public static ApiServer start(
      String host, int port, Optional<String> authToken, Supplier<ServerStatus> status, Jobs jobs) {
    Javalin javalin =
        Javalin.create(
            config -> {
              configure(config, authToken, status);
              RecordsRoutes.install(config.routes, jobs.store());
              RunJson runs = new RunJson(jobs.imports(), jobs.exports());
              ImportRoutes.install(config.routes, jobs.imports(), jobs.store().runs(), runs);
              ExportRoutes.install(config.routes, jobs.exports(), jobs.store().runs(), runs);
              TableRoutes.install(config.routes, jobs.tables(), jobs.store().runs(), runs);
              RunsRoutes.install(config.routes, jobs.store().runs(), runs);
            });
    javalin.start(host, port);
    return new ApiServer(javalin);
  }

  /** What the API serves: the store's ports and the jobs built on them. */
  public record Jobs(
      Store store, ImportService imports, ExportService exports, TableService tables) {}

  public int port() {
    return javalin.port();
  }

  @Override
  public void close() {
    javalin.stop();
  }

  private static void configure(
      JavalinConfig config, Optional<String> authToken, Supplier<ServerStatus> status) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
    ErrorMapping.install(config.routes);
    authToken.ifPresent(token -> BearerAuth.install(config.routes, token));
    config.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
    config.routes.get("/api/version", ctx -> version(ctx, status));
    config.routes.get("/api/status", ctx -> ctx.json(status.get()));
  }

  private static void version(Context ctx, Supplier<ServerStatus> status) {
    ctx.json(Map.of("name", "ferry", "version", status.get().version()));
  }
}
