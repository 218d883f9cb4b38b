package org.probationlens.kernel.execution;

import java.util.List;

/** The cell was stopped by an interrupt request from the notebook. */
public final class CellInterruptedException extends CellException {
  private static final long serialVersionUID = 1L;

  CellInterruptedException(String message, List<String> report) {
    super("Interrupted", message, report);
  }
}
