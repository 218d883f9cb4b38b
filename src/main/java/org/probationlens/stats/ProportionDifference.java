package org.probationlens.stats;

/**
 * The difference between two independent shares, first minus second, with a confidence interval:
 * for example, the concordance rate of courts whose liaison manager is rated strong minus that of
 * courts rated weak.
 *
 * <p>Build one with {@link #newcombe(long, long, long, long, double)}: Newcombe's hybrid score
 * interval (method 10 in Newcombe 1998, "Interval estimation for the difference between independent
 * proportions: comparison of eleven methods", Statistics in Medicine 17:873-890), which combines
 * the two Wilson intervals and stays inside [-1, 1].
 *
 * @param first the first group's share and Wilson interval
 * @param second the second group's share and Wilson interval
 * @param difference {@code first.estimate() - second.estimate()}
 * @param lower the lower confidence limit of the difference
 * @param upper the upper confidence limit of the difference
 * @param confidence the confidence level, strictly between 0 and 1
 */
public record ProportionDifference(
    Proportion first,
    Proportion second,
    double difference,
    double lower,
    double upper,
    double confidence) {

  /** Validates that the limits bracket the difference and lie in [-1, 1]. */
  public ProportionDifference {
    if (first == null || second == null) {
      throw new IllegalArgumentException("first and second must not be null");
    }
    Proportion.checkConfidence(confidence);
    double expected = first.estimate() - second.estimate();
    if (Math.abs(difference - expected) > 1e-12) {
      throw new IllegalArgumentException(
          "difference must be first - second = " + expected + ", was " + difference);
    }
    if (!(lower >= -1 && lower <= difference && upper >= difference && upper <= 1)) {
      throw new IllegalArgumentException(
          "limits must satisfy -1 <= lower <= difference <= upper <= 1, were lower="
              + lower
              + ", difference="
              + difference
              + ", upper="
              + upper);
    }
  }

  /**
   * Newcombe's hybrid score interval for k1/n1 - k2/n2.
   *
   * <p>With Wilson limits (l1, u1) and (l2, u2) at the same confidence level, the limits are d -
   * sqrt((p1 - l1)² + (u2 - p2)²) and d + sqrt((u1 - p1)² + (p2 - l2)²).
   *
   * @param successes1 the first group's count with the property
   * @param trials1 the first group's size, at least 1
   * @param successes2 the second group's count with the property
   * @param trials2 the second group's size, at least 1
   * @param confidence the confidence level, strictly between 0 and 1
   * @return the difference and interval, not null
   * @throws IllegalArgumentException if a count or the confidence level is out of range
   */
  public static ProportionDifference newcombe(
      long successes1, long trials1, long successes2, long trials2, double confidence) {
    Proportion a = Proportion.wilson(successes1, trials1, confidence);
    Proportion b = Proportion.wilson(successes2, trials2, confidence);
    double d = a.estimate() - b.estimate();
    double below = Math.hypot(a.estimate() - a.lower(), b.upper() - b.estimate());
    double above = Math.hypot(a.upper() - a.estimate(), b.estimate() - b.lower());
    double lower = Math.max(-1.0, Math.min(d, d - below));
    double upper = Math.min(1.0, Math.max(d, d + above));
    return new ProportionDifference(a, b, d, lower, upper, confidence);
  }

  /**
   * The difference and its interval as a reader would write it.
   *
   * @return e.g. {@code "+0.224 (95% CI +0.183 to +0.264): 0.813 (562 of 691) minus 0.589 (698 of
   *     1185)"}
   */
  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "%+.3f (%s CI %+.3f to %+.3f): %.3f (%d of %d) minus %.3f (%d of %d)",
        difference,
        Proportion.percent(confidence),
        lower,
        upper,
        first.estimate(),
        first.successes(),
        first.trials(),
        second.estimate(),
        second.successes(),
        second.trials());
  }

  /**
   * Whether the interval excludes zero, i.e. the two shares differ at this confidence level.
   *
   * @return true if both limits lie on the same side of zero (and neither is zero)
   */
  public boolean excludesZero() {
    return lower > 0 || upper < 0;
  }
}
