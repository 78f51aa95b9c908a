package dev.ferry.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.export.EventExportDefinition.Format;
import dev.ferry.export.EventExportDefinition.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFileKeysTest {
  private static final Instant END = Instant.parse("2017-11-09T00:00:15.700Z");

  @Test
  void keysFollowTheSpecPattern() {
    EventExportDefinition definition = ExportFixture.events("req-7", Type.ALL_EVENTS, Format.JSON);
    EventFileKeys keys = new EventFileKeys(definition, END, "db1");

    assertThat(keys.data("Viewed_Page", LocalDate.of(2017, 11, 8), 3))
        .isEqualTo("req-7-20171109000015-Viewed_Page-20171108-3-db1.json.gz");
    assertThat(keys.manifest()).isEqualTo("req-7-20171109000015-manifest.json");
  }

  @Test
  void parquetFilesAreNotGzipped() {
    EventExportDefinition definition = ExportFixture.events("req-7", Type.PROFILES, Format.PARQUET);

    assertThat(
            new EventFileKeys(definition, END, "db1")
                .data("profiles", LocalDate.of(2017, 11, 9), 0))
        .isEqualTo("req-7-20171109000015-profiles-20171109-0-db1.parquet");
  }

  @Test
  void charactersOutsideTheSafeSetBecomeUnderscoresOnePerCharacter() {
    assertThat(EventFileKeys.keySafe("Viewed Page/2 ü🚀.v1_a-b"))
        .isEqualTo("Viewed_Page_2___.v1_a-b");
  }

  @Test
  void namesThatWouldShareAKeyAreKeptApart() {
    Map<String, String> safe = EventFileKeys.safeNames(List.of("a b", "a_b", "a/b", "plain"));

    assertThat(safe.get("a_b")).isEqualTo("a_b");
    assertThat(safe.get("plain")).isEqualTo("plain");
    assertThat(safe.get("a b")).matches("a_b_[0-9a-f]{8}");
    assertThat(safe.get("a/b")).matches("a_b_[0-9a-f]{8}");
    assertThat(safe.values()).doesNotHaveDuplicates();
    assertThat(EventFileKeys.safeNames(List.of("a b"))).containsEntry("a b", "a_b");
  }
}
