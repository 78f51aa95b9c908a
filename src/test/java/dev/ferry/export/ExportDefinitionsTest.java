package dev.ferry.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.export.RevisionExportDefinition.Cutoff;
import dev.ferry.integration.DefinitionException;
import dev.ferry.integration.Secrets;
import dev.ferry.objectstore.S3Credentials;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExportDefinitionsTest {

  @Test
  void defaultsMatchTheDocumentedOnes() {
    RevisionExportDefinition definition =
        (RevisionExportDefinition)
            ExportDefinitions.read(
                "", Map.of("name", "nightly", "kind", "revisions", "bucket", "exports"));

    assertThat(definition)
        .isEqualTo(
            new RevisionExportDefinition(
                "nightly",
                "exports",
                "",
                Duration.ofHours(12),
                Duration.ofHours(1),
                Cutoff.YESTERDAY,
                false,
                Optional.empty()));
  }

  @Test
  void settingsWrittenForTheStoreReadBackTheSame() {
    RevisionExportDefinition definition =
        (RevisionExportDefinition)
            ExportDefinitions.read(
                "",
                Map.of(
                    "name", "nightly",
                    "kind", "Revisions",
                    "bucket", "exports",
                    "prefix", "/km/out",
                    "every", "30m",
                    "time-budget", "90s",
                    "cutoff", "CLOSED",
                    "dedupe", "true",
                    "s3",
                        Map.of("region", "eu-west-1", "access-key", "AK", "secret-key", "s3cr3t")));

    assertThat(definition.prefix()).isEqualTo("km/out/");
    assertThat(definition.cutoff()).isEqualTo(Cutoff.CLOSED);
    assertThat(definition.connection().orElseThrow().credentials())
        .isEqualTo(new S3Credentials.StaticKeys("AK", "s3cr3t"));
    assertThat(ExportDefinitions.read("", ExportDefinitions.toSettings(definition, Secrets.KEPT)))
        .isEqualTo(definition);
    assertThat(ExportDefinitions.toSettings(definition, Secrets.MASKED).toString())
        .contains("secret-key=****")
        .doesNotContain("s3cr3t");
  }

  @Test
  void errorsNameTheEntryOfTheList() {
    assertThatThrownBy(
            () ->
                ExportDefinitions.read(
                    "exports[1].",
                    Map.of(
                        "name",
                        "n",
                        "kind",
                        "revisions",
                        "bucket",
                        "bkt",
                        "every",
                        "1m",
                        "cron",
                        "x")))
        .isInstanceOf(DefinitionException.class)
        .hasMessage("Unknown setting 'exports[1].cron'");
    assertThatThrownBy(
            () ->
                ExportDefinitions.read(
                    "exports[1].",
                    Map.of("name", "n", "kind", "revisions", "bucket", "bkt", "time-budget", "2d")))
        .hasMessage("Invalid setting exports[1].time-budget = '2d': must be between 1s and 1d");
  }
}
