package dev.ferry.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.export.EventExportDefinition.Format;
import dev.ferry.export.EventExportDefinition.Type;
import dev.ferry.store.RevisionPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Golden files of whole event and profile export runs (SPEC §5): fixed records, a fixed clock, and
 * every object of the run (gunzipped when gzipped; Parquet as it is) compared byte for byte with
 * {@code export/events/golden/<type>-<format>/}, keys included.
 *
 * <p>To regenerate after a deliberate change, run with {@code -Dferry.golden.update=true} and
 * review the diff. The Parquet files are DuckDB's bytes: a DuckDB upgrade may change them.
 */
class EventExportGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/export/events/golden");

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Format.class)
  void eventRunsGiveTheGoldenFiles(Format format) throws IOException {
    assertGolden(Type.ALL_EVENTS, format);
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void profileRunsGiveTheGoldenFiles(Format format) throws IOException {
    assertGolden(Type.PROFILES, format);
  }

  private void assertGolden(Type type, Format format) throws IOException {
    String name = type.shown() + "-" + format.shown();
    Path golden = GOLDEN.resolve(name);
    try (ExportFixture fixture = new ExportFixture(dir, RevisionPolicy.DEFAULT)) {
      fixture.append(EventExportTest.sample(0), Duration.ofMinutes(1));
      fixture.run(ExportFixture.events("golden", type, format));
      List<String> keys = fixture.keys();
      if (Boolean.getBoolean("ferry.golden.update")) {
        Files.createDirectories(golden);
        for (String key : keys) {
          Files.write(golden.resolve(file(key)), content(fixture, key));
        }
      }
      try (Stream<Path> files = Files.list(golden)) {
        assertThat(files.map(f -> f.getFileName().toString()))
            .containsExactlyInAnyOrderElementsOf(
                keys.stream().map(EventExportGoldenTest::file).toList());
      }
      for (String key : keys) {
        byte[] expected = Files.readAllBytes(golden.resolve(file(key)));
        byte[] actual = content(fixture, key);
        if (!key.endsWith(".parquet")) {
          assertThat(new String(actual, StandardCharsets.UTF_8))
              .as(key)
              .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        }
        assertThat(actual).as(key).isEqualTo(expected);
      }
    }
  }

  private static String file(String key) {
    return key.toLowerCase(Locale.ROOT).endsWith(".gz") ? key.substring(0, key.length() - 3) : key;
  }

  private static byte[] content(ExportFixture fixture, String key) {
    byte[] bytes = fixture.bytes(key);
    return key.endsWith(".gz") ? ExportedFiles.gunzip(bytes) : bytes;
  }
}
