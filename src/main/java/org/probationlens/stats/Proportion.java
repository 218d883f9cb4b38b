package org.probationlens.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A share of cases with some property (reports delivered on time, breaches referred within 8
 * business days, sentences that followed the report's proposal) and its confidence interval.
 *
 * <p>Build one with {@link #wilson(long, long, double)}: the Wilson score interval (Wilson 1927;
 * method 3 in Newcombe 1998, "Two-sided confidence intervals for the single proportion", Statistics
 * in Medicine 17:857-872), which stays inside [0, 1] and behaves well for the small counts of a
 * single court or a single quarter.
 *
 * @param successes the number of cases with the property, 0 to {@code trials}
 * @param trials the number of cases, at least 1
 * @param estimate {@code successes / trials}
 * @param lower the lower confidence limit, in [0, estimate]
 * @param upper the upper confidence limit, in [estimate, 1]
 * @param confidence the confidence level, strictly between 0 and 1 (e.g. 0.95)
 */
public record Proportion(
    long successes, long trials, double estimate, double lower, double upper, double confidence) {

  /** Validates counts, estimate and limits. */
  public Proportion {
    if (trials < 1) {
      throw new IllegalArgumentException("trials must be at least 1, was " + trials);
    }
    if (successes < 0 || successes > trials) {
      throw new IllegalArgumentException(
          "successes must be between 0 and trials (" + trials + "), was " + successes);
    }
    checkConfidence(confidence);
    double expected = (double) successes / trials;
    if (Math.abs(estimate - expected) > 1e-12) {
      throw new IllegalArgumentException(
          "estimate must be successes/trials = " + expected + ", was " + estimate);
    }
    if (!(lower >= 0 && lower <= estimate && upper >= estimate && upper <= 1)) {
      throw new IllegalArgumentException(
          "limits must satisfy 0 <= lower <= estimate <= upper <= 1, were lower="
              + lower
              + ", estimate="
              + estimate
              + ", upper="
              + upper);
    }
  }

  /**
   * The Wilson score interval for {@code successes} out of {@code trials}.
   *
   * <p>With z the standard normal quantile for the confidence level and p = k/n, the limits are (p
   * + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n).
   *
   * @param successes the number of cases with the property, 0 to {@code trials}
   * @param trials the number of cases, at least 1
   * @param confidence the confidence level, strictly between 0 and 1
   * @return the estimate and interval, not null
   * @throws IllegalArgumentException if a count or the confidence level is out of range
   */
  public static Proportion wilson(long successes, long trials, double confidence) {
    if (trials < 1) {
      throw new IllegalArgumentException("trials must be at least 1, was " + trials);
    }
    if (successes < 0 || successes > trials) {
      throw new IllegalArgumentException(
          "successes must be between 0 and trials (" + trials + "), was " + successes);
    }
    checkConfidence(confidence);
    double z = z(confidence);
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
    double lower = successes == 0 ? 0.0 : Math.min(p, Math.max(0.0, centre - half));
    double upper = successes == trials ? 1.0 : Math.max(p, Math.min(1.0, centre + half));
    return new Proportion(successes, trials, p, lower, upper, confidence);
  }

  /**
   * Whether a value lies inside the interval, limits included; for example, whether a published
   * national rate is consistent with a court's own rate.
   *
   * @param value a proportion in [0, 1]
   * @return true if {@code lower <= value <= upper}
   */
  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }

  /**
   * The share and its interval as a reader would write it.
   *
   * @return e.g. {@code "0.365 (95% CI 0.344 to 0.387; 694 of 1902)"}
   */
  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "%.3f (%s CI %.3f to %.3f; %d of %d)",
        estimate,
        percent(confidence),
        lower,
        upper,
        successes,
        trials);
  }

  /** A confidence level as a percentage, e.g. "95%" or "99.8%". */
  static String percent(double confidence) {
    return java.math.BigDecimal.valueOf(confidence * 100).stripTrailingZeros().toPlainString()
        + "%";
  }

  /** The two-sided standard normal quantile for a confidence level. */
  static double z(double confidence) {
    return new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidence) / 2);
  }

  static void checkConfidence(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException(
          "confidence must be strictly between 0 and 1, e.g. 0.95; was " + confidence);
    }
  }
}
