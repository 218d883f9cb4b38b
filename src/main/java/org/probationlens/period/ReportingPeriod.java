package org.probationlens.period;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.threeten.extra.YearQuarter;

/**
 * The span of start dates over which volumes are counted: a financial year (as contract volumes
 * were reconciled), a financial quarter ("Q1 2017-18", as the NAO reported paid activity) or a
 * calendar quarter. Both ends are inclusive.
 *
 * <p>Contract forecasts are annual. The forecast for a period is each overlapping financial year's
 * forecast times the share of that year's days the period covers (so a quarter of 91 days gets
 * 91/365 of its year's forecast): the forecast is assumed to be spread evenly over the year.
 *
 * @param label how the period is written in results, for example {@code "2015-16"} or {@code "Q1
 *     2017-18"}; not blank
 * @param start the first start date counted, not null
 * @param end the last start date counted, not before {@code start}
 */
public record ReportingPeriod(String label, LocalDate start, LocalDate end) {

  /** Validates the period. */
  public ReportingPeriod {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (label.isBlank()) {
      throw new IllegalArgumentException("a reporting period needs a label; got a blank one");
    }
    if (end.isBefore(start)) {
      throw new IllegalArgumentException(
          "reporting period '" + label + "' ends " + end + " before it starts " + start);
    }
  }

  /**
   * A whole financial year, labelled as published ("2015-16").
   *
   * @param year the year, not null
   * @return the period, not null
   */
  public static ReportingPeriod of(FinancialYear year) {
    return new ReportingPeriod(year.toString(), year.start(), year.end());
  }

  /**
   * A calendar quarter, labelled as threeten-extra writes it ("2017-Q2").
   *
   * @param quarter the quarter, not null
   * @return the period, not null
   */
  public static ReportingPeriod of(YearQuarter quarter) {
    return new ReportingPeriod(quarter.toString(), quarter.atDay(1), quarter.atEndOfQuarter());
  }

  /**
   * Quarter {@code n} of a financial year, labelled as the NAO writes it ("Q1 2017-18" is April to
   * June 2017).
   *
   * @param year the financial year, not null
   * @param n 1 to 4
   * @return the period, not null
   */
  public static ReportingPeriod financialQuarter(FinancialYear year, int n) {
    YearQuarter q = year.quarter(n);
    return new ReportingPeriod("Q" + n + " " + year, q.atDay(1), q.atEndOfQuarter());
  }

  /**
   * Whether a start date falls in this period.
   *
   * @param date the date, not null
   * @return true when {@code start <= date <= end}
   */
  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && !date.isAfter(end);
  }

  /**
   * The financial years this period overlaps, in order.
   *
   * @return the years, not empty
   */
  public List<FinancialYear> financialYears() {
    List<FinancialYear> years = new ArrayList<>();
    for (FinancialYear y = FinancialYear.containing(start); !y.start().isAfter(end); y = y.next()) {
      years.add(y);
    }
    return years;
  }

  /**
   * The share of a financial year's forecast that falls in this period: the days the two have in
   * common over the days of the year.
   *
   * @param year the financial year, not null
   * @return 0 to 1
   */
  public double shareOf(FinancialYear year) {
    LocalDate from = start.isAfter(year.start()) ? start : year.start();
    LocalDate to = end.isBefore(year.end()) ? end : year.end();
    if (to.isBefore(from)) {
      return 0.0;
    }
    return (ChronoUnit.DAYS.between(from, to) + 1) / (double) year.lengthInDays();
  }

  @Override
  public String toString() {
    return label + " (" + start + " to " + end + ")";
  }
}
