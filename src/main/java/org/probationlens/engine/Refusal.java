package org.probationlens.engine;

import org.probationlens.read.Problem;

/**
 * Why the fast reader would not take a file: one located {@link Problem}, the same type the
 * validating loader reports. Internal and never thrown to a caller: {@link CaseCsv} then hands the
 * file to the validating loader, whose verdict and problem list are final. It stays an exception
 * (stackless) only because a parse many calls deep stops at the first problem.
 */
final class Refusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  /** True when the file may be valid but is not in the form the fast reader parses. */
  boolean declined;

  Refusal(Problem problem) {
    super(problem.toString(), null, false, false);
    this.problem = problem;
  }

  /**
   * This refusal, {@code lines} lines further down the file: a segment parser counts lines from its
   * segment's start.
   */
  Refusal movedDown(long lines) {
    if (lines == 0) {
      return this;
    }
    Refusal moved =
        new Refusal(
            new Problem(
                problem.file(),
                problem.line() + lines,
                problem.column(),
                problem.columnNumber(),
                problem.value(),
                problem.expected()));
    moved.declined = declined;
    return moved;
  }

  /** Returns the problem, located as the validating loader locates problems. */
  Problem problem() {
    return problem;
  }

  /** Returns the line, counting the header as line 1. */
  long line() {
    return problem.line();
  }

  /** Returns the column's name, or null when the whole line is at fault. */
  String column() {
    return problem.column();
  }

  /** Returns the 1-based field number, or 0 when the whole line is at fault. */
  int columnNumber() {
    return problem.columnNumber();
  }

  /** Returns the value found, as written in the file. */
  String value() {
    return problem.value();
  }

  /** Returns what a valid file has there, in words. */
  String expected() {
    return problem.expected();
  }
}
