package org.probationlens.kernel.execution;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import jdk.jshell.Diag;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

/**
 * Runs a cell's Java in a JShell session, one snippet at a time, and hands back the object the last
 * snippet evaluates to (a table, a chart, a number) rather than JShell's string of it, so the
 * kernel can render it. The execution layer: knows JShell, not the Jupyter protocol.
 */
public final class CellRunner {
  private final JShell shell;
  private final SourceCodeAnalysis analysis;
  private final CapturingExecutionControl.Provider engine;

  /** The session's class path entries, in the order added; the first renews the compiler. */
  private final List<String> classPath = new java.util.concurrent.CopyOnWriteArrayList<>();

  CellRunner(JShell shell, CapturingExecutionControl.Provider engine) {
    this.shell = shell;
    this.analysis = shell.sourceCodeAnalysis();
    this.engine = engine;
  }

  /** A new session on the given start-up: the class path added and the imports evaluated. */
  public static CellRunner start(StartupImports startup) {
    CapturingExecutionControl.Provider engine = new CapturingExecutionControl.Provider();
    JShell shell = JShell.builder().executionEngine(engine, Map.of()).build();
    CellRunner runner = new CellRunner(shell, engine);
    for (String entry : startup.classPath()) {
      runner.addToClasspath(entry);
    }
    for (String snippet : startup.snippets()) {
      for (SnippetEvent event : shell.eval(snippet)) {
        if (event.status() == Snippet.Status.REJECTED) {
          java.util.logging.Logger.getLogger(CellRunner.class.getName())
              .warning("start-up import rejected: " + snippet);
        }
      }
    }
    return runner;
  }

  /**
   * Adds a jar or folder to the class path cells are compiled against and run with. The caller
   * checks that a jar opens: javac cannot drop an entry it fails to read, and fails on every later
   * cell.
   */
  public void addToClasspath(String entry) {
    shell.addToClasspath(entry);
    classPath.add(entry);
  }

  /**
   * The entries added to the class path in this session (the start-up's and those cells added), in
   * the order added.
   *
   * @return an unmodifiable view, not null
   */
  public List<String> addedClassPath() {
    return java.util.Collections.unmodifiableList(classPath);
  }

  /** The session's JShell. */
  public JShell shell() {
    return shell;
  }

  /** JShell's analysis of the session's source, for completion and splitting cells. */
  public SourceCodeAnalysis analysis() {
    return analysis;
  }

  /**
   * Runs {@code code}. Notes about earlier declarations JShell changed go to {@code notes}.
   *
   * @param stopRequested checked between snippets; true ends the cell as interrupted
   * @return the value of the cell's last snippet when it is an expression (null shown as {@link
   *     NullValue#NULL}); empty for a statement or declaration
   * @throws CellException when a snippet does not compile, throws, or the cell is interrupted
   */
  public Optional<Object> run(String code, PrintStream notes, BooleanSupplier stopRequested)
      throws CellException {
    Cell cell = split(code);
    List<Cell.Unit> units = cell.units();
    Map<String, Cell.Unit> unitsById = new HashMap<>();
    SnippetNotes snippetNotes = new SnippetNotes(shell, notes);
    Optional<Object> result = Optional.empty();
    for (int i = 0; i < units.size(); i++) {
      Cell.Unit unit = units.get(i);
      if (stopRequested.getAsBoolean()) {
        throw ErrorReports.interrupted(cell, unit);
      }
      List<SnippetEvent> events = eval(cell, unit);
      if (stopRequested.getAsBoolean()) {
        throw ErrorReports.interrupted(cell, unit);
      }
      SnippetEvent main = null;
      for (SnippetEvent event : events) {
        if (event.causeSnippet() == null) {
          main = event;
          unitsById.put(event.snippet().id(), unit);
        } else {
          snippetNotes.dependentChange(event);
        }
      }
      if (main == null) {
        continue;
      }
      if (main.status() == Snippet.Status.REJECTED) {
        throw ErrorReports.compilationError(shell, cell, unit, main.snippet());
      }
      if (shell.diagnostics(main.snippet()).anyMatch(Diag::isError)) {
        // accepted by the analysis but not turned into a class (javac's "code too large", "too
        // many constants"): JShell keeps the snippet as declared, and javac's reused context
        // keeps the overflowing constant pool, so every later cell would fail
        CellException failed = ErrorReports.compilationError(shell, cell, unit, main.snippet());
        shell.drop(main.snippet());
        renewCompiler();
        throw failed;
      }
      if (main.exception() != null) {
        throw ErrorReports.runtimeError(cell, unitsById, main.exception());
      }
      snippetNotes.unresolved(main);
      if (i == units.size() - 1) {
        result = valueOf(main);
      }
    }
    return result;
  }

  /** Cuts a cell into snippets; a failure inside javac's parser is the cell's error. */
  private Cell split(String code) throws CellException {
    try {
      return Cell.split(code, analysis);
    } catch (RuntimeException | InternalError | StackOverflowError e) {
      renewCompiler();
      Cell whole = Cell.whole(code);
      throw ErrorReports.compilerFailure(whole, whole.units().get(0), e, true);
    }
  }

  /**
   * Evaluates one snippet. An exception thrown out of JShell (javac failing inside its analysis, as
   * with a jar it cannot read, or its own stack overflowing on a deep expression) becomes this
   * cell's compilation error, naming what javac said, and the compiler is renewed so the next cell
   * compiles afresh.
   */
  private List<SnippetEvent> eval(Cell cell, Cell.Unit unit) throws CellException {
    try {
      return shell.eval(unit.source());
    } catch (RuntimeException | InternalError | StackOverflowError e) {
      renewCompiler();
      throw ErrorReports.compilerFailure(cell, unit, e, false);
    }
  }

  /**
   * Gives JShell a new pool of javac contexts, so no state a failed compilation left in a reused
   * context reaches the next cell: JShell makes a new pool whenever the class path changes (JDK 17
   * to 25), so the first entry, already on the path, is added again, which changes nothing else.
   */
  private void renewCompiler() {
    if (classPath.isEmpty()) {
      return; // no entry to add again; JShell's own start-up path is all there is
    }
    try {
      shell.addToClasspath(classPath.get(0));
    } catch (RuntimeException e) {
      java.util.logging.Logger.getLogger(CellRunner.class.getName())
          .warning("could not renew the compiler after a failed compilation: " + e);
    }
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
          shell
              .variables()
              .filter(v -> v.name().equals(e.name()))
              .filter(v -> shell.status(v).isActive())
              .reduce((first, second) -> second)
              .orElse(null);
    }
    if (variable == null) {
      return Optional.empty();
    }
    shell.varValue(variable);
    Object value = engine.control().captured();
    return Optional.of(value == null ? NullValue.NULL : value);
  }

  /** The values of the session's active variables, by name, in declaration order. */
  public java.util.LinkedHashMap<String, Object> variableValues() {
    java.util.LinkedHashMap<String, Object> values = new java.util.LinkedHashMap<>();
    shell
        .variables()
        .filter(v -> shell.status(v).isActive())
        .forEach(
            v -> {
              shell.varValue(v);
              values.put(v.name(), engine.control().captured());
            });
    return values;
  }

  /** Stops the snippet running now, if any (JShell stops loops in the cell's own code). */
  public void stop() {
    shell.stop();
  }

  /** Closes the session's JShell. */
  public void close() {
    shell.close();
  }

  /** Stands for a null result, which is shown as the text {@code null}. */
  public enum NullValue {
    NULL;

    @Override
    public String toString() {
      return "null";
    }
  }
}
