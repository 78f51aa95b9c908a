package dev.ferry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.event.Record;
import dev.ferry.store.Appended;
import dev.ferry.store.RecordQuery;
import dev.ferry.store.RecordStore;
import dev.ferry.store.Source;
import dev.ferry.store.Store;
import dev.ferry.store.StoreStats;
import dev.ferry.store.StoredRecord;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/records}: stores records sent as Kissmetrics-style JSON (one object or an
 * array). All or nothing: one invalid record rejects the request, naming its index.
 */
final class RecordsRoutes {
  private final Store store;
  private final RecordStore records;

  private RecordsRoutes(Store store) {
    this.store = store;
    this.records = store.records();
  }

  static void install(RoutesConfig routes, Store store) {
    RecordsRoutes handlers = new RecordsRoutes(store);
    routes.post("/api/records", handlers::append);
    routes.get("/api/records", handlers::find);
    routes.get("/api/stats", handlers::stats);
  }

  private void find(Context ctx) {
    RecordQuery query = RecordQuery.all(Queries.limit(ctx, 100, RecordQuery.MAX_LIMIT));
    String identity = ctx.queryParam("identity");
    String event = ctx.queryParam("event");
    if (identity != null && !identity.isEmpty()) {
      query = query.withIdentity(identity);
    }
    if (event != null && !event.isEmpty()) {
      query = query.withEventName(event);
    }
    ctx.json(records.find(query).stream().map(RecordsRoutes::json).toList());
  }

  private static Map<String, Object> json(StoredRecord stored) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("sequence", stored.sequence());
    json.put("receivedAt", stored.receivedAt().toString());
    json.put("revision", stored.revision());
    json.putAll(RecordJson.of(stored.record()));
    json.put(
        "source",
        Map.of(
            "integration", stored.source().integration(),
            "run", stored.source().runId(),
            "key", stored.source().objectKey(),
            "line", stored.source().line()));
    return json;
  }

  private void stats(Context ctx) {
    StoreStats stats = store.stats();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("records", stats.records());
    json.put("events", stats.events());
    json.put("properties", stats.properties());
    json.put("aliases", stats.aliases());
    json.put("revisionsOpen", stats.openRevisions());
    json.put("revisionsClosed", stats.closedRevisions());
    json.put("lastSequence", stats.lastSequence());
    ctx.json(json);
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
