package org.probationlens.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.kernel.execution.CellCompilationException;
import org.probationlens.kernel.execution.CellMagicException;
import org.probationlens.kernel.execution.CellRunner;
import org.probationlens.kernel.execution.StartupImports;
import org.probationlens.kernel.magic.Magics;
import org.probationlens.kernel.magic.Timing;

/** The magics, run in a kernel as a cell would run them. */
class MagicsTest {
  private static LensKernel kernel;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    kernel = LensKernel.create();
  }

  @AfterAll
  static void stop() {
    kernel.onShutdown(false);
  }

  private static String text(DisplayData data) {
    return (String) data.getData(MIMEType.TEXT_PLAIN);
  }

  /** Runs a cell; returns its result's text and what it printed. */
  private static String[] run(String code) throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      DisplayData result = kernel.eval(code);
      return new String[] {
        result == null ? null : text(result), printed.toString(StandardCharsets.UTF_8)
      };
    } finally {
      System.setOut(old);
    }
  }

  @Test
  void lsmagicListsEveryMagic() throws Exception {
    String listed = run("%lsmagic")[0];
    for (String magic :
        List.of(
            "%time CODE",
            "%timeit", "%load FILE", "%classpath", "%lens", "%%time", "%%html", "%%markdown")) {
      assertTrue(listed.contains(magic), magic + " missing from:\n" + listed);
    }
  }

  @Test
  void anUnknownMagicFailsWithTheClosestNames() {
    CellMagicException e = assertThrows(CellMagicException.class, () -> kernel.eval("%tme 1 + 1"));
    assertEquals("UnknownMagic", e.name());
    // %tme is one insertion from %time; %timeit is three edits away
    assertEquals(
        "%tme is not a magic of this kernel; did you mean %time? (%lsmagic lists them)",
        e.getMessage());
    // names the typed text begins count too, of the same kind (cell magics for %%)
    assertEquals(List.of("%%time", "%%timeit"), Magics.closest("%%tim"));
  }

  @Test
  void timePrintsWallAndCpuTimeAndKeepsTheValue() throws Exception {
    String[] cell = run("%time 6 * 7");
    assertEquals("42", cell[0]);
    assertTrue(
        cell[1].matches("CPU time: .* \\(the whole kernel process\\), wall time: .*\\n"), cell[1]);
    String[] cellMagic = run("%%time\nint a = 40;\na + 2");
    assertEquals("42", cellMagic[0]);
    assertTrue(cellMagic[1].startsWith("CPU time: "), cellMagic[1]);
  }

  @Test
  void timeitReportsMeanAndSpreadOverTheRepeatsAsked() throws Exception {
    assertTrue(
        run("%timeit -n 10 -r 3 Math.sqrt(2.0)")[0].endsWith(
            " per loop (mean ± std. dev. of 3 runs, 10 loops each)"));
    // an expression that is not a statement is timed as a value
    assertTrue(
        run("%timeit -n 5 -r 2 1 + 1")[0].endsWith("(mean ± std. dev. of 2 runs, 5 loops each)"));
  }

  @Test
  void timingFormatsAsIPythonDoes() {
    // two repeats of 1000 ns and 3000 ns a loop: mean 2000 ns, population s.d. 1000 ns
    assertEquals(
        "2.00 µs ± 1.00 µs per loop (mean ± std. dev. of 2 runs, 10,000 loops each)",
        Timing.summary(new double[] {1000, 3000}, 10_000));
    assertEquals("153 ms", Timing.duration(153_400_000));
    assertEquals("12.5 ns", Timing.duration(12.5));
  }

  @Test
  void htmlAndMarkdownCellsShowProse() throws Exception {
    DisplayData html = kernel.eval("%%html\n<p>Kent and <b>Essex</b></p>");
    assertEquals("<p>Kent and <b>Essex</b></p>", html.getData(MIMEType.TEXT_HTML));
    DisplayData markdown = kernel.eval("%%markdown\n# Caseloads\nby area");
    assertEquals("# Caseloads\nby area", markdown.getData(MIMEType.TEXT_MARKDOWN));
  }

  @Test
  void loadRunsAFileAsIfTypedInTheCell() throws Exception {
    Path file =
        Files.writeString(dir.resolve("helpers.jsh"), "int doubled(int x) { return 2 * x; }\n");
    run("%load " + file);
    assertEquals("42", run("doubled(21)")[0]);
    CellMagicException missing =
        assertThrows(CellMagicException.class, () -> kernel.eval("%load no-such.jsh"));
    assertTrue(
        missing.getMessage().contains("the kernel's working directory is"), missing.getMessage());
  }

  @Test
  void classpathShowsWhatCellsCompileAgainst() throws Exception {
    String shown = run("%classpath")[0];
    assertTrue(shown.startsWith("class path of this session:"), shown);
    assertTrue(shown.contains("classes") || shown.contains(".jar"), shown);
  }

  @Test
  void classpathAddRefusesAFileThatIsNotAJarAndAddsNothing() throws Exception {
    // a web page saved under a jar's name, as a browser does when a download link needs a login
    Path page =
        Files.writeString(
            dir.resolve("broken.jar"), "<!DOCTYPE html>\n<html><body>Sign in</body></html>\n");
    Path classes = Files.createDirectory(dir.resolve("classes"));
    CellMagicException e =
        assertThrows(
            CellMagicException.class, () -> kernel.eval("%classpath add " + classes + " " + page));
    assertEquals("ZipException", e.name());
    // ZipFile's reason for a file with no zip directory at its end
    assertEquals(
        "%classpath add "
            + page
            + ": "
            + page
            + " cannot be opened as a jar (zip END header not found); expected a jar (zip)"
            + " file or a folder of classes. Nothing was added to the class path.",
        e.getMessage());
    // javac never saw the page: cells still compile (with it added, every cell failed)
    assertEquals("42", text(kernel.eval("6 * 7")));
    // the folder before it was not added either: added again, it is listed as new
    assertEquals(
        "added to the class path:\n  " + classes, text(kernel.eval("%classpath add " + classes)));
  }

  @Test
  void aJdbcDriverAddedFromACellIsFoundByDriverManager() throws Exception {
    // issue 28: DuckDB's JDBC jar added with %classpath add gave "No suitable driver found for
    // jdbc:duckdb:" (DriverManager reads META-INF/services once, on the JVM's own class path)
    Path jar = Path.of(System.getProperty("lens.test.jdbcDriverJar"));
    assertTrue(Files.isRegularFile(jar), jar + " (copied by the kernel's pom)");
    assertEquals(
        "added to the class path:\n  "
            + jar
            + "\nJDBC drivers registered with DriverManager:\n  org.duckdb.DuckDBDriver",
        text(kernel.eval("%classpath add " + jar)));
    assertEquals(
        "42",
        text(
            kernel.eval(
                "var lensDb = java.sql.DriverManager.getConnection(\"jdbc:duckdb:\");\n"
                    + "var lensRows = lensDb.createStatement().executeQuery(\"select 6 * 7\");\n"
                    + "lensRows.next();\n"
                    + "lensRows.getInt(1)")));
    // added again: registered once only
    kernel.eval("%classpath add " + jar);
    assertEquals(
        "1",
        text(
            kernel.eval(
                "java.sql.DriverManager.drivers()"
                    + ".filter(d -> d.getClass().getName().equals(\"org.duckdb.DuckDBDriver\"))"
                    + ".count()")));
  }

  @Test
  void loadOfAnArrayTooLargeForJavaIsAnErrorAndTheNextCellRuns() throws Exception {
    // 120,000 elements: the initialiser needs far more than a method's 64 kB of byte code, and
    // the indexes above 32,767 are constants, more than a class's 65,535 (JVMS 4.7.3, 4.1)
    Path file =
        Files.writeString(
            dir.resolve("lookup.jsh"),
            "int[] lookup = {"
                + String.join(",", java.util.Collections.nCopies(120_000, "7"))
                + "};\n");
    CellCompilationException e =
        assertThrows(CellCompilationException.class, () -> kernel.eval("%load " + file));
    assertTrue(e.getMessage().startsWith("line 1, column "), e.getMessage());
    assertTrue(e.getMessage().endsWith(": code too large"), e.getMessage());
    List<String> report = e.report();
    assertTrue(
        report.stream().anyMatch(line -> line.endsWith(": too many constants")),
        String.join("\n", report));
    // the 240 kB line is quoted cut to 160 characters and the two "..." that mark the cuts
    assertTrue(report.stream().allMatch(line -> line.length() <= 4 + 3 + 160 + 3), "long line");
    // the next cells compile and run, and the failed declaration is gone
    assertEquals("2", text(kernel.eval("1 + 1")));
    assertEquals("3", text(kernel.eval("int three = 3;\nthree")));
    CellCompilationException gone =
        assertThrows(CellCompilationException.class, () -> kernel.eval("lookup.length"));
    assertTrue(gone.getMessage().contains("cannot find symbol"), gone.getMessage());
  }

  @Test
  void lensShowsVersionsAndTheFilesReadWithTheirSha256() throws Exception {
    Path cases = Files.writeString(dir.resolve("cases.csv"), "case_id\nK1\n");
    run("Files.readAllLines(Path.of(\"" + cases + "\"))");
    String shown = run("%lens")[0];
    String sha =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(cases)));
    assertTrue(shown.startsWith("Probation Lens "), shown);
    assertTrue(shown.contains("synthetic data generator version 2"), shown);
    assertTrue(shown.contains(cases + "  sha256 " + sha), shown);
    assertTrue(
        shown.matches("(?s).*\nheap: [0-9,]+ MiB used, [0-9,]+ MiB free of [0-9,]+ MiB .*"), shown);
  }

  @Test
  void theHeapLineAddsUpWhatIsUsedAndWhatIsLeft() {
    // 384 MiB in use of a 1 GiB heap: 1,024 - 384 = 640 MiB left
    String line = org.probationlens.kernel.magic.Magics.heapLine(384L << 20, 1L << 30);
    assertTrue(line.startsWith("heap: 384 MiB used, 640 MiB free of 1,024 MiB ("), line);
    assertTrue(line.contains("LENS_KERNEL_HEAP=SIZE ./lens notebook"), line);
  }

  @Test
  void javaAroundALineMagicKeepsItsLineNumbers() {
    CellCompilationException e =
        assertThrows(
            CellCompilationException.class,
            () -> kernel.eval("int a = 1;\n%time int b = 2;\nint c = \"x\";"));
    assertTrue(e.getMessage().startsWith("line 3, column 9: incompatible types"), e.getMessage());
  }

  @Test
  void magicsCompleteAndInspect() {
    CodeAssist assist =
        new CodeAssist(
            CellRunner.start(StartupImports.of(List.of())).analysis(),
            new Javadocs(MagicsTest.class.getClassLoader()),
            List.of());
    assertEquals(List.of("%time", "%timeit"), assist.complete("%ti", 3).getReplacements());
    assertEquals(List.of("%%html"), assist.complete("%%h", 3).getReplacements());
    assertTrue(
        assist.inspect("%lens", 2).orElseThrow().startsWith("%lens\n\nShows the Probation Lens"));
    assertEquals("complete", assist.isComplete("%time 1 + 1"));
    assertEquals("    ", assist.isComplete("%%time\nfor (int i = 0; i < 3; i++) {"));
  }
}
