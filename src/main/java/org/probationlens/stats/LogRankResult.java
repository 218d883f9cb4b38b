package org.probationlens.stats;

import java.util.List;
import java.util.Objects;

/**
 * The result of a log-rank test: whether k groups (for example CRC owners) differ in their survival
 * functions (for example in how long their innovations wait for Ministry of Justice sign-off).
 *
 * @param groups the groups in label order, with observed and expected events; at least 2
 * @param statistic the chi-square statistic, at least 0
 * @param degreesOfFreedom the degrees of freedom: the rank of the variance matrix, k - 1 unless
 *     some group contributes no information; at least 1
 * @param pValue the upper-tail probability of {@code statistic} under chi-square with {@code
 *     degreesOfFreedom}, in [0, 1]
 */
public record LogRankResult(
    List<LogRankGroup> groups, double statistic, int degreesOfFreedom, double pValue) {

  /** Validates that there are at least two groups and the numbers are in range. */
  public LogRankResult {
    groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
    if (groups.size() < 2) {
      throw new IllegalArgumentException("groups: expected at least 2, got " + groups.size());
    }
    if (!(statistic >= 0) || Double.isInfinite(statistic)) {
      throw new IllegalArgumentException(
          "statistic: expected a finite value >= 0, got " + statistic);
    }
    if (degreesOfFreedom < 1) {
      throw new IllegalArgumentException(
          "degreesOfFreedom: expected >= 1, got " + degreesOfFreedom);
    }
    if (!(pValue >= 0 && pValue <= 1)) {
      throw new IllegalArgumentException("pValue: expected a value in [0, 1], got " + pValue);
    }
  }

  /**
   * Whether the test rejects equal survival functions at significance level {@code alpha}.
   *
   * @param alpha the significance level, in (0, 1), for example 0.05
   * @return {@code true} when the p-value is below {@code alpha}
   */
  public boolean reject(double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha: expected a value in (0, 1), got " + alpha);
    }
    return pValue < alpha;
  }
}
