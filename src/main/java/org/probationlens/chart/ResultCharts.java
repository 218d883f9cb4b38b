package org.probationlens.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.probationlens.partners.ReferralFunnel;
import org.probationlens.payment.PbrRecord;
import org.probationlens.people.CaseRating;
import org.probationlens.people.CaseloadWorkload;
import org.probationlens.people.SurveyShares;
import org.probationlens.people.VictimContact;
import org.probationlens.people.ViewsAgreement;
import tech.tablesaw.api.Table;

/**
 * The one-call charts of the payment, people and partners results: each takes a result and draws
 * what a reader of that result looks at first (payment by results by cohort, staff survey shares,
 * caseloads against workload, service users' views against inspectors', victim contact, the
 * third-sector referral funnel). The result holds the numbers; this class only draws them, so the
 * analyses know nothing of charts.
 */
public final class ResultCharts {

  private ResultCharts() {}

  /**
   * CRCs with significant reductions in reoffending by cohort, as published (the binary measure at
   * its final reading, and the NAO's "consistently" count).
   *
   * @param result the result, not null
   * @return the chart, not null
   */
  public static Chart pbrByCohort(PbrRecord result) {
    Table byCohort = Objects.requireNonNull(result, "result").byCohort();
    List<String> labels = new ArrayList<>();
    int n = byCohort.rowCount();
    double[] v = new double[n];
    double[] none = new double[n];
    for (int i = 0; i < n; i++) {
      labels.add(
          byCohort.stringColumn("cohort").get(i)
              + (byCohort.stringColumn("measure").get(i).contains("consistently")
                  ? " (consistently, NAO)"
                  : " (binary, final)"));
      v[i] = byCohort.intColumn("crcs").getInt(i);
      none[i] = Double.NaN;
    }
    return IntervalCharts.intervalBars(
        "CRCs with significant reductions in reoffending, of 21 (published)",
        labels,
        v,
        none,
        none,
        "CRCs (of 21)",
        "measure of the results",
        result.sources());
  }

  /**
   * Staff survey and inspection findings as bars with their intervals, one bar per finding.
   *
   * @param result the result, not null
   * @return the chart, not null
   */
  public static Chart surveyShares(SurveyShares result) {
    Table shares = Objects.requireNonNull(result, "result").shares();
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
        result.sources());
  }

  /**
   * Caseload per officer against the share of staff saying their workload is unmanageable, as
   * labelled points (caseloads are published lower bounds).
   *
   * @param result the result, not null
   * @return the chart, not null
   */
  public static Chart caseloadWorkload(CaseloadWorkload result) {
    Table pairs = Objects.requireNonNull(result, "result").pairs();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < pairs.rowCount(); i++) {
      labels.add(pairs.stringColumn("provider").get(i));
    }
    return IntervalCharts.labelledPoints(
        "Caseload per officer against workload unmanageable (published; caseloads are lower bounds)",
        pairs.doubleColumn("cases_per_officer").asDoubleArray(),
        pairs.doubleColumn("percent_workload_unmanageable").asDoubleArray(),
        labels,
        "cases per officer (published lower bound)",
        "staff saying workload unmanageable (percent)",
        result.sources());
  }

  /**
   * The share of the same cases at each rating, as service users and as inspectors judged them.
   *
   * @param result the result, not null
   * @return the chart, not null
   */
  public static Chart viewsAgreement(ViewsAgreement result) {
    long[][] counts = Objects.requireNonNull(result, "result").counts();
    CaseRating[] r = CaseRating.values();
    double[] users = new double[r.length];
    double[] inspectors = new double[r.length];
    double n = 0;
    for (int i = 0; i < r.length; i++) {
      for (int j = 0; j < r.length; j++) {
        users[i] += counts[i][j];
        inspectors[j] += counts[i][j];
        n += counts[i][j];
      }
    }
    for (int i = 0; i < r.length; i++) {
      users[i] = 100 * users[i] / n;
      inspectors[i] = 100 * inspectors[i] / n;
    }
    Map<String, double[]> series = new LinkedHashMap<>();
    series.put("service users' view", users);
    series.put("inspectors' rating", inspectors);
    return IntervalCharts.groupedBars(
        "The same cases as service users and as inspectors rated them",
        java.util.Arrays.stream(r).map(CaseRating::label).toList(),
        series,
        "percent of cases",
        "rating of the case",
        result.sources());
  }

  /**
   * The share of eligible cases whose victim was not offered the Victim Contact Scheme, by NPS
   * division, with intervals.
   *
   * @param result the result, not null
   * @return the chart, not null
   */
  public static Chart victimContact(VictimContact result) {
    Table measures = Objects.requireNonNull(result, "result").measures();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < measures.rowCount(); i++) {
      labels.add(measures.stringColumn("nps_division").get(i));
    }
    return IntervalCharts.intervalBars(
        "Victims not offered the Victim Contact Scheme, by NPS division (percent of eligible cases)",
        labels,
        measures.doubleColumn("not_offered_percent").asDoubleArray(),
        measures.doubleColumn("not_offered_lower").asDoubleArray(),
        measures.doubleColumn("not_offered_upper").asDoubleArray(),
        "percent of eligible cases not offered the scheme",
        "NPS division",
        result.sources());
  }

  /**
   * Referrals to the third sector short of the bids' promise, by CRC, with intervals, all CRCs
   * first.
   *
   * @param result the result, not null
   * @return the chart, not null
   */
  public static Chart referralShortfall(ReferralFunnel result) {
    Table funnel = Objects.requireNonNull(result, "result").funnel();
    int n = funnel.rowCount();
    List<String> labels = new ArrayList<>();
    double[] e = new double[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    for (int k = 0; k < n; k++) {
      int i = (k + n - 1) % n; // the all-CRCs row first
      labels.add(funnel.stringColumn("crc").get(i));
      e[k] = funnel.doubleColumn("shortfall_percent").getDouble(i);
      lo[k] = funnel.doubleColumn("shortfall_lower").getDouble(i);
      hi[k] = funnel.doubleColumn("shortfall_upper").getDouble(i);
    }
    return IntervalCharts.intervalBars(
        "Referrals to the third sector short of the bid's promise, by CRC (percent of promised)",
        labels,
        e,
        lo,
        hi,
        "percent of promised referrals not made",
        "CRC",
        result.sources());
  }

  /**
   * The third-sector referral funnel for all CRCs: promised in bids, referred, started, completed.
   *
   * @param result the result, not null
   * @return the chart, not null
   */
  public static Chart referralFunnel(ReferralFunnel result) {
    Table funnel = Objects.requireNonNull(result, "result").funnel();
    int all = funnel.rowCount() - 1;
    Map<String, double[]> series = new LinkedHashMap<>();
    series.put(
        "people, all CRCs",
        new double[] {
          funnel.intColumn("promised").getInt(all),
          funnel.intColumn("referred").getInt(all),
          funnel.intColumn("started").getInt(all),
          funnel.intColumn("completed").getInt(all)
        });
    return IntervalCharts.groupedBars(
        "Third-sector referral funnel, all CRCs (people in one year)",
        List.of("promised in bids", "referred", "started", "completed"),
        series,
        "people",
        "stage of the referral",
        result.sources());
  }
}
