package dev.ferry.export.format;

import dev.ferry.export.format.JsonEventWriter.HeaderLine;
import dev.ferry.store.Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden files of the profile writers (SPEC §5): a small fixed set of profiles, written through
 * gzip at level 6 and gunzipped, gives byte for byte the files under {@code export/format/golden/}.
 *
 * <p>To regenerate after a deliberate format change, run with {@code -Dferry.golden.update=true}
 * and review the diff.
 */
class ProfileWritersGoldenTest {

  @Test
  void jsonGivesTheGoldenFile() throws IOException {
    assertGolden("profiles.json", out -> new JsonProfileWriter(out, HeaderLine.EVENT_NAME));
  }

  @Test
  void xmlGivesTheGoldenFile() throws IOException {
    assertGolden("profiles.xml", XmlProfileWriter::new);
  }

  @Test
  void csvGivesTheGoldenFile() throws IOException {
    assertGolden("profiles.csv", out -> new CsvProfileWriter(out, columns()));
  }

  interface Opener {
    ProfileWriter open(OutputStream out) throws IOException;
  }

  private static void assertGolden(String file, Opener opener) throws IOException {
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (ProfileWriter writer = opener.open(Compression.gzip(gzipped, Compression.DEFAULT_LEVEL))) {
      for (Profile profile : profiles()) {
        writer.write(profile);
      }
    }
    Golden.assertMatches(file, SampleEvents.gunzip(gzipped.toByteArray()));
  }

  private static List<Profile> profiles() {
    Map<String, String> awkward = new LinkedHashMap<>();
    awkward.put("plan", "Zürich 🚀");
    awkward.put("note", "said \"hi\", then\nleft <fast> & gone");
    awkward.put("empty", "");
    return List.of(
        SampleProfiles.profile("john", List.of("john"), "2017-11-09T00:00:15Z", properties()),
        SampleProfiles.profile(
            "jane@example.com",
            List.of("jane@example.com", "jane-device-7", "jane;old, \"x\""),
            "2017-11-09T08:30:00.500Z",
            awkward),
        SampleProfiles.profile("anon-42", List.of("anon-42"), "2017-11-09T23:59:59Z", Map.of()));
  }

  private static List<String> columns() {
    return SampleProfiles.columns(profiles());
  }

  private static Map<String, String> properties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("url", "https://example.com/a?b=1&c=2");
    properties.put("plan", "pro");
    return properties;
  }
}
