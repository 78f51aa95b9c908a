package dev.ferry.http;

import dev.ferry.event.Alias;
import dev.ferry.event.Event;
import dev.ferry.event.Record;
import dev.ferry.event.SetProperties;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How the API shows a record. */
final class RecordJson {
  private RecordJson() {}

  static Map<String, Object> of(Record record) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", record.kind().name().toLowerCase(Locale.ROOT));
    json.put("identity", record.identity());
    json.put("timestamp", record.timestamp().toString());
    if (record instanceof Event event) {
      json.put("event", event.name());
      json.put("properties", event.properties());
    } else if (record instanceof SetProperties set) {
      json.put("properties", set.properties());
    } else if (record instanceof Alias alias) {
      json.put("alias", alias.secondIdentity());
    }
    return json;
  }
}
