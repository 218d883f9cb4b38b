package org.probationlens.stats;

import java.util.Locale;

/**
 * How far two raters of the same cases agree on an ordinal scale beyond what their separate
 * distributions would give by chance: Cohen's kappa, weighted so that near-misses earn partial
 * credit (Cohen 1968). In probation terms: the service user's view of their supervision against the
 * inspector's judgement of the same case. 1 is perfect agreement, 0 is chance, below 0 is worse
 * than chance.
 *
 * <p>Build one with {@link #of(long[][], AgreementWeights, double)}. With p the cell shares, w the
 * agreement weights and p_i., p_.j the margins: observed agreement po = Σ w p, expected pe = Σ w
 * p_i. p_.j, kappa = (po - pe) / (1 - pe). The standard error is the large-sample one of Fleiss,
 * Cohen and Everitt (1969, Psychological Bulletin 72:323-327; Fleiss, Levin and Paik 2003,
 * Statistical Methods for Rates and Proportions, 3rd ed., section 18.1), not assuming kappa = 0;
 * the interval is kappa ± z·SE, as R's {@code confint(vcd::Kappa(...))} gives it. The null standard
 * error (kappa = 0) gives the z test.
 *
 * <p>Written here because Commons Math and Commons Statistics have no kappa.
 *
 * @param cases the number of paired judgements, at least 1
 * @param categories the number of points on the scale, at least 2
 * @param weights the agreement weights
 * @param observedAgreement po, in [0, 1]
 * @param expectedAgreement pe, in [0, 1)
 * @param kappa the weighted kappa, at most 1
 * @param standardError its large-sample standard error (not assuming kappa = 0), >= 0
 * @param lower the lower confidence limit, kappa - z·SE
 * @param upper the upper confidence limit, kappa + z·SE
 * @param confidence the confidence level, strictly between 0 and 1
 * @param nullStandardError the standard error when kappa = 0, >= 0
 * @param z kappa / nullStandardError
 * @param pValue the two-sided p-value of the test that kappa = 0
 */
public record WeightedKappa(
    long cases,
    int categories,
    AgreementWeights weights,
    double observedAgreement,
    double expectedAgreement,
    double kappa,
    double standardError,
    double lower,
    double upper,
    double confidence,
    double nullStandardError,
    double z,
    double pValue) {

  /** Validates the counts, the limits and the levels. */
  public WeightedKappa {
    if (cases < 1 || categories < 2 || weights == null) {
      throw new IllegalArgumentException(
          "a kappa needs at least 1 case, 2 categories and weights; got "
              + cases
              + " cases, "
              + categories
              + " categories, weights "
              + weights);
    }
    Proportion.checkConfidence(confidence);
    if (!(kappa <= 1 + 1e-12) || !(standardError >= 0) || !(lower <= kappa && kappa <= upper)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "kappa must be <= 1 with 0 <= SE and lower <= kappa <= upper; were kappa=%s, SE=%s,"
                  + " lower=%s, upper=%s",
              kappa,
              standardError,
              lower,
              upper));
    }
  }

  /**
   * The weighted kappa of a square table of paired judgements.
   *
   * @param counts k x k counts (k >= 2): row = the first rater's category, column = the second's,
   *     in the scale's order; not changed
   * @param weights the agreement weights, not null ({@link AgreementWeights#NONE} for Cohen's
   *     unweighted kappa)
   * @param confidence the confidence level of the interval, strictly between 0 and 1
   * @return the kappa, not null
   * @throws IllegalArgumentException if the table is not square, has a negative count or no cases,
   *     or both raters put every case in one and the same category (kappa is then undefined)
   */
  public static WeightedKappa of(long[][] counts, AgreementWeights weights, double confidence) {
    if (weights == null) {
      throw new IllegalArgumentException("weights are null; use AgreementWeights.NONE for Cohen's");
    }
    Proportion.checkConfidence(confidence);
    long[][] t = SquareTable.copyOf(counts, 2);
    int k = t.length;
    double n = SquareTable.total(t);
    double[] row = new double[k];
    double[] col = new double[k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        row[i] += t[i][j] / n;
        col[j] += t[i][j] / n;
      }
    }
    double[][] w = new double[k][k];
    double po = 0;
    double pe = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        w[i][j] = weights.weight(i, j, k);
        po += w[i][j] * t[i][j] / n;
        pe += w[i][j] * row[i] * col[j];
      }
    }
    if (pe >= 1 - 1e-12) {
      throw new IllegalArgumentException(
          "kappa is undefined: chance agreement is 1 (both raters put every case in one category)");
    }
    double kappa = (po - pe) / (1 - pe);
    double[] wRow = new double[k]; // w-bar_i. = Σ_j p_.j w_ij
    double[] wCol = new double[k]; // w-bar_.j = Σ_i p_i. w_ij
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        wRow[i] += col[j] * w[i][j];
        wCol[j] += row[i] * w[i][j];
      }
    }
    double sum = 0;
    double sum0 = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double d = w[i][j] - (wRow[i] + wCol[j]) * (1 - kappa);
        sum += t[i][j] / n * d * d;
        double d0 = w[i][j] - (wRow[i] + wCol[j]);
        sum0 += row[i] * col[j] * d0 * d0;
      }
    }
    double q = kappa - pe * (1 - kappa);
    double denominator = n * (1 - pe) * (1 - pe);
    double se = Math.sqrt(Math.max(0, (sum - q * q) / denominator));
    double se0 = Math.sqrt(Math.max(0, (sum0 - pe * pe) / denominator));
    double zq = Proportion.z(confidence);
    double z = se0 > 0 ? kappa / se0 : Double.NaN;
    double p =
        Double.isNaN(z)
            ? Double.NaN
            : 2
                * new org.apache.commons.math3.distribution.NormalDistribution()
                    .cumulativeProbability(-Math.abs(z));
    return new WeightedKappa(
        (long) n,
        k,
        weights,
        po,
        pe,
        kappa,
        se,
        kappa - zq * se,
        kappa + zq * se,
        confidence,
        se0,
        z,
        p);
  }

  /**
   * The kappa and its interval as a reader would write it.
   *
   * @return e.g. {@code "quadratic-weighted kappa 0.332 (95% CI 0.141 to 0.523; 91 cases)"}
   */
  @Override
  public String toString() {
    String name =
        switch (weights) {
          case NONE -> "unweighted kappa";
          case LINEAR -> "linear-weighted kappa";
          case QUADRATIC -> "quadratic-weighted kappa";
        };
    return String.format(
        Locale.ROOT,
        "%s %.3f (%s CI %.3f to %.3f; %d cases)",
        name,
        kappa,
        Proportion.percent(confidence),
        lower,
        upper,
        cases);
  }
}
