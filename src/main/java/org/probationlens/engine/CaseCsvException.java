package org.probationlens.engine;

/**
 * A case file that the fast reader refused, located: the file, line (1 = header), column, the value
 * found and what was expected there, e.g. {@code cases.csv: line 7, column 8 (sentence_months):
 * found "0", expected an integer 1..120}. Nothing is loaded from a refused file.
 */
public final class CaseCsvException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final String column;
  private final int columnNumber;
  private final String value;
  private final String expected;

  CaseCsvException(
      String file, long line, String column, int columnNumber, String value, String expected) {
    super(
        file
            + ": "
            + (column == null
                ? "line " + line
                : "line " + line + ", column " + columnNumber + " (" + column + ")")
            + ": found \""
            + value
            + "\", expected "
            + expected);
    this.file = file;
    this.line = line;
    this.column = column;
    this.columnNumber = columnNumber;
    this.value = value;
    this.expected = expected;
  }

  /** Returns the file as given to the reader. */
  public String file() {
    return file;
  }

  /** Returns the line, counting the header as line 1. */
  public long line() {
    return line;
  }

  /** Returns the column's name, or null when the whole line is at fault. */
  public String column() {
    return column;
  }

  /** Returns the 1-based field number, or 0 when the whole line is at fault. */
  public int columnNumber() {
    return columnNumber;
  }

  /** Returns the value found, as written in the file. */
  public String value() {
    return value;
  }

  /** Returns what a valid file has there, in words. */
  public String expected() {
    return expected;
  }
}
