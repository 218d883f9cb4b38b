package org.probationlens.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Pins the kernel's layers on its compiled classes (ArchUnit): the protocol's parts (messages,
 * execution, magic, display) never reach up to the kernel that wires them, no two of them depend on
 * each other round a loop, and the display of values never depends on how cells are run.
 */
class KernelLayeringTest {

  private static final JavaClasses KERNEL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.probationlens.kernel", "org.probationlens.cli");

  @Test
  void thePartsNeverReachUpToTheKernel() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.probationlens.kernel.messages..",
            "org.probationlens.kernel.execution..",
            "org.probationlens.kernel.magic..",
            "org.probationlens.kernel.display..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.probationlens.kernel", "org.probationlens.cli..")
        .check(KERNEL);
  }

  @Test
  void thePartsHaveNoCycles() {
    slices().matching("org.probationlens.kernel.(*)..").should().beFreeOfCycles().check(KERNEL);
  }

  @Test
  void displayAndMessagesStandOnTheirOwn() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.probationlens.kernel.display..", "org.probationlens.kernel.messages..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.probationlens.kernel.execution..", "org.probationlens.kernel.magic..")
        .check(KERNEL);
  }
}
