package org.probationlens.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The fixed-size alternative to a sequential review: review {@code cases} cases, then find the
 * provider sufficient if at least {@code critical} were judged sufficient. {@link #of} sizes it
 * exactly with the binomial distribution, so both error rates it states are met, not approximately
 * met; {@link #normalApproximation} gives the size the usual normal-approximation formula gives,
 * whose exact errors can exceed what was asked (103 cases for p0 = 0.6, p1 = 0.75, α = β = 0.05,
 * with an exact β of 0.065 where 107 cases meet 0.05). Either way the error rates of a design are
 * computed exactly ({@link #upperShareAt}, {@link #exactAlpha}, {@link #exactBeta}), not simulated.
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

  /** The largest sample {@link #of} searches before giving up. */
  static final int MAX_CASES = 1_000_000;

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
   * The smallest fixed-size test whose exact binomial errors meet both aims: the fewest cases n for
   * which, with the smallest critical count c whose error at p0, P(Bin(n, p0) &ge; c), is at most
   * α, the error at p1, P(Bin(n, p1) &lt; c), is at most β. (The smallest c is the best choice at
   * p1, since a larger c only raises that error.) Because the binomial is discrete, a few sizes
   * just above n may miss β again; n is the smallest that meets both.
   *
   * @param p0 the share under the lower hypothesis, strictly between 0 and 1
   * @param p1 the share under the upper hypothesis, in (p0, 1)
   * @param alpha the error allowed at p0, strictly between 0 and 1
   * @param beta the error aimed at, at p1, strictly between 0 and 1
   * @return the test, not null
   * @throws IllegalArgumentException when p1 is not above p0, or no size up to 1,000,000 meets both
   */
  public static FixedSampleTest of(double p0, double p1, double alpha, double beta) {
    checkAims(p0, p1, alpha, beta);
    for (int n = 1; n <= MAX_CASES; n++) {
      int c = criticalFor(n, p0, alpha);
      if (c <= n && new BinomialDistribution(null, n, p1).cumulativeProbability(c - 1) <= beta) {
        return new FixedSampleTest(p0, p1, alpha, beta, n, c);
      }
    }
    throw new IllegalArgumentException(
        "no fixed sample of up to "
            + MAX_CASES
            + " cases tells p0="
            + p0
            + " from p1="
            + p1
            + " with alpha="
            + alpha
            + " and beta="
            + beta);
  }

  /**
   * The fixed-size test sized by the normal approximation of {@link SampleSize#oneSampleForTest}
   * (rounded up), with the smallest critical count whose exact error at p0 is at most α. Its error
   * at p0 is therefore met exactly; its error at p1 ({@link #exactBeta}) may exceed β. Kept to show
   * what the textbook formula gives beside the exact size.
   *
   * @param p0 the share under the lower hypothesis, strictly between 0 and 1
   * @param p1 the share under the upper hypothesis, in (p0, 1)
   * @param alpha the error allowed at p0, strictly between 0 and 1
   * @param beta the error aimed at, at p1, strictly between 0 and 1
   * @return the test, not null
   */
  public static FixedSampleTest normalApproximation(
      double p0, double p1, double alpha, double beta) {
    checkAims(p0, p1, alpha, beta);
    int n = (int) Math.ceil(SampleSize.oneSampleForTest(p0, p1, alpha, beta) - 1e-9);
    return new FixedSampleTest(p0, p1, alpha, beta, n, criticalFor(n, p0, alpha));
  }

  private static void checkAims(double p0, double p1, double alpha, double beta) {
    SampleSize.checkShare(p0, "p0");
    SampleSize.checkShare(p1, "p1");
    SampleSize.checkShare(alpha, "alpha");
    SampleSize.checkShare(beta, "beta");
    if (!(p1 > p0)) {
      throw new IllegalArgumentException("p1 must exceed p0, were p0=" + p0 + ", p1=" + p1);
    }
  }

  /** The smallest c, 0 to n + 1, with P(Bin(n, p0) &ge; c) at most alpha. */
  private static int criticalFor(int n, double p0, double alpha) {
    BinomialDistribution b = new BinomialDistribution(null, n, p0);
    // the smallest x with P(X <= x) >= 1 - alpha, then step to the exact boundary, since the
    // inverse is found by a search on a floating-point CDF
    int c = b.inverseCumulativeProbability(1 - alpha) + 1;
    while (c > 0 && 1 - b.cumulativeProbability(c - 2) <= alpha) {
      c--;
    }
    while (c <= n && 1 - b.cumulativeProbability(c - 1) > alpha) {
      c++;
    }
    return c;
  }

  /**
   * The exact error at p0: the chance of deciding "at least p1" when the share is p0.
   *
   * @return P(Bin(cases, p0) &ge; critical)
   */
  public double exactAlpha() {
    return upperShareAt(p0);
  }

  /**
   * The exact error at p1: the chance of deciding "at most p0" when the share is p1.
   *
   * @return P(Bin(cases, p1) &lt; critical)
   */
  public double exactBeta() {
    return 1 - upperShareAt(p1);
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
