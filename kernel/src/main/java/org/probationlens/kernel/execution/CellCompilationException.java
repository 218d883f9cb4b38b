package org.probationlens.kernel.execution;

import java.util.List;

/** The cell does not compile; the message points at the cell's own line and column. */
public final class CellCompilationException extends CellException {
  private static final long serialVersionUID = 1L;

  CellCompilationException(String message, List<String> report) {
    super("CompilationError", message, report);
  }
}
