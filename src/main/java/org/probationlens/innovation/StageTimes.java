package org.probationlens.innovation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.ResultTable;
import org.probationlens.provenance.Sources;
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
 * @param sources the register the times came from, not null
 */
public record StageTimes(
    LocalDate asOf,
    LifecycleStage from,
    LifecycleStage to,
    Table times,
    KaplanMeierCurve overall,
    Map<String, KaplanMeierCurve> byGroup,
    Optional<LogRankResult> groupTest,
    List<String> excluded,
    Sources sources)
    implements Result {

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
    Objects.requireNonNull(sources, "sources");
    times = times.copy();
  }

  /**
   * One row per innovation (see the record's description): a copy the caller may change.
   *
   * @return a new table, not null
   */
  @Override
  public Table times() {
    return times.copy();
  }

  /** {@return what the result shows: the median wait from one stage to the next} */
  @Override
  public String title() {
    return "Days from "
        + from.code()
        + " to "
        + to.code()
        + " by group: Kaplan-Meier median with 95% interval, as of "
        + asOf;
  }

  /** {@return the summary by group, see {@link #summary()}} */
  @Override
  public Table table() {
    return summary();
  }

  /** {@return the log-rank test, censoring, and what was left out} */
  @Override
  public List<String> notes() {
    List<String> notes = new java.util.ArrayList<>();
    groupTest.ifPresent(
        t ->
            notes.add(
                String.format(
                    java.util.Locale.ROOT,
                    "Log-rank test between groups: chi-square %.2f on %d df, p = %.4f.",
                    t.statistic(),
                    t.degreesOfFreedom(),
                    t.pValue())));
    notes.add(
        "Innovations still waiting on "
            + asOf
            + " are censored there, and those withdrawn are censored at withdrawal.");
    if (!excluded.isEmpty()) {
      notes.add(excluded.size() + " innovation(s) left out: " + String.join("; ", excluded));
    }
    return notes;
  }

  /**
   * The overall Kaplan-Meier curve as a table, with the register's sources.
   *
   * @return the curve, not null
   */
  public ResultTable overallCurve() {
    String title =
        "Kaplan-Meier: share not yet at " + to.code() + " after " + from.code() + ", all groups";
    return ResultTable.of(title, overall.toTable(title), sources);
  }

  /**
   * The curves in long form for charting: columns {@code group, time, survival, lower, upper}, with
   * a row at time 0 (S = 1) for each group; group {@code "all"} is the overall curve.
   *
   * @return a new table, not null
   */
  public ResultTable curvesTable() {
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
    return ResultTable.of(
        "Share not yet at " + to.code() + ", by days since " + from.code() + " (Kaplan-Meier)",
        Table.create(
            "days from " + from.code() + " to " + to.code() + " (Kaplan-Meier)",
            group,
            time,
            survival,
            lower,
            upper),
        sources);
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
