package dev.ferry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.event.Record;
import dev.ferry.store.Appended;
import dev.ferry.store.RecordStore;
import dev.ferry.store.Source;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/records}: stores records sent as Kissmetrics-style JSON (one object or an
 * array). All or nothing: one invalid record rejects the request, naming its index.
 */
final class RecordsRoutes {
  private final RecordStore records;

  private RecordsRoutes(RecordStore records) {
    this.records = records;
  }

  static void install(RoutesConfig routes, RecordStore records) {
    RecordsRoutes handlers = new RecordsRoutes(records);
    routes.post("/api/records", handlers::append);
  }

  private void append(Context ctx) {
    List<Record> parsed = parse(body(ctx));
    String requestId = UUID.randomUUID().toString();
    Appended appended = records.append(parsed, Source.api(requestId));
    ctx.status(201)
        .json(
            Map.of(
                "requestId", requestId,
                "stored", appended.count(),
                "firstSequence", appended.firstSequence()));
  }

  private static JsonNode body(Context ctx) {
    try {
      return Json.MAPPER.readTree(ctx.body());
    } catch (JsonProcessingException e) {
      throw new ApiException(400, "Body is not JSON: " + e.getOriginalMessage());
    }
  }

  private static List<Record> parse(JsonNode body) {
    List<Record> parsed = new ArrayList<>();
    if (body == null || body.isMissingNode()) {
      throw new ApiException(400, "Body is empty; send a record or an array of records");
    }
    if (body.isArray()) {
      for (int index = 0; index < body.size(); index++) {
        parsed.addAll(KmJson.records(body.get(index), index));
      }
    } else {
      parsed.addAll(KmJson.records(body, 0));
    }
    return parsed;
  }
}
