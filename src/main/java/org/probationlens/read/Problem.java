package org.probationlens.read;

import java.util.Objects;

/**
 * One thing wrong with a dataset, located precisely enough to fix by hand: a case record with a
 * count written as text, an area code that is not one of the 42 PCC areas, a row cut short.
 *
 * <p>A problem is found either in a file or in a table already in memory (a table a caller built
 * and handed to an analysis, such as caseloads by PCC area handed to a roll-up); its {@link
 * #origin} says which, and so how {@code file} and {@code line} are read:
 *
 * <ul>
 *   <li>{@link Origin#FILE} (the constructor without an origin): {@code file} is the file as the
 *       caller named it and {@code line} the 1-based physical line, as a text editor counts it.
 *   <li>{@link Origin#TABLE} ({@link #inTable}): {@code file} is the table's name and {@code line}
 *       the 1-based row of the table (row 1 is its first row; a table has no header row), or 0 when
 *       the problem concerns the table's columns rather than one row (a column missing or of the
 *       wrong type). Messages say "row R" instead of "line L".
 * </ul>
 *
 * <p>{@code column} and {@code columnNumber} mean the same in both: the column's name and its
 * 1-based position (in the line, or among the table's columns).
 *
 * @param file the file (or class-path resource) as the caller named it, or for a table the table's
 *     name; not null
 * @param line in a file, the 1-based physical line where the problem's row starts, counting note
 *     rows and the header, at least 1; in a table, the 1-based row, or 0 for the table as a whole
 * @param column the column's name, or null when the problem concerns the whole line or row (for
 *     example an unclosed quote, or a column the table lacks)
 * @param columnNumber the 1-based position of the column, or 0 for the whole line or row
 * @param value what was found: a cell's text exactly as written (not trimmed); for a problem with
 *     the row or the file's structure, a short description such as {@code 6 fields}; not null.
 *     Messages quote at most {@value #QUOTED_CHARACTERS} characters of it and give its length, so
 *     one huge field cannot make a huge message
 * @param expected what a valid file has there, in words, not null
 */
public record Problem(
    String file,
    long line,
    String column,
    int columnNumber,
    String value,
    String expected,
    Origin origin) {

  /** Where a problem was found, which says how its {@code file} and {@code line} are read. */
  public enum Origin {
    /** In a file: {@code file} names the file, {@code line} is a physical line from 1. */
    FILE,
    /**
     * In a table held in memory: {@code file} names the table, {@code line} is a row from 1, or 0
     * for the table's columns.
     */
    TABLE
  }

  /**
   * How many characters of a value a message quotes; a longer value is cut and its length given.
   */
  public static final int QUOTED_CHARACTERS = 60;

  /**
   * Validates the location: a file's line at least 1, a table's row at least 0, column number 0
   * exactly when no column is named.
   */
  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(origin, "origin");
    if (origin == Origin.FILE && line < 1) {
      throw new IllegalArgumentException("line must be >= 1, was " + line);
    }
    if (origin == Origin.TABLE && line < 0) {
      throw new IllegalArgumentException("row must be >= 0, was " + line);
    }
    if (columnNumber < 0 || (columnNumber == 0) != (column == null)) {
      throw new IllegalArgumentException(
          "columnNumber must be >= 1 with a column name, or 0 without one; was "
              + columnNumber
              + " with column "
              + column);
    }
  }

  /**
   * A problem in a file, at a physical line.
   *
   * @param file the file (or class-path resource) as the caller named it, not null
   * @param line the 1-based physical line where the problem's row starts; at least 1
   * @param column the column's name, or null for the whole line
   * @param columnNumber the 1-based position of the field in the line, or 0 for the whole line
   * @param value what was found, not null
   * @param expected what a valid file has there, in words, not null
   */
  public Problem(
      String file, long line, String column, int columnNumber, String value, String expected) {
    this(file, line, column, columnNumber, value, expected, Origin.FILE);
  }

  /**
   * A problem in a table held in memory, at a row, e.g. a caseload table whose row 3 has no count
   * for the roll-up to sum.
   *
   * @param table the table's name, not null
   * @param row the 1-based row of the table, or 0 when the problem concerns its columns
   * @param column the column's name, or null for the whole row (or the whole table)
   * @param columnNumber the 1-based position of the column among the table's columns, or 0
   * @param value what was found, not null
   * @param expected what a valid table has there, in words, not null
   * @return the problem, not null
   */
  public static Problem inTable(
      String table, long row, String column, int columnNumber, String value, String expected) {
    return new Problem(table, row, column, columnNumber, value, expected, Origin.TABLE);
  }

  /**
   * This problem as one line of text without the file or table name, e.g. {@code line 7, column 8
   * (sentence_months): found "ten", expected an integer 1..120}; in a table, {@code row 3, column 2
   * (starts): ...}, or {@code column 2 (starts): ...} and {@code the table: ...} for its columns.
   *
   * @return the description, not null
   */
  public String describe() {
    String place = origin == Origin.FILE ? "line " + line : "row " + line;
    String where;
    if (origin == Origin.TABLE && line == 0) {
      where = column == null ? "the table" : "column " + columnNumber + " (" + column + ")";
    } else {
      where = column == null ? place : place + ", column " + columnNumber + " (" + column + ")";
    }
    return where + ": found " + quoted(value) + ", expected " + expected;
  }

  /**
   * A value as a message quotes it: in double quotes, whole when it has at most {@value
   * #QUOTED_CHARACTERS} characters, otherwise its first {@value #QUOTED_CHARACTERS} then {@code
   * ...} and its length, e.g. {@code "K0000000100000..." (10485760 characters)}.
   *
   * @param value the value, not null
   * @return the quotation, not null
   */
  public static String quoted(String value) {
    return "\"" + bounded(value) + "\"" + lengthNote(value);
  }

  /**
   * The first {@value #QUOTED_CHARACTERS} characters of a value, with {@code ...} when it was cut;
   * for messages outside a {@link Problem}.
   *
   * @param value the value, not null
   * @return the prefix, not null
   */
  public static String bounded(String value) {
    if (value.length() <= QUOTED_CHARACTERS) {
      return value;
    }
    int end = QUOTED_CHARACTERS;
    if (Character.isHighSurrogate(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(0, end) + "...";
  }

  private static String lengthNote(String value) {
    return value.length() <= QUOTED_CHARACTERS ? "" : " (" + value.length() + " characters)";
  }

  /**
   * Returns {@code file: }{@link #describe()}, or {@code table 'name': }{@link #describe()} for a
   * problem in a table.
   */
  @Override
  public String toString() {
    return (origin == Origin.FILE ? file : "table '" + file + "'") + ": " + describe();
  }
}
