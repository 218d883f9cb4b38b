package org.probationlens.stats;

import java.util.OptionalDouble;

/**
 * The median survival time from a Kaplan-Meier curve, with a confidence interval: in the sign-off
 * analysis, the time by which half of the submissions had been approved.
 *
 * <p>The median is the smallest observed time at which S(t) is at most 0.5. The interval follows
 * Brookmeyer and Crowley (1982) by inverting the pointwise log-log confidence band: its lower limit
 * is the smallest time at which the band's lower limit is at most 0.5, its upper limit the smallest
 * time at which the band's upper limit is at most 0.5. Any of the three is empty when the curve (or
 * that limit) never falls to 0.5 within the data ("not reached").
 *
 * @param estimate the median, empty when not reached
 * @param lower the lower confidence limit, empty when not reached
 * @param upper the upper confidence limit, empty when not reached
 * @param confidenceLevel the confidence level, in (0, 1)
 */
public record MedianSurvival(
    OptionalDouble estimate, OptionalDouble lower, OptionalDouble upper, double confidenceLevel) {

  /** Validates that no field is null and the limits bracket the estimate where both exist. */
  public MedianSurvival {
    if (estimate == null || lower == null || upper == null) {
      throw new IllegalArgumentException("estimate, lower and upper must not be null");
    }
    if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
      throw new IllegalArgumentException(
          "confidenceLevel: expected a value in (0, 1), got " + confidenceLevel);
    }
    if (estimate.isPresent() && lower.isPresent() && lower.getAsDouble() > estimate.getAsDouble()) {
      throw new IllegalArgumentException(
          "lower limit " + lower.getAsDouble() + " is above the median " + estimate.getAsDouble());
    }
    if (estimate.isPresent() && upper.isPresent() && upper.getAsDouble() < estimate.getAsDouble()) {
      throw new IllegalArgumentException(
          "upper limit " + upper.getAsDouble() + " is below the median " + estimate.getAsDouble());
    }
  }
}
