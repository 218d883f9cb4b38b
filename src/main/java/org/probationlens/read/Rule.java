package org.probationlens.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A check that spans columns of one row, such as "a rehabilitation activity requirement only on a
 * community or suspended sentence order". A row that breaks it is reported at {@link #column()}
 * with the rule's expected text.
 *
 * <p>The rule runs only on rows where every column it reads holds a valid, non-missing value: a row
 * whose start date is already unreadable gets one problem for that, not a second one here.
 */
public final class Rule {

  private final String column;
  private final String expected;
  private final List<String> reads;
  private final Predicate<ParsedRow> holds;

  /** For a rule made by {@link #notBefore}: the date column it compares with; otherwise null. */
  private final String notBefore;

  private Rule(
      String column,
      String expected,
      List<String> reads,
      Predicate<ParsedRow> holds,
      String notBefore) {
    this.column = column;
    this.expected = expected;
    this.reads = reads;
    this.holds = holds;
    this.notBefore = notBefore;
  }

  /**
   * A rule that a date column is on or after another date column of the same row, such as "an end
   * date on or after the start date". Unlike a rule made by {@link #of}, its meaning is known
   * ({@link #notBefore()}), so a reader that holds dates as day numbers may check it as a
   * comparison of two columns instead of calling it per row; {@link #holds} gives the same verdict.
   *
   * @param column the later date column, where a broken rule is reported, not null
   * @param earlier the date column it must not be before, not null
   * @param expected what a valid row has at {@code column}, in words, not null
   * @return the rule
   */
  public static Rule notBefore(String column, String earlier, String expected) {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(earlier, "earlier");
    Objects.requireNonNull(expected, "expected");
    return new Rule(
        column,
        expected,
        List.of(column, earlier),
        row -> !row.date(column).isBefore(row.date(earlier)),
        earlier);
  }

  /**
   * For a rule made by {@link #notBefore}: the date column that {@link #column()} must not be
   * before.
   *
   * @return that column's name, or empty for a rule made by {@link #of}
   */
  public Optional<String> notBefore() {
    return Optional.ofNullable(notBefore);
  }

  /**
   * A rule reported at {@code column}.
   *
   * @param column the column the problem points at (also read by the rule), not null
   * @param expected what a valid row has there, in words, e.g. {@code "a date on or after
   *     start_date"}, not null
   * @param holds true for a valid row, not null
   * @param alsoReads the other columns the rule reads
   * @return the rule
   */
  public static Rule of(
      String column, String expected, Predicate<ParsedRow> holds, String... alsoReads) {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(holds, "holds");
    List<String> reads = new ArrayList<>();
    reads.add(column);
    for (String other : alsoReads) {
      reads.add(Objects.requireNonNull(other, "alsoReads"));
    }
    return new Rule(column, expected, List.copyOf(reads), holds, null);
  }

  /**
   * The column a broken rule is reported at.
   *
   * @return the column name, not null
   */
  public String column() {
    return column;
  }

  /**
   * What a valid row has at {@link #column()}, in words.
   *
   * @return the text, not null
   */
  public String expected() {
    return expected;
  }

  /**
   * Every column the rule reads, {@link #column()} first.
   *
   * @return an unmodifiable list, not empty
   */
  public List<String> reads() {
    return reads;
  }

  /**
   * Whether a row keeps this rule; the caller has checked that every column in {@link #reads()}
   * holds a valid value.
   *
   * @param row the row, not null
   * @return true for a valid row
   */
  public boolean holds(ParsedRow row) {
    return holds.test(row);
  }

  /** Returns the column and the expected text. */
  @Override
  public String toString() {
    return column + ": " + expected;
  }
}
