package org.probationlens.inspection;

import java.util.Locale;
import java.util.Objects;

/**
 * What a {@link StoppingRuleStudy} sets out to test: the share of sufficient cases at or below
 * which a provider's case work is insufficient (p0) and at or above which it is sufficient (p1),
 * the errors allowed either way (α, β), the most cases any rule reviews, and how many providers to
 * simulate at each true share with which seed. Immutable; built as {@code between(0.60, 0.75)
 * .withAlpha(0.05).withBeta(0.05).withMaxCases(400).withRuns(20_000).withSeed(2014)}, each {@code
 * with} returning a changed copy, so that the four shares and the three counts are named where they
 * are given and none can be swapped silently.
 *
 * <p><b>The defaults</b> after {@link #between(double, double)}: α and β 5% each (the conventional
 * level; not HM Inspectorate of Probation's, which the stored sources do not state), at most 400
 * cases, 20,000 simulated providers per true share (a Monte Carlo standard error of about 0.15
 * points on a 5% error rate) and seed 2014, the values notebook 05 uses.
 */
public final class StoppingRuleDesign {

  private final double p0;
  private final double p1;
  private final double alpha;
  private final double beta;
  private final int maxCases;
  private final int runs;
  private final long seed;

  private StoppingRuleDesign(
      double p0, double p1, double alpha, double beta, int maxCases, int runs, long seed) {
    checkShare(p0, "p0");
    checkShare(p1, "p1");
    if (!(p1 > p0)) {
      throw new IllegalArgumentException(
          "p1 (sufficient at or above) must exceed p0 (insufficient at or below), were p0="
              + p0
              + ", p1="
              + p1);
    }
    checkShare(alpha, "alpha");
    checkShare(beta, "beta");
    if (maxCases < 1) {
      throw new IllegalArgumentException("maxCases must be at least 1, was " + maxCases);
    }
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1, was " + runs);
    }
    this.p0 = p0;
    this.p1 = p1;
    this.alpha = alpha;
    this.beta = beta;
    this.maxCases = maxCases;
    this.runs = runs;
    this.seed = seed;
  }

  private static void checkShare(double value, String name) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be strictly between 0 and 1, was " + value);
    }
  }

  /**
   * A study of rules that tell providers at or below {@code p0} from those at or above {@code p1},
   * with the defaults for the rest.
   *
   * @param p0 the share of sufficient cases at or below which a provider's case work is
   *     insufficient, strictly between 0 and 1
   * @param p1 the share at or above which it is sufficient, strictly between {@code p0} and 1
   * @return the design, not null
   * @throws IllegalArgumentException quoting both when either is not a share or p1 does not exceed
   *     p0 (as when the two are given the wrong way round)
   */
  public static StoppingRuleDesign between(double p0, double p1) {
    return new StoppingRuleDesign(p0, p1, 0.05, 0.05, 400, 20_000, 2014);
  }

  /**
   * This design with another α.
   *
   * @param error the chance allowed of finding sufficient a provider at p0, strictly between 0 and
   *     1
   * @return the changed copy, not null
   * @throws IllegalArgumentException quoting the error when it is not strictly between 0 and 1
   */
  public StoppingRuleDesign withAlpha(double error) {
    return new StoppingRuleDesign(p0, p1, error, beta, maxCases, runs, seed);
  }

  /**
   * This design with another β.
   *
   * @param error the chance allowed of finding insufficient a provider at p1, strictly between 0
   *     and 1
   * @return the changed copy, not null
   * @throws IllegalArgumentException quoting the error when it is not strictly between 0 and 1
   */
  public StoppingRuleDesign withBeta(double error) {
    return new StoppingRuleDesign(p0, p1, alpha, error, maxCases, runs, seed);
  }

  /**
   * This design with another limit on the cases reviewed.
   *
   * @param cases the most cases any rule reviews of one provider, at least 1
   * @return the changed copy, not null
   * @throws IllegalArgumentException quoting the limit when it is under 1
   */
  public StoppingRuleDesign withMaxCases(int cases) {
    return new StoppingRuleDesign(p0, p1, alpha, beta, cases, runs, seed);
  }

  /**
   * This design with another number of simulated providers.
   *
   * @param providers the providers simulated at each true share, at least 1
   * @return the changed copy, not null
   * @throws IllegalArgumentException quoting the number when it is under 1
   */
  public StoppingRuleDesign withRuns(int providers) {
    return new StoppingRuleDesign(p0, p1, alpha, beta, maxCases, providers, seed);
  }

  /**
   * This design with another seed; the same design always gives the same study.
   *
   * @param value the seed of the simulation
   * @return the changed copy, not null
   */
  public StoppingRuleDesign withSeed(long value) {
    return new StoppingRuleDesign(p0, p1, alpha, beta, maxCases, runs, value);
  }

  /**
   * The share at or below which a provider's case work is insufficient.
   *
   * @return p0, strictly between 0 and 1
   */
  public double p0() {
    return p0;
  }

  /**
   * The share at or above which a provider's case work is sufficient.
   *
   * @return p1, strictly between p0 and 1
   */
  public double p1() {
    return p1;
  }

  /**
   * The chance allowed of finding sufficient a provider at p0.
   *
   * @return α, strictly between 0 and 1
   */
  public double alpha() {
    return alpha;
  }

  /**
   * The chance allowed of finding insufficient a provider at p1.
   *
   * @return β, strictly between 0 and 1
   */
  public double beta() {
    return beta;
  }

  /**
   * The most cases any rule reviews of one provider.
   *
   * @return at least 1
   */
  public int maxCases() {
    return maxCases;
  }

  /**
   * The providers simulated at each true share.
   *
   * @return at least 1
   */
  public int runs() {
    return runs;
  }

  /**
   * The seed of the simulation.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Whether another object is the same design.
   *
   * @param o the object, may be null
   * @return true for a design with the same shares, errors, limit, runs and seed
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof StoppingRuleDesign d
        && Double.compare(d.p0, p0) == 0
        && Double.compare(d.p1, p1) == 0
        && Double.compare(d.alpha, alpha) == 0
        && Double.compare(d.beta, beta) == 0
        && d.maxCases == maxCases
        && d.runs == runs
        && d.seed == seed;
  }

  /**
   * A hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(p0, p1, alpha, beta, maxCases, runs, seed);
  }

  /**
   * The design in words, for example {@code "p0 0.6, p1 0.75, alpha 0.05, beta 0.05, at most 400
   * cases, 20000 runs, seed 2014"}.
   *
   * @return the description, not null
   */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "p0 %s, p1 %s, alpha %s, beta %s, at most %d cases, %d runs, seed %d",
        p0,
        p1,
        alpha,
        beta,
        maxCases,
        runs,
        seed);
  }
}
