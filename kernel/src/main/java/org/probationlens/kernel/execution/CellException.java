package org.probationlens.kernel.execution;

import java.util.List;

/**
 * A cell that did not run to the end: the report is what the analyst sees, line by line, with no
 * kernel internals in it, and the name is what the notebook shows as the error's name (the
 * analyst's own exception, such as NoSuchFileException, never this wrapper's class).
 */
public abstract class CellException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String name;
  private final List<String> report;

  CellException(String name, String message, List<String> report) {
    super(message, null, false, false);
    this.name = name;
    this.report = List.copyOf(report);
  }

  /** The lines shown to the analyst in place of a Java stack trace. */
  public final List<String> report() {
    return report;
  }

  /**
   * The error's name in the execute reply and error message ({@code ename}): the simple name of the
   * exception the cell threw, {@code CompilationError} or {@code Interrupted}.
   */
  public final String name() {
    return name;
  }
}
