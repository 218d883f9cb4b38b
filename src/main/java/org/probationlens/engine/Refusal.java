package org.probationlens.engine;

/**
 * Why the fast reader would not take a file, located as the validating loader locates problems
 * (file, line with the header as 1, column, value, expectation). Internal: {@link CaseCsv} then
 * hands the file to the validating loader, whose verdict and problem list are final.
 */
final class Refusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final String column;
  private final int columnNumber;
  private final String value;
  private final String expected;

  /** True when the file may be valid but is not in the form the fast reader parses. */
  boolean declined;

  Refusal(String file, long line, String column, int columnNumber, String value, String expected) {
    super(
        file
            + ": "
            + (column == null
                ? "line " + line
                : "line " + line + ", column " + columnNumber + " (" + column + ")")
            + ": found \""
            + value
            + "\", expected "
            + expected,
        null,
        false,
        false);
    this.file = file;
    this.line = line;
    this.column = column;
    this.columnNumber = columnNumber;
    this.value = value;
    this.expected = expected;
  }

  /** Returns the file as given to the reader. */
  String file() {
    return file;
  }

  /** Returns the line, counting the header as line 1. */
  long line() {
    return line;
  }

  /** Returns the column's name, or null when the whole line is at fault. */
  String column() {
    return column;
  }

  /** Returns the 1-based field number, or 0 when the whole line is at fault. */
  int columnNumber() {
    return columnNumber;
  }

  /** Returns the value found, as written in the file. */
  String value() {
    return value;
  }

  /** Returns what a valid file has there, in words. */
  String expected() {
    return expected;
  }
}
