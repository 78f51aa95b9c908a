package dev.ferry.http;

import io.javalin.http.Context;

/** Query parameters, checked. */
final class Queries {
  private Queries() {}

  static int limit(Context ctx, int fallback, int max) {
    String text = ctx.queryParam("limit");
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(text.trim());
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ApiException(400, "Invalid limit '" + text + "': expected 1 to " + max);
  }
}
