package org.probationlens.stats;

import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A Kaplan-Meier estimate of a survival function, as a step table, with its median. In probation
 * terms: for a set of innovations submitted for Ministry of Justice sign-off, the estimated share
 * still waiting for approval t days after submission, allowing for those still pending.
 *
 * @param steps one row per distinct observed time, in increasing time order; not empty
 * @param subjects the number of subjects (for example submissions), at least 1
 * @param events the total number of events (approvals), 0 to {@code subjects}
 * @param confidenceLevel the level of the pointwise intervals and the median's interval, in (0, 1)
 * @param median the median survival time with its confidence interval
 */
public record KaplanMeierCurve(
    List<SurvivalStep> steps,
    int subjects,
    int events,
    double confidenceLevel,
    MedianSurvival median) {

  /** Validates sizes and that times increase and S(t) never rises. */
  public KaplanMeierCurve {
    steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
    Objects.requireNonNull(median, "median");
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("steps: expected at least one observed time");
    }
    if (subjects < 1 || events < 0 || events > subjects) {
      throw new IllegalArgumentException(
          "expected subjects >= 1 and 0 <= events <= subjects, got subjects "
              + subjects
              + ", events "
              + events);
    }
    for (int i = 1; i < steps.size(); i++) {
      SurvivalStep a = steps.get(i - 1);
      SurvivalStep b = steps.get(i);
      if (!(b.time() > a.time()) || b.survival() > a.survival()) {
        throw new IllegalArgumentException(
            "steps must have increasing times and non-increasing survival; row "
                + i
                + " has time "
                + b.time()
                + " and S "
                + b.survival()
                + " after time "
                + a.time()
                + " and S "
                + a.survival());
      }
    }
  }

  /**
   * The estimate S(t): the share expected still to be without the event (still waiting) after time
   * {@code t}; 1 before the first event.
   *
   * @param t the time, finite
   * @return S(t) in [0, 1]
   */
  public double survivalAt(double t) {
    if (!Double.isFinite(t)) {
      throw new IllegalArgumentException("t: expected a finite time, got " + t);
    }
    double s = 1.0;
    for (SurvivalStep step : steps) {
      if (step.time() > t) {
        break;
      }
      s = step.survival();
    }
    return s;
  }

  /**
   * The survival table as a Tablesaw table with columns {@code time, at_risk, events, censored,
   * survival, std_error, lower, upper}.
   *
   * @param name the table's name, not null
   * @return a new table, one row per step
   */
  public Table toTable(String name) {
    Objects.requireNonNull(name, "name");
    return Table.create(
        name,
        DoubleColumn.create("time", steps.stream().mapToDouble(SurvivalStep::time).toArray()),
        IntColumn.create("at_risk", steps.stream().mapToInt(SurvivalStep::atRisk).toArray()),
        IntColumn.create("events", steps.stream().mapToInt(SurvivalStep::events).toArray()),
        IntColumn.create("censored", steps.stream().mapToInt(SurvivalStep::censored).toArray()),
        DoubleColumn.create(
            "survival", steps.stream().mapToDouble(SurvivalStep::survival).toArray()),
        DoubleColumn.create(
            "std_error", steps.stream().mapToDouble(SurvivalStep::standardError).toArray()),
        DoubleColumn.create("lower", steps.stream().mapToDouble(SurvivalStep::lower).toArray()),
        DoubleColumn.create("upper", steps.stream().mapToDouble(SurvivalStep::upper).toArray()));
  }
}
