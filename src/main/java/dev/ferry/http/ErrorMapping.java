package dev.ferry.http;

import dev.ferry.integration.DefinitionException;
import dev.ferry.integration.IntegrationException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every error to a JSON body {@code {"error": "..."}} in one place. Internal failures are
 * logged with an id and answered with that id only, so no internal detail or secret reaches a
 * client.
 */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  static void install(RoutesConfig routes) {
    routes.exception(ApiException.class, ErrorMapping::clientError);
    routes.exception(DefinitionException.class, (e, ctx) -> respond(ctx, 400, e.getMessage()));
    routes.exception(IntegrationException.class, ErrorMapping::integrationError);
    routes.exception(Exception.class, ErrorMapping::internalError);
    routes.error(404, "*", ctx -> notFound(ctx));
  }

  private static void clientError(ApiException error, Context ctx) {
    ctx.status(error.status()).json(Map.of("error", error.getMessage()));
  }

  private static void integrationError(IntegrationException error, Context ctx) {
    int status =
        switch (error.reason()) {
          case NOT_FOUND -> 404;
          case ALREADY_EXISTS, ALREADY_RUNNING -> 409;
          case VALIDATION_FAILED -> 422;
        };
    respond(ctx, status, error.getMessage());
  }

  private static void respond(Context ctx, int status, String message) {
    ctx.status(status).json(Map.of("error", message));
  }

  private static void internalError(Exception error, Context ctx) {
    String id = UUID.randomUUID().toString();
    LOG.error("Request {} {} failed (error id {})", ctx.method(), ctx.path(), id, error);
    ctx.status(500).json(Map.of("error", "Internal error (id " + id + "); see the server log"));
  }

  private static void notFound(Context ctx) {
    String type = ctx.res().getContentType();
    if (type == null || !type.startsWith("application/json")) {
      ctx.json(Map.of("error", "Not found: " + ctx.method() + " " + ctx.path()));
    }
  }
}
