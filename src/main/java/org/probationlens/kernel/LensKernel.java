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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * The Probation Lens Jupyter kernel: Java cells evaluated by JShell inside the kernel's own JVM, so
 * the library, its reference data and Tablesaw are on the class path from the first cell, with the
 * library's packages already imported for an analyst looking at probation volumes, payments and
 * inspections.
 */
public final class LensKernel extends BaseKernel {
  private static final Logger LOG = Logger.getLogger(LensKernel.class.getName());

  /** Base imports every session starts with, before the library's own packages. */
  private static final List<String> BASE_IMPORTS =
      List.of(
          "java.util",
          "java.util.function",
          "java.util.stream",
          "java.time",
          "java.io",
          "java.nio.file",
          "java.math",
          "tech.tablesaw.api");

  /** Passes on a running cell's output a few times a second. */
  private static final ScheduledExecutorService TICKER =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "lens-output");
            thread.setDaemon(true);
            return thread;
          });

  /** Packages of this project that are machinery, not analysis, and so are not imported. */
  private static final Set<String> NOT_IMPORTED =
      Set.of("org.probationlens.kernel", "org.probationlens.cli");

  private final CapturingExecutionControl.Provider engine =
      new CapturingExecutionControl.Provider();
  private final CompletableFuture<Session> session;
  private final Javadocs javadocs;
  private final Rendering rendering = new Rendering();
  private final AtomicLong running = new AtomicLong();
  private final AtomicLong cellsStarted = new AtomicLong();
  private final SessionHistory history = new SessionHistory();
  private volatile Request request;
  private volatile CellOutput cellOut;
  private volatile CellOutput cellErr;
  private volatile boolean stopRequested;

  /**
   * What the connection knows of the execute_request whose cell is about to be evaluated.
   *
   * @param executionCount the cell's number, {@code In [n]}
   * @param storeHistory whether the client asked for the cell to be kept in the history (not for a
   *     silent request or one with {@code store_history} false)
   * @param clearOutput publishes a clear_output message for the cell on iopub
   */
  record Request(
      int executionCount, boolean storeHistory, Consumer<PublishClearOutput> clearOutput) {}

  /** The JShell instance of a session and what it was started with. */
  private record Session(JShell shell, SourceCodeAnalysis analysis, List<String> libraryPackages) {}

  private LensKernel() {
    this.javadocs = new Javadocs(LensKernel.class.getClassLoader());
    // JShell starts while the sockets come up, so the notebook sees the kernel ready at once;
    // the first request that needs JShell waits for it
    this.session = CompletableFuture.supplyAsync(() -> startSession(engine));
    Display.bind(this);
  }

  private static Session startSession(CapturingExecutionControl.Provider engine) {
    JShell shell = JShell.builder().executionEngine(engine, Map.of()).build();
    List<String> classPath = classPath();
    for (String entry : classPath) {
      shell.addToClasspath(entry);
    }
    List<String> packages = libraryPackages(classPath);
    List<String> imports = new ArrayList<>();
    for (String pkg : BASE_IMPORTS) {
      imports.add("import " + pkg + ".*;");
    }
    for (String pkg : packages) {
      imports.add("import " + pkg + ".*;");
    }
    imports.add("import static " + Display.class.getName() + ".display;");
    imports.add("import static " + Display.class.getName() + ".clearOutput;");
    for (String snippet : imports) {
      for (SnippetEvent event : shell.eval(snippet)) {
        if (event.status() == Snippet.Status.REJECTED) {
          LOG.warning("start-up import rejected: " + snippet);
        }
      }
    }
    return new Session(shell, shell.sourceCodeAnalysis(), packages);
  }

  private JShell shell() {
    return session.join().shell();
  }

  private SourceCodeAnalysis analysis() {
    return session.join().analysis();
  }

  private List<String> libraryPackages() {
    return session.join().libraryPackages();
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
   * Serves the Jupyter protocol on the sockets named in a connection file until the notebook asks
   * the kernel to shut down. Sockets bind to the loopback address only; messages whose HMAC
   * signature does not match the connection key are dropped and logged.
   *
   * @param connectionFile the JSON connection file Jupyter wrote for this kernel
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if the file asks for a non-loopback address
   */
  public static void serve(Path connectionFile) throws IOException {
    KernelConnection.serve(connectionFile, create());
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

  @Override
  public DisplayData eval(String code) throws Exception {
    Display.bind(this);
    stopRequested = false;
    long cell = cellsStarted.incrementAndGet();
    running.set(cell);
    PrintStream out = System.out;
    PrintStream err = System.err;
    CellOutput cellOut = new CellOutput(out);
    CellOutput cellErr = new CellOutput(err);
    this.cellOut = cellOut;
    this.cellErr = cellErr;
    System.setOut(cellOut.printStream());
    System.setErr(cellErr.printStream());
    ScheduledFuture<?> ticker =
        TICKER.scheduleAtFixedRate(
            () -> {
              cellOut.forward();
              cellErr.forward();
            },
            200,
            200,
            TimeUnit.MILLISECONDS);
    DisplayData result = null;
    try {
      result = evalCell(code);
      return result;
    } finally {
      ticker.cancel(false);
      System.out.flush();
      System.err.flush();
      cellOut.finish();
      cellErr.finish();
      this.cellOut = null;
      this.cellErr = null;
      System.setOut(out);
      System.setErr(err);
      running.set(0);
      remember(code, result);
    }
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
    Cell cell = Cell.split(code, analysis());
    List<Cell.Unit> units = cell.units();
    Map<String, Cell.Unit> unitsById = new java.util.HashMap<>();
    DisplayData result = null;
    for (int i = 0; i < units.size(); i++) {
      Cell.Unit unit = units.get(i);
      if (stopRequested) {
        throw interrupted(cell, unit);
      }
      List<SnippetEvent> events = shell().eval(unit.source());
      if (stopRequested) {
        throw interrupted(cell, unit);
      }
      SnippetEvent main = null;
      for (SnippetEvent event : events) {
        if (event.causeSnippet() == null) {
          main = event;
          unitsById.put(event.snippet().id(), unit);
        } else {
          noteDependentChange(event);
        }
      }
      if (main == null) {
        continue;
      }
      if (main.status() == Snippet.Status.REJECTED) {
        throw compilationError(cell, unit, main.snippet());
      }
      if (main.exception() != null) {
        throw runtimeError(cell, unitsById, main.exception());
      }
      noteUnresolved(main);
      if (i == units.size() - 1) {
        result = valueOf(main).map(rendering::render).orElse(null);
      }
    }
    return result;
  }

  /** The object a cell's last snippet evaluates to, when it is an expression. */
  private Optional<Object> valueOf(SnippetEvent event) {
    Snippet snippet = event.snippet();
    VarSnippet variable = null;
    if (snippet instanceof VarSnippet v
        && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
      variable = v;
    } else if (snippet instanceof ExpressionSnippet e
        && snippet.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND) {
      variable =
          shell()
              .variables()
              .filter(v -> v.name().equals(e.name()))
              .filter(v -> shell().status(v).isActive())
              .reduce((first, second) -> second)
              .orElse(null);
    }
    if (variable == null) {
      return Optional.empty();
    }
    shell().varValue(variable);
    Object value = engine.control().captured();
    return Optional.of(value == null ? NullValue.NULL : value);
  }

  /** Stands for a null result, which is shown as the text {@code null}. */
  private enum NullValue {
    NULL;

    @Override
    public String toString() {
      return "null";
    }
  }

  /** Tells the analyst when JShell silently changed an earlier declaration. */
  private void noteDependentChange(SnippetEvent event) {
    Snippet snippet = event.snippet();
    Snippet cause = event.causeSnippet();
    String because = describe(cause);
    if (snippet instanceof VarSnippet v
        && event.previousStatus().isActive()
        && event.status().isActive()) {
      System.err.println(
          "note: variable "
              + v.name()
              + " ("
              + v.typeName()
              + ") was reset to "
              + defaultValueOf(v.typeName())
              + " because "
              + because
              + " was redefined; its earlier value is lost.");
    } else if (snippet instanceof DeclarationSnippet d
        && event.previousStatus().isActive()
        && !event.status().isActive()
        && event.status() != Snippet.Status.OVERWRITTEN) {
      System.err.println(
          "note: " + describe(d) + " can no longer be used because " + because + " changed.");
    } else if (snippet instanceof DeclarationSnippet d
        && event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
      System.err.println(
          "note: " + describe(d) + " is not usable until " + unresolved(d) + " is defined.");
    }
  }

  private void noteUnresolved(SnippetEvent event) {
    if (event.snippet() instanceof DeclarationSnippet d
        && (event.status() == Snippet.Status.RECOVERABLE_DEFINED
            || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED)) {
      System.err.println(
          "note: " + describe(d) + " is defined but cannot be used until " + unresolved(d) + ".");
    }
  }

  private String unresolved(DeclarationSnippet d) {
    List<String> names = shell().unresolvedDependencies(d).toList();
    return names.isEmpty() ? "its dependencies are defined" : String.join(", ", names) + " exist";
  }

  private static String describe(Snippet snippet) {
    if (snippet instanceof VarSnippet v) {
      return "variable " + v.name();
    }
    if (snippet instanceof jdk.jshell.MethodSnippet m) {
      return "method " + m.name() + "(" + m.parameterTypes() + ")";
    }
    if (snippet instanceof jdk.jshell.TypeDeclSnippet t) {
      return "type " + t.name();
    }
    if (snippet instanceof DeclarationSnippet d) {
      return d.name();
    }
    return "snippet #" + snippet.id();
  }

  private static String defaultValueOf(String typeName) {
    switch (typeName) {
      case "boolean":
        return "false";
      case "char":
        return "'\\0'";
      case "byte":
      case "short":
      case "int":
      case "long":
        return "0";
      case "float":
      case "double":
        return "0.0";
      default:
        return "null";
    }
  }

  private CellException compilationError(Cell cell, Cell.Unit unit, Snippet snippet) {
    List<String> report = new ArrayList<>();
    String first = null;
    for (Diag diag : shell().diagnostics(snippet).toList()) {
      if (!diag.isError()) {
        continue;
      }
      long position = diag.getPosition() >= 0 ? diag.getPosition() : diag.getStartPosition();
      int offset = unit.start() + (int) Math.max(0, Math.min(position, unit.source().length()));
      int line = cell.lineOf(offset);
      int column = cell.columnOf(offset);
      String message = diag.getMessage(Locale.ROOT).strip();
      String headline =
          "line " + line + ", column " + column + ": " + message.lines().findFirst().orElse("");
      if (first == null) {
        first = headline;
      }
      report.add("Compilation error at " + headline);
      message.lines().skip(1).forEach(more -> report.add("    " + more.strip()));
      report.add("    " + cell.lineText(offset));
      report.add("    " + " ".repeat(Math.max(0, column - 1)) + "^");
    }
    if (first == null) {
      int line = cell.lineOf(unit.start());
      int column = cell.columnOf(unit.start());
      first =
          "line "
              + line
              + ", column "
              + column
              + ": this statement is not complete Java (check brackets, quotes and semicolons)";
      report.add("Compilation error at " + first);
      report.add("    " + cell.lineText(unit.start()));
    }
    return new CellCompilationException(first, report);
  }

  private CellException runtimeError(Cell cell, Map<String, Cell.Unit> units, JShellException e) {
    List<String> report = new ArrayList<>();
    String headline = describeException(e);
    boolean outOfMemory =
        e instanceof EvalException ee
            && ee.getExceptionClassName().equals("java.lang.OutOfMemoryError");
    if (outOfMemory) {
      long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
      headline = "OutOfMemoryError: the cell ran out of memory (" + e.getMessage() + ")";
      report.add(headline);
      report.add(
          "The kernel is still running with a heap of "
              + maxMb
              + " MB; variables from earlier cells are kept.");
      report.add(
          "Work on less data at once, set large variables to null, or reinstall the kernel"
              + " with a bigger heap (./lens kernel install --heap 8g) and restart it.");
    } else {
      report.add(headline);
    }
    appendFrames(report, cell, units, e);
    Throwable cause = e.getCause();
    int depth = 0;
    while (cause != null && depth++ < 5) {
      report.add(
          "Caused by: " + (cause instanceof JShellException j ? describeException(j) : cause));
      if (cause instanceof JShellException j) {
        appendFrames(report, cell, units, j);
      }
      cause = cause.getCause();
    }
    return new CellRuntimeException(headline, report);
  }

  private static String describeException(JShellException e) {
    if (e instanceof EvalException ee) {
      String message = ee.getMessage();
      return ee.getExceptionClassName() + (message == null ? "" : ": " + message);
    }
    if (e instanceof UnresolvedReferenceException ure) {
      return "cannot run " + describe(ure.getSnippet()) + ": it uses something not yet defined";
    }
    return e.toString();
  }

  /** The analyst's frames first (as cell lines), then where in a library it was thrown. */
  private static void appendFrames(
      List<String> report, Cell cell, Map<String, Cell.Unit> units, JShellException e) {
    StackTraceElement[] frames = e.getStackTrace();
    int firstUser = -1;
    List<String> user = new ArrayList<>();
    for (int i = 0; i < frames.length; i++) {
      StackTraceElement frame = frames[i];
      String file = frame.getFileName();
      if (file == null || !file.startsWith("#")) {
        continue;
      }
      if (firstUser < 0) {
        firstUser = i;
      }
      String id = file.substring(1);
      String method = frame.getMethodName();
      String where = method.isEmpty() ? "" : " in " + method + "()";
      Cell.Unit unit = units.get(id);
      if (unit != null) {
        int line = cell.lineOf(unit.start()) + Math.max(frame.getLineNumber(), 1) - 1;
        user.add("    at this cell, line " + line + where);
      } else {
        user.add(
            "    at snippet #"
                + id
                + ", line "
                + frame.getLineNumber()
                + where
                + " (an earlier cell)");
      }
    }
    if (!user.isEmpty()) {
      report.add("  In your code:");
      report.addAll(user);
    }
    int libraryEnd = firstUser < 0 ? frames.length : firstUser;
    if (libraryEnd > 0) {
      report.add("  Thrown inside:");
      int shown = Math.min(libraryEnd, 8);
      for (int i = 0; i < shown; i++) {
        report.add("    at " + frames[i]);
      }
      if (libraryEnd > shown) {
        report.add("    ... " + (libraryEnd - shown) + " more library frames");
      }
    }
  }

  private CellException interrupted(Cell cell, Cell.Unit unit) {
    String message =
        "the cell was interrupted at line " + cell.lineOf(unit.start()) + "; the kernel is ready";
    return new CellInterruptedException(message, List.of("Interrupted: " + message + "."));
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
    DisplayData data = rendering.render(value == null ? NullValue.NULL : value);
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
    CellOutput out = cellOut;
    CellOutput err = cellErr;
    if (out != null) {
      out.forward();
    }
    if (err != null) {
      err.forward();
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
    JShell shell = started.shell();
    shell.stop();
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
                shell.stop();
              }
              if (running.get() == cell) {
                stopSnippetThreads();
              }
            },
            "lens-interrupt-escalation");
    escalation.setDaemon(true);
    escalation.start();
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

  @Override
  public void onShutdown(boolean isRestarting) {
    try {
      session.cancel(false);
      if (!session.isCancelled()) {
        shell().close();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "closing JShell", e);
    }
  }

  // ------------------------------------------------------------------ complete, inspect,
  // is_complete

  @Override
  public ReplacementOptions complete(String code, int at) {
    Cell cell = Cell.split(code.substring(0, Math.min(at, code.length())), analysis());
    if (cell.units().isEmpty()) {
      return new ReplacementOptions(List.of(), at, at);
    }
    Cell.Unit unit = cell.units().get(cell.units().size() - 1);
    String source = code.substring(unit.start(), at);
    int[] anchor = new int[1];
    List<SourceCodeAnalysis.Suggestion> suggestions =
        analysis().completionSuggestions(source, source.length(), anchor);
    Set<String> matches = new LinkedHashSet<>();
    suggestions.stream()
        .filter(SourceCodeAnalysis.Suggestion::matchesType)
        .forEach(s -> matches.add(s.continuation()));
    suggestions.forEach(s -> matches.add(s.continuation()));
    return new ReplacementOptions(new ArrayList<>(matches), unit.start() + anchor[0], at);
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    int cursor = Math.max(0, Math.min(at, code.length()));
    int end = cursor;
    while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
      end++;
    }
    List<SourceCodeAnalysis.Documentation> docs;
    if (end < code.length() && code.charAt(end) == '(') {
      docs = documentation(code, end + 1);
    } else {
      docs = documentation(code.substring(0, end) + "(", end + 1);
    }
    if (docs.isEmpty()) {
      docs = documentation(code, end);
    }
    if (docs.isEmpty()) {
      return null;
    }
    List<String> packages = new ArrayList<>(libraryPackages());
    packages.add(Display.class.getPackageName());
    StringBuilder text = new StringBuilder();
    Set<String> seen = new TreeSet<>();
    for (SourceCodeAnalysis.Documentation doc : docs) {
      if (!seen.add(doc.signature())) {
        continue;
      }
      if (text.length() > 0) {
        text.append("\n\n");
      }
      text.append(doc.signature());
      String javadoc = doc.javadoc();
      if (javadoc == null) {
        javadoc = javadocs.forSignature(doc.signature(), packages).orElse(null);
      }
      if (javadoc != null) {
        text.append("\n\n").append(javadoc.strip());
      }
    }
    return new DisplayData(text.toString());
  }

  private List<SourceCodeAnalysis.Documentation> documentation(String code, int cursor) {
    Cell cell = Cell.split(code.substring(0, Math.min(cursor, code.length())), analysis());
    if (cell.units().isEmpty()) {
      return List.of();
    }
    Cell.Unit unit = cell.units().get(cell.units().size() - 1);
    String source = code.substring(unit.start(), cursor);
    return analysis().documentation(source, source.length(), true);
  }

  @Override
  public String isComplete(String code) {
    String rest = code;
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis().analyzeCompletion(rest);
      switch (info.completeness()) {
        case COMPLETE:
        case COMPLETE_WITH_SEMI:
          rest = info.remaining();
          break;
        case DEFINITELY_INCOMPLETE:
        case CONSIDERED_INCOMPLETE:
          return indentAfter(code);
        case EMPTY:
          return IS_COMPLETE_YES;
        default:
          return IS_COMPLETE_BAD;
      }
    }
    return IS_COMPLETE_YES;
  }

  private static String indentAfter(String code) {
    String last = code.lines().reduce((a, b) -> b).orElse("");
    int lead = 0;
    while (lead < last.length() && last.charAt(lead) == ' ') {
      lead++;
    }
    String trimmed = last.strip();
    boolean opens = trimmed.endsWith("{") || trimmed.endsWith("(");
    return " ".repeat(lead + (opens ? 4 : 0));
  }

  // ------------------------------------------------------------------ class path

  /** The kernel JVM's class path, with the Class-Path of manifest-only jars followed. */
  private static List<String> classPath() {
    Set<String> entries = new LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (!entry.isBlank()) {
        addWithManifest(Path.of(entry).toAbsolutePath(), entries);
      }
    }
    return new ArrayList<>(entries);
  }

  private static void addWithManifest(Path entry, Set<String> entries) {
    if (!entries.add(entry.toString())
        || !entry.toString().endsWith(".jar")
        || !Files.isRegularFile(entry)) {
      return;
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      if (jar.getManifest() == null) {
        return;
      }
      String manifestPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
      if (manifestPath == null) {
        return;
      }
      for (String item : manifestPath.trim().split("\\s+")) {
        Path resolved;
        if (item.startsWith("file:")) {
          resolved = Path.of(java.net.URI.create(item));
        } else {
          resolved = entry.getParent().resolve(item);
        }
        addWithManifest(resolved.normalize(), entries);
      }
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(Level.FINE, "cannot read manifest of " + entry, e);
    }
  }

  /** The first-level packages org.probationlens.X that hold classes on the class path. */
  private static List<String> libraryPackages(List<String> classPath) {
    Set<String> found = new TreeSet<>();
    for (String entry : classPath) {
      Path path = Path.of(entry);
      if (Files.isDirectory(path)) {
        Path root = path.resolve("org/probationlens");
        if (Files.isDirectory(root)) {
          try (Stream<Path> children = Files.list(root)) {
            children
                .filter(Files::isDirectory)
                .filter(LensKernel::holdsClasses)
                .forEach(d -> found.add("org.probationlens." + d.getFileName()));
          } catch (IOException e) {
            LOG.log(Level.FINE, "cannot list " + root, e);
          }
        }
      } else if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
        try (JarFile jar = new JarFile(path.toFile())) {
          jar.stream()
              .map(java.util.jar.JarEntry::getName)
              .filter(n -> n.startsWith("org/probationlens/") && n.endsWith(".class"))
              .map(n -> n.substring(0, n.lastIndexOf('/')))
              .filter(n -> n.chars().filter(c -> c == '/').count() == 2)
              .forEach(n -> found.add(n.replace('/', '.')));
        } catch (IOException e) {
          LOG.log(Level.FINE, "cannot read " + path, e);
        }
      }
    }
    found.removeAll(NOT_IMPORTED);
    return List.copyOf(found);
  }

  private static boolean holdsClasses(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.anyMatch(f -> f.toString().endsWith(".class"));
    } catch (IOException e) {
      return false;
    }
  }
}
