package org.probationlens.read;

import java.util.Objects;

/**
 * One thing wrong with a dataset file, located precisely enough to fix by hand: a case record with
 * a count written as text, an area code that is not one of the 42 PCC areas, a row cut short.
 *
 * @param file the file (or class-path resource) as the caller named it, not null
 * @param line the 1-based physical line of the file where the problem's row starts, counting note
 *     rows and the header; at least 1
 * @param column the column's name, or null when the problem concerns the whole line (for example an
 *     unclosed quote)
 * @param columnNumber the 1-based position of the field in the line, or 0 for the whole line
 * @param value what was found: a cell's text exactly as written (not trimmed); for a problem with
 *     the row or the file's structure, a short description such as {@code 6 fields}; not null.
 *     Messages quote at most {@value #QUOTED_CHARACTERS} characters of it and give its length, so
 *     one huge field cannot make a huge message
 * @param expected what a valid file has there, in words, not null
 */
public record Problem(
    String file, long line, String column, int columnNumber, String value, String expected) {

  /**
   * How many characters of a value a message quotes; a longer value is cut and its length given.
   */
  public static final int QUOTED_CHARACTERS = 60;

  /** Validates the location: line at least 1, column number 0 exactly when no column is named. */
  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(expected, "expected");
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1, was " + line);
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
   * This problem as one line of text without the file name, e.g. {@code line 7, column 8
   * (sentence_months): found "ten", expected an integer 1..120}.
   *
   * @return the description, not null
   */
  public String describe() {
    String where =
        column == null
            ? "line " + line
            : "line " + line + ", column " + columnNumber + " (" + column + ")";
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

  /** Returns {@code file: }{@link #describe()}. */
  @Override
  public String toString() {
    return file + ": " + describe();
  }
}
