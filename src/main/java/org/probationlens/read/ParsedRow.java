package org.probationlens.read;

import java.time.LocalDate;
import org.threeten.extra.YearQuarter;

/**
 * The typed values of one CSV row as a {@link Rule} sees them, for checks that span columns (a
 * case's end date not before its start date). A rule only sees a row whose columns it reads all
 * hold valid, non-missing values, so these getters never return null.
 *
 * <p>The validating loader and the fast reader of {@code org.probationlens.engine} each present
 * their parsed row through this view, so one rule, written once in the schema, runs on both paths.
 */
public interface ParsedRow {

  /**
   * The value of a text or code column.
   *
   * @param column the column name, not null
   * @return the text exactly as written, not null
   */
  String text(String column);

  /**
   * The value of an integer column.
   *
   * @param column the column name, not null
   * @return the value
   */
  int integer(String column);

  /**
   * The value of a decimal column.
   *
   * @param column the column name, not null
   * @return the value, finite
   */
  double decimal(String column);

  /**
   * The value of a boolean column.
   *
   * @param column the column name, not null
   * @return the value
   */
  boolean bool(String column);

  /**
   * The value of a date column.
   *
   * @param column the column name, not null
   * @return the date, not null
   */
  LocalDate date(String column);

  /**
   * The value of a quarter column.
   *
   * @param column the column name, not null
   * @return the quarter, not null
   */
  YearQuarter quarter(String column);
}
