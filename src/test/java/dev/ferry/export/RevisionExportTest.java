package dev.ferry.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.event.Alias;
import dev.ferry.event.Event;
import dev.ferry.event.SetProperties;
import dev.ferry.export.RevisionExportDefinition.Cutoff;
import dev.ferry.store.MutableClock;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.RunStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** Revision export against the embedded S3 and DuckDB, with a clock the test moves (SPEC §4). */
class RevisionExportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T = Instant.parse("2026-11-19T08:00:00Z");

  @TempDir Path dir;
  private ExportFixture fixture;

  @BeforeEach
  void start() {
    fixture = new ExportFixture(dir, new RevisionPolicy(Duration.ofMinutes(5), 1000));
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private static Event event(String who, int second) {
    return new Event(who, T.plusSeconds(second), "Visited", Map.of("n", String.valueOf(second)));
  }

  @Test
  void todaysRevisionsWaitUntilTheDayIsOver() {
    fixture.append(List.of(event("a", 1)), Duration.ofMinutes(10));
    fixture.append(List.of(event("b", 2)), Duration.ZERO);
    fixture.clock.set(Instant.parse("2026-11-20T23:58:00Z"));
    fixture.append(List.of(event("c", 3)), Duration.ZERO);
    fixture.clock.set(Instant.parse("2026-11-21T08:00:00Z"));

    ExportOutcome first = fixture.run(ExportFixture.definition("", Cutoff.YESTERDAY, false));

    assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(fixture.keys())
        .containsExactly("index.csv", "revisions/1.json", "revisions/2.json", "status.csv");
    assertThat(fixture.read("status.csv").lines().toList().get(1)).startsWith("3,2,");

    fixture.clock.set(Instant.parse("2026-11-22T00:00:00Z"));
    fixture.run(ExportFixture.definition("", Cutoff.YESTERDAY, false));
    assertThat(fixture.keys()).contains("revisions/3.json");
    assertThat(fixture.read("status.csv").lines().toList().get(1)).startsWith("3,3,");
  }

  @Test
  void closedCutoffPublishesEveryClosedRevisionButNotTheOpenOne() {
    fixture.append(List.of(event("a", 1)), Duration.ofMinutes(6));
    fixture.append(List.of(event("b", 2)), Duration.ofMinutes(1));

    fixture.run(ExportFixture.definition("exports/km/", Cutoff.CLOSED, false));

    assertThat(fixture.keys())
        .containsExactly(
            "exports/km/index.csv", "exports/km/revisions/1.json", "exports/km/status.csv");
  }

  @Test
  void aSecondRunAddsOnlyNewRevisionsAndNeverRewritesPublishedOnes() {
    var definition = ExportFixture.definition("", Cutoff.CLOSED, false);
    fixture.append(List.of(event("a", 1), event("b", 2)), Duration.ofMinutes(6));
    fixture.append(List.of(event("c", 3)), Duration.ofMinutes(6));
    fixture.run(definition);
    Map<String, String> before = fixture.etags();
    fixture.raw.putObject(
        b -> b.bucket(ExportFixture.BUCKET).key("revisions/2.json"),
        RequestBody.fromString("changed by the user\n"));

    fixture.append(List.of(event("d", 4)), Duration.ofMinutes(6));
    ExportOutcome second = fixture.run(definition);

    Map<String, String> after = fixture.etags();
    assertThat(after.get("revisions/1.json")).isEqualTo(before.get("revisions/1.json"));
    assertThat(fixture.read("revisions/2.json")).isEqualTo("changed by the user\n");
    assertThat(after).containsKey("revisions/3.json");
    assertThat(second.details()).contains("\"revisionsPublished\":1");
    assertThat(fixture.read("revisions/3.json")).contains("\"_p\":\"d\"");
  }

  @Test
  void aRevisionDeletedFromTheBucketIsNotWrittenAgain() {
    var definition = ExportFixture.definition("", Cutoff.CLOSED, false);
    fixture.append(List.of(event("a", 1)), Duration.ofMinutes(6));
    fixture.append(List.of(event("b", 2)), Duration.ofMinutes(6));
    fixture.run(definition);
    fixture.delete("revisions/1.json");

    fixture.append(List.of(event("c", 3)), Duration.ofMinutes(6));
    fixture.run(definition);

    assertThat(fixture.keys())
        .containsExactly("index.csv", "revisions/2.json", "revisions/3.json", "status.csv");
    assertThat(fixture.read("index.csv").lines()).hasSize(4);
  }

  @Test
  void filesHoldEachRevisionsRecordsInReceiveOrderWithTheGuideFiles() throws Exception {
    var properties = new LinkedHashMap<String, String>();
    properties.put("url", "http://mysite.com");
    properties.put("campaign name", "my campaign");
    fixture.append(
        List.of(
            new Event("john", T, "Visited Site", properties),
            new SetProperties("john", T.minusSeconds(86_400), Map.of("plan", "gold")),
            new Alias("john", "john@example.com", T.plusMillis(1999))),
        Duration.ofSeconds(30));
    fixture.append(List.of(event("mary", 9)), Duration.ofMinutes(10));

    fixture.run(ExportFixture.definition("", Cutoff.CLOSED, false));

    List<JsonNode> lines = new ArrayList<>();
    for (String line : fixture.read("revisions/1.json").split("\n")) {
      lines.add(JSON.readTree(line));
    }
    assertThat(lines).hasSize(4);
    long t = T.getEpochSecond();
    assertThat(lines.get(0).toString())
        .isEqualTo(
            "{\"_p\":\"john\",\"_t\":"
                + t
                + ",\"_n\":\"Visited Site\","
                + "\"url\":\"http://mysite.com\",\"campaign name\":\"my campaign\"}");
    assertThat(lines.get(1).toString())
        .isEqualTo("{\"_p\":\"john\",\"_t\":" + (t - 86_400) + ",\"plan\":\"gold\"}");
    assertThat(lines.get(2).toString())
        .isEqualTo("{\"_p\":\"john\",\"_t\":" + (t + 1) + ",\"_p2\":\"john@example.com\"}");
    assertThat(lines.get(3).get("_p").textValue()).isEqualTo("mary");
    long start = ExportFixture.START.getEpochSecond();
    assertThat(fixture.read("index.csv"))
        .isEqualTo(
            "filename,min_timestamp,max_timestamp,min_utc_date,max_utc_date\n"
                + "revisions/1.json,"
                + start
                + ","
                + (start + 30)
                + ",2026-11-20 10:00 GMT,2026-11-20 10:00 GMT\n");
    assertThat(fixture.read("status.csv"))
        .isEqualTo(
            "total_revisions,exported_revisions,max_exported_revision_timestamp,"
                + "max_exported_revision_utc_date\n"
                + "1,1,"
                + (start + 30)
                + ",2026-11-20 10:00 GMT\n");
  }

  @Test
  void dedupeDropsKissmetricsDuplicatesWithinEachRevisionOnly() {
    var ab = new LinkedHashMap<String, String>();
    ab.put("a", "1");
    ab.put("b", "2");
    var ba = new LinkedHashMap<String, String>();
    ba.put("b", "2");
    ba.put("a", "1");
    var first = new Event("john", T.plusMillis(100), "Bought", ab);
    var sameSecondOtherOrder = new Event("john", T.plusMillis(900), "Bought", ba);
    var otherValue = new Event("john", T.plusMillis(100), "Bought", Map.of("a", "1", "b", "3"));
    var otherSecond = new Event("john", T.plusMillis(1100), "Bought", ab);
    fixture.append(
        List.of(first, sameSecondOtherOrder, otherValue, otherSecond, first),
        Duration.ofMinutes(6));
    fixture.append(List.of(first), Duration.ofMinutes(6));

    ExportOutcome outcome = fixture.run(ExportFixture.definition("", Cutoff.CLOSED, true));

    assertThat(fixture.read("revisions/1.json").lines()).hasSize(3);
    assertThat(fixture.read("revisions/2.json").lines()).hasSize(1);
    assertThat(outcome.details()).contains("\"duplicatesDropped\":2");
  }

  @Test
  void theTimeBudgetStopsAfterAWholeRevisionAndTheNextRunGoesOn() {
    for (int i = 0; i < 4; i++) {
      fixture.append(List.of(event("p" + i, i), event("q" + i, i)), Duration.ofMinutes(6));
    }
    Instant now = fixture.clock.instant();
    MutableClock minuteEachRead = new MutableClock(now);
    minuteEachRead.stepEachRead(Duration.ofMinutes(1));

    ExportOutcome first =
        fixture.run(
            ExportFixture.definition("", Cutoff.CLOSED, false),
            minuteEachRead,
            now.plusSeconds(150));

    assertThat(first.status()).isEqualTo(RunStatus.PARTIAL);
    List<String> published =
        fixture.keys().stream().filter(key -> key.startsWith("revisions/")).toList();
    assertThat(published).isNotEmpty().hasSizeLessThan(4);
    published.forEach(key -> assertThat(fixture.read(key).lines()).hasSize(2));

    ExportOutcome second = fixture.run(ExportFixture.definition("", Cutoff.CLOSED, false));
    assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(fixture.keys()).contains("revisions/4.json");
    assertThat(fixture.read("status.csv").lines().toList().get(1)).startsWith("4,4,");
  }

  @Test
  void withNothingReadyTheGuideFilesSayNothingIsExported() {
    fixture.append(List.of(event("a", 1)), Duration.ZERO);

    ExportOutcome outcome = fixture.run(ExportFixture.definition("", Cutoff.CLOSED, false));

    assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(fixture.keys()).containsExactly("index.csv", "status.csv");
    assertThat(fixture.read("status.csv").lines().toList().get(1)).isEqualTo("1,0,,");
  }
}
