package dev.ferry.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.objectstore.S3Connection;
import dev.ferry.testing.FaultyRoute;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports through a proxy that fails about 10 % of S3 requests (500, 503, resets, stalls) end
 * exactly like imports over a clean connection.
 */
class ImportThroughFaultsTest {
  private static final int FILES = 24;

  @TempDir Path clean;
  @TempDir Path faulty;

  @Test
  void faultsChangeNothingInStoreOrBucket() throws Exception {
    Result expected = importAll(clean, Function.identity());
    Result actual = importThroughProxy();
    assertThat(actual.records()).isEqualTo(expected.records()).hasSize(FILES * 6);
    assertThat(actual.bucket()).isEqualTo(expected.bucket());
  }

  private Result importThroughProxy() throws Exception {
    try (FaultyRoute route = new FaultyRoute(7)) {
      Result result = importAll(faulty, route);
      assertThat(route.proxy().injectedTotal())
          .as("faults injected: %s", route.proxy().injected())
          .isGreaterThan(5);
      assertThat(route.proxy().injected().values().stream().filter(n -> n > 0).count())
          .as("kinds of faults injected: %s", route.proxy().injected())
          .isGreaterThanOrEqualTo(3);
      return result;
    }
  }

  private static Result importAll(Path dir, Function<S3Connection, S3Connection> route)
      throws Exception {
    try (ImportFixture fixture = new ImportFixture(dir, 4, route)) {
      for (int file = 0; file < FILES; file++) {
        fixture.upload(String.format("in/accounts_%02d.csv", file), content(file));
      }
      fixture.create(settings());
      for (int run = 0;
          run < 10 && fixture.keys().stream().anyMatch(k -> k.startsWith("in/"));
          run++) {
        fixture.imports.runAndWait("accounts");
      }
      Map<String, String> bucket = new TreeMap<>();
      for (String key : fixture.keys()) {
        bucket.put(key, fixture.read(key));
      }
      return new Result(fixture.records(), bucket);
    }
  }

  private static String content(int file) {
    StringBuilder csv = new StringBuilder("Identity,Timestamp,Event,Plan\n");
    for (int row = 0; row < 7; row++) {
      String identity = row == 3 ? "" : "user" + file + "-" + row;
      csv.append(identity)
          .append(',')
          .append(1_700_000_000 + file * 10 + row)
          .append(",Paid,p")
          .append(row)
          .append('\n');
    }
    return csv.toString();
  }

  private static Map<String, Object> settings() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("name", "accounts");
    settings.put("bucket", ImportFixture.BUCKET);
    settings.put("folder", "in");
    settings.put("base-filename", "accounts.csv");
    settings.put("files-per-run", FILES);
    return settings;
  }

  private record Result(List<String> records, Map<String, String> bucket) {}
}
