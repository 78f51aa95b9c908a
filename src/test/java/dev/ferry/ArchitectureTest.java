package dev.ferry;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.ferry.store.Profile;

/**
 * Keeps the dependency table of ARCHITECTURE.md true. Data flows one way: objectstore → ingest →
 * store → export; {@code app} is the only composition root.
 */
@AnalyzeClasses(packages = "dev.ferry", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule layersFollowTheDataFlow =
      layeredArchitecture()
          .consideringOnlyDependenciesInAnyPackage("dev.ferry..")
          .withOptionalLayers(true)
          .layer("event")
          .definedBy("dev.ferry.event..")
          .layer("objectstore")
          .definedBy("dev.ferry.objectstore..")
          .layer("integration")
          .definedBy("dev.ferry.integration..")
          .layer("ingest")
          .definedBy("dev.ferry.ingest")
          .layer("ingest.csv")
          .definedBy("dev.ferry.ingest.csv..")
          .layer("tables")
          .definedBy("dev.ferry.tables..")
          .layer("store")
          .definedBy("dev.ferry.store")
          .layer("store.adapters")
          .definedBy("dev.ferry.store.duckdb..", "dev.ferry.store.postgres..")
          .layer("export")
          .definedBy("dev.ferry.export")
          .layer("export.format")
          .definedBy("dev.ferry.export.format..")
          .layer("schedule")
          .definedBy("dev.ferry.schedule..")
          .layer("http")
          .definedBy("dev.ferry.http..")
          .layer("cli")
          .definedBy("dev.ferry.cli..")
          .layer("config")
          .definedBy("dev.ferry.config..")
          .layer("app")
          .definedBy("dev.ferry.app..")
          .whereLayer("app")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("cli")
          .mayOnlyBeAccessedByLayers("app")
          .whereLayer("http")
          .mayOnlyBeAccessedByLayers("app")
          .whereLayer("config")
          .mayOnlyBeAccessedByLayers("app", "cli", "http")
          .whereLayer("schedule")
          .mayOnlyBeAccessedByLayers("app", "http")
          .whereLayer("export")
          .mayOnlyBeAccessedByLayers("app", "http", "schedule")
          .whereLayer("export.format")
          .mayOnlyBeAccessedByLayers("app", "export")
          .whereLayer("ingest")
          .mayOnlyBeAccessedByLayers("app", "http", "schedule")
          .whereLayer("tables")
          .mayOnlyBeAccessedByLayers("app", "http", "schedule")
          .whereLayer("integration")
          .mayOnlyBeAccessedByLayers("app", "http", "ingest", "tables", "export")
          .whereLayer("integration")
          .mayOnlyAccessLayers("objectstore", "store")
          .whereLayer("ingest.csv")
          .mayOnlyBeAccessedByLayers("app", "ingest", "tables")
          .whereLayer("store.adapters")
          .mayOnlyBeAccessedByLayers("app")
          .whereLayer("store")
          .mayOnlyBeAccessedByLayers(
              "app",
              "store.adapters",
              "integration",
              "ingest",
              "tables",
              "export",
              "export.format",
              "schedule",
              "http")
          .whereLayer("objectstore")
          .mayOnlyBeAccessedByLayers("app", "integration", "ingest", "tables", "export", "http")
          .because(
              "data flows one way (see ARCHITECTURE.md, 'Packages'); to fix, depend on a port in"
                  + " a lower package and let dev.ferry.app wire the concrete adapter");

  @ArchTest
  static final ArchRule eventDependsOnTheJdkOnly =
      noClasses()
          .that()
          .resideInAPackage("dev.ferry.event..")
          .should()
          .dependOnClassesThat()
          .resideOutsideOfPackages("dev.ferry.event..", "java..")
          .because("the event vocabulary is shared by every job; keep it free of libraries");

  @ArchTest
  static final ArchRule storePortsNameNoDriver =
      noClasses()
          .that()
          .resideInAPackage("dev.ferry.store")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.duckdb..", "org.postgresql..")
          .because("the store port is driver-free; put driver code in dev.ferry.store.duckdb");

  @ArchTest
  static final ArchRule jobsUseTheObjectStorePortOnly =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.ferry.integration..",
              "dev.ferry.ingest..",
              "dev.ferry.tables..",
              "dev.ferry.export..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("software.amazon..", "org.gaul..")
          .because("jobs talk to S3 through dev.ferry.objectstore.ObjectStore, never the SDK");

  @ArchTest
  static final ArchRule formatsDoNoIo =
      noClasses()
          .that()
          .resideInAPackage("dev.ferry.export.format..")
          .should()
          .dependOnClassesThat(
              resideInAnyPackage("dev.ferry.objectstore..", "dev.ferry.store..")
                  .and(not(type(Profile.class))))
          .because(
              "format writers turn records into bytes; the export package decides where (the"
                  + " Profile record is the one store type they format: a value, no port)");

  @ArchTest
  static final ArchRule httpNeverNamesAdapters =
      noClasses()
          .that()
          .resideInAPackage("dev.ferry.http..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.ferry.store.duckdb..", "software.amazon..", "org.gaul..")
          .because("the REST API uses the job packages; dev.ferry.app wires the adapters");

  @ArchTest
  static final ArchRule noMockingLibrary =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.mockito..", "org.easymock..", "io.mockk..")
          .because("Ferry tests real parts: hand-written fakes and the embedded S3 server");
}
