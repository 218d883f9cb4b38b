package org.probationlens.kernel;

import java.util.List;

/**
 * A cell that did not run to the end: the report is what the analyst sees, line by line, with no
 * kernel internals in it, and the name is what the notebook shows as the error's name (the
 * analyst's own exception, such as NoSuchFileException, never this wrapper's class).
 */
abstract class CellException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String name;
  private final List<String> report;

  CellException(String name, String message, List<String> report) {
    super(message, null, false, false);
    this.name = name;
    this.report = List.copyOf(report);
  }

  /** The lines shown to the analyst in place of a Java stack trace. */
  final List<String> report() {
    return report;
  }

  /**
   * The error's name in the execute reply and error message ({@code ename}): the simple name of the
   * exception the cell threw, {@code CompilationError} or {@code Interrupted}.
   */
  final String name() {
    return name;
  }
}

/** The cell does not compile; the message points at the cell's own line and column. */
final class CellCompilationException extends CellException {
  private static final long serialVersionUID = 1L;

  CellCompilationException(String message, List<String> report) {
    super("CompilationError", message, report);
  }
}

/** The cell threw while running; the report shows the analyst's frames first. */
final class CellRuntimeException extends CellException {
  private static final long serialVersionUID = 1L;

  CellRuntimeException(String name, String message, List<String> report) {
    super(name, message, report);
  }
}

/** The cell was stopped by an interrupt request from the notebook. */
final class CellInterruptedException extends CellException {
  private static final long serialVersionUID = 1L;

  CellInterruptedException(String message, List<String> report) {
    super("Interrupted", message, report);
  }
}

/** A magic line the kernel does not know, or one given wrong arguments. */
final class CellMagicException extends CellException {
  private static final long serialVersionUID = 1L;

  CellMagicException(String name, String message) {
    super(name, message, List.of(name + ": " + message));
  }
}
