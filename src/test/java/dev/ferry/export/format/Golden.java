package dev.ferry.export.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The golden files of the writers under {@code export/format/golden/}. With {@code
 * -Dferry.golden.update=true} the actual bytes are written there first, for review of the diff.
 */
final class Golden {
  private static final Path GOLDEN = Path.of("src/test/resources/export/format/golden");

  private Golden() {}

  /** Asserts that {@code actual} equals the golden {@code file} byte for byte. */
  static void assertMatches(String file, byte[] actual) throws IOException {
    if (Boolean.getBoolean("ferry.golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.write(GOLDEN.resolve(file), actual);
    }
    assertThat(new String(actual, StandardCharsets.UTF_8))
        .isEqualTo(Files.readString(GOLDEN.resolve(file)));
    assertThat(actual).isEqualTo(Files.readAllBytes(GOLDEN.resolve(file)));
  }
}
