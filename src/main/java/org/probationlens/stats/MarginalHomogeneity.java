package org.probationlens.stats;

import java.util.Locale;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Whether two raters of the same cases use the scale differently overall: do service users, as a
 * group, put their supervision higher or lower than inspectors put the same cases? A test of
 * marginal homogeneity of a square table of paired judgements: Stuart-Maxwell for k categories
 * (Stuart 1955, Biometrika 42:412-416; Maxwell 1970, British Journal of Psychiatry 116:651-655),
 * which for two categories is McNemar's test (McNemar 1947, Psychometrika 12:153-157).
 *
 * <p>Stuart-Maxwell: with d the differences of the first k - 1 row and column totals and S their
 * covariance (S_ii = n_i. + n_.i - 2 n_ii, S_ij = -(n_ij + n_ji)), the statistic d' S⁻¹ d is
 * chi-squared on k - 1 degrees of freedom when the margins agree. It equals R's {@code
 * coin::mh_test} on the same table. McNemar on a 2 x 2 table with discordant counts b and c: (|b -
 * c| - 1)² / (b + c) with the continuity correction (R's {@code mcnemar.test} default), (b - c)² /
 * (b + c) without. Written here because Commons Math has the chi-squared distribution but not these
 * tests.
 *
 * @param test which test: {@code "Stuart-Maxwell"}, {@code "McNemar"} or {@code "McNemar
 *     (continuity corrected)"}
 * @param statistic the chi-squared statistic, >= 0
 * @param degreesOfFreedom k - 1, at least 1
 * @param pValue the upper-tail p-value, in [0, 1]
 * @param cases the number of paired judgements
 */
public record MarginalHomogeneity(
    String test, double statistic, int degreesOfFreedom, double pValue, long cases) {

  /** Validates the statistic and p-value. */
  public MarginalHomogeneity {
    if (test == null || test.isBlank()) {
      throw new IllegalArgumentException("test must be named");
    }
    if (!(statistic >= 0) || degreesOfFreedom < 1 || !(pValue >= 0 && pValue <= 1) || cases < 1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s: statistic %s must be >= 0, df %d >= 1, p %s in [0, 1], cases %d >= 1",
              test,
              statistic,
              degreesOfFreedom,
              pValue,
              cases));
    }
  }

  /**
   * The Stuart-Maxwell test of a k x k table (k >= 2; for k = 2 it is McNemar's without the
   * continuity correction).
   *
   * @param counts k x k counts: row = first rater's category, column = second's; not changed
   * @return the test, not null
   * @throws IllegalArgumentException if the table is not square, has a negative count, or has too
   *     few discordant pairs for the covariance to be inverted (for example no case off the
   *     diagonal)
   */
  public static MarginalHomogeneity stuartMaxwell(long[][] counts) {
    long[][] t = SquareTable.copyOf(counts, 2);
    int k = t.length;
    RealVector d = MatrixUtils.createRealVector(new double[k - 1]);
    RealMatrix s = MatrixUtils.createRealMatrix(k - 1, k - 1);
    for (int i = 0; i < k - 1; i++) {
      long rowTotal = 0;
      long colTotal = 0;
      for (int j = 0; j < k; j++) {
        rowTotal += t[i][j];
        colTotal += t[j][i];
      }
      d.setEntry(i, rowTotal - colTotal);
      for (int j = 0; j < k - 1; j++) {
        s.setEntry(i, j, i == j ? rowTotal + colTotal - 2.0 * t[i][i] : -(t[i][j] + t[j][i]));
      }
    }
    double x2;
    try {
      RealVector solved = new LUDecomposition(s, 1e-12).getSolver().solve(d);
      x2 = d.dotProduct(solved);
    } catch (SingularMatrixException e) {
      throw new IllegalArgumentException(
          "Stuart-Maxwell is undefined for this table: the covariance of the margins is singular"
              + " (too few cases off the diagonal)",
          e);
    }
    return new MarginalHomogeneity(
        "Stuart-Maxwell", x2, k - 1, upperTail(x2, k - 1), SquareTable.total(t));
  }

  /**
   * McNemar's test of a 2 x 2 table: do the two raters put different shares of the same cases in
   * the first category?
   *
   * @param counts 2 x 2 counts; not changed
   * @param continuityCorrection whether to subtract 1 from |b - c| (R's {@code mcnemar.test}
   *     default is true)
   * @return the test, not null
   * @throws IllegalArgumentException if the table is not 2 x 2, has a negative count, or has no
   *     discordant pair
   */
  public static MarginalHomogeneity mcNemar(long[][] counts, boolean continuityCorrection) {
    long[][] t = SquareTable.copyOf(counts, 2);
    if (t.length != 2) {
      throw new IllegalArgumentException(
          "McNemar's test takes a 2 x 2 table; this one is " + t.length + " x " + t.length);
    }
    long b = t[0][1];
    long c = t[1][0];
    if (b + c == 0) {
      throw new IllegalArgumentException(
          "McNemar's test is undefined: no discordant pair (b + c = 0)");
    }
    double diff = Math.abs(b - c);
    if (continuityCorrection) {
      diff = Math.max(0, diff - 1);
    }
    double x2 = diff * diff / (b + c);
    return new MarginalHomogeneity(
        continuityCorrection ? "McNemar (continuity corrected)" : "McNemar",
        x2,
        1,
        upperTail(x2, 1),
        SquareTable.total(t));
  }

  private static double upperTail(double x2, int df) {
    return Math.min(
        1, Math.max(0, 1 - new ChiSquaredDistribution(null, df).cumulativeProbability(x2)));
  }

  /**
   * Whether the margins differ at a significance level.
   *
   * @param alpha the level, strictly between 0 and 1
   * @return true when {@code pValue < alpha}
   */
  public boolean reject(double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be strictly between 0 and 1; was " + alpha);
    }
    return pValue < alpha;
  }

  /**
   * The test as a reader would write it.
   *
   * @return e.g. {@code "Stuart-Maxwell chi-squared 3.580 on 3 df, p = 0.311 (91 cases)"}
   */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s chi-squared %.3f on %d df, p = %.3g (%d cases)",
        test,
        statistic,
        degreesOfFreedom,
        pValue,
        cases);
  }
}
