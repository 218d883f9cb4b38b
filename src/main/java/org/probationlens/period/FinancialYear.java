package org.probationlens.period;

import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.threeten.extra.YearQuarter;

/**
 * A UK government financial year, 1 April to 31 March, written "2015-16" as in MoJ and NAO
 * publications. CRC contract volumes were forecast, paid and reconciled by financial year.
 *
 * <p>threeten-extra has no fiscal-year type (its {@link YearQuarter} is a calendar quarter), so
 * this small value type fills the gap; {@link #quarter(int)} maps a financial quarter ("Q1
 * 2017-18", April to June 2017) onto the calendar {@link YearQuarter} (2017-Q2). Immutable and
 * thread-safe.
 */
public final class FinancialYear implements Comparable<FinancialYear> {

  private static final Pattern LABEL = Pattern.compile("(\\d{4})-(\\d{2})");

  private final int startYear;

  private FinancialYear(int startYear) {
    this.startYear = startYear;
  }

  /**
   * The financial year that starts on 1 April of {@code startYear}.
   *
   * @param startYear the calendar year of its April, 1900 to 2999
   * @return the financial year, not null
   * @throws IllegalArgumentException when the year is out of range
   */
  public static FinancialYear of(int startYear) {
    if (startYear < 1900 || startYear > 2999) {
      throw new IllegalArgumentException(
          "financial year start " + startYear + " is out of range; expected 1900 to 2999");
    }
    return new FinancialYear(startYear);
  }

  /**
   * Parses a label such as {@code "2015-16"}: four digits, a hyphen, then the last two digits of
   * the following year.
   *
   * @param label the label, not null
   * @return the financial year, not null
   * @throws IllegalArgumentException quoting the label when it is not of that form
   */
  public static FinancialYear parse(String label) {
    Objects.requireNonNull(label, "label");
    Matcher m = LABEL.matcher(label);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "financial year '" + label + "' is not of the form yyyy-yy, e.g. 2015-16");
    }
    int start = Integer.parseInt(m.group(1));
    int end = Integer.parseInt(m.group(2));
    if ((start + 1) % 100 != end) {
      throw new IllegalArgumentException(
          "financial year '"
              + label
              + "': the second part must be the year after "
              + start
              + ", i.e. "
              + label(start));
    }
    return of(start);
  }

  /**
   * The financial year that contains a date.
   *
   * @param date the date, not null
   * @return the financial year, not null
   */
  public static FinancialYear containing(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return of(date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1);
  }

  /**
   * The financial year that contains a calendar quarter: January to March belongs to the year that
   * started the April before, so {@code 2016-Q1} is in 2015-16 and {@code 2016-Q2} in 2016-17.
   *
   * @param quarter the calendar quarter, not null
   * @return the financial year, not null
   */
  public static FinancialYear containing(YearQuarter quarter) {
    Objects.requireNonNull(quarter, "quarter");
    return containing(quarter.atDay(1));
  }

  /**
   * The financial years from {@code first} to {@code last}, both included, in order: for example
   * the seven years 2014-15 to 2020-21 that the CRC contracts' volume forecasts cover.
   *
   * @param first the first year, not null
   * @param last the last year, not before {@code first}, not null
   * @return the years, an unmodifiable list, not empty
   * @throws IllegalArgumentException quoting both years when {@code last} is before {@code first}
   */
  public static List<FinancialYear> range(FinancialYear first, FinancialYear last) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (last.startYear < first.startYear) {
      throw new IllegalArgumentException(
          "financial years from " + first + " to " + last + ": the last is before the first");
    }
    List<FinancialYear> years = new ArrayList<>(last.startYear - first.startYear + 1);
    for (int year = first.startYear; year <= last.startYear; year++) {
      years.add(new FinancialYear(year));
    }
    return List.copyOf(years);
  }

  /**
   * The label as MoJ and NAO publications and the project's files ({@code forecast.csv}) write it:
   * the starting year, a hyphen and the last two digits of the next, for example {@code "2015-16"},
   * {@code "1999-00"}. {@link #parse(String)} reads it back.
   *
   * @return the label, not null
   */
  public String label() {
    return label(startYear);
  }

  private static String label(int startYear) {
    int next = (startYear + 1) % 100;
    return startYear + (next < 10 ? "-0" : "-") + next;
  }

  /**
   * The calendar year of the April that starts this financial year.
   *
   * @return the year
   */
  public int startYear() {
    return startYear;
  }

  /**
   * The first day, 1 April.
   *
   * @return the date, not null
   */
  public LocalDate start() {
    return LocalDate.of(startYear, Month.APRIL, 1);
  }

  /**
   * The last day, 31 March of the following calendar year.
   *
   * @return the date, not null
   */
  public LocalDate end() {
    return LocalDate.of(startYear + 1, Month.MARCH, 31);
  }

  /**
   * The number of days, 365 or 366.
   *
   * @return the length in days
   */
  public int lengthInDays() {
    return (int) ChronoUnit.DAYS.between(start(), end()) + 1;
  }

  /**
   * The calendar quarter that is quarter {@code n} of this financial year: Q1 is April to June.
   *
   * @param n 1 to 4
   * @return the calendar quarter, not null
   * @throws IllegalArgumentException when {@code n} is not 1 to 4
   */
  public YearQuarter quarter(int n) {
    if (n < 1 || n > 4) {
      throw new IllegalArgumentException(
          "financial quarter " + n + " of " + this + " does not exist; expected 1 to 4");
    }
    return YearQuarter.of(startYear, 2).plusQuarters(n - 1L);
  }

  /**
   * The next financial year.
   *
   * @return the following year, not null
   */
  public FinancialYear next() {
    return of(startYear + 1);
  }

  @Override
  public int compareTo(FinancialYear other) {
    return Integer.compare(startYear, other.startYear);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FinancialYear f && f.startYear == startYear;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(startYear);
  }

  /** The label as published, for example {@code "2015-16"}: {@link #label()}. */
  @Override
  public String toString() {
    return label();
  }
}
