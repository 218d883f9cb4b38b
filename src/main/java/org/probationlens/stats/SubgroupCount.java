package org.probationlens.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * How many cases of a subgroup (women, say) a simple random sample of {@code sample} cases holds
 * when the subgroup is a share {@code share} of the caseload: binomial, with its expected value and
 * a central range.
 *
 * @param sample the cases in the sample, at least 1
 * @param share the subgroup's share of the caseload, strictly between 0 and 1
 * @param coverage the probability the central range holds, strictly between 0 and 1
 * @param expected the expected count, {@code sample × share}
 * @param low the lower end of the central range (the (1 - coverage)/2 quantile)
 * @param high the upper end (the (1 + coverage)/2 quantile)
 */
public record SubgroupCount(
    long sample, double share, double coverage, double expected, long low, long high) {

  /** Validates the range. */
  public SubgroupCount {
    if (sample < 1 || low < 0 || high < low || high > sample) {
      throw new IllegalArgumentException(
          "need sample >= 1 and 0 <= low <= high <= sample, were "
              + sample
              + ", "
              + low
              + ", "
              + high);
    }
  }

  /**
   * The subgroup's count in a random sample.
   *
   * @param sample the cases in the sample, at least 1
   * @param share the subgroup's share, strictly between 0 and 1
   * @param coverage the central range's probability, strictly between 0 and 1 (0.9 for the 5th to
   *     95th percentiles)
   * @return the count's summary, not null
   */
  public static SubgroupCount of(long sample, double share, double coverage) {
    SampleSize.checkShare(share, "share");
    Proportion.checkConfidence(coverage);
    if (sample < 1) {
      throw new IllegalArgumentException("sample must be at least 1, was " + sample);
    }
    BinomialDistribution b = new BinomialDistribution(null, Math.toIntExact(sample), share);
    long low = b.inverseCumulativeProbability((1 - coverage) / 2);
    long high = b.inverseCumulativeProbability((1 + coverage) / 2);
    return new SubgroupCount(sample, share, coverage, sample * share, low, high);
  }
}
