package org.probationlens;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Pins the library's layers on its compiled classes (ArchUnit), so that the structure of
 * ARCHITECTURE.md cannot erode unseen. From the bottom: provenance; reading; the shared contracts
 * (area, period) beside stats and progress; the datasets (data, with the synthetic generator); the
 * published reference tables; the engine; the analyses; chart; render; and, at the top, export,
 * which writes to files exactly what render draws (its disclosure control included), so render may
 * be used by export alone and nothing in the library uses export. Each may use only what stands
 * below it, and no two packages depend on each other, directly or round a loop. The kernel and the
 * lens command are another artifact (kernel/), which the library cannot see at all.
 */
class LayeringTest {

  private static final JavaClasses LIBRARY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.probationlens");

  private static final String[] ANALYSES = {
    "org.probationlens.volume..",
    "org.probationlens.payment..",
    "org.probationlens.innovation..",
    "org.probationlens.court..",
    "org.probationlens.inspection..",
    "org.probationlens.people..",
    "org.probationlens.partners.."
  };

  @Test
  void noPackageCycles() {
    slices().matching("org.probationlens.(*)..").should().beFreeOfCycles().check(LIBRARY);
  }

  @Test
  void eachLayerUsesOnlyTheLayersBelowIt() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("provenance")
        .definedBy("org.probationlens.provenance..")
        .layer("reading")
        .definedBy("org.probationlens.read..")
        .layer("stats")
        .definedBy("org.probationlens.stats..")
        .layer("progress")
        .definedBy("org.probationlens.progress..")
        .layer("contracts")
        .definedBy("org.probationlens.area..", "org.probationlens.period..")
        .layer("datasets")
        .definedBy("org.probationlens.data..")
        .layer("reference")
        .definedBy("org.probationlens.reference..")
        .layer("engine")
        .definedBy("org.probationlens.engine..")
        .layer("analyses")
        .definedBy(ANALYSES)
        .layer("chart")
        .definedBy("org.probationlens.chart..")
        .layer("render")
        .definedBy("org.probationlens.render..")
        .layer("export")
        .definedBy("org.probationlens.export..")
        .whereLayer("export")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("render")
        .mayOnlyBeAccessedByLayers("export")
        .whereLayer("chart")
        .mayOnlyBeAccessedByLayers("render")
        .whereLayer("analyses")
        .mayOnlyBeAccessedByLayers("analyses", "chart", "render")
        .whereLayer("engine")
        .mayOnlyBeAccessedByLayers("analyses", "chart", "render")
        .whereLayer("reference")
        .mayOnlyBeAccessedByLayers("analyses", "chart", "render")
        .whereLayer("datasets")
        .mayOnlyBeAccessedByLayers("reference", "engine", "analyses", "chart", "render")
        .whereLayer("contracts")
        .mayOnlyBeAccessedByLayers(
            "contracts", "datasets", "reference", "engine", "analyses", "chart", "render")
        .whereLayer("progress")
        .mayOnlyBeAccessedByLayers("engine", "analyses", "chart", "render")
        .whereLayer("stats")
        .mayOnlyBeAccessedByLayers("analyses", "chart", "render", "export")
        .whereLayer("reading")
        .mayOnlyBeAccessedByLayers(
            "contracts", "datasets", "reference", "engine", "analyses", "chart", "render")
        .check(LIBRARY);
  }
}
