package org.probationlens.kernel.execution;

import java.util.List;

/** The cell threw while running; the report shows the analyst's frames first. */
public final class CellRuntimeException extends CellException {
  private static final long serialVersionUID = 1L;

  CellRuntimeException(String name, String message, List<String> report) {
    super(name, message, report);
  }
}
