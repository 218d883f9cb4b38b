package org.probationlens.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What an analyst reads when a cell fails: their exception's name, their frames, no machinery. */
class ErrorReportsTest {
  private static CellRunner runner;

  @BeforeAll
  static void start() {
    runner = CellRunner.start(StartupImports.ofThisJvm());
  }

  @AfterAll
  static void stop() {
    runner.close();
  }

  private static CellException failing(String code) {
    return assertThrows(
        CellException.class,
        () -> runner.run(code, new PrintStream(PrintStream.nullOutputStream()), () -> false));
  }

  @Test
  void theErrorIsNamedByTheAnalystsExceptionNotTheKernelsWrapper() {
    assertEquals("ArithmeticException", failing("int zero = 0;\n10 / zero").name());
    assertEquals("CompilationError", failing("int x = \"text\";").name());
  }

  @Test
  void aMissingRelativePathSaysWhereTheKernelLooked() {
    CellException e = failing("Files.readString(Path.of(\"no-such-dir/cases.csv\"))");
    assertEquals("NoSuchFileException", e.name());
    Path cwd = Path.of("").toAbsolutePath();
    assertEquals("java.nio.file.NoSuchFileException: no-such-dir/cases.csv", e.report().get(0));
    assertEquals(
        "  no-such-dir/cases.csv is a relative path: the kernel's working directory is "
            + cwd
            + ", so it looked for "
            + cwd.resolve("no-such-dir/cases.csv"),
        e.report().get(1));
  }

  @Test
  void aLibraryLoaderGivenAMissingFileIsReportedAsTheMissingFileFirst() {
    // issue 28: CaseRecords.load said "no MANIFEST beside it" for a file that is not there, and
    // the missing file came last, under the loader's UncheckedIOException
    CellException e = failing("CaseRecords.load(Path.of(\"nope.csv\"))");
    assertEquals("NoSuchFileException", e.name());
    Path cwd = Path.of("").toAbsolutePath();
    assertEquals("java.nio.file.NoSuchFileException: nope.csv", e.report().get(0));
    assertEquals(
        "  nope.csv is a relative path: the kernel's working directory is "
            + cwd
            + ", so it looked for "
            + cwd.resolve("nope.csv"),
        e.report().get(1));
    assertFalse(e.report().toString().contains("MANIFEST"), e.report().toString());
  }

  @Test
  void anAbsoluteMissingPathGetsNoWorkingDirectoryNote() {
    CellException e = failing("Files.readString(Path.of(\"/no-such-dir/cases.csv\"))");
    assertFalse(e.report().get(1).contains("working directory"), e.report().toString());
  }

  @Test
  void noKernelOrJShellFrameIsShown() {
    CellException e = failing("display(null);\nObjects.requireNonNull(null, \"area\")");
    List<String> report = e.report();
    assertEquals("java.lang.NullPointerException: area", report.get(0));
    for (String line : report) {
      assertFalse(
          line.contains("jdk.jshell")
              || line.contains("probationlens.kernel")
              || line.contains("REPL."),
          line);
    }
    assertTrue(report.contains("    at this cell, line 2"), report.toString());
  }

  @Test
  void machineryFramesAreRecognised() {
    assertTrue(
        ErrorReports.isMachinery(
            new StackTraceElement(
                "jdk.jshell.execution.DirectExecutionControl", "invoke", null, 1)));
    assertTrue(
        ErrorReports.isMachinery(
            new StackTraceElement("org.probationlens.kernel.display.Display", "display", null, 1)));
    assertFalse(
        ErrorReports.isMachinery(
            new StackTraceElement("org.probationlens.data.CaseRecords", "load", null, 1)));
  }
}
