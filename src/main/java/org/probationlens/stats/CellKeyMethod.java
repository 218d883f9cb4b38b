package org.probationlens.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * The cell key method of disclosure control for counts of people: a small, bounded amount of noise
 * is added to every count, chosen by the count and by a key that belongs to the records behind it,
 * so that the same records give the same noise in every table they reach.
 *
 * <p><b>How it works.</b> Every record carries a fixed record key, a whole number drawn uniformly
 * from {@code [0, }{@link #KEY_RANGE}{@code )} ({@link RecordKeys}). A cell's key is the sum of its
 * records' keys modulo {@link #KEY_RANGE}, read as a fraction {@code u} in {@code [0, 1)}; the
 * noise added to a cell counting {@code n} records is the deviation {@code d} at which the
 * cumulative distribution of row {@code n} of the perturbation table first exceeds {@code u}. A
 * cell counted twice (shown again, in a filtered copy, or in a roll-up that contains it unchanged)
 * has the same records, so the same key and the same shown value: asking again, or differencing
 * related tables, gives an attacker no fresh draw of the noise. Re-running the same question on the
 * same records gives the same output.
 *
 * <p><b>The perturbation table</b> is built by the maximum-entropy approach of Giessing (2016,
 * "Computational issues in the design of transition probabilities and disclosure risk estimation
 * for additive noise", Privacy in Statistical Databases, LNCS 9867,
 * doi:10.1007/978-3-319-45381-1_18), the construction the R package {@code ptable} of the Federal
 * Statistical Office of Germany implements (CRAN, parameters {@code D}, {@code V}, {@code js}): for
 * each original count {@code n}, the distribution over deviations {@code -D..D} that has the
 * largest entropy among those with mean 0 (the noise is unbiased), variance {@code V}, no result
 * below 0, and no result from 1 to {@code js} (such small counts are never shown, so a shown 0 may
 * stand for 0, 1 or 2 people). Counts of 0 are never changed (no records, so no key). The largest
 * entropy is the least informative choice the constraints allow; its form is {@code p(d) ∝ exp(a d
 * + b d²)}, and {@code a, b} are found with Commons Math's Levenberg-Marquardt solver on the two
 * moment equations. From {@code n = D + js + 1} on, every row is the same distribution shifted.
 *
 * <p><b>Where it comes from.</b> The method is the Australian Bureau of Statistics' for
 * TableBuilder (Thompson, Broadfoot and Elazar 2013, "Methodology for the automatic
 * confidentialisation of statistical outputs from remote servers at the Australian Bureau of
 * Statistics", UNECE work session on statistical data confidentiality) and the Office for National
 * Statistics' for Census 2021 ("Protecting personal data in Census 2021 results": "Where the same
 * records are represented in a cell in any table, the level of perturbation is the same"); the
 * Handbook on Statistical Disclosure Control (2nd edition, section 5.4) describes it. ONS does not
 * publish its own parameters; the {@link #standard()} ones are this project's, stated wherever they
 * are used.
 *
 * <p>Immutable and thread-safe.
 */
public final class CellKeyMethod {

  /** Record keys and cell keys are whole numbers in {@code [0, KEY_RANGE)}: 2<sup>20</sup>. */
  public static final int KEY_RANGE = 1 << 20;

  /** The project's maximum deviation: no shown count differs from the true one by more than 4. */
  public static final int STANDARD_MAX_DEVIATION = 4;

  /**
   * The project's noise variance, 2.5 (a standard deviation of about 1.6 people): the smallest
   * round figure above 2, the least variance with which a count of 1 can be moved unbiasedly when 1
   * and 2 are never shown.
   */
  public static final double STANDARD_VARIANCE = 2.5;

  /** The project's smallest count never shown: counts of 1 and 2 are never shown. */
  public static final int STANDARD_SMALL_COUNT = 2;

  private final int maxDeviation;
  private final double variance;
  private final int smallCount;

  /** Row n (0..rows-1): the deviations with positive probability, ascending. */
  private final int[][] deviations;

  /** Row n: the cumulative probabilities of those deviations; the last is 1. */
  private final double[][] cumulative;

  /** Row n: the probabilities. */
  private final double[][] probabilities;

  private CellKeyMethod(int maxDeviation, double variance, int smallCount) {
    if (maxDeviation < 1) {
      throw new IllegalArgumentException(
          "maximum deviation D must be at least 1, was " + maxDeviation);
    }
    if (!(variance > 0) || !Double.isFinite(variance)) {
      throw new IllegalArgumentException("variance V must be above 0, was " + variance);
    }
    if (smallCount < 0 || smallCount >= maxDeviation) {
      throw new IllegalArgumentException(
          "counts never shown js must be from 0 to D - 1 = "
              + (maxDeviation - 1)
              + " (a count of js must be able to move to 0 or above js), was "
              + smallCount);
    }
    if (variance > (double) maxDeviation * maxDeviation) {
      throw new IllegalArgumentException(
          "variance V = "
              + variance
              + " is above D² = "
              + maxDeviation * maxDeviation
              + ", more than deviations of at most D can give");
    }
    this.maxDeviation = maxDeviation;
    this.variance = variance;
    this.smallCount = smallCount;
    int rows = maxDeviation + smallCount + 2;
    deviations = new int[rows][];
    cumulative = new double[rows][];
    probabilities = new double[rows][];
    deviations[0] = new int[] {0};
    probabilities[0] = new double[] {1.0};
    cumulative[0] = new double[] {1.0};
    for (int n = 1; n < rows; n++) {
      List<Integer> support = new ArrayList<>();
      for (int d = -maxDeviation; d <= maxDeviation; d++) {
        int to = n + d;
        if (to == 0 || to > smallCount) {
          support.add(d);
        }
      }
      int[] s = support.stream().mapToInt(Integer::intValue).toArray();
      double[] p = maximumEntropy(n, s, variance);
      deviations[n] = s;
      probabilities[n] = p;
      double[] c = new double[p.length];
      double run = 0;
      for (int k = 0; k < p.length; k++) {
        run += p[k];
        c[k] = run;
      }
      c[c.length - 1] = 1.0;
      cumulative[n] = c;
    }
  }

  /**
   * The project's parameters: deviations of at most {@value #STANDARD_MAX_DEVIATION}, variance 2.5,
   * counts of 1 and 2 never shown.
   *
   * @return the method, not null
   */
  public static CellKeyMethod standard() {
    return new CellKeyMethod(STANDARD_MAX_DEVIATION, STANDARD_VARIANCE, STANDARD_SMALL_COUNT);
  }

  /**
   * The method with other parameters, named as the R package {@code ptable} names them.
   *
   * @param maxDeviation {@code D}, the largest change to a count, at least 1
   * @param variance {@code V}, the variance of the noise, above 0 and at most {@code D²}
   * @param smallCount {@code js}: counts from 1 to this are never shown, from 0 to {@code D - 1}
   * @return the method, not null
   * @throws IllegalArgumentException if the parameters cannot make an unbiased table, saying which
   *     row fails and why
   */
  public static CellKeyMethod of(int maxDeviation, double variance, int smallCount) {
    return new CellKeyMethod(maxDeviation, variance, smallCount);
  }

  /**
   * The count to show for a cell.
   *
   * @param count the true count, at least 0
   * @param keySum the sum of the keys of the records counted (any non-negative whole number; only
   *     its remainder modulo {@link #KEY_RANGE} is used)
   * @return the perturbed count: 0 for 0, otherwise within {@link #maxDeviation()} of the count,
   *     never from 1 to {@link #smallCount()}
   * @throws IllegalArgumentException for a negative count or key sum
   */
  public long perturb(long count, long keySum) {
    if (count < 0 || keySum < 0) {
      throw new IllegalArgumentException(
          "a count and a key sum are at least 0; were " + count + " and " + keySum);
    }
    if (count == 0) {
      return 0;
    }
    return count + deviation(count, cellKey(keySum));
  }

  /**
   * The cell key of a sum of record keys: the remainder modulo {@link #KEY_RANGE}, as a fraction.
   *
   * @param keySum the sum of record keys, at least 0
   * @return the key in {@code [0, 1)}
   */
  public static double cellKey(long keySum) {
    return Math.floorMod(keySum, (long) KEY_RANGE) / (double) KEY_RANGE;
  }

  /**
   * The deviation the table gives a count for a cell key.
   *
   * @param count the true count, at least 1
   * @param cellKey the cell key in {@code [0, 1)}
   * @return the deviation to add
   */
  int deviation(long count, double cellKey) {
    int row = row(count);
    double[] c = cumulative[row];
    for (int k = 0; k < c.length; k++) {
      if (cellKey < c[k]) {
        return deviations[row][k];
      }
    }
    return deviations[row][c.length - 1];
  }

  /**
   * The probability that a true count is shown as another: the perturbation table's entry.
   *
   * @param from the true count, at least 0
   * @param to the count shown
   * @return the probability, 0 where the table never goes
   */
  public double transitionProbability(long from, long to) {
    if (from < 0) {
      throw new IllegalArgumentException("a count is at least 0, was " + from);
    }
    int row = row(from);
    long d = to - from;
    int[] s = deviations[row];
    for (int k = 0; k < s.length; k++) {
      if (s[k] == d) {
        return probabilities[row][k];
      }
    }
    return 0;
  }

  /**
   * The true counts a shown count can have come from: the counts with a positive probability of
   * being shown as it. What an attacker who knows the table learns from one shown count.
   *
   * @param shown a shown count, at least 0
   * @return the possible true counts, ascending, not empty for a count the table can show
   */
  public long[] possibleTrueCounts(long shown) {
    List<Long> out = new ArrayList<>();
    for (long n = Math.max(0, shown - maxDeviation); n <= shown + maxDeviation; n++) {
      if (transitionProbability(n, shown) > 0) {
        out.add(n);
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  private int row(long count) {
    return (int) Math.min(count, deviations.length - 1);
  }

  /**
   * The largest change to a count ({@code D}).
   *
   * @return D, at least 1
   */
  public int maxDeviation() {
    return maxDeviation;
  }

  /**
   * The noise variance ({@code V}).
   *
   * @return V
   */
  public double variance() {
    return variance;
  }

  /**
   * Counts from 1 to this are never shown ({@code js}).
   *
   * @return js, 0 when every count may be shown
   */
  public int smallCount() {
    return smallCount;
  }

  /**
   * The parameters in words, for the note under a protected output and the README.
   *
   * @return e.g. "cell key method (ONS Census 2021): counts moved by at most 4, noise variance 2.5,
   *     1 and 2 never shown, the same records always given the same noise"
   */
  public String describe() {
    return "cell key method (ONS Census 2021): counts moved by at most "
        + maxDeviation
        + ", noise variance "
        + (variance == Math.rint(variance)
            ? String.valueOf((long) variance)
            : String.valueOf(variance))
        + (smallCount > 0
            ? ", "
                + (smallCount == 1 ? "1" : smallCount == 2 ? "1 and 2" : "1 to " + smallCount)
                + " never shown"
            : "")
        + ", the same records always given the same noise";
  }

  @Override
  public String toString() {
    return "CellKeyMethod[D=" + maxDeviation + ", V=" + variance + ", js=" + smallCount + "]";
  }

  /**
   * The maximum-entropy distribution over the given deviations with mean 0 and the given variance:
   * {@code p(d) ∝ exp(a d + b d²)}, with {@code a, b} solving the two moment equations.
   */
  private static double[] maximumEntropy(int count, int[] support, double variance) {
    double lowest = Double.POSITIVE_INFINITY;
    // The smallest variance with mean 0 over this support: two-point mixtures of the nearest
    // deviations either side of 0 (or 0 itself).
    boolean hasZero = Arrays.stream(support).anyMatch(d -> d == 0);
    if (hasZero) {
      lowest = 0;
    }
    for (int lo : support) {
      for (int hi : support) {
        if (lo < 0 && hi > 0) {
          lowest = Math.min(lowest, (double) -lo * hi);
        }
      }
    }
    double highest = 0;
    for (int lo : support) {
      for (int hi : support) {
        if (lo < 0 && hi > 0) {
          highest = Math.max(highest, (double) -lo * hi);
        }
      }
    }
    if (!(variance > lowest && variance < highest)) {
      throw new IllegalArgumentException(
          "no unbiased noise with variance "
              + variance
              + " for a count of "
              + count
              + ": its possible shown counts "
              + Arrays.toString(Arrays.stream(support).map(d -> d + count).toArray())
              + " allow variances strictly between "
              + lowest
              + " and "
              + highest);
    }
    MultivariateJacobianFunction moments =
        point -> {
          double a = point.getEntry(0);
          double b = point.getEntry(1);
          double[] p = weights(support, a, b);
          double m1 = 0;
          double m2 = 0;
          double m3 = 0;
          double m4 = 0;
          for (int k = 0; k < support.length; k++) {
            double d = support[k];
            m1 += p[k] * d;
            m2 += p[k] * d * d;
            m3 += p[k] * d * d * d;
            m4 += p[k] * d * d * d * d;
          }
          RealVector value = new ArrayRealVector(new double[] {m1, m2});
          // derivatives of the moments in a and b are the covariances of (d, d²)
          RealMatrix jacobian =
              new Array2DRowRealMatrix(
                  new double[][] {
                    {m2 - m1 * m1, m3 - m1 * m2},
                    {m3 - m2 * m1, m4 - m2 * m2}
                  });
          return new Pair<>(value, jacobian);
        };
    LeastSquaresOptimizer.Optimum optimum =
        new LevenbergMarquardtOptimizer()
            .withCostRelativeTolerance(1e-15)
            .withParameterRelativeTolerance(1e-15)
            .withOrthoTolerance(1e-15)
            .optimize(
                new LeastSquaresBuilder()
                    .model(moments)
                    .target(new double[] {0, variance})
                    .start(new double[] {0, -0.1})
                    .maxEvaluations(10_000)
                    .maxIterations(10_000)
                    .build());
    RealVector ab = optimum.getPoint();
    double[] p = weights(support, ab.getEntry(0), ab.getEntry(1));
    double mean = 0;
    double var = 0;
    for (int k = 0; k < support.length; k++) {
      mean += p[k] * support[k];
      var += p[k] * support[k] * support[k];
    }
    if (Math.abs(mean) > 1e-9 || Math.abs(var - variance) > 1e-9) {
      throw new IllegalStateException(
          "the perturbation table's row for "
              + count
              + " did not converge: mean "
              + mean
              + ", variance "
              + var);
    }
    return p;
  }

  private static double[] weights(int[] support, double a, double b) {
    double[] p = new double[support.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < support.length; k++) {
      double d = support[k];
      p[k] = a * d + b * d * d;
      max = Math.max(max, p[k]);
    }
    double total = 0;
    for (int k = 0; k < p.length; k++) {
      p[k] = Math.exp(p[k] - max);
      total += p[k];
    }
    for (int k = 0; k < p.length; k++) {
      p[k] /= total;
    }
    return p;
  }
}
