package dev.ferry.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordTest {
  private static final Instant T = Instant.parse("2024-03-01T10:00:00.123456789Z");

  @Test
  void namesUpTo255CharactersAreAccepted() {
    var name = "ü".repeat(255);

    var event = new Event(name, T, name, Map.of(name, "v"));

    assertThat(event.identity()).hasSize(255);
    assertThat(event.kind()).isEqualTo(Kind.EVENT);
  }

  @Test
  void identityOver255CharactersIsRejectedWithItsLengthAndPrefix() {
    var identity = "abcdefghij".repeat(26);

    assertThatThrownBy(() -> new Alias(identity, "b", T))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "identity is 260 characters, over the limit of 255: \""
                + identity.substring(0, 40)
                + "…\"");
  }

  @Test
  void eventAndPropertyNamesOver255CharactersAreRejected() {
    var tooLong = "x".repeat(256);

    assertThatThrownBy(() -> new Event("a", T, tooLong, Map.of()))
        .hasMessageStartingWith("event name is 256 characters");
    assertThatThrownBy(() -> new SetProperties("a", T, Map.of(tooLong, "v")))
        .hasMessageStartingWith("property name is 256 characters");
    assertThatThrownBy(() -> new Alias("a", tooLong, T))
        .hasMessageStartingWith("second identity is 256 characters");
  }

  @Test
  void emptyIdentityIsRejected() {
    assertThatThrownBy(() -> new Event("", T, "e", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("identity must not be empty");
  }

  @Test
  void propertiesRecordNeedsAProperty() {
    assertThatThrownBy(() -> new SetProperties("john", T, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("properties record for identity \"john\" must set at least one property");
  }

  @Test
  void nullPropertyValueIsRejectedNamingTheProperty() {
    var properties = new HashMap<String, String>();
    properties.put("plan", null);

    assertThatThrownBy(() -> new SetProperties("john", T, properties))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value of property \"plan\" must not be null");
  }

  @Test
  void propertiesKeepTheirOrderAndCannotChange() {
    var properties = new LinkedHashMap<String, String>();
    properties.put("z", "1");
    properties.put("a", "2");
    properties.put("m", "3");

    var event = new Event("john", T, "e", properties);
    properties.put("later", "4");

    assertThat(event.properties().keySet()).containsExactly("z", "a", "m");
    assertThatThrownBy(() -> event.properties().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void timestampsAreTruncatedToMilliseconds() {
    var alias = new Alias("a", "b", T);

    assertThat(alias.timestamp()).isEqualTo(Instant.parse("2024-03-01T10:00:00.123Z"));
    assertThat(alias).isEqualTo(new Alias("a", "b", Instant.parse("2024-03-01T10:00:00.123Z")));
  }

  @Test
  void eachRecordTypeNamesItsKind() {
    assertThat(new SetProperties("a", T, Map.of("k", "v")).kind()).isEqualTo(Kind.PROPERTIES);
    assertThat(new Alias("a", "b", T).kind()).isEqualTo(Kind.ALIAS);
  }
}
