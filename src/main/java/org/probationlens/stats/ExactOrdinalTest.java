package org.probationlens.stats;

import java.util.Arrays;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * An exact test that one group's ratings on an ordered scale (Inadequate, Requires improvement,
 * Good, Outstanding) tend to be higher than another's, with Cliff's delta as its effect size: the
 * Wilcoxon-Mann-Whitney comparison, made exact by enumerating every way the observed ratings could
 * have been split between the groups (the permutation distribution given the margins), so ties,
 * which fill a four-level scale, need no correction.
 *
 * <p>Cliff's delta is P(X &gt; Y) - P(X &lt; Y) for a rating X from the first group and Y from the
 * second (Cliff 1993, "Dominance statistics", Psychological Bulletin 114:494-509): +1 when every
 * first-group rating is higher, 0 when neither group tends higher. The two-sided p-value is the
 * probability, under random allocation of the ratings to the groups, of a |delta| at least as large
 * as the one observed. Enumeration visits every split of each level's count between the groups, so
 * it suits the few levels and the few dozen providers of an inspection cycle.
 *
 * @param levels the scale's level names, lowest first
 * @param first the first group's count at each level
 * @param second the second group's count at each level
 * @param delta Cliff's delta, first against second, in [-1, 1]
 * @param pTwoSided the exact two-sided p-value, in (0, 1]
 */
public record ExactOrdinalTest(
    java.util.List<String> levels, long[] first, long[] second, double delta, double pTwoSided) {

  private static final double TIE = 1e-9;

  /** Validates the shape and copies the arrays. */
  public ExactOrdinalTest {
    levels = java.util.List.copyOf(levels);
    first = first.clone();
    second = second.clone();
    if (first.length != levels.size() || second.length != levels.size()) {
      throw new IllegalArgumentException(
          "each group needs one count per level (" + levels.size() + ")");
    }
    if (!(delta >= -1 && delta <= 1) || !(pTwoSided > 0 && pTwoSided <= 1 + 1e-12)) {
      throw new IllegalArgumentException(
          "delta must be in [-1, 1] and p in (0, 1], were " + delta + " and " + pTwoSided);
    }
  }

  /**
   * Tests two groups' counts at each level of an ordered scale.
   *
   * @param levels the level names, lowest first, at least 2
   * @param first the first group's count at each level, none negative, total at least 1
   * @param second the second group's count at each level, none negative, total at least 1
   * @return the test, not null
   * @throws IllegalArgumentException if the counts do not fit the levels or a group is empty
   */
  public static ExactOrdinalTest of(java.util.List<String> levels, long[] first, long[] second) {
    int k = levels.size();
    if (k < 2 || first.length != k || second.length != k) {
      throw new IllegalArgumentException(
          "need at least 2 levels and one count per level in each group; levels "
              + levels
              + ", counts "
              + Arrays.toString(first)
              + " and "
              + Arrays.toString(second));
    }
    long[] column = new long[k];
    long n1 = 0;
    long n2 = 0;
    for (int j = 0; j < k; j++) {
      if (first[j] < 0 || second[j] < 0) {
        throw new IllegalArgumentException(
            "counts must not be negative; level '"
                + levels.get(j)
                + "' had "
                + first[j]
                + " and "
                + second[j]);
      }
      column[j] = first[j] + second[j];
      n1 += first[j];
      n2 += second[j];
    }
    if (n1 == 0 || n2 == 0) {
      throw new IllegalArgumentException(
          "each group needs at least one rating; had " + n1 + " and " + n2);
    }
    double observed = cliffsDelta(first, second);
    double logTotal =
        CombinatoricsUtils.binomialCoefficientLog(Math.toIntExact(n1 + n2), Math.toIntExact(n1));
    double[] p = {0};
    long[] x = new long[k];
    enumerate(0, n1, column, x, logTotal, Math.abs(observed), p);
    return new ExactOrdinalTest(levels, first, second, observed, Math.min(1, p[0]));
  }

  /** Visits every first-group count vector with the given column totals and total n1. */
  private static void enumerate(
      int j, long left, long[] column, long[] x, double logTotal, double observed, double[] p) {
    int k = column.length;
    if (j == k - 1) {
      if (left > column[j]) {
        return;
      }
      x[j] = left;
      long[] y = new long[k];
      double logP = -logTotal;
      for (int i = 0; i < k; i++) {
        y[i] = column[i] - x[i];
        logP +=
            CombinatoricsUtils.binomialCoefficientLog(
                Math.toIntExact(column[i]), Math.toIntExact(x[i]));
      }
      if (Math.abs(cliffsDelta(x, y)) >= observed - TIE) {
        p[0] += Math.exp(logP);
      }
      return;
    }
    long rest = 0;
    for (int i = j + 1; i < k; i++) {
      rest += column[i];
    }
    for (long v = Math.max(0, left - rest); v <= Math.min(column[j], left); v++) {
      x[j] = v;
      enumerate(j + 1, left - v, column, x, logTotal, observed, p);
    }
  }

  /**
   * Cliff's delta, P(X &gt; Y) - P(X &lt; Y), from counts at each ordered level.
   *
   * @param first the first group's counts, lowest level first
   * @param second the second group's counts, same length
   * @return delta in [-1, 1]
   */
  public static double cliffsDelta(long[] first, long[] second) {
    long n1 = Arrays.stream(first).sum();
    long n2 = Arrays.stream(second).sum();
    double greater = 0;
    double less = 0;
    long below = 0;
    long total2 = n2;
    for (int j = 0; j < first.length; j++) {
      long atOrBelow = below + second[j];
      greater += (double) first[j] * below;
      less += (double) first[j] * (total2 - atOrBelow);
      below = atOrBelow;
    }
    return (greater - less) / ((double) n1 * n2);
  }

  /**
   * The first group's counts, lowest level first.
   *
   * @return a copy
   */
  @Override
  public long[] first() {
    return first.clone();
  }

  /**
   * The second group's counts, lowest level first.
   *
   * @return a copy
   */
  @Override
  public long[] second() {
    return second.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExactOrdinalTest t
        && levels.equals(t.levels)
        && Arrays.equals(first, t.first)
        && Arrays.equals(second, t.second)
        && Double.compare(delta, t.delta) == 0
        && Double.compare(pTwoSided, t.pTwoSided) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * levels.hashCode() + 7 * Arrays.hashCode(first) + Arrays.hashCode(second);
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "Cliff's delta %+.3f, exact two-sided p = %.4g (%s against %s over %s)",
        delta,
        pTwoSided,
        Arrays.toString(first),
        Arrays.toString(second),
        levels);
  }
}
