package org.probationlens.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Wald's sequential probability ratio test for a share of cases, the rule for deciding when to stop
 * reviewing cases: after each case judged, the log likelihood ratio of "the share is {@code p1}"
 * against "the share is {@code p0}" moves up (case sufficient) or down (not); reviewing stops as
 * soon as it crosses log((1 - β)/α) (decide the share is at least p1) or log(β/(1 - α)) (decide it
 * is at most p0), or when {@code maxCases} have been reviewed (decide by the sign of the ratio).
 *
 * <p>Looking after every case is what this rule is built for: Wald's boundaries (Wald 1945,
 * "Sequential tests of statistical hypotheses", Annals of Mathematical Statistics 16:117-186) keep
 * the two error rates at about α and β however often one looks, whereas stopping when an ordinary
 * 95% interval first excludes a boundary does not (see {@link #simulateNaive}). The error rates and
 * the number of cases a rule needs are checked by seeded simulation ({@link #simulate}); the error
 * rates also exactly ({@link #exactUpperShare}).
 *
 * <p>Wald's bounds on the errors hold for the rule without a limit. A rule stopped at {@code
 * maxCases} is Wald's truncated test: if neither boundary has been crossed by then it decides by
 * the sign of the log likelihood ratio, "at least p1" when it is above 0 and "at most p0" otherwise
 * (Wald 1947, <i>Sequential Analysis</i>, Wiley, chapter 3, on truncating the sequential process).
 * The cases stopped there are decided on weaker evidence than the boundaries ask, so a limit near
 * the fixed sample's size raises both errors above α and β: with p0 = 0.6, p1 = 0.75, α = β = 0.05
 * and a limit of 107 cases, to 0.065 and 0.059 ({@link #exactUpperShare}).
 *
 * @param p0 the share below which a provider should be found wanting, strictly between 0 and 1
 * @param p1 the share above which it should be found sufficient, in (p0, 1)
 * @param alpha the error wanted of deciding "at least p1" when the share is p0
 * @param beta the error wanted of deciding "at most p0" when the share is p1
 * @param maxCases the most cases the rule reviews, at least 1
 */
public record SequentialProbabilityRatio(
    double p0, double p1, double alpha, double beta, int maxCases) {

  /** What the rule says after a case. */
  public enum Decision {
    /** Stop: the share is at most p0. */
    AT_MOST_P0,
    /** Stop: the share is at least p1. */
    AT_LEAST_P1,
    /** Review another case. */
    CONTINUE
  }

  /** Validates the design. */
  public SequentialProbabilityRatio {
    SampleSize.checkShare(p0, "p0");
    SampleSize.checkShare(p1, "p1");
    SampleSize.checkShare(alpha, "alpha");
    SampleSize.checkShare(beta, "beta");
    if (!(p1 > p0)) {
      throw new IllegalArgumentException("p1 must exceed p0, were p0=" + p0 + ", p1=" + p1);
    }
    if (maxCases < 1) {
      throw new IllegalArgumentException("maxCases must be at least 1, was " + maxCases);
    }
  }

  /**
   * The upper boundary of the log likelihood ratio, log((1 - β)/α).
   *
   * @return a positive number
   */
  public double upper() {
    return Math.log((1 - beta) / alpha);
  }

  /**
   * The lower boundary of the log likelihood ratio, log(β/(1 - α)).
   *
   * @return a negative number
   */
  public double lower() {
    return Math.log(beta / (1 - alpha));
  }

  /**
   * The log likelihood ratio after {@code sufficient} of {@code reviewed} cases were judged
   * sufficient: k·log(p1/p0) + (n - k)·log((1 - p1)/(1 - p0)).
   *
   * @param sufficient cases judged sufficient, 0 to {@code reviewed}
   * @param reviewed cases reviewed, at least 0
   * @return the log likelihood ratio
   */
  public double logRatio(int sufficient, int reviewed) {
    if (reviewed < 0 || sufficient < 0 || sufficient > reviewed) {
      throw new IllegalArgumentException(
          "need 0 <= sufficient <= reviewed, were " + sufficient + " and " + reviewed);
    }
    return sufficient * Math.log(p1 / p0) + (reviewed - sufficient) * Math.log((1 - p1) / (1 - p0));
  }

  /**
   * What the rule says after {@code sufficient} of {@code reviewed} cases were judged sufficient.
   *
   * @param sufficient cases judged sufficient, 0 to {@code reviewed}
   * @param reviewed cases reviewed, 0 to {@code maxCases}
   * @return stop with a decision, or continue
   */
  public Decision decide(int sufficient, int reviewed) {
    if (reviewed > maxCases) {
      throw new IllegalArgumentException(
          "reviewed must be at most maxCases (" + maxCases + "), was " + reviewed);
    }
    double llr = logRatio(sufficient, reviewed);
    if (llr >= upper()) {
      return Decision.AT_LEAST_P1;
    }
    if (llr <= lower()) {
      return Decision.AT_MOST_P0;
    }
    if (reviewed == maxCases) {
      return llr > 0 ? Decision.AT_LEAST_P1 : Decision.AT_MOST_P0;
    }
    return Decision.CONTINUE;
  }

  /**
   * Runs the rule on {@code runs} simulated providers whose true share is {@code trueShare}, each
   * case judged sufficient independently with that probability.
   *
   * @param trueShare the true share, in [0, 1]
   * @param runs how many providers to simulate, at least 1
   * @param seed the random seed (the same seed gives the same figures)
   * @return the share of runs deciding "at least p1" and the cases reviewed, not null
   */
  public OperatingPoint simulate(double trueShare, int runs, long seed) {
    checkRuns(trueShare, runs);
    SplittableRandom random = new SplittableRandom(seed);
    int[] cases = new int[runs];
    int upperDecisions = 0;
    int decisive = 0;
    for (int r = 0; r < runs; r++) {
      int k = 0;
      int n = 0;
      Decision d = Decision.CONTINUE;
      while (d == Decision.CONTINUE) {
        n++;
        if (random.nextDouble() < trueShare) {
          k++;
        }
        d = decide(k, n);
      }
      cases[r] = n;
      if (d == Decision.AT_LEAST_P1) {
        upperDecisions++;
      }
      double llr = logRatio(k, n);
      if (llr >= upper() || llr <= lower()) {
        decisive++;
      }
    }
    return OperatingPoint.of(trueShare, runs, upperDecisions, decisive, cases);
  }

  /**
   * The exact chance that the rule, truncation included, decides "at least p1" when each case is
   * judged sufficient independently with probability {@code trueShare}: the distribution of the
   * number of sufficient cases among the runs still going is carried forward one case at a time,
   * and the probability of each count where {@link #decide} stops is taken off as a decision. At p0
   * this is the rule's exact error α'; at p1, one minus it is its exact error β'. Takes about
   * maxCases²/2 steps.
   *
   * @param trueShare the true share, in [0, 1]
   * @return the probability, in [0, 1]
   */
  public double exactUpperShare(double trueShare) {
    checkRuns(trueShare, 1);
    double[] going = {1};
    double upper = 0;
    for (int n = 1; n <= maxCases; n++) {
      double[] next = new double[n + 1];
      for (int k = 0; k < going.length; k++) {
        next[k + 1] += going[k] * trueShare;
        next[k] += going[k] * (1 - trueShare);
      }
      for (int k = 0; k <= n; k++) {
        Decision d = decide(k, n);
        if (d == Decision.AT_LEAST_P1) {
          upper += next[k];
        }
        if (d != Decision.CONTINUE) {
          next[k] = 0;
        }
      }
      going = next;
    }
    return Math.min(1, upper);
  }

  /**
   * This rule with a different limit on the cases reviewed.
   *
   * @param cases the most cases reviewed, at least 1
   * @return a copy with that limit
   */
  public SequentialProbabilityRatio withMaxCases(int cases) {
    return new SequentialProbabilityRatio(p0, p1, alpha, beta, cases);
  }

  /**
   * For comparison, the naive rule that looks after every case and stops as soon as a Wilson
   * interval at {@code confidence} lies wholly above or below {@code boundary} (deciding "at least
   * p1" if above), or at {@code maxCases} (deciding by which side of the boundary the share lies).
   * Repeated looks make its error far larger than 1 - confidence.
   *
   * @param boundary the share the interval is compared with, strictly between 0 and 1
   * @param confidence the interval's confidence level, strictly between 0 and 1
   * @param trueShare the true share, in [0, 1]
   * @param runs how many providers to simulate, at least 1
   * @param seed the random seed
   * @return the share of runs deciding "above" and the cases reviewed, not null
   */
  public OperatingPoint simulateNaive(
      double boundary, double confidence, double trueShare, int runs, long seed) {
    SampleSize.checkShare(boundary, "boundary");
    Proportion.checkConfidence(confidence);
    checkRuns(trueShare, runs);
    SplittableRandom random = new SplittableRandom(seed);
    double z = Proportion.z(confidence);
    double z2 = z * z;
    int[] cases = new int[runs];
    int above = 0;
    int decisive = 0;
    for (int r = 0; r < runs; r++) {
      int k = 0;
      int n = 0;
      while (true) {
        n++;
        if (random.nextDouble() < trueShare) {
          k++;
        }
        // the Wilson limits of Proportion.wilson, inline with z computed once: this loop runs
        // once per case of every simulated provider
        double share = (double) k / n;
        double denominator = 1 + z2 / n;
        double centre = (share + z2 / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(share * (1 - share) / n + z2 / (4.0 * n * n)) / denominator;
        double lower = k == 0 ? 0 : Math.min(share, centre - half);
        double upper = k == n ? 1 : Math.max(share, centre + half);
        if (lower > boundary) {
          above++;
          decisive++;
          break;
        }
        if (upper < boundary) {
          decisive++;
          break;
        }
        if (n == maxCases) {
          if (share > boundary) {
            above++;
          }
          break;
        }
      }
      cases[r] = n;
    }
    return OperatingPoint.of(trueShare, runs, above, decisive, cases);
  }

  private static void checkRuns(double trueShare, int runs) {
    if (!(trueShare >= 0 && trueShare <= 1)) {
      throw new IllegalArgumentException("trueShare must be in [0, 1], was " + trueShare);
    }
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1, was " + runs);
    }
  }

  /**
   * How a stopping rule behaved over simulated providers with one true share.
   *
   * @param trueShare the share the cases were drawn with
   * @param runs the providers simulated
   * @param upperDecisions how many runs decided "at least p1" (or "above")
   * @param decisive how many runs stopped because the evidence crossed a boundary (the ratio's, or
   *     the interval clearing the share), not because {@code maxCases} was reached
   * @param meanCases the average number of cases reviewed
   * @param medianCases the median number of cases reviewed
   * @param p90Cases the 90th percentile of cases reviewed
   * @param maxCasesSeen the largest number of cases any run reviewed
   */
  public record OperatingPoint(
      double trueShare,
      int runs,
      int upperDecisions,
      int decisive,
      double meanCases,
      int medianCases,
      int p90Cases,
      int maxCasesSeen) {

    /** Validates the counts. */
    public OperatingPoint {
      if (runs < 1
          || upperDecisions < 0
          || upperDecisions > runs
          || decisive < 0
          || decisive > runs) {
        throw new IllegalArgumentException(
            "need runs >= 1 and 0 <= upperDecisions <= runs, were " + runs + ", " + upperDecisions);
      }
    }

    static OperatingPoint of(double trueShare, int runs, int upper, int decisive, int[] cases) {
      int[] sorted = cases.clone();
      Arrays.sort(sorted);
      double mean = Arrays.stream(cases).average().orElseThrow();
      int median = sorted[(runs - 1) / 2];
      int p90 = sorted[(int) Math.ceil(0.9 * runs) - 1];
      return new OperatingPoint(
          trueShare, runs, upper, decisive, mean, median, p90, sorted[runs - 1]);
    }

    /**
     * The share of runs that decided "at least p1" (or "above").
     *
     * @return a share in [0, 1]
     */
    public double upperShare() {
      return (double) upperDecisions / runs;
    }

    /**
     * The share of runs that stopped on the evidence rather than at the case limit.
     *
     * @return a share in [0, 1]
     */
    public double decisiveShare() {
      return (double) decisive / runs;
    }

    /**
     * The Monte Carlo standard error of {@link #upperShare()}.
     *
     * @return sqrt(p(1 - p)/runs)
     */
    public double upperShareStandardError() {
      double p = upperShare();
      return Math.sqrt(p * (1 - p) / runs);
    }
  }
}
