package org.probationlens.stats;

/**
 * One row of a Kaplan-Meier survival table: a distinct observed time, how many were still waiting
 * just before it, how many events and censorings happened at it, and the estimate after it.
 *
 * <p>In the sign-off analysis a "subject" is an innovation submitted for Ministry of Justice
 * sign-off, the "event" is approval, and a censoring is a submission still pending (or withdrawn)
 * when the data end.
 *
 * @param time the observed time (for example days since submission), finite and at least 0
 * @param atRisk the number still at risk just before {@code time}: neither had the event nor been
 *     censored earlier; at least 1
 * @param events the number with the event at {@code time}, 0 to {@code atRisk}
 * @param censored the number censored at {@code time}, 0 to {@code atRisk - events}
 * @param survival the Kaplan-Meier estimate S(t) just after {@code time}, in [0, 1]
 * @param standardError Greenwood's standard error of S(t); NaN when S(t) is 0 (not defined)
 * @param lower the lower pointwise confidence limit for S(t) (log-log transform); NaN when S(t) is
 *     0
 * @param upper the upper pointwise confidence limit for S(t) (log-log transform); NaN when S(t) is
 *     0
 */
public record SurvivalStep(
    double time,
    int atRisk,
    int events,
    int censored,
    double survival,
    double standardError,
    double lower,
    double upper) {

  /** Validates counts, the range of the estimate and the order of the limits. */
  public SurvivalStep {
    if (!Double.isFinite(time) || time < 0) {
      throw new IllegalArgumentException("time: expected a finite value >= 0, got " + time);
    }
    if (atRisk < 1) {
      throw new IllegalArgumentException("atRisk: expected >= 1, got " + atRisk);
    }
    if (events < 0 || events > atRisk) {
      throw new IllegalArgumentException(
          "events: expected 0.." + atRisk + " (the number at risk), got " + events);
    }
    if (censored < 0 || censored > atRisk - events) {
      throw new IllegalArgumentException(
          "censored: expected 0.." + (atRisk - events) + ", got " + censored);
    }
    if (!(survival >= 0 && survival <= 1)) {
      throw new IllegalArgumentException("survival: expected a value in [0, 1], got " + survival);
    }
    if (survival > 0
        && !(standardError >= 0
            && lower >= 0
            && lower <= survival
            && upper >= survival
            && upper <= 1)) {
      throw new IllegalArgumentException(
          "expected 0 <= lower <= survival <= upper <= 1 and standardError >= 0, got lower "
              + lower
              + ", survival "
              + survival
              + ", upper "
              + upper
              + ", standardError "
              + standardError);
    }
  }
}
