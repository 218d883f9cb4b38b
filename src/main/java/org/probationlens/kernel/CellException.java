package org.probationlens.kernel;

import java.util.List;

/**
 * A cell that did not run to the end: the report is what the analyst sees, line by line, with no
 * kernel internals in it.
 */
abstract class CellException extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<String> report;

  CellException(String message, List<String> report) {
    super(message, null, false, false);
    this.report = List.copyOf(report);
  }

  /** The lines shown to the analyst in place of a Java stack trace. */
  final List<String> report() {
    return report;
  }
}

/** The cell does not compile; the message points at the cell's own line and column. */
final class CellCompilationException extends CellException {
  private static final long serialVersionUID = 1L;

  CellCompilationException(String message, List<String> report) {
    super(message, report);
  }
}

/** The cell threw while running; the report shows the analyst's frames first. */
final class CellRuntimeException extends CellException {
  private static final long serialVersionUID = 1L;

  CellRuntimeException(String message, List<String> report) {
    super(message, report);
  }
}

/** The cell was stopped by an interrupt request from the notebook. */
final class CellInterruptedException extends CellException {
  private static final long serialVersionUID = 1L;

  CellInterruptedException(String message, List<String> report) {
    super(message, report);
  }
}
