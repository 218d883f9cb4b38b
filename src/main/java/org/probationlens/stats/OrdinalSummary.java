package org.probationlens.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * A summary of answers to one ordered-scale question, such as a sentencer-survey item scored on a
 * five-point Likert scale ("strongly disagree" to "strongly agree"), treated as ordinal data: the
 * share at each level and at or above a "top box" level, each with a Wilson interval, and the
 * median level with a distribution-free interval. No mean is taken, since the distance between
 * levels is not known.
 *
 * <p>The median is the lower median, the level of the ⌈n/2⌉-th smallest answer. Its interval is
 * [x<sub>(r)</sub>, x<sub>(n-r+1)</sub>] for the largest r with P(Bin(n, 1/2) &le; r - 1) &le; (1 -
 * confidence)/2 (the order-statistic interval for a median; e.g. Conover, Practical Nonparametric
 * Statistics, 3rd ed., section 3.2), so its coverage is at least the confidence level; when n is
 * too small for any such r, the interval is the whole scale.
 *
 * @param item what was asked, e.g. {@code "AWARE_OF_LOCAL_SERVICES"}
 * @param levels the answer levels from lowest to highest, at least 2, all distinct
 * @param counts the number of answers at each level, same length as {@code levels}
 * @param shares the share of answers at each level, with Wilson intervals
 * @param topBoxFrom the index of the lowest level counted in the top box
 * @param topBox the share of answers at level {@code topBoxFrom} or higher, with a Wilson interval
 * @param median the index of the median level
 * @param medianLower the index of the lower limit of the median's interval
 * @param medianUpper the index of the upper limit of the median's interval
 * @param confidence the confidence level of every interval
 */
public record OrdinalSummary(
    String item,
    List<String> levels,
    List<Long> counts,
    List<Proportion> shares,
    int topBoxFrom,
    Proportion topBox,
    int median,
    int medianLower,
    int medianUpper,
    double confidence) {

  /** Validates the shape of the summary and copies the lists. */
  public OrdinalSummary {
    if (item == null || item.isBlank()) {
      throw new IllegalArgumentException("item must be named");
    }
    levels = List.copyOf(levels);
    counts = List.copyOf(counts);
    shares = List.copyOf(shares);
    if (levels.size() < 2 || levels.stream().distinct().count() != levels.size()) {
      throw new IllegalArgumentException(
          "levels must be at least 2 distinct labels, were " + levels);
    }
    if (counts.size() != levels.size() || shares.size() != levels.size()) {
      throw new IllegalArgumentException(
          "counts and shares must have one entry per level ("
              + levels.size()
              + "), had "
              + counts.size()
              + " and "
              + shares.size());
    }
    if (topBoxFrom < 0 || topBoxFrom >= levels.size()) {
      throw new IllegalArgumentException(
          "topBoxFrom must index a level (0 to " + (levels.size() - 1) + "), was " + topBoxFrom);
    }
    if (!(0 <= medianLower && medianLower <= median && median <= medianUpper)
        || medianUpper >= levels.size()) {
      throw new IllegalArgumentException(
          "median indices must satisfy 0 <= lower <= median <= upper < "
              + levels.size()
              + ", were "
              + medianLower
              + ", "
              + median
              + ", "
              + medianUpper);
    }
    Proportion.checkConfidence(confidence);
  }

  /**
   * Summarises the answers to one item.
   *
   * @param item what was asked, not blank
   * @param levels the answer levels from lowest to highest, at least 2, distinct
   * @param counts the number of answers at each level, none negative, total at least 1
   * @param topBoxFrom the index of the lowest level counted in the top box (for a five-point
   *     agreement scale, 3 counts "agree" and "strongly agree")
   * @param confidence the confidence level, strictly between 0 and 1
   * @return the summary, not null
   * @throws IllegalArgumentException if the counts do not fit the levels or are all zero
   */
  public static OrdinalSummary of(
      String item, List<String> levels, long[] counts, int topBoxFrom, double confidence) {
    if (counts.length != levels.size()) {
      throw new IllegalArgumentException(
          "counts must have one entry per level (" + levels.size() + "), had " + counts.length);
    }
    long n = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException(
            "count for level '" + levels.get(i) + "' must not be negative, was " + counts[i]);
      }
      n += counts[i];
    }
    if (n == 0) {
      throw new IllegalArgumentException("item '" + item + "' has no answers");
    }
    if (topBoxFrom < 0 || topBoxFrom >= levels.size()) {
      throw new IllegalArgumentException(
          "topBoxFrom must index a level (0 to " + (levels.size() - 1) + "), was " + topBoxFrom);
    }
    List<Long> countList = new ArrayList<>();
    List<Proportion> shares = new ArrayList<>();
    long top = 0;
    for (int i = 0; i < counts.length; i++) {
      countList.add(counts[i]);
      shares.add(Proportion.wilson(counts[i], n, confidence));
      if (i >= topBoxFrom) {
        top += counts[i];
      }
    }
    int median = levelAtRank(counts, (n + 1) / 2);
    int lower = 0;
    int upper = levels.size() - 1;
    int r = medianRank(n, confidence);
    if (r >= 1) {
      lower = levelAtRank(counts, r);
      upper = levelAtRank(counts, n - r + 1);
    }
    return new OrdinalSummary(
        item,
        levels,
        countList,
        shares,
        topBoxFrom,
        Proportion.wilson(top, n, confidence),
        median,
        lower,
        upper,
        confidence);
  }

  /**
   * The number of answers.
   *
   * @return the total of {@link #counts()}, at least 1
   */
  public long respondents() {
    return counts.stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The label of the median level.
   *
   * @return a label from {@link #levels()}
   */
  public String medianLevel() {
    return levels.get(median);
  }

  /**
   * The largest rank r (1-based) with P(Bin(n, 1/2) &le; r - 1) &le; (1 - confidence)/2, or 0 if
   * there is none.
   */
  static int medianRank(long n, double confidence) {
    double tail = (1 - confidence) / 2;
    BinomialDistribution b = new BinomialDistribution(null, Math.toIntExact(n), 0.5);
    int r = 0;
    while (r + 1 <= (n + 1) / 2 && b.cumulativeProbability(r) <= tail) {
      r++;
    }
    return r;
  }

  /** The index of the level holding the answer of the given 1-based rank. */
  private static int levelAtRank(long[] counts, long rank) {
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return i;
      }
    }
    throw new IllegalStateException("rank " + rank + " exceeds " + seen + " answers");
  }
}
