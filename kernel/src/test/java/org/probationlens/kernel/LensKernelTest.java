package org.probationlens.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager.ResultFlag;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.probationlens.kernel.execution.CellCompilationException;
import org.probationlens.kernel.execution.CellInterruptedException;
import org.probationlens.kernel.execution.CellRuntimeException;
import org.probationlens.kernel.execution.CellStreams;

/** The kernel in-process: what a notebook cell sees, without sockets. */
class LensKernelTest {
  private static LensKernel kernel;

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

  @Test
  void lastExpressionOfAMultiStatementCellIsTheResult() throws Exception {
    // 3 * 14 = 42 by hand; the two declarations show nothing, the last expression is the result
    DisplayData result = kernel.eval("int a = 3;\nint b = 14;\na * b");
    assertEquals("42", text(result));
  }

  @Test
  void aDeclarationOrStatementAloneShowsNothing() throws Exception {
    assertNull(kernel.eval("int unused = 1;"));
    assertNull(kernel.eval("System.out.print(\"\")"));
  }

  @Test
  void aVariableNameAsLastLineShowsItsValueAndStringsAreShownRaw() throws Exception {
    kernel.eval("String area = \"Northamptonshire\";");
    assertEquals("Northamptonshire", text(kernel.eval("area")));
  }

  @Test
  void blankLinesAndIndentBetweenStatementsAreSplitCorrectly() throws Exception {
    DisplayData result = kernel.eval("int x = 20;\n\n  int y = 22;\n\nx + y");
    assertEquals("42", text(result));
  }

  @Test
  void libraryAndTablesawArePreloaded() throws Exception {
    DisplayData result =
        kernel.eval(
            "Table t = Table.create(\"t\", IntColumn.create(\"n\", 1, 2, 3));\nt.rowCount()");
    assertEquals("3", text(result));
    assertEquals("2014-06-01", text(kernel.eval("LocalDate.of(2014, 6, 1).toString()")));
  }

  @Test
  void compileErrorPointsAtTheCellLineAndColumn() {
    // line 2 is `int b = "x";`; the string literal starts at column 9 (8 characters before it)
    CellCompilationException e =
        assertThrows(
            CellCompilationException.class, () -> kernel.eval("int a = 1;\nint b = \"x\";"));
    assertEquals(
        "line 2, column 9: incompatible types: java.lang.String cannot be converted to int",
        e.getMessage());
    assertEquals("    int b = \"x\";", e.report().get(1));
    assertEquals("            ^", e.report().get(2));
  }

  @Test
  void compileErrorInAnIndentedLaterStatementIsMappedToThatLine() {
    // third line, 4 spaces of indent, `undefinedName` starts at column 5
    CellCompilationException e =
        assertThrows(
            CellCompilationException.class,
            () -> kernel.eval("int p = 1;\nint q = 2;\n    undefinedName + 1"));
    assertTrue(e.getMessage().startsWith("line 3, column 5: cannot find symbol"), e.getMessage());
  }

  @Test
  void runtimeExceptionShowsTheUsersFramesAsCellLines() {
    CellRuntimeException e =
        assertThrows(
            CellRuntimeException.class,
            () -> kernel.eval("int divide(int d) {\n  return 10 / d;\n}\n\ndivide(0)"));
    assertEquals("java.lang.ArithmeticException: / by zero", e.getMessage());
    List<String> report = e.report();
    // the method is declared at line 1 and the division is its line 2; the call is line 5
    assertEquals(
        List.of(
            "java.lang.ArithmeticException: / by zero",
            "  In your code:",
            "    at this cell, line 2 in divide()",
            "    at this cell, line 5"),
        report);
  }

  @Test
  void libraryFramesComeAfterTheUsersFrames() {
    CellRuntimeException e =
        assertThrows(CellRuntimeException.class, () -> kernel.eval("Integer.parseInt(\"x1\")"));
    assertEquals("java.lang.NumberFormatException: For input string: \"x1\"", e.getMessage());
    assertEquals("  In your code:", e.report().get(1));
    assertEquals("    at this cell, line 1", e.report().get(2));
    assertEquals("  Thrown inside:", e.report().get(3));
    assertTrue(e.report().get(4).contains("java.lang.NumberFormatException.forInputString"));
  }

  /**
   * Runs a cell on another thread: one block (one snippet, so the loop is running once the block
   * has set a marker property) whose rest is {@code loop}; interrupts it once it runs, and checks
   * it ends as interrupted within two seconds.
   */
  private static void interruptRunningCell(String loop) throws Exception {
    String marker = "lens.test.loop." + System.nanoTime();
    String code = "{\n  System.setProperty(\"" + marker + "\", \"running\");\n" + loop;
    CompletableFuture<DisplayData> cell =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return kernel.eval(code);
              } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
              }
            });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.getProperty(marker) == null) {
      assertTrue(System.nanoTime() < deadline, "the loop cell never started");
      Thread.onSpinWait();
    }
    kernel.interrupt();
    ExecutionException stopped =
        assertThrows(ExecutionException.class, () -> cell.get(2, TimeUnit.SECONDS));
    assertInstanceOf(CellInterruptedException.class, stopped.getCause());
  }

  @Test
  void interruptStopsAnInfiniteLoopWithinTwoSecondsAndTheKernelStaysUsable() throws Exception {
    interruptRunningCell("  while (true) {}\n}");
    assertEquals("2", text(kernel.eval("1 + 1")));
  }

  @Test
  void anInterruptNeverReachesTheCellAfterTheOneItStopped() throws Exception {
    // the loop ends 20 ms after the stop, as on a loaded machine
    interruptRunningCell(
        "  try {\n    while (true) {}\n  } catch (ThreadDeath stop) {\n"
            + "    long t0 = System.nanoTime();\n"
            + "    while (System.nanoTime() - t0 < 20_000_000L) {}\n"
            + "    throw stop;\n  }\n}");
    // the interrupt goes on asking for up to a second after it was sent (the loop may still be
    // compiling); a cell started at once after it, running for longer than that, must run to
    // its end: a stray stop would end it early with no error, as if it had passed
    String done = "lens.test.after-interrupt." + System.nanoTime();
    kernel.eval(
        "{\n  long t0 = System.nanoTime();\n"
            + "  while (System.nanoTime() - t0 < 1_500_000_000L) {}\n"
            + "  System.setProperty(\""
            + done
            + "\", \"yes\");\n}");
    assertEquals("yes", System.getProperty(done));
  }

  @Test
  void outOfMemoryIsReportedAndTheKernelLivesOn() throws Exception {
    CellRuntimeException e =
        assertThrows(
            CellRuntimeException.class,
            () ->
                kernel.eval(
                    "{\n  var hog = new ArrayList<long[]>();\n"
                        + "  while (true) hog.add(new long[16_000_000]);\n}"));
    assertTrue(e.getMessage().startsWith("OutOfMemoryError: the cell ran out of memory"));
    assertTrue(e.report().get(1).startsWith("The kernel is still running with a heap of "));
    // the way out names a heap bigger than this one, in whole gigabytes: twice the heap, rounded up
    long gb = Math.max(2, 2 * ((Runtime.getRuntime().maxMemory() / (1024 * 1024) + 1023) / 1024));
    assertTrue(
        e.report().get(2).contains("LENS_KERNEL_HEAP=" + gb + "g ./lens notebook"),
        e.report().get(2));
    assertEquals("6", text(kernel.eval("2 * 3")));
  }

  @Test
  void redefiningAClassThatAVariableUsesIsSurfaced() throws Exception {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream old = System.err;
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      kernel.eval("class Office {}\nOffice office = new Office();");
      kernel.eval("class Office { int staff; }");
    } finally {
      System.setErr(old);
    }
    assertEquals(
        "note: variable office (Office) was reset to null because type Office was redefined;"
            + " its earlier value is lost.",
        err.toString(java.nio.charset.StandardCharsets.UTF_8).strip());
  }

  @Test
  void completionOffersMembersOfTheSnippetUnderTheCursor() {
    String code = "int n = 1;\nMath.flo";
    ReplacementOptions options = kernel.complete(code, code.length());
    assertEquals(List.of("floor(", "floorDiv(", "floorMod("), options.getReplacements());
    assertEquals(code.length() - 3, options.getSourceStart());
    assertEquals(code.length(), options.getSourceEnd());
  }

  @Test
  void isCompleteTellsCompleteIncompleteAndInvalidApart() {
    assertEquals("complete", kernel.isComplete("int x = 1;\nx + 1"));
    assertEquals("    ", kernel.isComplete("for (int i = 0; i < 3; i++) {"));
    assertEquals("", kernel.isComplete("int y = (1 +"));
    assertEquals("invalid", kernel.isComplete("int z = ;"));
  }

  @Test
  void inspectShowsTheSignatureOfAMethod() {
    DisplayData doc = kernel.inspect("Math.max(", 8, false);
    assertTrue(text(doc).contains("int Math.max(int a, int b)"), text(doc));
  }

  @Test
  void inspectShowsTheLibrarysOwnJavadoc() {
    String code = "display";
    DisplayData doc = kernel.inspect(code, code.length(), false);
    assertTrue(text(doc).contains("Shows value in the cell's output"), text(doc));
  }

  @Test
  void inspectShowsJavadocAsTextWithConstantsLinksAndTagsRendered() {
    // issue 28: Shift-Tab showed {@value Manifest#FILE_NAME} and {@code ...} raw
    String code = "CaseRecords.load(Path.of(\"x.csv\"))";
    DisplayData doc = kernel.inspect(code, "CaseRecords.load".length(), false);
    String text = text(doc);
    assertTrue(
        text.contains(
            "Loads and validates a file whose \"MANIFEST\" is beside it (as data/sample/MANIFEST"),
        text);
    assertFalse(text.contains("{@"), text);
    assertTrue(text.contains("Parameters:\n  file: "), text);
    assertTrue(text.contains("\n\nReturns: "), text);
  }

  @Test
  void aTableIsShownAsBoundedHtmlWithAPlainTextFallback() throws Exception {
    DisplayData result =
        kernel.eval("Table.create(\"areas\", StringColumn.create(\"code\", \"NTS\", \"LDN\"))");
    assertTrue(result.hasDataForType(MIMEType.TEXT_HTML));
    assertTrue(text(result).contains("NTS"), text(result));
  }

  @Test
  void aStatementJavacFailsOnIsAnErrorNamingItAndTheNextCellRuns() throws Exception {
    // 50,000 nested brackets: javac's recursive parser overflows its stack and JShell throws
    // rather than reporting a diagnostic (plain jshell prints the error and carries on)
    String deep = "int deep = " + "(".repeat(50_000) + "1" + ")".repeat(50_000) + ";";
    kernel.eval("int before = 1;");
    CellCompilationException e =
        assertThrows(CellCompilationException.class, () -> kernel.eval(deep));
    assertEquals(
        "line 1, column 1: the Java compiler failed on this cell with"
            + " java.lang.StackOverflowError",
        e.getMessage());
    assertEquals(
        "The cell was not run; the kernel is ready and the next cell is compiled afresh.",
        e.report().get(e.report().size() - 1));
    assertEquals("42", text(kernel.eval("before + 41")));
  }

  @Test
  void shutdownStopsARunningCell() throws Exception {
    LensKernel fresh = LensKernel.create();
    fresh.eval("1"); // JShell started
    String flag = "lens.test.shutdown.looping." + System.nanoTime();
    CompletableFuture<DisplayData> cell =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return fresh.eval(
                    "{ System.setProperty(\"" + flag + "\", \"yes\"); while (true) {} }");
              } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
              }
            });
    long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.getProperty(flag) == null && System.nanoTime() < waitUntil) {
      Thread.sleep(10);
    }
    assertEquals("yes", System.getProperty(flag), "the loop did not start");
    long start = System.nanoTime();
    fresh.onShutdown(false);
    // the interrupt's stop: JShell's stop within a second, the snippet thread's stop after that
    ExecutionException ended =
        assertThrows(ExecutionException.class, () -> cell.get(5, TimeUnit.SECONDS));
    assertInstanceOf(CellInterruptedException.class, ended.getCause());
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(millis < LensKernel.SHUTDOWN_STOP_WAIT_MS + 1000, "ended after " + millis + " ms");
  }

  @Test
  void noChartCarriesPlotlyJsEachLoadsItFromTheKernelspec() throws Exception {
    // issue 28, 6: plotly.js (4.8 MB) went into the first chart of a session, so a saved notebook
    // weighed 5 MB; now every chart carries a loader of a few hundred bytes instead
    String chart =
        "tech.tablesaw.plotly.api.VerticalBarPlot.create(\"t\","
            + " Table.create(\"t\", StringColumn.create(\"k\", \"a\", \"b\"),"
            + " IntColumn.create(\"n\", 1, 2)), \"k\", \"n\")";
    LensKernel fresh = LensKernel.create();
    try {
      for (int i = 0; i < 2; i++) {
        DisplayData shown = fresh.eval(chart);
        String html = (String) shown.getData(MIMEType.TEXT_HTML);
        // a chart's own div and script, with its data, are a few kB
        assertTrue(html.length() < 20_000, "chart " + i + ": " + html.length() + " characters");
        assertTrue(html.startsWith("<script type=\"text/javascript\">"), html);
        assertTrue(
            html.contains(
                "\"kernelspecs/\" + encodeURIComponent(name) + \"/plotly.min.js?v=4.1.2\""),
            html);
        assertTrue(shown.hasDataForType(MIMEType.parse("application/vnd.plotly.v1+json")));
      }
    } finally {
      fresh.onShutdown(false);
    }
  }

  @Test
  void aFloodOfPrintedLinesIsGatheredIntoFewMessagesAndCutWithANote() throws Exception {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    int[] flushes = new int[1];
    PrintStream counting =
        new PrintStream(sink, false, StandardCharsets.UTF_8) {
          @Override
          public void flush() {
            flushes[0]++;
            super.flush();
          }
        };
    PrintStream old = System.out;
    System.setOut(counting);
    try {
      kernel.eval("for (int i = 0; i < 200_000; i++) System.out.println(\"case \" + i);");
    } finally {
      System.setOut(old);
    }
    String printed = sink.toString(StandardCharsets.UTF_8);
    // "case 0".."case 199999" with newlines: 10*7 + 90*8 + 900*9 + 9000*10 + 90000*11
    // + 100000*12 = 2,288,890 bytes, more than the 1,048,576 kept
    assertTrue(printed.startsWith("case 0\ncase 1\n"));
    assertTrue(
        printed.endsWith(
            "\n... (output cut: the cell printed 2288890 bytes; the first 1048576 are shown."
                + " Write large results to a file or show a table instead.)\n"),
        printed.substring(printed.length() - 200));
    // one flush per line would be 200,000 messages; gathered output needs a few dozen
    assertTrue(flushes[0] < 1_000, flushes[0] + " flushes");
  }

  /** Runs a cell as the connection does for an execute_request with this count. */
  private static DisplayData request(int count, boolean storeHistory, String code)
      throws Exception {
    kernel.beginRequest(new LensKernel.Request(count, storeHistory, clear -> {}));
    try {
      return kernel.eval(code);
    } finally {
      kernel.endRequest();
    }
  }

  @Test
  void cellsAreKeptInTheHistoryWithTheirCountAndResultFailedOnesToo() throws Exception {
    request(101, true, "int kept = 6;");
    request(102, true, "kept * 7");
    assertThrows(CellRuntimeException.class, () -> request(103, true, "kept / 0"));
    // not kept: a request with store_history false (or silent), and eval outside a request
    request(104, false, "kept + 1");
    kernel.eval("kept + 2");
    List<HistoryEntry> entries =
        kernel.getHistoryManager().lookupRange(0, 101, 105, EnumSet.of(ResultFlag.INCLUDE_OUTPUT));
    assertEquals(
        List.of(101, 102, 103), entries.stream().map(HistoryEntry::getCellNumber).toList());
    assertEquals(
        List.of("int kept = 6;", "kept * 7", "kept / 0"),
        entries.stream().map(HistoryEntry::getInput).toList());
    assertNull(entries.get(0).getOutput());
    assertEquals("42", entries.get(1).getOutput());
    assertNull(entries.get(2).getOutput());
  }

  @Test
  void clearOutputIsPublishedAfterWhatTheCellPrintedBeforeIt() throws Exception {
    StringBuffer log = new StringBuffer();
    PrintStream recording =
        new PrintStream(
            new java.io.OutputStream() {
              @Override
              public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
              }

              @Override
              public void write(byte[] bytes, int offset, int length) {
                log.append(new String(bytes, offset, length, StandardCharsets.UTF_8));
              }
            },
            true,
            StandardCharsets.UTF_8);
    PrintStream old = System.out;
    System.setOut(recording);
    kernel.beginRequest(
        new LensKernel.Request(
            201, false, clear -> log.append(clear.shouldWait() ? "[clear, wait]" : "[clear]")));
    try {
      kernel.eval(
          "System.out.println(\"step 1\");\nclearOutput();\n"
              + "System.out.println(\"step 2\");\nclearOutput(true);\nSystem.out.print(\"done\");");
    } finally {
      kernel.endRequest();
      System.setOut(old);
    }
    // without passing the printed text on first, "step 1" would come after the clear
    assertEquals("step 1\n[clear]step 2\n[clear, wait]done", log.toString());
  }

  @Test
  void clearOutputOutsideANotebookRequestDoesNothing() throws Exception {
    assertNull(kernel.eval("clearOutput();\nclearOutput(false);"));
  }

  @Test
  void systemExitInACellIsRefusedAndTheKernelKeepsItsVariables() throws Exception {
    kernel.eval("int keptThroughExit = 41;");
    CellRuntimeException e =
        assertThrows(CellRuntimeException.class, () -> kernel.eval("System.exit(3);"));
    assertEquals("SystemExitRefused", e.name());
    assertTrue(e.getMessage().contains("System.exit(3) was refused"), e.getMessage());
    assertEquals("42", text(kernel.eval("keptThroughExit + 1")));
  }

  @Test
  void systemExitFromAThreadTheCellStartedIsRefusedToo() throws Exception {
    DisplayData result =
        kernel.eval(
            "var refused = new java.util.concurrent.atomic.AtomicReference<Throwable>();\n"
                + "Thread exiting = new Thread(() -> {\n"
                + "  try { Runtime.getRuntime().halt(4); } catch (Throwable t) { refused.set(t); }\n"
                + "});\n"
                + "exiting.start();\nexiting.join();\n"
                + "refused.get().getClass().getSimpleName()");
    assertEquals("SystemExitRefused", text(result));
  }

  @Test
  void outputPrintedByACellsThreadAfterTheCellEndsGoesToThatCellWithANote() throws Exception {
    // The first cell starts a thread that waits on a latch; the second cell opens the latch and
    // joins the thread, so the thread prints while the second cell runs: by events, not by time.
    // The latch reaches the cells' code through the system properties (JShell runs in this JVM).
    String key = "lens.test.firstCellEnded";
    java.util.concurrent.CountDownLatch firstCellEnded = new java.util.concurrent.CountDownLatch(1);
    System.getProperties().put(key, firstCellEnded);
    StringBuffer late = new StringBuffer();
    try {
      kernel.beginRequest(
          new LensKernel.Request(301, false, clear -> {}, (error, text) -> late.append(text)));
      try {
        kernel.eval(
            "var firstCellEnded = (java.util.concurrent.CountDownLatch)"
                + " System.getProperties().get(\""
                + key
                + "\");\n"
                + "Thread background = new Thread(() -> {\n"
                + "  try { firstCellEnded.await(); } catch (InterruptedException e) { }\n"
                + "  System.out.println(\"late line\");\n"
                + "});\nbackground.start();");
      } finally {
        kernel.endRequest();
      }
      assertEquals("", late.toString(), "the thread printed before the first cell ended");
      ByteArrayOutputStream second = new ByteArrayOutputStream();
      PrintStream old = System.out;
      System.setOut(new PrintStream(second, true, StandardCharsets.UTF_8));
      try {
        kernel.beginRequest(new LensKernel.Request(302, false, clear -> {}, (error, text) -> {}));
        try {
          kernel.eval("firstCellEnded.countDown();\nbackground.join(5000);");
        } finally {
          kernel.endRequest();
        }
      } finally {
        System.setOut(old);
      }
      assertEquals(CellStreams.LATE_NOTE + "late line\n", late.toString());
      assertEquals("", second.toString(StandardCharsets.UTF_8));
    } finally {
      System.getProperties().remove(key);
    }
  }

  @Test
  void aParallelStreamPrintsIntoTheCellRunningNowNotTheOneThatStartedItsWorkers() throws Exception {
    // the first cell creates the common pool's workers; the second cell's parallel work, done
    // by those same workers, must still print into the second cell
    kernel.eval("IntStream.range(0, 1000).parallel().sum()");
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(second, true, StandardCharsets.UTF_8));
    try {
      kernel.eval(
          "IntStream.range(0, 200).parallel().forEach(i -> { if (i % 50 == 0) System.out.println(\"part \" + i); });");
    } finally {
      System.setOut(old);
    }
    // parts 0, 50, 100 and 150, in whatever order the workers print them
    assertEquals(
        4,
        second.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("part ")).count());
  }

  @Test
  void theReadingWarmUpReadsItsRowsAsValidCasesAndLeavesNoFile() throws Exception {
    java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
    java.util.function.Supplier<Long> left =
        () -> {
          try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(tmp)) {
            return files
                .filter(f -> f.getFileName().toString().startsWith("lens-warm-up-"))
                .count();
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        };
    long before = left.get();
    // every row valid: a refused file would go to the validating loader, warming nothing
    assertEquals(LensKernel.WARM_UP_ROWS, LensKernel.warmUpReading());
    assertEquals(before, left.get());
  }
}
