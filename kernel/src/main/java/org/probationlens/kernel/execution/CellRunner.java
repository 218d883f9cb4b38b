package org.probationlens.kernel.execution;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
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

  CellRunner(JShell shell, CapturingExecutionControl.Provider engine) {
    this.shell = shell;
    this.analysis = shell.sourceCodeAnalysis();
    this.engine = engine;
  }

  /** A new session on the given start-up: the class path added and the imports evaluated. */
  public static CellRunner start(StartupImports startup) {
    CapturingExecutionControl.Provider engine = new CapturingExecutionControl.Provider();
    JShell shell = JShell.builder().executionEngine(engine, Map.of()).build();
    for (String entry : startup.classPath()) {
      shell.addToClasspath(entry);
    }
    for (String snippet : startup.snippets()) {
      for (SnippetEvent event : shell.eval(snippet)) {
        if (event.status() == Snippet.Status.REJECTED) {
          java.util.logging.Logger.getLogger(CellRunner.class.getName())
              .warning("start-up import rejected: " + snippet);
        }
      }
    }
    return new CellRunner(shell, engine);
  }

  public JShell shell() {
    return shell;
  }

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
    Cell cell = Cell.split(code, analysis);
    List<Cell.Unit> units = cell.units();
    Map<String, Cell.Unit> unitsById = new HashMap<>();
    SnippetNotes snippetNotes = new SnippetNotes(shell, notes);
    Optional<Object> result = Optional.empty();
    for (int i = 0; i < units.size(); i++) {
      Cell.Unit unit = units.get(i);
      if (stopRequested.getAsBoolean()) {
        throw ErrorReports.interrupted(cell, unit);
      }
      List<SnippetEvent> events = shell.eval(unit.source());
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
