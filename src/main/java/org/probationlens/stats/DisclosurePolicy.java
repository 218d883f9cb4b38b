package org.probationlens.stats;

import java.util.Objects;

/**
 * How small counts of people on probation are withheld before a table is shown: a minimum count
 * (cells from 1 up to one under it are suppressed, "primary suppression"), whether further cells
 * are suppressed so that row and column totals cannot give a suppressed cell back ("secondary
 * suppression"), whether zeros are suppressed too, and an optional rounding base for the counts
 * that are shown. Immutable; built as {@code withDefaults().withThreshold(10).withRounding(5)},
 * each {@code with} returning a changed copy (the Commons Statistics style).
 *
 * <p><b>The defaults</b> (threshold 10, secondary suppression on, zeros shown, no rounding) follow
 * the common UK government practice for tables from administrative and research data: the Office
 * for National Statistics' "threshold rule" of at least 10 units behind any published cell, as
 * applied in its Statistical Disclosure Control model for research outputs (ONS advice quoted by
 * the Longitudinal Study support unit, https://celsius.lshtm.ac.uk/onscell.html; ONS statistical
 * disclosure control policy,
 * https://www.ons.gov.uk/aboutus/transparencyandgovernance/datastrategy/datapolicies/statisticaldisclosurecontrol).
 * This is not a threshold the Ministry of Justice has published for probation data: we found no MoJ
 * statement of one, and none is claimed. Suppressed cells are marked {@code [c]} ("confidential"),
 * the Government Statistical Service shorthand also used by StatsWales
 * (https://stats.gov.wales/en-GB/shorthand). A zero is shown by default, as a zero count identifies
 * nobody; where a zero could reveal something about a whole group (all of a CPA's cases in one
 * category), suppress zeros with {@link #withZerosSuppressed(boolean)}.
 *
 * <p>The method is in {@link #protect(long[][], TotalsShown)}.
 *
 * <p><b>Not the project's default.</b> Counts from real records are protected by the {@link
 * CellKeyMethod}; this policy applies only where a session or an output chooses it. Its weakness,
 * measured by this project's own attack: within one table, linear programming over the shown cells
 * and totals (knowing that a suppressed cell is not 0 when zeros are shown) bounds or recovers many
 * suppressed counts, and it does nothing against differencing related tables (a roll-up, a filtered
 * copy).
 */
public final class DisclosurePolicy {

  /** The default minimum count: cells of 1 to 9 are suppressed. */
  public static final int DEFAULT_THRESHOLD = 10;

  private static final DisclosurePolicy DEFAULTS =
      new DisclosurePolicy(DEFAULT_THRESHOLD, true, 1, false);

  private final int threshold;
  private final boolean secondary;
  private final int roundingBase;
  private final boolean zerosSuppressed;

  private DisclosurePolicy(
      int threshold, boolean secondary, int roundingBase, boolean zerosSuppressed) {
    if (threshold < 1) {
      throw new IllegalArgumentException(
          "threshold must be at least 1 (the smallest count that may be shown), was " + threshold);
    }
    if (roundingBase < 1) {
      throw new IllegalArgumentException(
          "rounding base must be at least 1 (1 means no rounding), was " + roundingBase);
    }
    if (roundingBase > 1 && threshold % roundingBase != 0) {
      throw new IllegalArgumentException(
          "threshold "
              + threshold
              + " must be a multiple of the rounding base "
              + roundingBase
              + ", so that no shown count rounds to a figure under the threshold");
    }
    this.threshold = threshold;
    this.secondary = secondary;
    this.roundingBase = roundingBase;
    this.zerosSuppressed = zerosSuppressed;
  }

  /**
   * The default policy: threshold 10, secondary suppression on, zeros shown, no rounding.
   *
   * @return the policy, not null
   */
  public static DisclosurePolicy withDefaults() {
    return DEFAULTS;
  }

  /**
   * This policy with another minimum count.
   *
   * @param minimum the smallest count that may be shown, at least 1 (and a multiple of the rounding
   *     base when rounding)
   * @return the changed copy, not null
   * @throws IllegalArgumentException if {@code minimum} is under 1 or not a multiple of the
   *     rounding base
   */
  public DisclosurePolicy withThreshold(int minimum) {
    return new DisclosurePolicy(minimum, secondary, roundingBase, zerosSuppressed);
  }

  /**
   * This policy with secondary suppression on or off. Off leaves tables with totals open to the
   * subtraction attack; use it only to show what secondary suppression adds.
   *
   * @param on whether to suppress further cells so that totals cannot give a suppressed cell back
   * @return the changed copy, not null
   */
  public DisclosurePolicy withSecondarySuppression(boolean on) {
    return new DisclosurePolicy(threshold, on, roundingBase, zerosSuppressed);
  }

  /**
   * This policy with shown counts rounded to the nearest multiple of {@code base} (halves up).
   *
   * @param base the rounding base, such as 5; 1 means no rounding
   * @return the changed copy, not null
   * @throws IllegalArgumentException if {@code base} is under 1 or the threshold is not a multiple
   *     of it
   */
  public DisclosurePolicy withRounding(int base) {
    return new DisclosurePolicy(threshold, secondary, base, zerosSuppressed);
  }

  /**
   * This policy with zeros suppressed as if they were small counts, or shown (the default).
   *
   * @param on whether zeros are suppressed
   * @return the changed copy, not null
   */
  public DisclosurePolicy withZerosSuppressed(boolean on) {
    return new DisclosurePolicy(threshold, secondary, roundingBase, on);
  }

  /**
   * The minimum count that may be shown.
   *
   * @return the threshold, at least 1
   */
  public int threshold() {
    return threshold;
  }

  /**
   * Whether secondary suppression is on.
   *
   * @return true when totals are protected
   */
  public boolean secondarySuppression() {
    return secondary;
  }

  /**
   * The rounding base for shown counts.
   *
   * @return the base, 1 when counts are not rounded
   */
  public int roundingBase() {
    return roundingBase;
  }

  /**
   * Whether zeros are suppressed.
   *
   * @return true when zeros are treated as small counts
   */
  public boolean zerosSuppressed() {
    return zerosSuppressed;
  }

  /**
   * Whether a count needs primary suppression under this policy.
   *
   * @param count a count, not negative
   * @return true for counts from 1 (or 0, when zeros are suppressed) to one under the threshold
   */
  public boolean isSmall(long count) {
    return count < threshold && (count > 0 || zerosSuppressed);
  }

  /**
   * Applies the policy to a table of counts (people or cases, never negative), rows by columns.
   * Margins, whether shown or not, are taken to be known to a reader (a total is usually published
   * somewhere), so the suppression pattern protects against them either way; shown totals are cells
   * of the table and are themselves suppressed when small.
   *
   * <p>Primary suppression withholds every small count ({@link #isSmall}). Secondary suppression
   * then works in two steps. First, while some row or column holds exactly one suppressed cell, the
   * smallest other cell of that line is suppressed (a positive one where there is one, since a
   * suppressed zero could be given back by the fact that counts are not negative). Second, the
   * pattern is checked exactly: with rows and columns as the nodes of a graph and suppressed cells
   * as its edges, a suppressed cell can be worked out from the totals if and only if it lies on no
   * cycle (it is a bridge); for each such cell the cheapest path that closes a cycle through it is
   * suppressed, until no bridge remains. When every suppressed cell is at least 1, a cycle lets a
   * reader add and subtract 1 around it, so each suppressed cell has at least three values
   * consistent with everything shown. Hand-written because Commons Math has no disclosure control;
   * the check is the graph form of the linear-algebra condition tested in {@code
   * DisclosurePolicyTest} with Commons Math's simplex solver.
   *
   * @param counts the counts, at least one row and one column, rectangular, none negative; when
   *     {@code totals} says a totals row or column is shown, it is the last row or column and must
   *     equal the sum of the others
   * @param totals which totals the table shows, not null
   * @return what was suppressed and what to show, not null
   * @throws IllegalArgumentException if the table is empty or ragged, a count is negative, or a
   *     shown total is not the sum of its line (naming the row, column, value and expected sum)
   */
  public DisclosureOutcome protect(long[][] counts, TotalsShown totals) {
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(totals, "totals");
    return new SuppressionGrid(counts, totals, this).run();
  }

  /** Which totals a table of counts shows as its last row or column. */
  public enum TotalsShown {
    /** No totals shown (they are still taken to be known to a reader). */
    NONE,
    /** The last column holds each row's total. */
    LAST_COLUMN,
    /** The last row holds each column's total. */
    LAST_ROW,
    /** The last column and the last row hold the totals; the corner is the grand total. */
    LAST_ROW_AND_COLUMN;

    boolean row() {
      return this == LAST_ROW || this == LAST_ROW_AND_COLUMN;
    }

    boolean column() {
      return this == LAST_COLUMN || this == LAST_ROW_AND_COLUMN;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DisclosurePolicy p
        && p.threshold == threshold
        && p.secondary == secondary
        && p.roundingBase == roundingBase
        && p.zerosSuppressed == zerosSuppressed;
  }

  @Override
  public int hashCode() {
    return Objects.hash(threshold, secondary, roundingBase, zerosSuppressed);
  }

  /**
   * A summary such as "counts under 10 suppressed, with secondary suppression; zeros shown; no
   * rounding".
   *
   * @return the summary, not null
   */
  @Override
  public String toString() {
    return "counts under "
        + threshold
        + " suppressed, "
        + (secondary ? "with" : "without")
        + " secondary suppression; zeros "
        + (zerosSuppressed ? "suppressed" : "shown")
        + "; "
        + (roundingBase == 1
            ? "no rounding"
            : "shown counts rounded to the nearest " + roundingBase);
  }
}
