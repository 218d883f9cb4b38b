package org.probationlens.kernel;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import io.github.spencerpark.jupyter.messages.publish.PublishClearOutput;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import jdk.jshell.JShell;
import org.probationlens.kernel.display.Display;
import org.probationlens.kernel.display.ProgressBar;
import org.probationlens.kernel.display.Rendering;
import org.probationlens.kernel.execution.CellException;
import org.probationlens.kernel.execution.CellRunner;
import org.probationlens.kernel.execution.CellStreams;
import org.probationlens.kernel.execution.CellThreads;
import org.probationlens.kernel.execution.ExitGuard;
import org.probationlens.kernel.execution.OutputRouter;
import org.probationlens.kernel.execution.RunLog;
import org.probationlens.kernel.execution.RunTables;
import org.probationlens.kernel.execution.StartupImports;
import org.probationlens.kernel.magic.Magics;
import org.probationlens.kernel.messages.SessionHistory;
import org.probationlens.render.LensSession;

/**
 * The Probation Lens Jupyter kernel: Java cells evaluated by JShell inside the kernel's own JVM, so
 * the library, its reference data and Tablesaw are on the class path from the first cell, with the
 * library's packages already imported for an analyst looking at probation volumes, payments and
 * inspections.
 */
public final class LensKernel extends BaseKernel {
  private static final Logger LOG = Logger.getLogger(LensKernel.class.getName());

  /** Passes on a running cell's output a few times a second. */
  private static final ScheduledExecutorService TICKER =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(null, task, "lens-output", 0, false);
            thread.setDaemon(true);
            return thread;
          });

  private final CompletableFuture<Session> session;
  private final Javadocs javadocs;
  private final Rendering rendering = new Rendering();
  private final LensSession lensSession = new LensSession(); // disclosure, progress, display
  private final AtomicLong running = new AtomicLong();

  /**
   * Held while a stop is sent and while a cell ends, so a stop asked for one cell can never reach
   * the next: JShell reports a stopped snippet as having no exception, so a stray stop would make
   * the next cell end early and look as if it had passed.
   */
  private final Object stopLock = new Object();

  private final AtomicLong cellsStarted = new AtomicLong();
  private final SessionHistory history = new SessionHistory();
  private final RunLog runLog = RunLog.fromEnvironment();
  private final RunTables runTables = RunTables.fromEnvironment(lensSession); // --tables DIR
  private final Magics magics =
      new Magics(
          new Magics.Host() {
            @Override
            public DisplayData runJava(String code) throws CellException {
              return LensKernel.this.runJava(code);
            }

            @Override
            public CellRunner runner() {
              return LensKernel.this.runner();
            }

            @Override
            public RunLog runLog() {
              return runLog;
            }
          });
  private volatile Request request;
  private volatile CellStreams streams;
  private volatile CellException lastFailure;
  private volatile boolean served;
  private volatile boolean stopRequested;

  /**
   * What the connection knows of the execute_request whose cell is about to be evaluated.
   *
   * @param executionCount the cell's number, {@code In [n]}
   * @param storeHistory whether the client asked for the cell to be kept in the history (not for a
   *     silent request or one with {@code store_history} false)
   * @param clearOutput publishes a clear_output message for the cell on iopub
   * @param lateOutput publishes a stream message for this cell (true for stderr) after the cell has
   *     finished, for output of threads it started; null to print such output where the cell
   *     printed
   */
  record Request(
      int executionCount,
      boolean storeHistory,
      Consumer<PublishClearOutput> clearOutput,
      BiConsumer<Boolean, String> lateOutput) {
    Request(int executionCount, boolean storeHistory, Consumer<PublishClearOutput> clearOutput) {
      this(executionCount, storeHistory, clearOutput, null);
    }
  }

  /** The session's JShell, what it imported, and the completion and inspection over it. */
  private record Session(CellRunner runner, StartupImports startup, CodeAssist assist) {}

  private LensKernel() {
    this.javadocs = new Javadocs(LensKernel.class.getClassLoader());
    // JShell starts while the sockets come up, so the notebook sees the kernel ready at once;
    // the first request that needs JShell waits for it
    this.session = CompletableFuture.supplyAsync(this::startSession);
    lensSession.displayTo(
        new LensSession.Output() { // display() and clearOutput() in a cell reach this kernel
          @Override
          public void show(Object value) {
            LensKernel.this.show(value);
          }

          @Override
          public void clearOutput(boolean wait) {
            LensKernel.this.clearOutput(wait);
          }
        });
    lensSession.watchOfficialSensitiveLoads(); // bare tables cut from real records: protected
    LensSession.use(lensSession);
    ExitGuard.install();
    ExitGuard.recordReadsIn(runLog);
    // the session in use (just above) is lensSession, so the bar shows its progress
    org.probationlens.progress.Progress.listen(
        new ProgressBar(
            data -> {
              if (getIO().display.isAttached()) {
                flushCellOutput();
                getIO().display.display(data);
              }
            },
            data -> {
              if (getIO().display.isAttached()) {
                flushCellOutput();
                getIO().display.updateDisplay(data);
              }
            }));
  }

  private Session startSession() {
    StartupImports startup = StartupImports.ofThisJvm();
    Thread warmUp =
        new Thread(
            null,
            () -> {
              warmUpRendering();
              warmUpReading();
            },
            "lens-warm-up",
            0,
            false);
    warmUp.setDaemon(true);
    warmUp.setPriority(Thread.MIN_PRIORITY);
    warmUp.start();
    CellRunner runner = CellRunner.start(startup);
    return new Session(
        runner, startup, new CodeAssist(runner.analysis(), javadocs, startup.libraryPackages()));
  }

  /**
   * Loads, while JShell starts, what the first table and chart of a session need (Tablesaw's
   * plotting, the renderers, the plotly.js version the charts' loader names): measured with ./lens
   * bench-kernel, the first table and chart cell spent most of its time there. Renders outside the
   * session, so nothing is shown and the session's own state is untouched.
   */
  private static void warmUpRendering() {
    try {
      tech.tablesaw.api.Table table =
          tech.tablesaw.api.Table.create(
              "warm-up",
              tech.tablesaw.api.StringColumn.create("area", "Kent"),
              tech.tablesaw.api.IntColumn.create("cases", 1));
      org.probationlens.kernel.display.Rendering.plotlyLoader();
      org.probationlens.render.Renderers.render(table);
      org.probationlens.render.Renderers.render(
          tech.tablesaw.plotly.api.VerticalBarPlot.create("warm-up", table, "area", "cases"));
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.FINE, "rendering warm-up", e);
    }
  }

  /** Rows of the case file {@link #warmUpReading} reads: enough for C1 to compile the reader. */
  static final int WARM_UP_ROWS = 20_000;

  /**
   * Reads a small case file, written here and deleted, after the rendering warm-up, so that the
   * analyst's first load runs the CSV reader compiled rather than interpreted: the kernel's JVM
   * compiles with C1 alone, and a method is compiled only after some hundreds of calls, so the
   * first load of a fresh kernel took 1.6 to 1.9 times a later one at 1 million cases (./lens
   * bench, scripts/kernel_engine_bench.py), and 1.5 to 1.7 times with this warm-up. The rows are
   * made-up, valid and never shown.
   *
   * @return the rows the last read gave, or 0 if the warm-up failed (it logs why and goes on)
   */
  static int warmUpReading() {
    java.nio.file.Path file = null;
    int rows = 0;
    try {
      file = java.nio.file.Files.createTempFile("lens-warm-up-", ".csv");
      StringBuilder text = new StringBuilder(WARM_UP_ROWS * 80);
      text.append(org.probationlens.engine.CaseCsv.HEADER).append('\n');
      for (int i = 1; i <= WARM_UP_ROWS; i++) {
        text.append(String.format(java.util.Locale.ROOT, "K%08d", i))
            .append(",CRC,C05,YSW,CO,2015-03-02,2016-03-01,12,10,100,true,COMPLETED,1.25\n");
      }
      java.nio.file.Files.writeString(file, text, StandardCharsets.US_ASCII);
      for (int i = 0; i < 3; i++) {
        rows = org.probationlens.engine.CaseCsv.read(file, 1).rowCount();
      }
    } catch (java.io.IOException | RuntimeException e) {
      LOG.log(Level.FINE, "reading warm-up", e);
    } finally {
      if (file != null) {
        try {
          java.nio.file.Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
          LOG.log(Level.FINE, "reading warm-up: cannot delete " + file, e);
        }
      }
    }
    return rows;
  }

  private CellRunner runner() {
    return session.join().runner();
  }

  private CodeAssist assist() {
    return session.join().assist();
  }

  private List<String> libraryPackages() {
    return session.join().startup().libraryPackages();
  }

  /**
   * A new kernel session: a fresh JShell with the library's packages imported.
   *
   * @return the kernel, ready to evaluate cells
   */
  public static LensKernel create() {
    return new LensKernel();
  }

  /**
   * Runs the cells a class data sharing archive of the kernel is trained on (a value, a table, a
   * chart, a completion), then shuts the session down; for {@code lens kernel install}.
   *
   * @throws Exception if a training cell fails
   */
  public static void warmUp() throws Exception {
    LensKernel kernel = create();
    try {
      kernel.eval("1 + 1");
      kernel.eval(
          "Table t = Table.create(\"areas\", StringColumn.create(\"area\", \"Kent\", \"Essex\"),"
              + " IntColumn.create(\"cases\", 120, 80));\nt");
      kernel.eval(
          "tech.tablesaw.plotly.api.VerticalBarPlot.create(\"cases\", t, \"area\", \"cases\")");
      kernel.complete("Math.ma", 7);
      kernel.isComplete("int x = 1;");
    } finally {
      kernel.onShutdown(false);
    }
  }

  /**
   * Serves the Jupyter protocol on the sockets named in a connection file until the notebook asks
   * the kernel to shut down. Sockets bind to the loopback address only; messages whose HMAC
   * signature does not match the connection key are dropped and logged.
   *
   * @param connectionFile the JSON connection file Jupyter wrote for this kernel
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if the file asks for a non-loopback address, or names a port
   *     another process holds (checked before the session starts)
   */
  public static void serve(Path connectionFile) throws IOException {
    KernelConnection.serve(connectionFile, LensKernel::create);
  }

  /**
   * The packages of this library imported into every session, for example org.probationlens.area.
   */
  public List<String> importedLibraryPackages() {
    return libraryPackages();
  }

  @Override
  public LanguageInfo getLanguageInfo() {
    return new LanguageInfo(
        "java",
        System.getProperty("java.version"),
        "text/x-java-source",
        ".jshell",
        "java",
        "text/x-java",
        "script");
  }

  @Override
  public String getBanner() {
    return "Java "
        + System.getProperty("java.version")
        + " (Probation Lens): JShell with the Probation Lens library, Tablesaw and their data"
        + " on the class path.";
  }

  @Override
  public List<LanguageInfo.Help> getHelpLinks() {
    return List.of();
  }

  /** The cells run in this kernel process, for history requests; see {@link SessionHistory}. */
  @Override
  public HistoryManager getHistoryManager() {
    return history;
  }

  SessionHistory history() {
    return history;
  }

  /** The execution count the base library gives the next execute_request. */
  int nextExecutionCount() {
    return executionCount.get();
  }

  /** Called by the connection before the base library evaluates an execute_request. */
  void beginRequest(Request starting) {
    request = starting;
  }

  /** Called by the connection once the execute_request is answered. */
  void endRequest() {
    request = null;
  }

  // ------------------------------------------------------------------ execute

  /**
   * Makes this kernel the one serving a connection: System.out and System.err are routed by the
   * writing thread's cell for the rest of the process (so a thread's late output finds its cell),
   * stdin reads go to the notebook, and System.exit from a cell is refused.
   */
  void serveInThisProcess() {
    served = true;
    setShouldReplaceStdStreams(false);
    System.setOut(OutputRouter.over(false, System.out));
    System.setErr(OutputRouter.over(true, System.err));
    System.setIn(getIO().in);
  }

  @Override
  public DisplayData eval(String code) throws Exception {
    LensSession.use(lensSession);
    stopRequested = false;
    lastFailure = null;
    long cell = cellsStarted.incrementAndGet();
    running.set(cell);
    Request current = request;
    PrintStream out = served ? getIO().out : System.out;
    PrintStream err = served ? getIO().err : System.err;
    CellStreams streams = new CellStreams(out, err);
    this.streams = streams;
    PrintStream previousOut = System.out;
    PrintStream previousErr = System.err;
    if (!served) {
      System.setOut(OutputRouter.over(false, previousOut));
      System.setErr(OutputRouter.over(true, previousErr));
    }
    CellThreads.enter(streams);
    ScheduledFuture<?> ticker =
        TICKER.scheduleAtFixedRate(streams::forward, 200, 200, TimeUnit.MILLISECONDS);
    DisplayData result = null;
    try {
      result = evalCell(code);
      return result;
    } catch (CellException e) {
      lastFailure = e;
      throw e;
    } finally {
      ticker.cancel(false);
      CellThreads.leave();
      streams.finish(lateStream(current, false, out), lateStream(current, true, err));
      this.streams = null;
      if (!served) {
        System.setOut(previousOut);
        System.setErr(previousErr);
      }
      synchronized (stopLock) {
        running.set(0);
      }
      remember(code, result);
      runLog.write();
    }
  }

  /** Where a thread of the cell prints after the cell ends: the cell's request, if it has one. */
  private static PrintStream lateStream(Request request, boolean error, PrintStream otherwise) {
    if (request == null || request.lateOutput() == null) {
      return otherwise;
    }
    BiConsumer<Boolean, String> publish = request.lateOutput();
    return new PrintStream(
        new java.io.ByteArrayOutputStream() {
          @Override
          public synchronized void flush() {
            if (size() > 0) {
              publish.accept(error, toString(StandardCharsets.UTF_8));
              reset();
            }
          }
        },
        true,
        StandardCharsets.UTF_8);
  }

  /** Passes on what the running cell printed, so a display does not overtake it. */
  private void flushCellOutput() {
    CellStreams running = streams;
    if (running != null) {
      running.forward();
    }
  }

  /** What this session has read and checked, for a headless run's record. */
  public RunLog runLog() {
    return runLog;
  }

  /** The failure of the cell run last, for naming it in the error reply; null if it passed. */
  CellException lastFailure() {
    return lastFailure;
  }

  /** Keeps a cell in the history when its execute_request asked for that, failed cells too. */
  private void remember(String code, DisplayData result) {
    Request current = request;
    if (current == null || !current.storeHistory()) {
      return;
    }
    Object text = result == null ? null : result.getData(MIMEType.TEXT_PLAIN);
    history.record(current.executionCount(), code, text == null ? null : text.toString());
  }

  private DisplayData evalCell(String code) throws CellException {
    return magics.run(code);
  }

  /** Runs Java (no magics) as a cell; for {@link Magics}. */
  private DisplayData runJava(String code) throws CellException {
    return runner()
        .run(code, System.err, () -> stopRequested)
        .map(
            value -> {
              runLog.shown(value);
              runTables.shown(value);
              return rendering.render(value);
            })
        .orElse(null);
  }

  @Override
  public List<String> formatError(Exception e) {
    if (e instanceof CellException cellException) {
      return cellException.report();
    }
    return super.formatError(e);
  }

  /** Shows a value in the current cell's output; used by {@link Display#display(Object)}. */
  void show(Object value) {
    runLog.shown(value);
    runTables.shown(value);
    DisplayData data = rendering.render(value == null ? CellRunner.NullValue.NULL : value);
    if (getIO().display.isAttached()) {
      display(data);
    } else {
      System.out.println(
          data.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
    }
  }

  /**
   * Clears the running cell's output; used by {@link Display#clearOutput(boolean)}. What the cell
   * has printed so far is passed on first, so the clear does not overtake it. Does nothing outside
   * a cell run for a notebook or console.
   */
  void clearOutput(boolean wait) {
    Request current = request;
    if (current == null) {
      return;
    }
    CellStreams running = streams;
    if (running != null) {
      running.forward();
    }
    current
        .clearOutput()
        .accept(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
  }

  // ------------------------------------------------------------------ interrupt and shutdown

  @Override
  public void interrupt() {
    long cell = running.get();
    if (cell == 0) {
      return;
    }
    stopRequested = true;
    Session started = session.getNow(null);
    if (started == null) {
      return;
    }
    CellRunner shell = started.runner();
    stopIfStillRunning(cell, shell, false);
    Thread escalation =
        new Thread(
            () -> {
              // the loop may still be compiling when the interrupt arrives: keep asking
              for (int i = 0; i < 10 && running.get() == cell; i++) {
                try {
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  return;
                }
                stopIfStillRunning(cell, shell, false);
              }
              stopIfStillRunning(cell, shell, true);
            },
            "lens-interrupt-escalation");
    escalation.setDaemon(true);
    escalation.start();
  }

  /**
   * Stops {@code cell} if it is still the one running; {@code threads} stops its snippet threads
   * rather than asking JShell.
   */
  private void stopIfStillRunning(long cell, CellRunner shell, boolean threads) {
    synchronized (stopLock) {
      if (running.get() != cell) {
        return;
      }
      if (threads) {
        stopSnippetThreads();
      } else {
        shell.stop();
      }
    }
  }

  /**
   * Last resort when {@link JShell#stop()} has not ended a cell within a second (it only stops
   * loops in the cell's own code, not loops inside a library): stops the snippet thread.
   */
  @SuppressWarnings({"deprecation", "removal"})
  private static void stopSnippetThreads() {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      ThreadGroup group = thread.getThreadGroup();
      if (group != null && group.getName().startsWith("JShell process local execution")) {
        LOG.warning("stopping snippet thread " + thread.getName() + " after an interrupt");
        try {
          thread.stop();
        } catch (UnsupportedOperationException e) {
          LOG.warning("this JDK cannot stop threads; the cell runs on: " + e.getMessage());
        }
      }
    }
  }

  /**
   * How long a shutdown waits for a running cell to stop (the interrupt's stop, which ends a loop
   * inside a library within about a second) before closing JShell.
   */
  static final long SHUTDOWN_STOP_WAIT_MS = 2000;

  /**
   * Ends the session: a running cell is stopped as an interrupt stops it (otherwise it would run
   * on, and the notebook's shell channel, which waits for the cell, would keep the process alive
   * until the client killed it), then JShell is closed.
   */
  @Override
  public void onShutdown(boolean isRestarting) {
    if (running.get() != 0) {
      interrupt();
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_STOP_WAIT_MS);
      while (running.get() != 0 && System.nanoTime() < deadline) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      if (running.get() != 0) {
        LOG.warning(
            "a cell was still running "
                + SHUTDOWN_STOP_WAIT_MS
                + " ms after the shutdown asked it to stop");
      }
    }
    runTables.write(); // a headless run's spreadsheet, once, when the run is over
    try {
      session.cancel(false);
      if (!session.isCancelled()) {
        runner().close();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "closing JShell", e);
    }
  }

  // ------------------------------------------------------------------ complete, inspect,
  // is_complete

  @Override
  public ReplacementOptions complete(String code, int at) {
    return assist().complete(code, at);
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    return assist().inspect(code, at).map(DisplayData::new).orElse(null);
  }

  @Override
  public String isComplete(String code) {
    if (!session.isDone()) {
      // JShell is still starting; jupyter console waits 1 s for this answer and otherwise stops
      // asking for the rest of the session, so answer from the brackets alone
      return CodeAssist.bracketsComplete(code);
    }
    return assist().isComplete(code);
  }
}
