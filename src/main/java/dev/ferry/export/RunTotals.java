package dev.ferry.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one export run did, for its run record. */
final class RunTotals {
  private static final ObjectMapper JSON = new ObjectMapper();

  private long ready;
  private long published;
  private long firstPublished;
  private long lastPublished;
  private long records;
  private long bytes;
  private long duplicates;

  void ready(long count) {
    ready = count;
  }

  void published(Spooled spooled) {
    long number = spooled.revision().number();
    if (published++ == 0) {
      firstPublished = number;
    }
    lastPublished = number;
    records += spooled.records();
    bytes += spooled.bytes();
    duplicates += spooled.duplicates();
  }

  /** Whether ready revisions were left for the next run. */
  boolean incomplete() {
    return published < ready;
  }

  String json() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("revisionsReady", ready);
    details.put("revisionsPublished", published);
    details.put("revisionsLeft", ready - published);
    if (published > 0) {
      details.put("firstRevision", firstPublished);
      details.put("lastRevision", lastPublished);
    }
    details.put("records", records);
    details.put("bytes", bytes);
    details.put("duplicatesDropped", duplicates);
    try {
      return JSON.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Failed to write an export report", e);
    }
  }
}
