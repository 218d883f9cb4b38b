package org.probationlens.innovation;

/**
 * Thrown when an innovation register file cannot be read as it stands: the message names the file,
 * the line, the column, the value found and what was expected, for example {@code
 * innovations.csv:7: column provider: value 'C22': expected a CPA code C01..C21 or an owner code}.
 */
public final class RegisterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String column;
  private final String value;
  private final String expected;

  RegisterException(String file, int line, String column, String value, String expected) {
    super(
        file + ":" + line + ": column " + column + ": value '" + value + "': expected " + expected);
    this.file = file;
    this.line = line;
    this.column = column;
    this.value = value;
    this.expected = expected;
  }

  /**
   * The file name as given to the loader.
   *
   * @return the file, not null
   */
  public String file() {
    return file;
  }

  /**
   * The 1-based line number (the header is line 1).
   *
   * @return the line
   */
  public int line() {
    return line;
  }

  /**
   * The column name from the header.
   *
   * @return the column, not null
   */
  public String column() {
    return column;
  }

  /**
   * The value found in the cell.
   *
   * @return the value, not null
   */
  public String value() {
    return value;
  }

  /**
   * What the cell should have held.
   *
   * @return the expectation, not null
   */
  public String expected() {
    return expected;
  }
}
