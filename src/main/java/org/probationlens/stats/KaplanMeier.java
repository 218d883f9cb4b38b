package org.probationlens.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Kaplan-Meier (product-limit) estimator of a survival function from right-censored times.
 *
 * <p>For each distinct observed time t with n at risk and d events, S(t) is the product of (1 -
 * d/n) over times up to t. The standard error is Greenwood's: S(t) times the square root of the sum
 * of d/(n(n-d)). Pointwise intervals use the log-log transform (Kalbfleisch and Prentice), the
 * default of Stata's {@code sts list} and R's {@code conf.type = "log-log"}: with v the Greenwood
 * sum divided by (log S)^2 and z the normal quantile, the limits are S^exp(+z sqrt v) and S^exp(-z
 * sqrt v). They stay inside [0, 1], which the plain (linear) interval does not. The median and its
 * interval are described in {@link MedianSurvival}.
 *
 * <p>Example: times in days from a submission for Ministry of Justice sign-off to approval, with
 * {@code event = false} for submissions still pending on the last day of the data.
 */
public final class KaplanMeier {

  /** The confidence level used when none is given: 0.95. */
  public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;

  private KaplanMeier() {}

  /**
   * Estimates the survival function with 95% log-log intervals.
   *
   * @param times the observed times (time to event, or to censoring), finite and at least 0; not
   *     empty
   * @param events {@code true} where the event was observed at that time, {@code false} where the
   *     subject was censored (still waiting); same length as {@code times}
   * @return the curve, not null
   * @throws IllegalArgumentException naming the index and value of a bad time, or on unequal
   *     lengths
   */
  public static KaplanMeierCurve estimate(double[] times, boolean[] events) {
    return estimate(times, events, DEFAULT_CONFIDENCE_LEVEL);
  }

  /**
   * Estimates the survival function with log-log intervals at the given level.
   *
   * @param times the observed times, finite and at least 0; not empty
   * @param events {@code true} for an observed event, {@code false} for a censored time; same
   *     length as {@code times}
   * @param confidenceLevel the level of the intervals, in (0, 1), for example 0.95
   * @return the curve, not null
   * @throws IllegalArgumentException naming the index and value of a bad time, on unequal lengths,
   *     or for a level outside (0, 1)
   */
  public static KaplanMeierCurve estimate(
      double[] times, boolean[] events, double confidenceLevel) {
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(events, "events");
    if (times.length != events.length) {
      throw new IllegalArgumentException(
          "times and events must have the same length; got "
              + times.length
              + " times and "
              + events.length
              + " event flags");
    }
    if (times.length == 0) {
      throw new IllegalArgumentException("times: expected at least one observation, got none");
    }
    if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
      throw new IllegalArgumentException(
          "confidenceLevel: expected a value in (0, 1), got " + confidenceLevel);
    }
    for (int i = 0; i < times.length; i++) {
      if (!Double.isFinite(times[i]) || times[i] < 0) {
        throw new IllegalArgumentException(
            "times[" + i + "]: expected a finite time >= 0, got " + times[i]);
      }
    }
    double z = new NormalDistribution().inverseCumulativeProbability(0.5 + confidenceLevel / 2);

    Integer[] order = new Integer[times.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(times[a], times[b]));

    List<SurvivalStep> steps = new ArrayList<>();
    int atRisk = times.length;
    int totalEvents = 0;
    double s = 1.0;
    double greenwood = 0.0;
    int i = 0;
    while (i < order.length) {
      double t = times[order[i]];
      int d = 0;
      int c = 0;
      while (i < order.length && times[order[i]] == t) {
        if (events[order[i]]) {
          d++;
        } else {
          c++;
        }
        i++;
      }
      if (d > 0) {
        s *= 1.0 - (double) d / atRisk;
        greenwood += d < atRisk ? (double) d / ((double) atRisk * (atRisk - d)) : 0.0;
      }
      steps.add(step(t, atRisk, d, c, s, greenwood, z));
      totalEvents += d;
      atRisk -= d + c;
    }
    MedianSurvival median =
        new MedianSurvival(
            firstTimeAtOrBelowHalf(steps, Which.ESTIMATE),
            firstTimeAtOrBelowHalf(steps, Which.LOWER),
            firstTimeAtOrBelowHalf(steps, Which.UPPER),
            confidenceLevel);
    return new KaplanMeierCurve(steps, times.length, totalEvents, confidenceLevel, median);
  }

  private static SurvivalStep step(
      double t, int atRisk, int d, int c, double s, double greenwood, double z) {
    if (s <= 0) {
      return new SurvivalStep(t, atRisk, d, c, 0.0, Double.NaN, Double.NaN, Double.NaN);
    }
    double se = s * Math.sqrt(greenwood);
    if (greenwood == 0) {
      return new SurvivalStep(t, atRisk, d, c, s, se, s, s);
    }
    double logS = Math.log(s);
    double halfWidth = z * Math.sqrt(greenwood / (logS * logS));
    double lower = Math.pow(s, Math.exp(halfWidth));
    double upper = Math.pow(s, Math.exp(-halfWidth));
    return new SurvivalStep(t, atRisk, d, c, s, se, Math.min(lower, s), Math.max(upper, s));
  }

  private enum Which {
    ESTIMATE,
    LOWER,
    UPPER
  }

  private static OptionalDouble firstTimeAtOrBelowHalf(List<SurvivalStep> steps, Which which) {
    for (SurvivalStep step : steps) {
      double v =
          switch (which) {
            case ESTIMATE -> step.survival();
            case LOWER -> step.survival() == 0 ? 0 : step.lower();
            case UPPER -> step.survival() == 0 ? 0 : step.upper();
          };
      if (v <= 0.5) {
        return OptionalDouble.of(step.time());
      }
    }
    return OptionalDouble.empty();
  }
}
