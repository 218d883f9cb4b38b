package org.probationlens.engine;

import java.util.Objects;

/**
 * One column of a {@link ColumnTable}, read cell by cell: what a writer of another file format (the
 * Parquet module's, for example) needs to copy a table out without going through Tablesaw. Read
 * only; every accessor refuses a row outside the table and a type the column does not hold.
 */
public final class ColumnCells {

  /** What a column holds. */
  public enum Type {
    /** A code from a short list (a work type, an area code), held once per distinct value. */
    CATEGORY,
    /** Free text, such as a case identifier. */
    TEXT,
    /** A whole number, such as RAR days or unpaid-work hours. */
    WHOLE_NUMBER,
    /** A decimal number. */
    DECIMAL,
    /** A calendar date. */
    DATE,
    /** A true or false flag. */
    FLAG
  }

  private final Col col;
  private final Type type;

  ColumnCells(Col col) {
    this.col = Objects.requireNonNull(col, "col");
    if (col instanceof Col.Category) {
      type = Type.CATEGORY;
    } else if (col instanceof Col.Text) {
      type = Type.TEXT;
    } else if (col instanceof Col.Ints || col instanceof Col.DayDifference) {
      type = Type.WHOLE_NUMBER;
    } else if (col instanceof Col.Doubles) {
      type = Type.DECIMAL;
    } else if (col instanceof Col.Days) {
      type = Type.DATE;
    } else if (col instanceof Col.Booleans) {
      type = Type.FLAG;
    } else {
      throw new IllegalArgumentException("column " + col.name + " is a " + col.kind());
    }
  }

  /**
   * Returns the column's name.
   *
   * @return the name, not null
   */
  public String name() {
    return col.name;
  }

  /**
   * Returns what the column holds.
   *
   * @return the type, not null
   */
  public Type type() {
    return type;
  }

  /**
   * Returns the number of rows.
   *
   * @return the rows, at least 0
   */
  public int size() {
    return col.size();
  }

  /**
   * Returns a category's or a text column's value at a row.
   *
   * @param row the row, from 0
   * @return the value, not null
   * @throws IllegalStateException if the column is not a category or text
   */
  public String text(int row) {
    check(row);
    if (col instanceof Col.Category c) {
      return c.dictionary[c.code(row)];
    }
    if (col instanceof Col.Text t) {
      return t.get(row);
    }
    throw wrongType("text");
  }

  /**
   * Returns a whole number at a row.
   *
   * @param row the row, from 0
   * @return the number
   * @throws IllegalStateException if the column does not hold whole numbers
   */
  public int wholeNumber(int row) {
    check(row);
    if (col instanceof Col.Ints i) {
      return i.get(row);
    }
    if (col instanceof Col.DayDifference d) {
      return (int) d.number(row);
    }
    throw wrongType("a whole number");
  }

  /**
   * Returns a decimal at a row.
   *
   * @param row the row, from 0
   * @return the number
   * @throws IllegalStateException if the column does not hold decimals
   */
  public double decimal(int row) {
    check(row);
    if (col instanceof Col.Doubles d) {
      return d.values[row];
    }
    throw wrongType("a decimal");
  }

  /**
   * Returns a date at a row as its day number (days since 1970-01-01, as {@link
   * java.time.LocalDate#toEpochDay()} counts them).
   *
   * @param row the row, from 0
   * @return the day number
   * @throws IllegalStateException if the column does not hold dates
   */
  public int epochDay(int row) {
    check(row);
    if (col instanceof Col.Days d) {
      return d.epochDays[row];
    }
    throw wrongType("a date");
  }

  /**
   * Returns a flag at a row.
   *
   * @param row the row, from 0
   * @return the flag
   * @throws IllegalStateException if the column does not hold flags
   */
  public boolean flag(int row) {
    check(row);
    if (col instanceof Col.Booleans b) {
      return b.values[row];
    }
    throw wrongType("a flag");
  }

  private void check(int row) {
    Objects.checkIndex(row, col.size());
  }

  private IllegalStateException wrongType(String asked) {
    return new IllegalStateException(
        "column " + col.name + " holds " + type + " values, not " + asked);
  }
}
