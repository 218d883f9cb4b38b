package org.probationlens.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Control limits for a funnel plot of shares: units (courts, CRCs) are plotted by their number of
 * cases against their share, and the limits show how far a unit may fall from a common target by
 * chance alone, given its size. A unit outside the limits is unusual; one inside is not shown to
 * differ from the target.
 *
 * <p>Limits use the normal approximation to the binomial given by Spiegelhalter (2005), "Funnel
 * plots for comparing institutional performance", Statistics in Medicine 24:1185-1202: target ±
 * z·sqrt(target·(1 - target)/n), clamped to [0, 1]. The approximation is adequate when n·target and
 * n·(1 - target) are both above about 5; smaller units should be read with care. Immutable and
 * thread-safe.
 */
public final class FunnelLimits {
  private final double target;
  private final double confidence;

  private FunnelLimits(double target, double confidence) {
    this.target = target;
    this.confidence = confidence;
  }

  /**
   * Funnel limits around a target share.
   *
   * @param target the share every unit is compared with, strictly between 0 and 1 (often the pooled
   *     share of all units)
   * @param confidence the coverage of the limits for a unit on target, strictly between 0 and 1
   *     (0.95 and 0.998 are the usual pair)
   * @return the limits, not null
   * @throws IllegalArgumentException if either argument is out of range
   */
  public static FunnelLimits forProportion(double target, double confidence) {
    if (!(target > 0 && target < 1)) {
      throw new IllegalArgumentException("target must be strictly between 0 and 1, was " + target);
    }
    Proportion.checkConfidence(confidence);
    return new FunnelLimits(target, confidence);
  }

  /**
   * The target share.
   *
   * @return the share the limits are drawn around
   */
  public double target() {
    return target;
  }

  /**
   * The coverage of the limits.
   *
   * @return the confidence level, strictly between 0 and 1
   */
  public double confidence() {
    return confidence;
  }

  /**
   * The lower limit for a unit with {@code cases} cases.
   *
   * @param cases the unit's number of cases, at least 1
   * @return a share in [0, target]
   */
  public double lower(long cases) {
    return limit(cases, (1 - confidence) / 2);
  }

  /**
   * The upper limit for a unit with {@code cases} cases.
   *
   * @param cases the unit's number of cases, at least 1
   * @return a share in [target, 1]
   */
  public double upper(long cases) {
    return limit(cases, 1 - (1 - confidence) / 2);
  }

  /**
   * Whether a unit's share lies inside the limits (limits included).
   *
   * @param successes the unit's count with the property, 0 to {@code cases}
   * @param cases the unit's number of cases, at least 1
   * @return true if the unit is not shown to differ from the target
   */
  public boolean contains(long successes, long cases) {
    if (successes < 0 || successes > cases) {
      throw new IllegalArgumentException(
          "successes must be between 0 and cases (" + cases + "), was " + successes);
    }
    double share = (double) successes / cases;
    return share >= lower(cases) && share <= upper(cases);
  }

  private double limit(long cases, double q) {
    if (cases < 1) {
      throw new IllegalArgumentException("cases must be at least 1, was " + cases);
    }
    double z = new NormalDistribution().inverseCumulativeProbability(q);
    double limit = target + z * Math.sqrt(target * (1 - target) / cases);
    return Math.max(0.0, Math.min(1.0, limit));
  }

  @Override
  public String toString() {
    return "FunnelLimits[target=" + target + ", confidence=" + confidence + "]";
  }
}
