package org.probationlens.inspection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.probationlens.period.FinancialYear;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import org.threeten.extra.YearQuarter;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tasks counted against quality judged: the CRC contracts were "based primarily on the number of
 * tasks completed, not on the quality of delivery". Beside each other for one financial year: the
 * contract service levels CRCs reported against (the national, all-CRC quarterly percentages
 * published by the Ministry of Justice: initial contact arranged in time, breaches referred within
 * 8 business days) and HMI Probation's judgement of the quality of the same CRCs' work (their
 * overall ratings). Per-CRC service-level values are not in the reference data, so no CRC's tasks
 * are set against its own rating; the comparison is national against the spread of ratings.
 *
 * @param financialYear the year, e.g. 2018-19 (April to March)
 * @param quarters the calendar quarters of that year, e.g. 2018-Q2 to 2019-Q1
 * @param levels per measure code: its name, threshold and that year's quarterly percentages
 * @param crcRatings the CRCs' overall ratings in the inspection cycle of that year
 * @param series the whole published national series, for a chart
 * @param sources the service-level files' and the ratings' provenance
 */
public record TasksAgainstQuality(
    FinancialYear financialYear,
    List<YearQuarter> quarters,
    Map<String, ServiceLevel> levels,
    List<ProviderRating> crcRatings,
    Table series,
    Sources sources)
    implements Result {

  /**
   * One service level's published national values in the year.
   *
   * @param code e.g. "CRC SCH9 AE"
   * @param name e.g. "Breach referral timeliness"
   * @param threshold e.g. "&lt;=8 business days after CRC aware"
   * @param percents the quarterly national percentages in the year, in quarter order
   */
  public record ServiceLevel(String code, String name, String threshold, List<Double> percents) {
    /** Copies the values. */
    public ServiceLevel {
      percents = List.copyOf(percents);
    }

    /**
     * The mean of the year's quarterly percentages (an unweighted mean: the counts behind each
     * quarter are not published here).
     *
     * @return the mean, or NaN when the year has no published quarter
     */
    public double mean() {
      return percents.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
  }

  /** Copies the collections. */
  public TasksAgainstQuality {
    Objects.requireNonNull(financialYear, "financialYear");
    quarters = List.copyOf(quarters);
    levels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(levels));
    crcRatings = List.copyOf(crcRatings);
    series = series.copy();
    Objects.requireNonNull(sources, "sources");
  }

  /**
   * Service levels and ratings for one inspection cycle, from the reference data: the service
   * levels of the four quarters of the financial year the cycle ran in, against the CRCs' ratings
   * in that cycle.
   *
   * @param ratings the HMI Probation ratings, not null
   * @param cycle the cycle, e.g. 2018-19 (the cycle with every CRC rated), not null
   * @return the comparison, not null
   * @throws IllegalArgumentException if the cycle has no ratings
   */
  public static TasksAgainstQuality of(HmipRatings ratings, InspectionCycle cycle) {
    Objects.requireNonNull(cycle, "cycle");
    List<YearQuarter> quarters = cycle.quarters();
    LoadedDataset defs = ReferenceTables.serviceLevels();
    LoadedDataset data = ReferenceTables.serviceLevelSeries();
    Table d = defs.table();
    Table s = data.table().sortAscendingOn("measure_code", "quarter");
    Map<String, ServiceLevel> levels = new LinkedHashMap<>();
    for (String code :
        s.stringColumn("measure_code").unique().asList().stream().sorted().toList()) {
      Table def = d.where(d.stringColumn("code").isEqualTo(code));
      String name = def.isEmpty() ? code : def.stringColumn("name").get(0);
      String threshold = def.isEmpty() ? "" : def.stringColumn("threshold").get(0);
      List<Double> values = new ArrayList<>();
      for (YearQuarter q : quarters) {
        Table row =
            s.where(
                s.stringColumn("measure_code")
                    .isEqualTo(code)
                    .and(s.stringColumn("quarter").isEqualTo(q.toString())));
        if (!row.isEmpty()) {
          values.add(row.doubleColumn("percent").get(0));
        }
      }
      levels.put(code, new ServiceLevel(code, name, threshold == null ? "" : threshold, values));
    }
    List<ProviderRating> crcs = ratings.cycle(cycle).stream().filter(r -> !r.nps()).toList();
    return new TasksAgainstQuality(
        cycle.financialYear(),
        quarters,
        levels,
        crcs,
        s,
        Sources.of(defs.provenance(), data.provenance()).and(ratings.sources()));
  }

  /**
   * The whole published national series, long format (measure code, geography, quarter, label,
   * percent, source, tag).
   *
   * @return a copy
   */
  @Override
  public Table series() {
    return series.copy();
  }

  /**
   * The published national series, one column per service level, one row per quarter, for a line
   * chart.
   *
   * @return a quarter column ("2017-Q2 (Apr-Jun 17)", in time order) and one percentage column per
   *     measure name (missing where not published)
   */
  public Table seriesWide() {
    List<String> qs = series.stringColumn("quarter").unique().asList().stream().sorted().toList();
    StringColumn label = StringColumn.create("quarter");
    Table out = Table.create("CRC service levels, national quarterly (published)", label);
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < series.rowCount(); i++) {
      labels.put(
          series.stringColumn("quarter").get(i), series.stringColumn("quarter_label").get(i));
    }
    // "2017-Q2 (Apr-Jun 17)": the code first, so that the labels sort in time order
    qs.forEach(q -> label.append(q + " (" + labels.get(q) + ")"));
    for (ServiceLevel l : levels.values()) {
      DoubleColumn c = DoubleColumn.create(l.name() + " (%)");
      for (String q : qs) {
        Table row =
            series.where(
                series
                    .stringColumn("measure_code")
                    .isEqualTo(l.code())
                    .and(series.stringColumn("quarter").isEqualTo(q)));
        c.append(row.isEmpty() ? Double.NaN : row.doubleColumn("percent").get(0));
      }
      out.addColumns(c);
    }
    return out;
  }

  @Override
  public String title() {
    long good = crcRatings.stream().filter(r -> r.rating().goodOrBetter()).count();
    return String.format(
        Locale.ROOT,
        "Tasks against quality, %s: contract service levels nationally %s, while %d of %d CRCs"
            + " were rated below Good",
        financialYear,
        range(),
        crcRatings.size() - good,
        crcRatings.size());
  }

  private String range() {
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    for (ServiceLevel l : levels.values()) {
      for (double v : l.percents()) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    return String.format(Locale.ROOT, "%.1f%% to %.1f%% on time", lo, hi);
  }

  @Override
  public Table table() {
    StringColumn measure = StringColumn.create("measure");
    StringColumn kind = StringColumn.create("what it judges");
    StringColumn figure = StringColumn.create(financialYear + " figure");
    StringColumn perCrc = StringColumn.create("per-CRC values");
    for (ServiceLevel l : levels.values()) {
      measure.append(l.name() + (l.threshold().isEmpty() ? "" : ", " + l.threshold()));
      kind.append("a task done in time (contract service level, " + l.code() + ")");
      if (l.percents().isEmpty()) {
        figure.append("not published for these quarters");
      } else {
        figure.append(
            String.format(
                Locale.ROOT,
                "%.1f%% nationally (mean of %d quarters, %.1f%% to %.1f%%)",
                l.mean(),
                l.percents().size(),
                l.percents().stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                l.percents().stream().mapToDouble(Double::doubleValue).max().orElseThrow()));
      }
      perCrc.append("not in the reference data (national series only)");
    }
    long[] c = new long[InspectionRating.values().length];
    crcRatings.forEach(r -> c[r.rating().ordinal()]++);
    measure.append("HMI Probation overall rating");
    kind.append("the quality of the work (inspection of cases, leadership, services)");
    figure.append(
        String.format(
            Locale.ROOT,
            "%d of %d CRCs Good, %d Requires improvement, %d Inadequate",
            c[2] + c[3],
            crcRatings.size(),
            c[1],
            c[0]));
    perCrc.append("published for all " + crcRatings.size() + " CRCs");
    return Table.create("Tasks against quality, " + financialYear, measure, kind, figure, perCrc);
  }

  @Override
  public List<String> notes() {
    return List.of(
        "Per-CRC service-level values are not in the reference data (only the national, all-CRC"
            + " series is), so no CRC's own tasks can be set against its own rating here: the"
            + " comparison is the national level of tasks against the spread of quality ratings.",
        "Numeric targets for the service levels were not found in the stored sources; 'met' is not"
            + " judged here.",
        "The year's figure is an unweighted mean of published quarterly percentages (quarters "
            + String.join(", ", quarters.stream().map(YearQuarter::toString).toList())
            + "); the counts behind each quarter are not published here.");
  }
}
