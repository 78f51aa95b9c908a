package dev.ferry.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.objectstore.S3Connection;
import dev.ferry.testing.FaultyRoute;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Syncs through a proxy that fails about 10 % of S3 requests (500, 503, resets, mid-body resets,
 * stalls) end, once the files that failed are tried again as the next runs do, with the same tables
 * as syncs over a clean connection.
 */
class TableSyncThroughFaultsTest {
  @TempDir Path clean;
  @TempDir Path faulty;

  @Test
  void faultsChangeNothingInTheTables() {
    List<List<String>> expected = syncAll(clean, Function.identity());
    try (FaultyRoute route = new FaultyRoute(23)) {
      List<List<String>> actual = syncAll(faulty, route);
      assertThat(actual).isEqualTo(expected);
      assertThat(route.proxy().injectedTotal()).isPositive();
    }
    assertThat(expected).as("3,500 keys upserted, 6,000 rows appended").hasSize(3_500 + 6_000);
  }

  private static List<List<String>> syncAll(Path dir, Function<S3Connection, S3Connection> route) {
    try (TablesFixture fixture = new TablesFixture(dir, route)) {
      for (int file = 0; file < 6; file++) {
        fixture.put("part-" + file + ".csv", csv(file));
      }
      TableIntegration integration = integration();
      for (int run = 0; run < 20 && !done(fixture.sync(integration)); run++) {
        assertThat(run).as("runs until every file loaded").isLessThan(19);
      }
      return fixture.query(
          "SELECT * EXCLUDE (_ferry_loaded_at) FROM t_faults.keyed UNION ALL"
              + " SELECT * EXCLUDE (_ferry_loaded_at) FROM t_faults.appended ORDER BY ALL");
    }
  }

  private static boolean done(List<TableReport> reports) {
    return reports.stream().allMatch(r -> r.filesFailed().isEmpty());
  }

  /** 1,000 rows of about 100 bytes; each file updates half the keys of the one before. */
  private static byte[] csv(int file) {
    StringBuilder csv = new StringBuilder("id,name,note\n");
    for (int i = 500 * file; i < 500 * file + 1_000; i++) {
      csv.append(i).append(",name ").append(i).append(" of file ").append(file);
      csv.append(",\"a note, with a comma and some padding text to make the row longer\"\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static TableIntegration integration() {
    Pattern all = Pattern.compile("^part-.*\\.csv$");
    return new TableIntegration(
        "faults",
        TablesFixture.BUCKET,
        Instant.parse("2020-01-01T00:00:00Z"),
        TableIntegration.DEFAULT_EVERY,
        Optional.empty(),
        List.of(
            new TableSpec("keyed", "", all, List.of("id"), List.of(), ',', List.of(), false),
            new TableSpec("appended", "", all, List.of(), List.of(), ',', List.of(), false)),
        Optional.empty());
  }
}
