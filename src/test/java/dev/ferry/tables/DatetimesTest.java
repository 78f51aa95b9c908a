package dev.ferry.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatetimesTest {

  @Test
  void isoWithAndWithoutOffsetAndTheSpaceFormAreRead() {
    assertThat(Datetimes.parse("2024-03-01T10:15:30Z")).contains(at("2024-03-01T10:15:30Z"));
    assertThat(Datetimes.parse("2024-03-01T12:15:30+02:00")).contains(at("2024-03-01T10:15:30Z"));
    assertThat(Datetimes.parse("2024-03-01T05:15:30-0500")).contains(at("2024-03-01T10:15:30Z"));
    assertThat(Datetimes.parse("2024-03-01T10:15:30")).contains(at("2024-03-01T10:15:30Z"));
    assertThat(Datetimes.parse("2024-03-01 10:15:30")).contains(at("2024-03-01T10:15:30Z"));
    assertThat(Datetimes.parse("2024-03-01 10:15:30.123456"))
        .contains(at("2024-03-01T10:15:30.123456Z"));
    assertThat(Datetimes.parse("2024-03-01")).contains(at("2024-03-01T00:00:00Z"));
  }

  @Test
  void otherTextIsNotADatetime() {
    assertThat(Datetimes.parse("yesterday")).isEmpty();
    assertThat(Datetimes.parse("03/01/2024 10:15")).isEmpty();
    assertThat(Datetimes.parse("2024-13-01 10:15:30")).isEmpty();
  }

  @Test
  void theStoreGetsUtcWithMicroseconds() {
    assertThat(Datetimes.store(at("2024-03-01T10:15:30.5Z")))
        .isEqualTo("2024-03-01 10:15:30.500000");
  }

  @Test
  void normalizeIsParseThenStore() {
    for (String value :
        List.of(
            "2024-03-01 10:15:30",
            "2024-03-01T10:15:30",
            "2024-03-01 10:15:30.5",
            "2024-03-01T10:15:30.123456",
            "2024-02-29 23:59:59",
            "2023-02-29 10:15:30",
            "2024-03-01 24:00:00",
            "2024-03-01 10:60:30",
            "2024-03-01 10:15:30.1234567",
            " 2024-03-01 10:15:30",
            "2024-03-01T10:15:30Z",
            "2024-03-01T12:15:30+02:00",
            "0999-03-01 10:15:30",
            "2024-03-01",
            "2024-03-01 1a:15:30",
            "yesterday")) {
      assertThat(Datetimes.normalize(value))
          .as(value)
          .isEqualTo(Datetimes.parse(value).map(Datetimes::store).orElse(null));
    }
  }

  private static Instant at(String text) {
    return Instant.parse(text);
  }
}
