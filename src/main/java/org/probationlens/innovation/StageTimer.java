package org.probationlens.innovation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.probationlens.provenance.Sources;
import org.probationlens.stats.KaplanMeier;
import org.probationlens.stats.KaplanMeierCurve;
import org.probationlens.stats.LogRankResult;
import org.probationlens.stats.LogRankTest;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Times innovations from one lifecycle stage to a later one, in days, and analyses them as survival
 * times: what {@link InnovationRegister#timeBetween} (and so time to sign-off and to roll-out)
 * answers. The rules of entry, events and censoring are documented there.
 */
final class StageTimer {

  private StageTimer() {}

  /**
   * The survival analysis of the time from one stage to another.
   *
   * @param innovations the register's innovations
   * @param from the stage that starts the clock, not null
   * @param to a later stage that stops it, not null
   * @param asOf the analysis date, not null
   * @param grouping the group of each innovation, not null
   * @param sources the register's sources
   * @return the analysis
   * @throws IllegalArgumentException when {@code to} does not come after {@code from}
   * @throws IllegalStateException when no innovation can enter
   */
  static StageTimes measure(
      List<Innovation> innovations,
      LifecycleStage from,
      LifecycleStage to,
      LocalDate asOf,
      Function<Innovation, String> grouping,
      Sources sources) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(grouping, "grouping");
    if (to.compareTo(from) <= 0 || to == LifecycleStage.WITHDRAWN) {
      throw new IllegalArgumentException(
          "to: expected a stage after " + from.code() + " other than withdrawn, got " + to.code());
    }
    StringColumn id = StringColumn.create("id");
    StringColumn group = StringColumn.create("group");
    StringColumn owner = StringColumn.create("owner");
    StringColumn type = StringColumn.create("type");
    StringColumn provider = StringColumn.create("provider");
    DateColumn start = DateColumn.create("start");
    DoubleColumn days = DoubleColumn.create("days");
    BooleanColumn reached = BooleanColumn.create("reached");
    StringColumn status = StringColumn.create("status");
    StringColumn tag = StringColumn.create("tag");
    List<String> excluded = new ArrayList<>();
    for (Innovation i : innovations) {
      Optional<InnovationEvent> first = i.event(from);
      if (first.isEmpty()) {
        continue;
      }
      EventDate s = first.get().date();
      if (!s.exactDay()) {
        excluded.add(i.id() + ": " + from.code() + " date " + s + " is not known to the day");
        continue;
      }
      if (s.start().isAfter(asOf)) {
        excluded.add(i.id() + ": " + from.code() + " " + s + ", after the analysis date " + asOf);
        continue;
      }
      Optional<InnovationEvent> end = i.event(to);
      Optional<InnovationEvent> wd = i.event(LifecycleStage.WITHDRAWN);
      LocalDate stop;
      boolean event;
      String st;
      if (end.isPresent() && end.get().date().latest().map(d -> !d.isAfter(asOf)).orElse(false)) {
        if (!end.get().date().exactDay()) {
          excluded.add(
              i.id() + ": " + to.code() + " date " + end.get().date() + " is not known to the day");
          continue;
        }
        stop = end.get().date().start();
        event = true;
        st = "reached";
      } else if (wd.isPresent()
          && wd.get().date().exactDay()
          && !wd.get().date().start().isAfter(asOf)) {
        stop = wd.get().date().start();
        event = false;
        st = "withdrawn";
      } else {
        stop = asOf;
        event = false;
        st = "waiting";
      }
      id.append(i.id());
      group.append(Objects.requireNonNull(grouping.apply(i), "group of " + i.id()));
      owner.append(i.ownerCode());
      type.append(i.type().code());
      provider.append(i.provider());
      start.append(s.start());
      days.append(ChronoUnit.DAYS.between(s.start(), stop));
      reached.append(event);
      status.append(st);
      tag.append(first.get().tag().code());
    }
    if (id.isEmpty()) {
      throw new IllegalStateException(
          "no innovation has a "
              + from.code()
              + " date known to the day on or before "
              + asOf
              + " (excluded: "
              + excluded.size()
              + "); the published sources give no such dates: add the synthetic register"
              + " (InnovationRegister.synthetic(seed)) to demonstrate the method");
    }
    Table times =
        Table.create(
            "days from " + from.code() + " to " + to.code() + ", as of " + asOf,
            id,
            group,
            owner,
            type,
            provider,
            start,
            days,
            reached,
            status,
            tag);
    double[] t = days.asDoubleArray();
    boolean[] e = new boolean[t.length];
    String[] g = new String[t.length];
    for (int r = 0; r < t.length; r++) {
      e[r] = reached.get(r);
      g[r] = group.get(r);
    }
    KaplanMeierCurve overall = KaplanMeier.estimate(t, e);
    Map<String, KaplanMeierCurve> byGroup = new TreeMap<>();
    for (String name : new TreeSet<>(group.asList())) {
      List<Integer> rows = new ArrayList<>();
      for (int r = 0; r < g.length; r++) {
        if (g[r].equals(name)) {
          rows.add(r);
        }
      }
      double[] gt = rows.stream().mapToDouble(r -> t[r]).toArray();
      boolean[] ge = new boolean[rows.size()];
      for (int k = 0; k < rows.size(); k++) {
        ge[k] = e[rows.get(k)];
      }
      byGroup.put(name, KaplanMeier.estimate(gt, ge));
    }
    Optional<LogRankResult> test = Optional.empty();
    if (byGroup.size() >= 2) {
      try {
        test = Optional.of(LogRankTest.test(t, e, g));
      } catch (IllegalArgumentException notTestable) {
        excluded.add("log-rank test between groups not possible: " + notTestable.getMessage());
      }
    }
    return new StageTimes(asOf, from, to, times, overall, byGroup, test, excluded, sources);
  }
}
