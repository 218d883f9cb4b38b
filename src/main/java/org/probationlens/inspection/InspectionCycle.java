package org.probationlens.inspection;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.probationlens.period.FinancialYear;
import org.threeten.extra.YearQuarter;

/**
 * One cycle of HM Inspectorate of Probation's inspections of the probation providers (CRCs and NPS
 * divisions), named, as HMI Probation names its inspection programmes, by the financial year it ran
 * in: "2018-19", the cycle in which all 28 providers were rated, or "2019-20", cut short when
 * inspections were suspended in March 2020.
 *
 * <p>A value type in the threeten-extra style: {@code of} / {@code parse} factories, immutable and
 * thread-safe, ordered in time, equal when the financial years are equal, written as published. The
 * year itself is a {@link FinancialYear}; its quarters are calendar {@link YearQuarter}s.
 */
public final class InspectionCycle implements Comparable<InspectionCycle> {

  private final FinancialYear financialYear;

  private InspectionCycle(FinancialYear financialYear) {
    this.financialYear = financialYear;
  }

  /**
   * The inspection cycle that ran in a financial year.
   *
   * @param financialYear the financial year, not null
   * @return the cycle, not null
   */
  public static InspectionCycle of(FinancialYear financialYear) {
    return new InspectionCycle(Objects.requireNonNull(financialYear, "financialYear"));
  }

  /**
   * Parses a cycle as HMI Probation and the ratings file write it, such as {@code "2018-19"}: four
   * digits, a hyphen, then the last two digits of the following year.
   *
   * @param label the cycle, not null
   * @return the cycle, not null
   * @throws IllegalArgumentException quoting the label when it is not a financial year of that form
   */
  public static InspectionCycle parse(CharSequence label) {
    Objects.requireNonNull(label, "label");
    try {
      return of(FinancialYear.parse(label.toString()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "inspection cycle '"
              + label
              + "' is not a financial year written yyyy-yy, e.g. 2018-19 ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  /**
   * The financial year the cycle ran in, 1 April to 31 March.
   *
   * @return the financial year, not null
   */
  public FinancialYear financialYear() {
    return financialYear;
  }

  /**
   * The four calendar quarters of the cycle's financial year, in time order: for 2018-19, 2018-Q2
   * (April to June 2018) to 2019-Q1 (January to March 2019), the quarters in which the Ministry of
   * Justice publishes the CRCs' contract service levels.
   *
   * @return the quarters, unmodifiable, not null
   */
  public List<YearQuarter> quarters() {
    return IntStream.rangeClosed(1, 4).mapToObj(financialYear::quarter).toList();
  }

  /**
   * The cycle after this one.
   *
   * @return the next cycle, not null
   */
  public InspectionCycle next() {
    return of(financialYear.next());
  }

  /**
   * Compares cycles in time order.
   *
   * @param other the other cycle, not null
   * @return negative, zero or positive as this cycle is earlier than, the same as or later than
   *     {@code other}
   */
  @Override
  public int compareTo(InspectionCycle other) {
    return financialYear.compareTo(other.financialYear);
  }

  /**
   * Whether another object is the same cycle.
   *
   * @param o the object, may be null
   * @return true for an inspection cycle of the same financial year
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof InspectionCycle c && c.financialYear.equals(financialYear);
  }

  /**
   * A hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return financialYear.hashCode();
  }

  /**
   * The cycle as published, for example {@code "2018-19"}.
   *
   * @return the label, not null
   */
  @Override
  public String toString() {
    return financialYear.toString();
  }
}
