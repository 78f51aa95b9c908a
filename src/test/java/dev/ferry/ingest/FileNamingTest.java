package dev.ferry.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamingTest {
  private final FileMatcher matcher = new FileMatcher("incoming/", "accounts.csv");

  @ParameterizedTest
  @CsvSource({
    "incoming/accounts.csv, true",
    "incoming/accounts_2026-11-25.csv, true",
    "incoming/accounts-b.csv.gz, true",
    "incoming/Accounts.csv, false",
    "incoming/accounts.txt, false",
    "incoming/accounts.csv.bak, false",
    "incoming/sub/accounts.csv, false",
    "accounts.csv, false",
    "incoming/completed_imports/2026/11/25/accounts.csv, false",
    "incoming/accounts.gz, false",
  })
  void matchesBaseFilenameDirectlyInTheFolder(String key, boolean expected) {
    assertThat(matcher.matches(key)).isEqualTo(expected);
  }

  @Test
  void rootFolderNeverMatchesFinishedFiles() {
    FileMatcher root = new FileMatcher("", "accounts.csv");

    assertThat(root.matches("accounts1.csv")).isTrue();
    assertThat(root.matches("completed_imports/2026/11/25/accounts.csv")).isFalse();
    assertThat(root.matches("failed_imports/2026/11/25/accounts.csv")).isFalse();
    assertThat(root.listPrefix()).isEqualTo("accounts");
  }

  @Test
  void completedKeyDropsTheFolderAndUsesTheUtcDay() {
    String key =
        DestinationKeys.completed(LocalDate.of(2026, 1, 5), "incoming/accounts.csv", k -> false);

    assertThat(key).isEqualTo("completed_imports/2026/01/05/accounts.csv");
  }

  @Test
  void takenNamesGetTheNextFreeSuffix() {
    Set<String> taken =
        Set.of(
            "completed_imports/2026/01/05/accounts.csv.gz",
            "completed_imports/2026/01/05/accounts-1.csv.gz");

    String key =
        DestinationKeys.completed(LocalDate.of(2026, 1, 5), "in/accounts.csv.gz", taken::contains);

    assertThat(key).isEqualTo("completed_imports/2026/01/05/accounts-2.csv.gz");
  }

  @Test
  void failedFilesGoToTheirOwnFolder() {
    assertThat(DestinationKeys.failed(LocalDate.of(2026, 12, 31), "accounts.csv", k -> false))
        .isEqualTo("failed_imports/2026/12/31/accounts.csv");
    assertThat(DestinationKeys.withSuffix("accounts.csv", 3)).isEqualTo("accounts-3.csv");
  }
}
