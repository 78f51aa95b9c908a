package dev.ferry.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TableScheduleTest {
  private static final LocalTime ANCHOR = LocalTime.of(2, 30);
  private static final Duration EVERY = Duration.ofHours(6);

  @Test
  void slotsAreTheAnchorPlusWholeIntervals() {
    assertThat(TableSchedule.latestSlot(ANCHOR, EVERY, Instant.parse("2026-03-01T09:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-01T08:30:00Z"));
    assertThat(TableSchedule.latestSlot(ANCHOR, EVERY, Instant.parse("2026-03-01T02:30:00Z")))
        .isEqualTo(Instant.parse("2026-03-01T02:30:00Z"));
  }

  @Test
  void beforeTheAnchorTheSlotsCountFromYesterdaysAnchor() {
    assertThat(TableSchedule.latestSlot(ANCHOR, EVERY, Instant.parse("2026-03-01T01:00:00Z")))
        .isEqualTo(Instant.parse("2026-02-28T20:30:00Z"));
  }

  @Test
  void dueOnceASlotHasPassedWithoutARunStartedSince() {
    Instant now = Instant.parse("2026-03-01T09:00:00Z");

    assertThat(TableSchedule.due(ANCHOR, EVERY, Optional.empty(), now)).isTrue();
    assertThat(
            TableSchedule.due(
                ANCHOR, EVERY, Optional.of(Instant.parse("2026-03-01T08:00:00Z")), now))
        .isTrue();
    assertThat(
            TableSchedule.due(
                ANCHOR, EVERY, Optional.of(Instant.parse("2026-03-01T08:30:00Z")), now))
        .isFalse();
  }
}
