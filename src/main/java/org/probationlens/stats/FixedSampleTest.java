package org.probationlens.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The fixed-size alternative to a sequential review: review {@code cases} cases, then find the
 * provider sufficient if at least {@code critical} were judged sufficient. Its size is the normal
 * approximation of {@link SampleSize#oneSampleForTest}; its critical count is the smallest whose
 * exact binomial error at p0 is at most α, so its error rates are computed exactly, not simulated.
 *
 * @param p0 the share under the lower hypothesis
 * @param p1 the share under the upper hypothesis, above {@code p0}
 * @param alpha the error allowed of deciding "at least p1" when the share is p0
 * @param beta the error aimed at of deciding "at most p0" when the share is p1
 * @param cases the cases reviewed, at least 1
 * @param critical the fewest sufficient cases that decide "at least p1", 0 to cases + 1
 */
public record FixedSampleTest(
    double p0, double p1, double alpha, double beta, int cases, int critical) {

  /** Validates the design. */
  public FixedSampleTest {
    SampleSize.checkShare(p0, "p0");
    SampleSize.checkShare(p1, "p1");
    SampleSize.checkShare(alpha, "alpha");
    SampleSize.checkShare(beta, "beta");
    if (cases < 1 || critical < 0 || critical > cases + 1) {
      throw new IllegalArgumentException(
          "need cases >= 1 and 0 <= critical <= cases + 1, were " + cases + ", " + critical);
    }
  }

  /**
   * The fixed-size test with the same aims as a sequential rule.
   *
   * @param p0 the share under the lower hypothesis, strictly between 0 and 1
   * @param p1 the share under the upper hypothesis, in (p0, 1)
   * @param alpha the error allowed at p0, strictly between 0 and 1
   * @param beta the error aimed at, at p1, strictly between 0 and 1
   * @return the test, not null
   */
  public static FixedSampleTest of(double p0, double p1, double alpha, double beta) {
    int n = (int) Math.ceil(SampleSize.oneSampleForTest(p0, p1, alpha, beta) - 1e-9);
    BinomialDistribution b = new BinomialDistribution(null, n, p0);
    int c = 0;
    while (c <= n && 1 - b.cumulativeProbability(c - 1) > alpha) {
      c++;
    }
    return new FixedSampleTest(p0, p1, alpha, beta, n, c);
  }

  /**
   * The exact probability of deciding "at least p1" when the true share is {@code share}.
   *
   * @param share the true share, in [0, 1]
   * @return P(Bin(cases, share) &ge; critical)
   */
  public double upperShareAt(double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be in [0, 1], was " + share);
    }
    if (critical == 0) {
      return 1;
    }
    BinomialDistribution b = new BinomialDistribution(null, cases, share);
    return 1 - b.cumulativeProbability(critical - 1);
  }
}
