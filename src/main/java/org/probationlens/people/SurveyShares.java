package org.probationlens.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.probationlens.chart.Chart;
import org.probationlens.chart.IntervalCharts;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.Table;

/**
 * Published staff survey shares (morale fell, workload unmanageable, considered leaving) with
 * Wilson intervals where the survey published its respondents.
 *
 * @param shares one row per finding: survey, provider, date, finding, as_published, percent,
 *     respondents, lower_percent, upper_percent, interval_basis, tag
 * @param confidence the confidence level of the intervals
 * @param notes caveats
 * @param sources the published tables read
 */
public record SurveyShares(Table shares, double confidence, List<String> notes, Sources sources)
    implements Result {

  /** Validates and copies. */
  public SurveyShares {
    shares = Objects.requireNonNull(shares, "shares").copy();
    notes = List.copyOf(notes);
    Objects.requireNonNull(sources, "sources");
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be strictly between 0 and 1");
    }
  }

  @Override
  public String title() {
    return "Staff survey findings, with "
        + Math.round(confidence * 100)
        + "% intervals where respondents were published";
  }

  @Override
  public Table table() {
    return shares.copy();
  }

  @Override
  public Table shares() {
    return shares.copy();
  }

  /**
   * The shares as bars with their intervals, one bar per finding.
   *
   * @return the chart, not null
   */
  public Chart chart() {
    List<String> labels = new ArrayList<>();
    int n = shares.rowCount();
    double[] e = new double[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    for (int i = 0; i < n; i++) {
      labels.add(
          shares.stringColumn("finding").get(i)
              + " ("
              + shares.stringColumn("provider").get(i)
              + ", "
              + shares.stringColumn("date").get(i)
              + ")");
      e[i] = shares.doubleColumn("percent").getDouble(i);
      lo[i] = shares.doubleColumn("lower_percent").getDouble(i);
      hi[i] = shares.doubleColumn("upper_percent").getDouble(i);
    }
    return IntervalCharts.intervalBars(
        "Staff survey and inspection findings (percent of staff)",
        labels,
        e,
        lo,
        hi,
        "percent of staff",
        "survey or inspection finding",
        sources);
  }
}
