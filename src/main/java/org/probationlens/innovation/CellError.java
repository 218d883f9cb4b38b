package org.probationlens.innovation;

/** A bad cell found while parsing a row: the column and what was expected there. */
final class CellError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final String column;
  final String expected;

  CellError(String column, String expected) {
    super(column + ": expected " + expected);
    this.column = column;
    this.expected = expected;
  }
}
