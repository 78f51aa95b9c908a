package dev.ferry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.util.Map;

/** The API's JSON conventions: ISO-8601 instants, durations as ISO text. */
final class Json {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

  private Json() {}

  /** The request body as an integration's settings map. */
  static Map<String, Object> settings(Context ctx) {
    try {
      return MAPPER.readValue(ctx.body(), new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new ApiException(400, "Body is not a JSON object: " + e.getOriginalMessage());
    }
  }
}
