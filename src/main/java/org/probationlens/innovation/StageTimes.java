package org.probationlens.innovation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.probationlens.stats.KaplanMeierCurve;
import org.probationlens.stats.LogRankResult;
import org.probationlens.stats.SurvivalStep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The time innovations took from one lifecycle stage to another (for example from submission for
 * Ministry of Justice sign-off to approval), as a survival analysis: Kaplan-Meier curves of the
 * share still waiting, allowing for those still waiting on the analysis date (censored), overall
 * and by group, with a log-rank test of whether the groups differ.
 *
 * <p>An innovation withdrawn before reaching the end stage is censored at its withdrawal; this
 * assumes withdrawal says nothing about how long it would otherwise have taken, which a reader may
 * doubt.
 *
 * @param asOf the analysis date: end events after it count as not yet reached; not null
 * @param from the stage the clock starts at, not null
 * @param to the stage that stops the clock, not null
 * @param times one row per innovation: {@code id, group, owner, type, provider, start, days,
 *     reached, status, tag}, where status is {@code reached}, {@code waiting} or {@code withdrawn};
 *     not null
 * @param overall the Kaplan-Meier curve of the share still waiting, all groups together; not null
 * @param byGroup one curve per group, in group order; not null
 * @param groupTest the log-rank test between groups, empty when fewer than two groups or no event
 *     time had two groups at risk
 * @param excluded the innovations left out, each with its reason (for example a date not known to
 *     the day); not null
 */
public record StageTimes(
    LocalDate asOf,
    LifecycleStage from,
    LifecycleStage to,
    Table times,
    KaplanMeierCurve overall,
    Map<String, KaplanMeierCurve> byGroup,
    Optional<LogRankResult> groupTest,
    List<String> excluded) {

  /** Validates that no field is null and copies the collections. */
  public StageTimes {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(overall, "overall");
    byGroup = java.util.Collections.unmodifiableMap(new TreeMap<>(byGroup));
    Objects.requireNonNull(groupTest, "groupTest");
    excluded = List.copyOf(Objects.requireNonNull(excluded, "excluded"));
  }

  /**
   * The curves in long form for charting: columns {@code group, time, survival, lower, upper}, with
   * a row at time 0 (S = 1) for each group; group {@code "all"} is the overall curve.
   *
   * @return a new table, not null
   */
  public Table curvesTable() {
    StringColumn group = StringColumn.create("group");
    DoubleColumn time = DoubleColumn.create("time");
    DoubleColumn survival = DoubleColumn.create("survival");
    DoubleColumn lower = DoubleColumn.create("lower");
    DoubleColumn upper = DoubleColumn.create("upper");
    Map<String, KaplanMeierCurve> all = new LinkedHashMap<>();
    all.put("all", overall);
    all.putAll(byGroup);
    all.forEach(
        (name, curve) -> {
          group.append(name);
          time.append(0.0);
          survival.append(1.0);
          lower.append(1.0);
          upper.append(1.0);
          for (SurvivalStep s : curve.steps()) {
            group.append(name);
            time.append(s.time());
            survival.append(s.survival());
            lower.append(s.lower());
            upper.append(s.upper());
          }
        });
    return Table.create(
        "days from " + from.code() + " to " + to.code() + " (Kaplan-Meier)",
        group,
        time,
        survival,
        lower,
        upper);
  }

  /**
   * A one-row-per-group summary: {@code group, innovations, reached, waiting_or_withdrawn,
   * median_days, median_lower, median_upper} (medians empty when not reached), then the row {@code
   * all}.
   *
   * @return a new table, not null
   */
  public Table summary() {
    StringColumn group = StringColumn.create("group");
    DoubleColumn n = DoubleColumn.create("innovations");
    DoubleColumn reached = DoubleColumn.create("reached");
    DoubleColumn censored = DoubleColumn.create("waiting_or_withdrawn");
    DoubleColumn median = DoubleColumn.create("median_days");
    DoubleColumn lower = DoubleColumn.create("median_lower");
    DoubleColumn upper = DoubleColumn.create("median_upper");
    Map<String, KaplanMeierCurve> all = new LinkedHashMap<>(byGroup);
    all.put("all", overall);
    all.forEach(
        (name, c) -> {
          group.append(name);
          n.append(c.subjects());
          reached.append(c.events());
          censored.append(c.subjects() - c.events());
          median.append(c.median().estimate().orElse(Double.NaN));
          lower.append(c.median().lower().orElse(Double.NaN));
          upper.append(c.median().upper().orElse(Double.NaN));
        });
    return Table.create(
        "median days from " + from.code() + " to " + to.code() + " (95% CI)",
        group,
        n,
        reached,
        censored,
        median,
        lower,
        upper);
  }
}
