package dev.ferry.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.integration.DefinitionException;
import dev.ferry.integration.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TableDefinitionsTest {

  private static Map<String, Object> table(Object... pairs) {
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("table", "customers");
    table.put("search-pattern", "customers.*\\.csv");
    for (int i = 0; i < pairs.length; i += 2) {
      table.put((String) pairs[i], pairs[i + 1]);
    }
    return table;
  }

  private static Map<String, Object> settings(Object... pairs) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("name", "crm");
    settings.put("bucket", "analytics");
    settings.put("start-date", "2026-01-01");
    settings.put("tables", List.of(table()));
    for (int i = 0; i < pairs.length; i += 2) {
      settings.put((String) pairs[i], pairs[i + 1]);
    }
    return settings;
  }

  @Test
  void defaultsAreEvery30mAllColumnsAsTextCommaDelimitedAppended() {
    TableIntegration read = TableDefinitions.read("", settings());

    assertThat(read.startDate()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(read.every()).isEqualTo(Duration.ofMinutes(30));
    assertThat(read.anchor()).isEmpty();
    assertThat(read.connection()).isEmpty();
    TableSpec table = read.tables().get(0);
    assertThat(table.table()).isEqualTo("customers");
    assertThat(table.searchPrefix()).isEmpty();
    assertThat(table.primaryKey()).isEmpty();
    assertThat(table.datetimeFields()).isEmpty();
    assertThat(table.delimiter()).isEqualTo(',');
    assertThat(table.columns()).isEmpty();
    assertThat(table.inferTypes()).isFalse();
  }

  @Test
  void everySettingReadsAndWritesBackTheSame() {
    Map<String, Object> settings =
        settings(
            "start-date",
            "2026-02-03T04:05:06Z",
            "every",
            "2h",
            "anchor",
            "02:30",
            "tables",
            List.of(
                table(
                    "table",
                    "Customer Accounts",
                    "search-prefix",
                    "crm/",
                    "primary-key",
                    List.of("id", "region"),
                    "datetime-fields",
                    List.of("updated_at"),
                    "delimiter",
                    "\\t",
                    "columns",
                    List.of("id", "region", "name"),
                    "infer-types",
                    true),
                table("table", "orders", "search-pattern", "^orders/.*")),
            "s3",
            Map.of("endpoint", "http://127.0.0.1:9000", "access-key", "AK", "secret-key", "SK"));

    TableIntegration read = TableDefinitions.read("", settings);
    Map<String, Object> written = TableDefinitions.toSettings(read, Secrets.KEPT);

    assertThat(read.anchor()).contains(LocalTime.of(2, 30));
    assertThat(read.tables().get(0).table()).isEqualTo("customer_accounts");
    assertThat(read.tables().get(0).delimiter()).isEqualTo('\t');
    assertThat(written.get("every")).isEqualTo("2h");
    assertThat(written.get("anchor")).isEqualTo("02:30");
    assertThat(TableDefinitions.toSettings(TableDefinitions.read("", written), Secrets.KEPT))
        .isEqualTo(written);
  }

  @Test
  void secretsAreMaskedWhenShown() {
    Map<String, Object> settings =
        settings("s3", Map.of("access-key", "AK", "secret-key", "the-secret"));

    Map<String, Object> shown =
        TableDefinitions.toSettings(TableDefinitions.read("", settings), Secrets.MASKED);

    assertThat(shown.toString()).doesNotContain("the-secret").contains("****");
  }

  @Test
  void aTabDelimiterMayBeWrittenAsTab() {
    TableIntegration read =
        TableDefinitions.read("", settings("tables", List.of(table("delimiter", "tab"))));

    assertThat(read.tables().get(0).delimiter()).isEqualTo('\t');
  }

  @Test
  void errorsInAFerryYamlEntryNameTheEntry() {
    assertThatThrownBy(
            () ->
                TableDefinitions.read(
                    "tables[3].",
                    settings(
                        "tables", List.of(table(), table("table", "x", "searchpattern", "a")))))
        .isInstanceOf(DefinitionException.class)
        .hasMessage("Unknown setting 'tables[3].tables[1].searchpattern'");
  }

  /** A change to the valid settings, and the one message it must give. */
  private record Invalid(Map<String, Object> settings, String message) {}

  private static Invalid top(String key, Object value, String message) {
    Map<String, Object> settings = settings();
    if (value == null) {
      settings.remove(key);
    } else {
      settings.put(key, value);
    }
    return new Invalid(settings, message);
  }

  private static Invalid inTable(String key, Object value, String message) {
    Map<String, Object> table = table();
    if (value == null) {
      table.remove(key);
    } else {
      table.put(key, value);
    }
    return new Invalid(settings("tables", List.of(table)), message);
  }

  private static List<Invalid> invalid() {
    List<Invalid> cases = new ArrayList<>();
    cases.add(top("name", null, "Missing setting name"));
    cases.add(
        top(
            "name",
            "c r m",
            "Invalid setting name = 'c r m': use 1 to 64 letters, digits, '-' or '_', starting"
                + " with a letter or digit"));
    cases.add(top("bucket", null, "Missing setting bucket"));
    cases.add(
        top(
            "bucket",
            "Bad_Bucket",
            "Invalid setting bucket = 'Bad_Bucket': not a valid S3 bucket name"));
    cases.add(top("start-date", null, "Missing setting start-date"));
    cases.add(
        top(
            "start-date",
            "yesterday",
            "Invalid setting start-date = 'yesterday': expected a date such as 2026-01-31 or a UTC"
                + " time with Z"));
    cases.add(top("every", "1m", "Invalid setting every = '1m': must be between 5m and 1d"));
    cases.add(top("every", "2d", "Invalid setting every = '2d': must be between 5m and 1d"));
    cases.add(
        top(
            "every",
            "often",
            "Invalid setting every = 'often': expected a duration such as 30s, 5m, 1h or 1d"));
    cases.add(
        top(
            "anchor",
            "25:00",
            "Invalid setting anchor = '25:00': expected a UTC time of day such as 02:30"));
    cases.add(top("tables", null, "Missing setting tables"));
    cases.add(top("tables", List.of(), "Missing setting tables"));
    cases.add(
        top(
            "tables",
            "customers",
            "Invalid setting tables = 'customers': expected a list of mappings"));
    cases.add(
        top(
            "tables",
            List.of("customers"),
            "Invalid setting tables[0] = 'customers': expected a mapping"));
    cases.add(
        top(
            "tables",
            List.of(table(), table("table", "Customers!")),
            "Invalid setting tables[1].table = 'customers': another table of this integration has"
                + " this name"));
    cases.add(top("prefix", "x/", "Unknown setting 'prefix'"));
    cases.add(top("s3", Map.of("secret", "x"), "Unknown setting 's3.secret'"));
    cases.add(inTable("table", null, "Missing setting tables[0].table"));
    cases.add(
        inTable(
            "table",
            "!!!",
            "Invalid setting tables[0].table = '!!!': needs at least one letter or digit (names"
                + " keep a-z, 0-9 and _)"));
    cases.add(
        inTable(
            "table",
            "t".repeat(128),
            "Invalid setting tables[0].table = '" + "t".repeat(128) + "': at most 127 characters"));
    cases.add(inTable("search-pattern", null, "Missing setting tables[0].search-pattern"));
    cases.add(
        inTable(
            "search-pattern",
            "customers(.csv",
            "Invalid setting tables[0].search-pattern = 'customers(.csv': not a valid regular"
                + " expression: Unclosed group"));
    cases.add(
        inTable(
            "delimiter",
            ";;",
            "Invalid setting tables[0].delimiter = ';;': expected one ASCII character such as , ;"
                + " | or tab"));
    cases.add(
        inTable(
            "primary-key", "id", "Invalid setting tables[0].primary-key = 'id': expected a list"));
    cases.add(
        inTable(
            "datetime-fields",
            List.of("updated", "  "),
            "Invalid setting tables[0].datetime-fields = '[updated, ]': every field needs at least"
                + " one letter or digit"));
    cases.add(
        inTable(
            "infer-types",
            "yes",
            "Invalid setting tables[0].infer-types = 'yes': expected true or false"));
    cases.add(inTable("primary_key", List.of("id"), "Unknown setting 'tables[0].primary_key'"));
    return cases;
  }

  @Test
  void eachInvalidSettingIsRefusedWithOnePreciseMessage() {
    for (Invalid invalid : invalid()) {
      assertThatThrownBy(() -> TableDefinitions.read("", invalid.settings()))
          .as(invalid.message())
          .isInstanceOf(DefinitionException.class)
          .hasMessage(invalid.message());
    }
  }

  @Test
  void noConnectionMeansTheServersOwnS3() {
    assertThat(TableDefinitions.read("", settings()).connection()).isEqualTo(Optional.empty());
  }
}
