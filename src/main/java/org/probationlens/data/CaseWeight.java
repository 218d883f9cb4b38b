package org.probationlens.data;

import java.util.Objects;

/**
 * The two derived columns of the case table, {@code weight} and {@code sentence_months}, as every
 * writer and reader of it computes them: the synthetic generator, and the readers of other layouts
 * (an nDelius extract), which have the same facts in other units.
 *
 * <p>The weights are this project's own, synthetic: the real fee-for-service band weights of the
 * CRC contracts were never published ({@code data/README.md}). A case table read from real records
 * carries these weights too, so its weighted volumes are comparable with the synthetic ones but are
 * not the Ministry of Justice's.
 */
public final class CaseWeight {

  /** The days of the project's month, 365.25 / 12: how a length in days becomes months. */
  public static final double DAYS_PER_MONTH = 365.25 / 12;

  private static final int[] BASE_HUNDREDTHS = {100, 100, 120, 60, 40}; // CO SSO LIC PSS PRE

  private CaseWeight() {}

  /**
   * The weighted-volume weight in hundredths: a base by work type (CO 1.00, SSO 1.00, LIC 1.20, PSS
   * 0.60, PRE 0.40) times a length factor (up to 6 months 0.80; 7-12 1.00; 13-24 1.25; 25-48 1.50;
   * over 48 1.75). Every product is a whole number of hundredths, e.g. a licence after a 25-month
   * sentence weighs 1.20 x 1.50 = 1.80, written {@code 1.80}.
   *
   * @param type the work type, not null
   * @param sentenceMonths the case's {@code sentence_months}, at least 1
   * @return the weight in hundredths of a unit
   */
  public static int hundredths(WorkType type, int sentenceMonths) {
    Objects.requireNonNull(type, "type");
    if (sentenceMonths < 1) {
      throw new IllegalArgumentException("sentenceMonths must be >= 1, was " + sentenceMonths);
    }
    int base = BASE_HUNDREDTHS[type.ordinal()];
    int twentieths; // the length factor in units of 0.05, exact
    if (sentenceMonths <= 6) {
      twentieths = 16;
    } else if (sentenceMonths <= 12) {
      twentieths = 20;
    } else if (sentenceMonths <= 24) {
      twentieths = 25;
    } else if (sentenceMonths <= 48) {
      twentieths = 30;
    } else {
      twentieths = 35;
    }
    return base * twentieths / 20;
  }

  /**
   * A length in days as whole months of {@link #DAYS_PER_MONTH} days, to the nearest (a half
   * rounded up): how {@code sentence_months} comes from a length kept in days.
   *
   * @param days the length in days, at least 0
   * @return the months
   */
  public static int monthsOf(long days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must be >= 0, was " + days);
    }
    return (int) Math.round(days / DAYS_PER_MONTH);
  }

  /**
   * Whole months as days, to the nearest day (a half rounded up); {@link #monthsOf} gives the
   * months back for any length up to 120 months.
   *
   * @param months the months, at least 0
   * @return the days
   */
  public static int daysOf(double months) {
    if (months < 0) {
      throw new IllegalArgumentException("months must be >= 0, was " + months);
    }
    return (int) Math.round(months * DAYS_PER_MONTH);
  }
}
