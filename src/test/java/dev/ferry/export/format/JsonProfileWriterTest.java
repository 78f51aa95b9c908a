package dev.ferry.export.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.export.format.JsonEventWriter.HeaderLine;
import dev.ferry.store.Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonProfileWriterTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();

  @Test
  void profilesReadBackWithJacksonEqualTheProfilesWritten() throws IOException {
    List<Profile> profiles = SampleProfiles.awkward();
    List<String> lines = lines(write(profiles, HeaderLine.EVENT_NAME));

    assertThat(lines.get(0)).isEqualTo("profiles");
    assertThat(lines).hasSize(profiles.size() + 1);
    for (int i = 0; i < profiles.size(); i++) {
      assertReadsBackAs(JACKSON.readTree(lines.get(i + 1)), profiles.get(i));
    }
  }

  @Test
  void withoutHeaderLineEveryLineIsAnObject() throws IOException {
    List<Profile> profiles = SampleProfiles.awkward();
    List<String> lines = lines(write(profiles, HeaderLine.NONE));

    assertThat(lines).hasSize(profiles.size());
    assertReadsBackAs(JACKSON.readTree(lines.get(0)), profiles.get(0));
  }

  @Test
  void objectHasTheFieldsOfSpecInThatOrder() throws IOException {
    Profile profile =
        SampleProfiles.profile(
            "dqsndckfk234",
            List.of("dqsndckfk234", "a@b.c"),
            "2017-11-09T00:00:15.900Z",
            Map.of("plan", "pro", "city", "Zürich"));

    assertThat(write(List.of(profile), HeaderLine.NONE))
        .isEqualTo(
            "{\"identity\":\"dqsndckfk234\",\"all_identities\":[\"dqsndckfk234\",\"a@b.c\"],"
                + "\"updated\":20171109000015,"
                + "\"profileProps\":{\"city\":\"Zürich\",\"plan\":\"pro\"}}\n");
  }

  @Test
  void gzippedProfilesReadBackThroughTheJdk() throws IOException {
    List<Profile> profiles = SampleProfiles.awkward();
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (JsonProfileWriter writer = open(Compression.gzip(gzipped, 9), HeaderLine.EVENT_NAME)) {
      for (Profile profile : profiles) {
        writer.write(profile);
      }
    }

    assertThat(new String(SampleEvents.gunzip(gzipped.toByteArray()), StandardCharsets.UTF_8))
        .isEqualTo(write(profiles, HeaderLine.EVENT_NAME));
  }

  private static void assertReadsBackAs(JsonNode node, Profile profile) {
    assertThat(fieldNames(node))
        .containsExactly("identity", "all_identities", "updated", "profileProps");
    assertThat(node.get("identity").textValue()).isEqualTo(profile.identity());
    List<String> identities = new ArrayList<>();
    node.get("all_identities").forEach(i -> identities.add(i.textValue()));
    assertThat(identities).isEqualTo(profile.allIdentities());
    assertThat(node.get("updated").isIntegralNumber()).isTrue();
    assertThat(node.get("updated").longValue()).isEqualTo(SampleEvents.ts(profile.updated()));
    Map<String, String> properties = new LinkedHashMap<>();
    node.get("profileProps")
        .properties()
        .forEach(p -> properties.put(p.getKey(), p.getValue().textValue()));
    assertThat(properties).containsExactlyEntriesOf(profile.properties());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.properties().forEach(p -> names.add(p.getKey()));
    return names;
  }

  private static JsonProfileWriter open(OutputStream out, HeaderLine headerLine)
      throws IOException {
    return new JsonProfileWriter(out, headerLine);
  }

  private static String write(List<Profile> profiles, HeaderLine headerLine) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonProfileWriter writer = open(bytes, headerLine)) {
      for (Profile profile : profiles) {
        writer.write(profile);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Lines split at {@code \n} only: a raw CR or LF inside a line would show as an extra line. */
  private static List<String> lines(String text) {
    assertThat(text).endsWith("\n");
    return List.of(text.substring(0, text.length() - 1).split("\n", -1));
  }
}
