package org.probationlens.inspection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.probationlens.period.FinancialYear;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import org.probationlens.reference.PublishedTable;
import org.threeten.extra.YearQuarter;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tasks counted against quality judged, NPS against CRCs, on published figures on both sides: the
 * service levels each sector reported for the same task (the Ministry of Justice's national
 * quarterly series, data.justice.gov.uk "CRC performance" and "NPS performance") beside HMI
 * Probation's overall ratings of the 21 CRCs and 7 NPS divisions in the same financial year. If
 * counted tasks told quality apart, the sector rated better would also do its tasks better; here
 * both sectors do their counted tasks at about the same rate while their ratings differ widely.
 *
 * <p>Three tasks are paired. Initial contact after a community or suspended sentence order (CRC
 * SL001R, NPS SL003R) and after release on licence (CRC SL002R, NPS SL004R) have the same time
 * limit in both sectors; breaches (CRC AE within 8 business days, NPS SL014 within 10) do not, and
 * the table says so.
 *
 * @param financialYear the year, e.g. 2018-19
 * @param tasks the paired tasks, each with both sectors' mean of the year's quarters
 * @param crcGood CRCs rated Good or better in the cycle
 * @param crcRated CRCs rated in the cycle
 * @param npsGood NPS divisions rated Good or better
 * @param npsRated NPS divisions rated
 * @param series both sectors' published quarterly series, one column per measure, for a chart
 * @param sources the two series', the definitions' and the ratings' provenance
 */
public record SectorTasks(
    FinancialYear financialYear,
    List<Task> tasks,
    long crcGood,
    long crcRated,
    long npsGood,
    long npsRated,
    Table series,
    Sources sources)
    implements Result {

  /**
   * One task as each sector's service level counts it, in one financial year.
   *
   * @param task the task in words
   * @param crcCode the CRC measure, e.g. "CRC SCH9 SL001R"
   * @param crcPercent the mean of the CRC national quarterly percentages in the year
   * @param npsCode the NPS measure, e.g. "NPS SL003R"
   * @param npsPercent the mean of the NPS national quarterly percentages in the year
   * @param likeForLike whether both sectors' measures have the same time limit
   * @param limits the two time limits in words
   */
  public record Task(
      String task,
      String crcCode,
      double crcPercent,
      String npsCode,
      double npsPercent,
      boolean likeForLike,
      String limits) {

    /**
     * NPS minus CRC, in percentage points.
     *
     * @return the difference
     */
    public double npsMinusCrc() {
      return npsPercent - crcPercent;
    }
  }

  /**
   * The pairs: task, CRC code, NPS code, whether the limits are the same, the limits, a short name
   * for a chart's legend.
   */
  private static final String[][] PAIRS = {
    {
      "initial contact after a community or suspended sentence order",
      "CRC SCH9 SL001R",
      "NPS SL003R",
      "true",
      "both within 5 business days of allocation",
      "first appointment after a CO/SSO"
    },
    {
      "initial contact after release on licence",
      "CRC SCH9 SL002R",
      "NPS SL004R",
      "true",
      "both within 1 business day of release",
      "first appointment after release"
    },
    {
      "breach taken forward",
      "CRC SCH9 AE",
      "NPS SL014",
      "false",
      "CRC: referred within 8 business days; NPS: presented to court within 10 business days",
      "breach (CRC 8, NPS 10 business days)"
    },
  };

  /** Copies the collections. */
  public SectorTasks {
    Objects.requireNonNull(financialYear, "financialYear");
    tasks = List.copyOf(tasks);
    series = series.copy();
    Objects.requireNonNull(sources, "sources");
  }

  /**
   * The paired tasks and the ratings of one inspection cycle, from the reference data.
   *
   * @param ratings HMI Probation's ratings, not null
   * @param cycle the cycle, e.g. 2018-19 (every provider rated), not null
   * @return the comparison, not null
   * @throws IllegalArgumentException when a paired measure has no published quarter in the year
   */
  public static SectorTasks of(HmipRatings ratings, InspectionCycle cycle) {
    Objects.requireNonNull(cycle, "cycle");
    LoadedDataset crc = ReferenceTables.serviceLevelSeries();
    LoadedDataset nps = PublishedTable.NPS_SERVICE_LEVELS.load();
    LoadedDataset defs = ReferenceTables.serviceLevels();
    List<String> quarters = cycle.quarters().stream().map(YearQuarter::toString).toList();
    List<Task> tasks = new ArrayList<>();
    for (String[] p : PAIRS) {
      tasks.add(
          new Task(
              p[0],
              p[1],
              mean(crc.table(), p[1], quarters, cycle),
              p[2],
              mean(nps.table(), p[2], quarters, cycle),
              Boolean.parseBoolean(p[3]),
              p[4]));
    }
    List<ProviderRating> rated = ratings.cycle(cycle);
    long crcRated = rated.stream().filter(r -> !r.nps()).count();
    long npsRated = rated.size() - crcRated;
    long crcGood = rated.stream().filter(r -> !r.nps() && r.rating().goodOrBetter()).count();
    long npsGood = rated.stream().filter(r -> r.nps() && r.rating().goodOrBetter()).count();
    return new SectorTasks(
        cycle.financialYear(),
        tasks,
        crcGood,
        crcRated,
        npsGood,
        npsRated,
        wide(crc.table(), nps.table()),
        Sources.of(crc.provenance(), nps.provenance(), defs.provenance()).and(ratings.sources()));
  }

  /**
   * The earlier national snapshots of both sectors' service levels, as reported (2015-16 and
   * July-September 2016): how many levels had robust data and met their target, and successful
   * completions of community and suspended sentence orders against the 75% target.
   *
   * @return the findings as published, not null
   */
  public static org.probationlens.reference.PublishedFindings snapshots() {
    LoadedDataset d = PublishedTable.SERVICE_LEVEL_SNAPSHOTS.load();
    Table t = d.table().selectColumns("period", "provider", "measure", "value_as_published", "tag");
    t.setName("NPS and CRC service levels, 2015-16 and Jul-Sep 2016 (as reported)");
    return new org.probationlens.reference.PublishedFindings(
        "NPS and CRC service levels in the first years, as reported (NAO 2016; CPQ Jul-Sep 2016)",
        t,
        List.of(
            "A blog's summary of the NAO's April 2016 report and of the CPQ release (tag"
                + " secondary); the per-CRC tables of the CPQ were images, not in the store.",
            "Targets differ by measure and were not found; 'against target' is as reported."),
        Sources.of(d));
  }

  private static double mean(Table t, String code, List<String> quarters, InspectionCycle cycle) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < t.rowCount(); i++) {
      if (t.stringColumn("measure_code").get(i).equals(code)
          && quarters.contains(t.stringColumn("quarter").get(i))) {
        sum += t.doubleColumn("percent").get(i);
        n++;
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException(
          code + " has no published quarter in " + cycle + " (quarters " + quarters + ")");
    }
    return sum / n;
  }

  private static Table wide(Table crc, Table nps) {
    TreeSet<String> quarters = new TreeSet<>(crc.stringColumn("quarter").asList());
    quarters.addAll(nps.stringColumn("quarter").asList());
    Map<String, String> labels = new LinkedHashMap<>();
    for (Table t : List.of(crc, nps)) {
      for (int i = 0; i < t.rowCount(); i++) {
        labels.put(t.stringColumn("quarter").get(i), t.stringColumn("quarter_label").get(i));
      }
    }
    StringColumn label = StringColumn.create("quarter");
    quarters.forEach(q -> label.append(q + " (" + labels.get(q) + ")"));
    Table out = Table.create("CRC and NPS service levels, national quarterly (published)", label);
    for (String[] p : PAIRS) {
      for (String code : List.of(p[1], p[2])) {
        Table t = code.startsWith("NPS") ? nps : crc;
        DoubleColumn c =
            DoubleColumn.create((code.startsWith("NPS") ? "NPS: " : "CRCs: ") + p[5] + " (%)");
        for (String q : quarters) {
          double v = Double.NaN;
          for (int i = 0; i < t.rowCount(); i++) {
            if (t.stringColumn("measure_code").get(i).equals(code)
                && t.stringColumn("quarter").get(i).equals(q)) {
              v = t.doubleColumn("percent").get(i);
            }
          }
          c.append(v);
        }
        out.addColumns(c);
      }
    }
    return out;
  }

  /**
   * Both sectors' published quarterly series, one column per measure ("CRCs: first appointment
   * after a CO/SSO (%)", "NPS: ..."), one row per quarter ("2018-Q2 (Apr-Jun 18)", in time order);
   * missing where a sector published no value for the quarter.
   *
   * @return a copy
   */
  @Override
  public Table series() {
    return series.copy();
  }

  /**
   * The share of each sector's providers rated Good or better, in percent.
   *
   * @param nps true for the NPS divisions, false for the CRCs
   * @return the share
   */
  public double goodShare(boolean nps) {
    return nps ? 100.0 * npsGood / npsRated : 100.0 * crcGood / crcRated;
  }

  @Override
  public String title() {
    return String.format(
        Locale.ROOT,
        "Tasks counted against quality judged, NPS against CRCs, %s: counted tasks within %.1f"
            + " points of each other where the limits match; rated Good %d of %d NPS divisions"
            + " against %d of %d CRCs",
        financialYear,
        tasks.stream()
            .filter(Task::likeForLike)
            .mapToDouble(t -> Math.abs(t.npsMinusCrc()))
            .max()
            .orElse(Double.NaN),
        npsGood,
        npsRated,
        crcGood,
        crcRated);
  }

  @Override
  public Table table() {
    StringColumn task = StringColumn.create("task or judgement");
    StringColumn crcMeasure = StringColumn.create("CRC measure");
    StringColumn crcValue = StringColumn.create("CRCs, " + financialYear);
    StringColumn npsMeasure = StringColumn.create("NPS measure");
    StringColumn npsValue = StringColumn.create("NPS, " + financialYear);
    DoubleColumn gap = DoubleColumn.create("NPS minus CRC (points)");
    StringColumn like = StringColumn.create("like for like?");
    for (Task t : tasks) {
      task.append("counted: " + t.task());
      crcMeasure.append(t.crcCode());
      crcValue.append(String.format(Locale.ROOT, "%.1f%% on time", t.crcPercent()));
      npsMeasure.append(t.npsCode());
      npsValue.append(String.format(Locale.ROOT, "%.1f%% on time", t.npsPercent()));
      gap.append(round1(t.npsMinusCrc()));
      like.append(t.likeForLike() ? "yes: " + t.limits() : "no: " + t.limits());
    }
    task.append("judged: HMI Probation overall rating Good or better");
    crcMeasure.append("HMIP rating");
    crcValue.append(
        String.format(Locale.ROOT, "%d of %d CRCs (%.0f%%)", crcGood, crcRated, goodShare(false)));
    npsMeasure.append("HMIP rating");
    npsValue.append(
        String.format(
            Locale.ROOT, "%d of %d divisions (%.0f%%)", npsGood, npsRated, goodShare(true)));
    gap.append(round1(goodShare(true) - goodShare(false)));
    like.append("yes: the same inspection framework for both");
    return Table.create(
        "Tasks counted against quality judged, NPS against CRCs, " + financialYear,
        task,
        crcMeasure,
        crcValue,
        npsMeasure,
        npsValue,
        gap,
        like);
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  @Override
  public List<String> notes() {
    return List.of(
        "Each sector's figure is the unweighted mean of the national quarterly percentages of the"
            + " financial year's four quarters; the counts behind each quarter are not in the"
            + " reference data.",
        "The NPS and CRCs supervised different people (the NPS those at high risk of serious"
            + " harm), so equal rates on a counted task need not mean equal difficulty.",
        "NPS values are published as whole percentages, CRC values to one decimal place.",
        "Per-CRC and per-division service levels are not in the reference data: the comparison is"
            + " sector against sector.");
  }
}
