package dev.ferry.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.event.Event;
import dev.ferry.event.SetProperties;
import dev.ferry.export.EventExportDefinition.Format;
import dev.ferry.export.EventExportDefinition.Type;
import dev.ferry.store.Profile;
import dev.ferry.store.ProfileCursor;
import dev.ferry.store.RevisionPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profile exports (SPEC §5 with §1's profiles): each run writes the current state of the profiles
 * its window's records touched, read back by Jackson's tree (JSON) and DuckDB (Parquet) and
 * compared with the store's profiles.
 */
class ProfileExportTest {
  private static final DateTimeFormatter RUN =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

  @TempDir Path dir;
  private ExportFixture fixture;

  @BeforeEach
  void start() {
    fixture = new ExportFixture(dir, RevisionPolicy.DEFAULT);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void jsonProfilesHoldTheLatestValuesAndEveryLinkedIdentity() throws Exception {
    fixture.append(EventExportTest.sample(0), Duration.ofMinutes(1));
    EventExportDefinition definition = ExportFixture.events("pr", Type.PROFILES, Format.JSON);

    String run = RUN.format(fixture.clock.instant());
    fixture.run(definition);

    assertThat(exported(run, definition)).isEqualTo(storeProfiles(Set.of()));
    assertThat(fixture.keys())
        .containsExactlyInAnyOrder(
            "pr-" + run + "-profiles-" + DAY.format(fixture.clock.instant()) + "-0-db1.json.gz",
            "pr-" + run + "-manifest.json");
  }

  @Test
  void aLaterRunExportsOnlyTheProfilesItsRecordsTouchedWithTheirWholeState() throws Exception {
    EventExportDefinition definition = ExportFixture.events("pr", Type.PROFILES, Format.JSON);
    fixture.append(EventExportTest.sample(0), Duration.ofMinutes(1));
    fixture.run(definition);
    fixture.clock.advance(Duration.ofHours(4));
    fixture.append(
        List.of(
            new SetProperties("user-3", fixture.clock.instant(), Map.of("plan", "enterprise")),
            new Event("user-5", fixture.clock.instant(), "Viewed Page", Map.of("seen", "yes"))),
        Duration.ofMinutes(1));

    String run = RUN.format(fixture.clock.instant());
    fixture.run(definition);

    List<Map<String, Object>> second = exported(run, definition);
    assertThat(second).isEqualTo(storeProfiles(Set.of("user-3", "user-5")));
    assertThat(second).extracting(p -> p.get("identity")).containsExactly("user-2", "user-5");
    assertThat(second.get(0).get("all_identities")).isEqualTo(List.of("user-2", "user-3"));
    @SuppressWarnings("unchecked")
    Map<String, String> properties = (Map<String, String>) second.get(0).get("properties");
    assertThat(properties).containsEntry("plan", "enterprise");
  }

  @Test
  void parquetProfilesReadByDuckDbEqualTheStoresProfiles() throws Exception {
    fixture.append(EventExportTest.sample(0), Duration.ofMinutes(1));
    EventExportDefinition definition = ExportFixture.events("pq", Type.PROFILES, Format.PARQUET);

    String run = RUN.format(fixture.clock.instant());
    fixture.run(definition);

    JsonNode manifest = ExportedFiles.JSON.readTree(fixture.read("pq-" + run + "-manifest.json"));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode file : manifest.get("files")) {
      assertThat(file.get("key").asText()).endsWith("-db1.parquet");
      rows.addAll(parquet(fixture.bytes(file.get("key").asText())));
    }
    assertThat(rows).isEqualTo(storeProfiles(Set.of()));
  }

  /** The profiles of the run's files, in file order, as maps. */
  private List<Map<String, Object>> exported(String run, EventExportDefinition definition)
      throws Exception {
    JsonNode manifest =
        ExportedFiles.JSON.readTree(fixture.read(definition.name() + "-" + run + "-manifest.json"));
    List<Map<String, Object>> profiles = new ArrayList<>();
    for (JsonNode file : manifest.get("files")) {
      String text =
          new String(
              ExportedFiles.gunzip(fixture.bytes(file.get("key").asText())),
              StandardCharsets.UTF_8);
      String[] lines = text.split("\n");
      assertThat(lines[0]).isEqualTo("profiles");
      for (int i = 1; i < lines.length; i++) {
        JsonNode line = ExportedFiles.JSON.readTree(lines[i]);
        List<String> identities = new ArrayList<>();
        line.get("all_identities").forEach(id -> identities.add(id.asText()));
        profiles.add(
            profile(
                line.get("identity").asText(),
                identities,
                line.get("updated").asText(),
                ExportedFiles.strings(line.get("profileProps"))));
      }
    }
    return profiles;
  }

  private static List<Map<String, Object>> parquet(byte[] bytes) throws Exception {
    Path file =
        Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "p", ".parquet");
    Files.write(file, bytes);
    List<Map<String, Object>> profiles = new ArrayList<>();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        var statement = duck.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT identity, CAST(to_json(all_identities) AS VARCHAR),"
                    + " strftime(updated, '%Y%m%d%H%M%S'),"
                    + " CAST(to_json(map_entries(properties)) AS VARCHAR) FROM read_parquet('"
                    + file
                    + "')")) {
      while (rows.next()) {
        List<String> identities = new ArrayList<>();
        ExportedFiles.JSON.readTree(rows.getString(2)).forEach(id -> identities.add(id.asText()));
        Map<String, String> properties = new LinkedHashMap<>();
        for (JsonNode entry : ExportedFiles.JSON.readTree(rows.getString(4))) {
          properties.put(entry.get("key").asText(), entry.get("value").asText());
        }
        profiles.add(profile(rows.getString(1), identities, rows.getString(3), properties));
      }
    } finally {
      Files.delete(file);
    }
    return profiles;
  }

  /** The store's profiles (all, or those with an identity in {@code touched}) as maps. */
  private List<Map<String, Object>> storeProfiles(Set<String> touched) {
    List<Map<String, Object>> profiles = new ArrayList<>();
    try (ProfileCursor cursor = fixture.store.profiles().profiles()) {
      while (cursor.hasNext()) {
        Profile p = cursor.next();
        if (touched.isEmpty() || p.allIdentities().stream().anyMatch(touched::contains)) {
          profiles.add(
              profile(
                  p.identity(),
                  p.allIdentities(),
                  DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                      .withZone(ZoneOffset.UTC)
                      .format(p.updated()),
                  p.properties()));
        }
      }
    }
    return profiles;
  }

  private static Map<String, Object> profile(
      String identity, List<String> identities, String updated, Map<String, String> properties) {
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("identity", identity);
    profile.put("all_identities", identities);
    profile.put("updated", updated);
    profile.put("properties", Map.copyOf(properties));
    return profile;
  }
}
