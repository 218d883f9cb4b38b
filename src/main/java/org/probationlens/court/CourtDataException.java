package org.probationlens.court;

import java.util.List;

/**
 * Thrown when court data files cannot be loaded as they stand: a missing or altered file, a bad
 * header, or values that break the layout in {@link CourtTable}. The message lists every problem
 * found (up to a limit), each with file, line, column, the value and what was expected; nothing is
 * dropped or corrected.
 */
public final class CourtDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The problems, one line each. */
  private final List<String> problems;

  CourtDataException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * Every problem found, one per entry, e.g. {@code synthetic_orders.csv: line 3, column 7
   * (rar_days_delivered): found "30", expected no more than rar_days_ordered}.
   *
   * @return the problems, not empty
   */
  public List<String> problems() {
    return problems;
  }
}
