package org.probationlens.stats;

import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Spearman's rank correlation between two measures of the same units, with a confidence interval:
 * for example, whether courts whose sentencers say they know the local services are also the courts
 * whose sentences follow the reports' proposals. Ranks, not values, are correlated, so the answer
 * does not depend on the scale of either measure; ties get their average rank.
 *
 * <p>The interval uses Fisher's z transformation with the standard error 1.03/sqrt(n - 3) that
 * Fieller, Hartley and Pearson (1957, Biometrika 44:470-481) gave for Spearman's coefficient.
 *
 * @param rho the rank correlation, in [-1, 1]
 * @param lower the lower confidence limit, in [-1, rho]
 * @param upper the upper confidence limit, in [rho, 1]
 * @param units the number of paired units, at least 4
 * @param confidence the confidence level, strictly between 0 and 1
 */
public record RankCorrelation(
    double rho, double lower, double upper, int units, double confidence) {

  /** Validates the coefficient, limits and size. */
  public RankCorrelation {
    if (units < 4) {
      throw new IllegalArgumentException("units must be at least 4, was " + units);
    }
    Proportion.checkConfidence(confidence);
    if (!(lower >= -1 && lower <= rho && rho <= upper && upper <= 1)) {
      throw new IllegalArgumentException(
          "limits must satisfy -1 <= lower <= rho <= upper <= 1, were "
              + lower
              + ", "
              + rho
              + ", "
              + upper);
    }
  }

  /**
   * Spearman's rank correlation of paired values.
   *
   * @param x the first measure, one value per unit, no NaN
   * @param y the second measure, same length as {@code x}, no NaN
   * @param confidence the confidence level, strictly between 0 and 1
   * @return the correlation and interval, not null
   * @throws IllegalArgumentException if the arrays differ in length, have fewer than 4 units, hold
   *     NaN, or either measure is constant (no ranks to correlate)
   */
  public static RankCorrelation spearman(double[] x, double[] y, double confidence) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "x and y must pair up, but have " + x.length + " and " + y.length + " values");
    }
    if (x.length < 4) {
      throw new IllegalArgumentException("need at least 4 units, got " + x.length);
    }
    for (int i = 0; i < x.length; i++) {
      if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
        throw new IllegalArgumentException("unit " + i + " has a missing (NaN) value");
      }
    }
    if (constant(x) || constant(y)) {
      throw new IllegalArgumentException("a measure is the same for every unit; nothing to rank");
    }
    Proportion.checkConfidence(confidence);
    double rho = new SpearmansCorrelation().correlation(x, y);
    double z = 0.5 * Math.log((1 + rho) / (1 - rho));
    double half = Proportion.z(confidence) * 1.03 / Math.sqrt(x.length - 3);
    double lower = Math.abs(rho) == 1 ? rho : Math.min(rho, Math.tanh(z - half));
    double upper = Math.abs(rho) == 1 ? rho : Math.max(rho, Math.tanh(z + half));
    return new RankCorrelation(rho, lower, upper, x.length, confidence);
  }

  private static boolean constant(double[] v) {
    for (double d : v) {
      if (d != v[0]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The coefficient and interval as a reader would write it.
   *
   * @return e.g. {@code "rho = 0.800 (95% CI -0.318 to 0.987; 5 units)"}
   */
  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "rho = %.3f (%s CI %.3f to %.3f; %d units)",
        rho,
        Proportion.percent(confidence),
        lower,
        upper,
        units);
  }
}
