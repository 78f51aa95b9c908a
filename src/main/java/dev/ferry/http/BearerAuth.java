package dev.ferry.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Requires {@code Authorization: Bearer <token>} on every {@code /api/} request. */
final class BearerAuth {
  private static final String PREFIX = "Bearer ";

  private BearerAuth() {}

  static void install(RoutesConfig routes, String token) {
    routes.before("/api/*", ctx -> check(ctx, token));
  }

  private static void check(Context ctx, String token) {
    String header = ctx.header("Authorization");
    if (header == null || !header.startsWith(PREFIX) || !matches(header.substring(7), token)) {
      throw new ApiException(401, "Missing or wrong bearer token (Authorization: Bearer ...)");
    }
  }

  private static boolean matches(String given, String token) {
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }
}
