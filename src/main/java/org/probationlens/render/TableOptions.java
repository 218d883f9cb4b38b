package org.probationlens.render;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How a table of probation data is shown in a notebook: how many rows and columns at most, how
 * numbers are written, and the source line beneath it. Immutable: each {@code with...} method
 * returns a changed copy, so {@code TableOptions.defaults().withMaxRows(40)} leaves the defaults
 * alone.
 *
 * <p>Defaults: at most 20 rows (the first 10 and the last 10 of a longer table) and 20 columns
 * (likewise), cells cut at 60 characters, thousands separators on, floating-point numbers to 3
 * significant figures with at most 6 decimal places, codes shown with their names ({@link
 * #withNames}), and no source line.
 *
 * <p>Integer columns named like a year ({@code year}, {@code start_year}, {@code Year}: the name is
 * "year" or ends in "_year" or " year", in any case) are written without thousands separators, so
 * that 2015 does not read as "2,015"; name other such columns with {@link #withPlainColumns}.
 */
public final class TableOptions {

  private static final TableOptions DEFAULTS =
      new TableOptions(20, 20, 60, 3, 6, -1, true, Set.of(), null, true);

  private final int maxRows;
  private final int maxColumns;
  private final int maxCellChars;
  private final int significantDigits;
  private final int maxDecimals;
  private final int fixedDecimals;
  private final boolean thousandsSeparators;
  private final Set<String> plainColumns;
  private final String source;
  private final boolean names;

  private TableOptions(
      int maxRows,
      int maxColumns,
      int maxCellChars,
      int significantDigits,
      int maxDecimals,
      int fixedDecimals,
      boolean thousandsSeparators,
      Set<String> plainColumns,
      String source,
      boolean names) {
    this.maxRows = maxRows;
    this.maxColumns = maxColumns;
    this.maxCellChars = maxCellChars;
    this.significantDigits = significantDigits;
    this.maxDecimals = maxDecimals;
    this.fixedDecimals = fixedDecimals;
    this.thousandsSeparators = thousandsSeparators;
    this.plainColumns = plainColumns;
    this.source = source;
    this.names = names;
  }

  /**
   * The default options (described on the class).
   *
   * @return the defaults, not null
   */
  public static TableOptions defaults() {
    return DEFAULTS;
  }

  /**
   * At most this many data rows are shown: all of a table that has no more, otherwise the first
   * half (rounded up) and the last half with an ellipsis row between.
   *
   * @param maxRows 0 or more (0 shows the header and footer only)
   * @return the changed copy, not null
   * @throws IllegalArgumentException if {@code maxRows} is negative
   */
  public TableOptions withMaxRows(int maxRows) {
    if (maxRows < 0) {
      throw new IllegalArgumentException("maxRows must be 0 or more; got " + maxRows);
    }
    return new TableOptions(
        maxRows,
        maxColumns,
        maxCellChars,
        significantDigits,
        maxDecimals,
        fixedDecimals,
        thousandsSeparators,
        plainColumns,
        source,
        names);
  }

  /**
   * At most this many columns are shown: the first half (rounded up) and the last half with an
   * ellipsis column between, when the table is wider.
   *
   * @param maxColumns 1 or more
   * @return the changed copy, not null
   * @throws IllegalArgumentException if {@code maxColumns} is less than 1
   */
  public TableOptions withMaxColumns(int maxColumns) {
    if (maxColumns < 1) {
      throw new IllegalArgumentException("maxColumns must be 1 or more; got " + maxColumns);
    }
    return new TableOptions(
        maxRows,
        maxColumns,
        maxCellChars,
        significantDigits,
        maxDecimals,
        fixedDecimals,
        thousandsSeparators,
        plainColumns,
        source,
        names);
  }

  /**
   * Longer cell values and column names are cut to this many characters, the last being "…".
   *
   * @param maxCellChars 2 or more
   * @return the changed copy, not null
   * @throws IllegalArgumentException if {@code maxCellChars} is less than 2
   */
  public TableOptions withMaxCellChars(int maxCellChars) {
    if (maxCellChars < 2) {
      throw new IllegalArgumentException("maxCellChars must be 2 or more; got " + maxCellChars);
    }
    return new TableOptions(
        maxRows,
        maxColumns,
        maxCellChars,
        significantDigits,
        maxDecimals,
        fixedDecimals,
        thousandsSeparators,
        plainColumns,
        source,
        names);
  }

  /**
   * Floating-point columns get enough decimal places (at least 1, at most {@link #maxDecimals()})
   * for every shown value that is not a whole number to have this many significant figures; a
   * column whose shown values are all whole numbers gets none. All values of a column get the same
   * number of places, so that they line up.
   *
   * @param significantDigits 1 to 17
   * @return the changed copy, not null
   * @throws IllegalArgumentException if {@code significantDigits} is out of range
   */
  public TableOptions withSignificantDigits(int significantDigits) {
    if (significantDigits < 1 || significantDigits > 17) {
      throw new IllegalArgumentException(
          "significantDigits must be 1 to 17; got " + significantDigits);
    }
    return new TableOptions(
        maxRows,
        maxColumns,
        maxCellChars,
        significantDigits,
        maxDecimals,
        fixedDecimals,
        thousandsSeparators,
        plainColumns,
        source,
        names);
  }

  /**
   * The most decimal places the significant-figures rule may give a floating-point column. A
   * non-zero value that would then round to zero is written in scientific notation instead.
   *
   * @param maxDecimals 1 to 15
   * @return the changed copy, not null
   * @throws IllegalArgumentException if {@code maxDecimals} is out of range
   */
  public TableOptions withMaxDecimals(int maxDecimals) {
    if (maxDecimals < 1 || maxDecimals > 15) {
      throw new IllegalArgumentException("maxDecimals must be 1 to 15; got " + maxDecimals);
    }
    return new TableOptions(
        maxRows,
        maxColumns,
        maxCellChars,
        significantDigits,
        maxDecimals,
        fixedDecimals,
        thousandsSeparators,
        plainColumns,
        source,
        names);
  }

  /**
   * Writes every floating-point column with exactly this many decimal places instead of the
   * significant-figures rule (for example 1 for percentages, 2 for money).
   *
   * @param decimals 0 to 15
   * @return the changed copy, not null
   * @throws IllegalArgumentException if {@code decimals} is out of range
   */
  public TableOptions withFixedDecimals(int decimals) {
    if (decimals < 0 || decimals > 15) {
      throw new IllegalArgumentException("decimals must be 0 to 15; got " + decimals);
    }
    return new TableOptions(
        maxRows,
        maxColumns,
        maxCellChars,
        significantDigits,
        maxDecimals,
        decimals,
        thousandsSeparators,
        plainColumns,
        source,
        names);
  }

  /**
   * Whether numbers are written with a comma between thousands ("12,345").
   *
   * @param on true for separators
   * @return the changed copy, not null
   */
  public TableOptions withThousandsSeparators(boolean on) {
    return new TableOptions(
        maxRows,
        maxColumns,
        maxCellChars,
        significantDigits,
        maxDecimals,
        fixedDecimals,
        on,
        plainColumns,
        source,
        names);
  }

  /**
   * Names numeric columns to write without thousands separators (codes, identifiers, years with
   * other names), matched exactly by column name. Replaces any earlier set.
   *
   * @param columnNames the column names, not null, none null
   * @return the changed copy, not null
   */
  public TableOptions withPlainColumns(String... columnNames) {
    Objects.requireNonNull(columnNames, "columnNames");
    return new TableOptions(
        maxRows,
        maxColumns,
        maxCellChars,
        significantDigits,
        maxDecimals,
        fixedDecimals,
        thousandsSeparators,
        Set.of(columnNames),
        source,
        names);
  }

  /**
   * A line beneath the table saying where its data came from, shown as "Source: " and the text (for
   * example "MoJ, Offender Management Statistics Quarterly, table 4.1" or "Synthetic data, seed
   * 2014").
   *
   * @param source the provenance, not null or blank
   * @return the changed copy, not null
   * @throws IllegalArgumentException if {@code source} is blank
   */
  public TableOptions withSource(String source) {
    Objects.requireNonNull(source, "source");
    if (source.isBlank()) {
      throw new IllegalArgumentException("source must not be blank");
    }
    return new TableOptions(
        maxRows,
        maxColumns,
        maxCellChars,
        significantDigits,
        maxDecimals,
        fixedDecimals,
        thousandsSeparators,
        plainColumns,
        source,
        names);
  }

  /**
   * Whether a text column of codes is shown with their names: a CPA, owner, PCC area or NPS
   * division, a work type or another enum-style code, as charts show them ("Kent, Surrey &amp;
   * Sussex (C21)" for C21, "Purple Futures (Interserve-led)" for PURPLE_FUTURES). A column is named
   * only when every value shown is such a code, and not when another column already holds the
   * names. On by default; the table itself is never changed.
   *
   * @param on true for names, false for the codes as they are
   * @return the changed copy, not null
   */
  public TableOptions withNames(boolean on) {
    return new TableOptions(
        maxRows,
        maxColumns,
        maxCellChars,
        significantDigits,
        maxDecimals,
        fixedDecimals,
        thousandsSeparators,
        plainColumns,
        source,
        on);
  }

  /**
   * Whether codes are shown with their names (see {@link #withNames}).
   *
   * @return true when they are
   */
  public boolean names() {
    return names;
  }

  /**
   * The most data rows shown.
   *
   * @return 0 or more
   */
  public int maxRows() {
    return maxRows;
  }

  /**
   * The most columns shown.
   *
   * @return 1 or more
   */
  public int maxColumns() {
    return maxColumns;
  }

  /**
   * The longest cell value or column name shown whole, in characters.
   *
   * @return 2 or more
   */
  public int maxCellChars() {
    return maxCellChars;
  }

  /**
   * Significant figures for floating-point values.
   *
   * @return 1 to 17
   */
  public int significantDigits() {
    return significantDigits;
  }

  /**
   * The most decimal places for floating-point values under the significant-figures rule.
   *
   * @return 1 to 15
   */
  public int maxDecimals() {
    return maxDecimals;
  }

  /**
   * Fixed decimal places for floating-point values, if set.
   *
   * @return the places, or empty for the significant-figures rule
   */
  public OptionalInt fixedDecimals() {
    return fixedDecimals < 0 ? OptionalInt.empty() : OptionalInt.of(fixedDecimals);
  }

  /**
   * Whether numbers get thousands separators.
   *
   * @return true when they do
   */
  public boolean thousandsSeparators() {
    return thousandsSeparators;
  }

  /**
   * Columns written without thousands separators, besides year-named integer columns.
   *
   * @return the names, unmodifiable, not null
   */
  public Set<String> plainColumns() {
    return plainColumns;
  }

  /**
   * The source line.
   *
   * @return the provenance text, or empty when none was given
   */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }
}
