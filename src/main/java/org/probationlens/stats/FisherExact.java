package org.probationlens.stats;

import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * Fisher's exact test for a 2 × 2 table: whether the share with a property (a provider rated Good
 * or better) differs between two groups (NPS divisions and CRCs), exact for the small counts of
 * inspection ratings where a chi-square approximation is not to be trusted.
 *
 * <p>With the margins fixed, the count {@code a} (first group, with the property) follows the
 * hypergeometric distribution. The two-sided p-value is the probability of every table no more
 * likely than the one observed (the rule of R's {@code fisher.test}, which counts tables within a
 * relative 10<sup>-7</sup> of the observed probability as equally likely); the one-sided p-values
 * are the tails.
 *
 * @param a first group, with the property
 * @param b first group, without
 * @param c second group, with the property
 * @param d second group, without
 * @param pTwoSided the two-sided p-value, in (0, 1]
 * @param pGreater P(A &ge; a): evidence the first group has the larger share
 * @param pLess P(A &le; a): evidence the first group has the smaller share
 */
public record FisherExact(
    long a, long b, long c, long d, double pTwoSided, double pGreater, double pLess) {

  private static final double RELATIVE_TIE = 1 + 1e-7;

  /** Validates the counts and p-values. */
  public FisherExact {
    if (a < 0 || b < 0 || c < 0 || d < 0) {
      throw new IllegalArgumentException(
          "counts must not be negative, were " + a + ", " + b + ", " + c + ", " + d);
    }
    for (double p : new double[] {pTwoSided, pGreater, pLess}) {
      if (!(p > 0 && p <= 1 + 1e-12)) {
        throw new IllegalArgumentException("a p-value must be in (0, 1], was " + p);
      }
    }
  }

  /**
   * Tests the table [[a, b], [c, d]] (rows: groups; columns: with, without the property).
   *
   * @param a first group, with the property, at least 0
   * @param b first group, without, at least 0
   * @param c second group, with the property, at least 0
   * @param d second group, without, at least 0
   * @return the test, not null
   * @throws IllegalArgumentException if a count is negative or a row or column is all zero
   */
  public static FisherExact test(long a, long b, long c, long d) {
    if (a < 0 || b < 0 || c < 0 || d < 0) {
      throw new IllegalArgumentException(
          "counts must not be negative, were " + a + ", " + b + ", " + c + ", " + d);
    }
    long row1 = a + b;
    long row2 = c + d;
    long col1 = a + c;
    long n = row1 + row2;
    if (row1 == 0 || row2 == 0 || col1 == 0 || col1 == n) {
      throw new IllegalArgumentException(
          "every row and column of the table needs a case; rows "
              + row1
              + " and "
              + row2
              + ", columns "
              + col1
              + " and "
              + (n - col1));
    }
    HypergeometricDistribution h =
        new HypergeometricDistribution(
            null, Math.toIntExact(n), Math.toIntExact(col1), Math.toIntExact(row1));
    int lo = h.getSupportLowerBound();
    int hi = h.getSupportUpperBound();
    double observed = h.probability((int) a);
    double two = 0;
    for (int x = lo; x <= hi; x++) {
      double px = h.probability(x);
      if (px <= observed * RELATIVE_TIE) {
        two += px;
      }
    }
    double greater = h.upperCumulativeProbability((int) a);
    double less = h.cumulativeProbability((int) a);
    return new FisherExact(a, b, c, d, Math.min(1, two), Math.min(1, greater), Math.min(1, less));
  }

  /**
   * Whether the two-sided p-value is below a significance level.
   *
   * @param alpha the level, strictly between 0 and 1
   * @return true if {@code pTwoSided < alpha}
   */
  public boolean rejects(double alpha) {
    SampleSize.checkShare(alpha, "alpha");
    return pTwoSided < alpha;
  }
}
