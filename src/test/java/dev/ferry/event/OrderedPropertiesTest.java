package dev.ferry.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderedPropertiesTest {
  private static final Instant T = Instant.parse("2024-03-01T10:00:00Z");

  @Test
  void keepsTheOrderAndEqualsAnyMapWithTheSameEntries() {
    var properties =
        OrderedProperties.of(new String[] {"b", "a", "c"}, new String[] {"2", "1", "3"}, 2);

    assertThat(properties.keySet()).containsExactly("b", "a");
    assertThat(properties)
        .isEqualTo(Map.of("a", "1", "b", "2"))
        .hasSameHashCodeAs(Map.of("a", "1", "b", "2"));
    assertThat(properties.get("a")).isEqualTo("1");
    assertThat(properties.get("c")).isNull();
    assertThat(properties.name(1)).isEqualTo("a");
    assertThat(properties.value(0)).isEqualTo("2");
  }

  @Test
  void recordsCopyOtherMapsInTheirOrderAndKeepOrderedOnesAsTheyAre() {
    var given = new LinkedHashMap<String, String>();
    given.put("z", "1");
    given.put("a", "2");
    var ordered = OrderedProperties.of(new String[] {"x"}, new String[] {"y"}, 1);

    var copied = new Event("ann", T, "Paid", given);
    given.put("later", "3");

    assertThat(copied.properties()).isInstanceOf(OrderedProperties.class);
    assertThat(copied.properties().keySet()).containsExactly("z", "a");
    assertThat(new Event("ann", T, "Paid", ordered).properties()).isSameAs(ordered);
  }

  @Test
  void rejectsANameGivenTwiceAnEmptyNameAndANullValue() {
    assertThatThrownBy(
            () -> OrderedProperties.of(new String[] {"a", "a"}, new String[] {"1", "2"}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("property \"a\" is given twice");
    assertThatThrownBy(() -> OrderedProperties.of(new String[] {""}, new String[] {"1"}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("property name must not be empty");
    assertThatThrownBy(() -> OrderedProperties.of(new String[] {"a"}, new String[] {null}, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value of property \"a\" must not be null");
  }

  @Test
  void isImmutable() {
    var properties = OrderedProperties.of(new String[] {"a"}, new String[] {"1"}, 1);

    assertThatThrownBy(() -> properties.put("b", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> properties.entrySet().iterator().next().setValue("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
