package org.probationlens.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Sample sizes and margins for a share of cases, the arithmetic behind an inspection's case sample:
 * how many cases a provider must have reviewed for the share meeting a standard to be known within
 * a margin, how wide the margin of a given sample is, and how many cases two providers each need
 * for a difference between them to be detected.
 *
 * <p>The one-provider formulas are Cochran's (Sampling Techniques, 3rd ed., 1977, section 4.4): for
 * simple random sampling without replacement from a caseload of N, the variance of the sample share
 * is (N - n)/(N - 1) · PQ/n, so the margin at confidence level 1 - α is z·sqrt(PQ/n · (N - n)/(N -
 * 1)) and the sample for margin d is n = n0 / (1 + (n0 - 1)/N) with n0 = z²PQ/d². The two-provider
 * size is the normal-approximation formula R's {@code power.prop.test} solves (with its default
 * {@code strict = FALSE}): n = (z<sub>α/2</sub>·sqrt(2·p̄q̄) + z<sub>β</sub>·sqrt(p1q1 + p2q2))² /
 * (p1 - p2)². All methods are static and thread-safe.
 */
public final class SampleSize {

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private SampleSize() {}

  /**
   * Cochran's sample size for an unlimited caseload, n0 = z²·p(1 - p)/d², not rounded.
   *
   * @param expectedShare the share expected to meet the standard, strictly between 0 and 1 (0.5 is
   *     the cautious choice)
   * @param margin the half-width wanted, strictly between 0 and 1 (0.05 for ±5 percentage points)
   * @param confidence the confidence level, strictly between 0 and 1
   * @return n0, a positive real number of cases
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static double infinitePopulation(double expectedShare, double margin, double confidence) {
    checkShare(expectedShare, "expectedShare");
    checkShare(margin, "margin");
    Proportion.checkConfidence(confidence);
    double z = Proportion.z(confidence);
    return z * z * expectedShare * (1 - expectedShare) / (margin * margin);
  }

  /**
   * Cochran's finite-population correction, n = n0 / (1 + (n0 - 1)/N), not rounded.
   *
   * @param n0 the sample size for an unlimited caseload, at least 1
   * @param population the caseload sampled from, at least 1
   * @return the corrected sample size, at most {@code population}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static double finitePopulation(double n0, long population) {
    if (!(n0 >= 1)) {
      throw new IllegalArgumentException("n0 must be at least 1, was " + n0);
    }
    checkPopulation(population);
    return n0 / (1 + (n0 - 1) / population);
  }

  /**
   * The whole number of cases to review for a margin: the finite-population sample rounded up.
   *
   * @param expectedShare the share expected to meet the standard, strictly between 0 and 1
   * @param margin the half-width wanted, strictly between 0 and 1
   * @param confidence the confidence level, strictly between 0 and 1
   * @param population the caseload sampled from, at least 1; {@link Long#MAX_VALUE} for unlimited
   * @return the number of cases, 1 to {@code population}
   */
  public static long forMargin(
      double expectedShare, double margin, double confidence, long population) {
    double n0 = Math.max(1, infinitePopulation(expectedShare, margin, confidence));
    double n = finitePopulation(n0, population);
    return Math.min(population, (long) Math.ceil(n - 1e-9));
  }

  /**
   * The margin (half-width of the normal-approximation interval) of a sample of {@code n} cases
   * from a caseload of {@code population}: z·sqrt(p(1 - p)/n · (N - n)/(N - 1)).
   *
   * @param n the cases reviewed, 1 to {@code population}
   * @param expectedShare the share expected (or found), strictly between 0 and 1
   * @param confidence the confidence level, strictly between 0 and 1
   * @param population the caseload, at least {@code n}; {@link Long#MAX_VALUE} for unlimited
   * @return the margin, 0 when the whole caseload is reviewed
   */
  public static double margin(long n, double expectedShare, double confidence, long population) {
    checkShare(expectedShare, "expectedShare");
    Proportion.checkConfidence(confidence);
    checkPopulation(population);
    if (n < 1 || n > population) {
      throw new IllegalArgumentException(
          "n must be between 1 and the population (" + population + "), was " + n);
    }
    double fpc = population == Long.MAX_VALUE ? 1 : (population - n) / (population - 1.0);
    if (population == 1) {
      fpc = 0;
    }
    return Proportion.z(confidence) * Math.sqrt(expectedShare * (1 - expectedShare) / n * fpc);
  }

  /**
   * The cases each of two providers needs for a two-sided test at level {@code alpha} to detect the
   * difference between shares {@code p1} and {@code p2} with the given power, as R's {@code
   * power.prop.test(p1 = , p2 = , sig.level = , power = )} returns it, not rounded.
   *
   * @param p1 one provider's share, strictly between 0 and 1
   * @param p2 the other's, strictly between 0 and 1, not equal to {@code p1}
   * @param alpha the two-sided significance level, strictly between 0 and 1
   * @param power the power wanted, strictly between 0 and 1
   * @return the cases per provider, a positive real number
   */
  public static double perGroupForDifference(double p1, double p2, double alpha, double power) {
    checkShare(p1, "p1");
    checkShare(p2, "p2");
    checkShare(alpha, "alpha");
    checkShare(power, "power");
    if (p1 == p2) {
      throw new IllegalArgumentException("p1 and p2 must differ, both were " + p1);
    }
    double qa = NORMAL.inverseCumulativeProbability(1 - alpha / 2);
    double qb = NORMAL.inverseCumulativeProbability(power);
    double pbar = (p1 + p2) / 2;
    double top =
        qa * Math.sqrt(2 * pbar * (1 - pbar)) + qb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
    return top * top / ((p1 - p2) * (p1 - p2));
  }

  /**
   * The power of the two-sided two-provider comparison with {@code n} cases each, as {@code
   * power.prop.test(n = , p1 = , p2 = , sig.level = )} gives it (strict = FALSE).
   *
   * @param n the cases per provider, positive
   * @param p1 one provider's share, strictly between 0 and 1
   * @param p2 the other's, strictly between 0 and 1
   * @param alpha the two-sided significance level, strictly between 0 and 1
   * @return the power, in (0, 1)
   */
  public static double powerForDifference(double n, double p1, double p2, double alpha) {
    checkShare(p1, "p1");
    checkShare(p2, "p2");
    checkShare(alpha, "alpha");
    if (!(n > 0)) {
      throw new IllegalArgumentException("n must be positive, was " + n);
    }
    double qa = NORMAL.inverseCumulativeProbability(1 - alpha / 2);
    double pbar = (p1 + p2) / 2;
    double x =
        (Math.sqrt(n) * Math.abs(p1 - p2) - qa * Math.sqrt(2 * pbar * (1 - pbar)))
            / Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
    return NORMAL.cumulativeProbability(x);
  }

  /**
   * The fixed number of cases a one-sided test of one provider's share needs to tell {@code p0}
   * from {@code p1} with errors {@code alpha} (deciding p1 when p0 is true) and {@code beta}: n =
   * ((z<sub>α</sub>·sqrt(p0q0) + z<sub>β</sub>·sqrt(p1q1)) / (p1 - p0))², not rounded. This is the
   * fixed-size sample a sequential rule is compared with.
   *
   * @param p0 the share under the lower hypothesis, strictly between 0 and 1
   * @param p1 the share under the upper hypothesis, greater than {@code p0}, below 1
   * @param alpha the error of deciding p1 when p0 holds, strictly between 0 and 1
   * @param beta the error of deciding p0 when p1 holds, strictly between 0 and 1
   * @return the number of cases, a positive real number
   */
  public static double oneSampleForTest(double p0, double p1, double alpha, double beta) {
    checkShare(p0, "p0");
    checkShare(p1, "p1");
    checkShare(alpha, "alpha");
    checkShare(beta, "beta");
    if (!(p1 > p0)) {
      throw new IllegalArgumentException("p1 must exceed p0, were p0=" + p0 + ", p1=" + p1);
    }
    double za = NORMAL.inverseCumulativeProbability(1 - alpha);
    double zb = NORMAL.inverseCumulativeProbability(1 - beta);
    double top = za * Math.sqrt(p0 * (1 - p0)) + zb * Math.sqrt(p1 * (1 - p1));
    return top * top / ((p1 - p0) * (p1 - p0));
  }

  /**
   * The two-sided standard normal quantile for a confidence level (1.96 for 95%).
   *
   * @param confidence the confidence level, strictly between 0 and 1
   * @return z, positive
   */
  public static double z(double confidence) {
    Proportion.checkConfidence(confidence);
    return Proportion.z(confidence);
  }

  static void checkShare(double value, String name) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be strictly between 0 and 1, was " + value);
    }
  }

  private static void checkPopulation(long population) {
    if (population < 1) {
      throw new IllegalArgumentException("population must be at least 1, was " + population);
    }
  }
}
