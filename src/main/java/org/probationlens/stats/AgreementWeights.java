package org.probationlens.stats;

/**
 * How much partial credit a weighted kappa gives two judgements of the same case that differ by
 * some steps on an ordinal scale (for example a service user's view of their supervision and the
 * inspector's rating of the same case, both on the four points Inadequate to Outstanding). Full
 * agreement has weight 1; the two judgements furthest apart have weight 0.
 *
 * <p>The names are those of R's {@code vcd::Kappa}: {@code "Equal-Spacing"} is {@link #LINEAR},
 * {@code "Fleiss-Cohen"} is {@link #QUADRATIC}; {@code irr::kappa2} calls them {@code "equal"} and
 * {@code "squared"}.
 */
public enum AgreementWeights {
  /** No partial credit: Cohen's unweighted kappa (weight 1 on the diagonal, 0 elsewhere). */
  NONE,
  /** {@code 1 - |i - j| / (k - 1)}: each step apart costs the same (Cicchetti and Allison 1971). */
  LINEAR,
  /**
   * {@code 1 - (i - j)² / (k - 1)²}: Fleiss and Cohen (1973); near-misses cost little, and the
   * kappa approaches the intraclass correlation of the scores.
   */
  QUADRATIC;

  /**
   * The agreement weight of categories {@code i} and {@code j} (0-based) on a scale of {@code k}.
   *
   * @param i the first judgement's category, 0 to k - 1
   * @param j the second judgement's category, 0 to k - 1
   * @param k the number of categories, at least 2
   * @return the weight in [0, 1]
   * @throws IllegalArgumentException if a category is outside the scale
   */
  public double weight(int i, int j, int k) {
    if (k < 2 || i < 0 || j < 0 || i >= k || j >= k) {
      throw new IllegalArgumentException(
          "categories must be 0 to k - 1 on a scale of k >= 2; got i="
              + i
              + ", j="
              + j
              + ", k="
              + k);
    }
    double d = Math.abs(i - j) / (double) (k - 1);
    return switch (this) {
      case NONE -> i == j ? 1.0 : 0.0;
      case LINEAR -> 1 - d;
      case QUADRATIC -> 1 - d * d;
    };
  }
}
