package org.probationlens.data;

import java.time.LocalDate;
import java.util.Map;
import org.threeten.extra.YearQuarter;

/**
 * The typed values of one CSV row as a {@link Rule} sees them, for checks that span columns (a
 * case's end date not before its start date). A rule only sees a row whose columns it reads all
 * hold valid, non-missing values, so these getters never return null.
 */
public final class ParsedRow {

  private final Map<String, Integer> positions;
  private final Object[] values;

  ParsedRow(Map<String, Integer> positions, Object[] values) {
    this.positions = positions;
    this.values = values;
  }

  private Object value(String column, Class<?> type) {
    Integer position = positions.get(column);
    if (position == null) {
      throw new IllegalArgumentException("no column named \"" + column + "\" in this schema");
    }
    Object value = values[position];
    if (value == null || value == ColumnSpec.INVALID) {
      throw new IllegalStateException(
          "column \"" + column + "\" has no valid value here; declare it among the rule's reads");
    }
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          "column \""
              + column
              + "\" holds "
              + value.getClass().getSimpleName()
              + ", not "
              + type.getSimpleName());
    }
    return value;
  }

  /**
   * The value of a text or code column.
   *
   * @param column the column name, not null
   * @return the text exactly as written, not null
   */
  public String text(String column) {
    return (String) value(column, String.class);
  }

  /**
   * The value of an integer column.
   *
   * @param column the column name, not null
   * @return the value
   */
  public int integer(String column) {
    return (Integer) value(column, Integer.class);
  }

  /**
   * The value of a decimal column.
   *
   * @param column the column name, not null
   * @return the value, finite
   */
  public double decimal(String column) {
    return (Double) value(column, Double.class);
  }

  /**
   * The value of a boolean column.
   *
   * @param column the column name, not null
   * @return the value
   */
  public boolean bool(String column) {
    return (Boolean) value(column, Boolean.class);
  }

  /**
   * The value of a date column.
   *
   * @param column the column name, not null
   * @return the date, not null
   */
  public LocalDate date(String column) {
    return (LocalDate) value(column, LocalDate.class);
  }

  /**
   * The value of a quarter column.
   *
   * @param column the column name, not null
   * @return the quarter, not null
   */
  public YearQuarter quarter(String column) {
    return (YearQuarter) value(column, YearQuarter.class);
  }
}
