package dev.ferry.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void spacesDotsQuotesAndOtherScriptsBecomeUnderscoresAndAccentsAreDropped() {
    assertThat(Names.sanitize("First Name")).isEqualTo("first_name");
    assertThat(Names.sanitize("order.total ($)")).isEqualTo("order_total");
    assertThat(Names.sanitize("\"quoted\" 'name'")).isEqualTo("quoted_name");
    assertThat(Names.sanitize("Café Crème")).isEqualTo("cafe_creme");
    assertThat(Names.sanitize("名前 name")).isEqualTo("name");
    assertThat(Names.sanitize("2024 sales")).isEqualTo("_2024_sales");
    assertThat(Names.sanitize("x".repeat(200))).hasSize(127);
  }

  @Test
  void collisionsWithinAHeaderAndWithMetadataGetSuffixesInHeaderOrder() {
    List<String> header = List.of("a b", "a.b", "A_B", "", "名前", "_ferry_extra", "id");
    assertThat(Names.columns(header, Set.of("_ferry_extra")))
        .containsExactly("a_b", "a_b_2", "a_b_3", "column_4", "column_5", "_ferry_extra_2", "id");
  }
}
