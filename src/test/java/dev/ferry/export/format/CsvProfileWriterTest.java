package dev.ferry.export.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.store.Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvProfileWriterTest {
  private static final CSVFormat RFC_4180 =
      CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
  private static final ObjectMapper JACKSON = new ObjectMapper();

  @Test
  void profilesReadBackWithCommonsCsvEqualTheProfilesWritten() throws IOException {
    List<Profile> profiles = SampleProfiles.awkward();
    List<String> columns = SampleProfiles.columns(profiles);

    try (CSVParser parser = RFC_4180.parse(new StringReader(write(profiles, columns)))) {
      List<String> header = new ArrayList<>(List.of("identity", "all_identities", "updated"));
      header.addAll(columns);
      assertThat(parser.getHeaderNames()).isEqualTo(header);
      List<CSVRecord> rows = parser.getRecords();
      assertThat(rows).hasSize(profiles.size());
      for (int i = 0; i < profiles.size(); i++) {
        assertReadsBackAs(rows.get(i), profiles.get(i), columns);
      }
    }
  }

  @Test
  void headerWithoutPropertiesHasTheThreeFixedColumns() throws IOException {
    Profile profile =
        SampleProfiles.profile("john", List.of("john"), "2017-11-09T00:00:15Z", Map.of());

    assertThat(write(List.of(profile), List.of()))
        .isEqualTo("identity,all_identities,updated\njohn,\"[\"\"john\"\"]\",20171109000015\n");
  }

  @Test
  void allIdentitiesIsTheTextOfAJsonArrayOfStrings() throws IOException {
    Profile profile =
        SampleProfiles.profile(
            "a", List.of("a", "b;c", "d\\e\u0001"), "2017-11-09T00:00:15Z", Map.of("p", "1"));

    assertThat(write(List.of(profile), List.of("p")))
        .isEqualTo(
            "identity,all_identities,updated,p\n"
                + "a,\"[\"\"a\"\",\"\"b;c\"\",\"\"d\\\\e\\u0001\"\"]\",20171109000015,1\n");
  }

  @Test
  void propertyNamedLikeAFixedColumnOrThePrefixHasAPrefixedHeader() throws IOException {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("all_identities", "1");
    properties.put("identity", "2");
    properties.put("prop_x", "3");
    properties.put("updated", "4");
    properties.put("x", "5");
    Profile profile = SampleProfiles.profile("a", List.of("a"), "2017-11-09T00:00:15Z", properties);

    assertThat(write(List.of(profile), List.copyOf(properties.keySet())))
        .isEqualTo(
            "identity,all_identities,updated,prop_all_identities,prop_identity,prop_prop_x,"
                + "prop_updated,x\na,\"[\"\"a\"\"]\",20171109000015,1,2,3,4,5\n");
  }

  @Test
  void propertyOutsideTheColumnsIsRefused() {
    Profile profile =
        SampleProfiles.profile("a", List.of("a"), "2017-11-09T00:00:15Z", Map.of("b", "1"));

    assertThatThrownBy(() -> write(List.of(profile), List.of("a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("property \"b\" is not one of the CSV columns [a]");
  }

  @Test
  void columnGivenTwiceIsRefused() {
    assertThatThrownBy(() -> write(List.of(), List.of("a", "a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("property column \"a\" is given twice");
  }

  @Test
  void gzippedProfilesReadBackThroughTheJdk() throws IOException {
    List<Profile> profiles = SampleProfiles.awkward();
    List<String> columns = SampleProfiles.columns(profiles);
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    write(profiles, columns, Compression.gzip(gzipped, Compression.DEFAULT_LEVEL));

    assertThat(new String(SampleEvents.gunzip(gzipped.toByteArray()), StandardCharsets.UTF_8))
        .isEqualTo(write(profiles, columns));
  }

  private static void assertReadsBackAs(CSVRecord row, Profile profile, List<String> columns)
      throws IOException {
    assertThat(row.get("identity")).isEqualTo(withoutLoneSurrogate(profile.identity()));
    assertThat(JACKSON.readValue(row.get("all_identities"), new TypeReference<List<String>>() {}))
        .isEqualTo(profile.allIdentities());
    assertThat(Long.parseLong(row.get("updated"))).isEqualTo(SampleEvents.ts(profile.updated()));
    Map<String, String> expected = new LinkedHashMap<>();
    Map<String, String> actual = new LinkedHashMap<>();
    for (String column : columns) {
      expected.put(column, withoutLoneSurrogate(profile.properties().getOrDefault(column, "")));
      actual.put(column, row.get(column));
    }
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  private static String withoutLoneSurrogate(String text) {
    return text.replace(SampleEvents.LONE_SURROGATE, "lone\uFFFDx");
  }

  private static String write(List<Profile> profiles, List<String> columns) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    write(profiles, columns, bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void write(List<Profile> profiles, List<String> columns, OutputStream out)
      throws IOException {
    try (CsvProfileWriter writer = new CsvProfileWriter(out, columns)) {
      for (Profile profile : profiles) {
        writer.write(profile);
      }
    }
  }
}
