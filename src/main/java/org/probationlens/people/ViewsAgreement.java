package org.probationlens.people;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import org.probationlens.stats.AgreementWeights;
import org.probationlens.stats.MarginalHomogeneity;
import org.probationlens.stats.WeightedKappa;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Do service users and inspectors judge the same cases alike? Agreement beyond chance (weighted
 * kappa, linear and quadratic, with intervals) and whether the two use the scale differently
 * overall (Stuart-Maxwell on the four ratings; McNemar on "Good or better" against "below Good").
 *
 * @param counts the cross-tabulation, rows the user's view, columns the inspector's rating
 * @param linear the linear-weighted kappa
 * @param quadratic the quadratic-weighted kappa
 * @param stuartMaxwell the Stuart-Maxwell test of the four-point margins
 * @param mcNemar McNemar's test (continuity corrected) of the two-point collapse
 * @param userGoodOrBetter the share of cases the user put at Good or better
 * @param inspectorGoodOrBetter the share the inspector put at Good or better
 * @param sources where the pairs came from
 */
public record ViewsAgreement(
    long[][] counts,
    WeightedKappa linear,
    WeightedKappa quadratic,
    MarginalHomogeneity stuartMaxwell,
    MarginalHomogeneity mcNemar,
    double userGoodOrBetter,
    double inspectorGoodOrBetter,
    Sources sources)
    implements Result {

  /** Copies the counts. */
  public ViewsAgreement {
    counts = deepCopy(Objects.requireNonNull(counts, "counts"));
    Objects.requireNonNull(linear, "linear");
    Objects.requireNonNull(quadratic, "quadratic");
    Objects.requireNonNull(stuartMaxwell, "stuartMaxwell");
    Objects.requireNonNull(mcNemar, "mcNemar");
    Objects.requireNonNull(sources, "sources");
  }

  /**
   * The agreement of paired views.
   *
   * @param views the pairs, not null
   * @param confidence the confidence level of the kappa intervals
   * @return the agreement, not null
   */
  public static ViewsAgreement of(PairedViews views, double confidence) {
    long[][] t = views.counts();
    long[][] two = new long[2][2]; // 0 = below Good, 1 = Good or better
    long n = 0;
    long userGood = 0;
    long insGood = 0;
    for (int i = 0; i < t.length; i++) {
      for (int j = 0; j < t.length; j++) {
        int a = i >= CaseRating.GOOD.ordinal() ? 1 : 0;
        int b = j >= CaseRating.GOOD.ordinal() ? 1 : 0;
        two[a][b] += t[i][j];
        n += t[i][j];
        userGood += a * t[i][j];
        insGood += b * t[i][j];
      }
    }
    return new ViewsAgreement(
        t,
        WeightedKappa.of(t, AgreementWeights.LINEAR, confidence),
        WeightedKappa.of(t, AgreementWeights.QUADRATIC, confidence),
        MarginalHomogeneity.stuartMaxwell(t),
        MarginalHomogeneity.mcNemar(two, true),
        userGood / (double) n,
        insGood / (double) n,
        Sources.of(views.provenance()));
  }

  @Override
  public long[][] counts() {
    return deepCopy(counts);
  }

  @Override
  public String title() {
    return "Service users' views against inspectors' ratings of the same cases: agreement and"
        + " marginal change";
  }

  @Override
  public Table table() {
    StringColumn measure = StringColumn.create("measure");
    DoubleColumn value = DoubleColumn.create("value");
    DoubleColumn lower = DoubleColumn.create("lower");
    DoubleColumn upper = DoubleColumn.create("upper");
    StringColumn df = StringColumn.create("df");
    DoubleColumn p = DoubleColumn.create("p_value");
    for (WeightedKappa k : List.of(linear, quadratic)) {
      measure.append(
          (k.weights() == AgreementWeights.LINEAR ? "linear" : "quadratic")
              + "-weighted kappa ("
              + Math.round(k.confidence() * 100)
              + "% interval; p for kappa = 0)");
      value.append(k.kappa());
      lower.append(k.lower());
      upper.append(k.upper());
      df.append("");
      p.append(k.pValue());
    }
    for (MarginalHomogeneity m : List.of(stuartMaxwell, mcNemar)) {
      measure.append(
          m == stuartMaxwell
              ? "Stuart-Maxwell chi-squared (four ratings: do the margins differ?)"
              : "McNemar chi-squared, continuity corrected (Good or better against below)");
      value.append(m.statistic());
      lower.appendMissing();
      upper.appendMissing();
      df.append(String.valueOf(m.degreesOfFreedom()));
      p.append(m.pValue());
    }
    measure.append("share of cases the user put at Good or better");
    value.append(userGoodOrBetter);
    measure.append("share of cases the inspector put at Good or better");
    value.append(inspectorGoodOrBetter);
    for (int i = 0; i < 2; i++) {
      lower.appendMissing();
      upper.appendMissing();
      df.append("");
      p.appendMissing();
    }
    return Table.create("Agreement", measure, value, lower, upper, df, p);
  }

  /**
   * The cross-tabulation: one row per user view, one column per inspector rating, with the cases'
   * sources.
   *
   * @return the cross-tabulation, not null
   */
  public CrossTable crossTable() {
    return new CrossTable(
        "Service user's view (rows) against inspector's rating (columns), cases",
        crossCounts(),
        List.of("Cases on the diagonal were rated alike by both."),
        sources);
  }

  private Table crossCounts() {
    CaseRating[] r = CaseRating.values();
    Table t = Table.create("Service user's view (rows) against inspector's rating (columns)");
    StringColumn rows = StringColumn.create("user's view");
    for (CaseRating x : r) {
      rows.append(x.label());
    }
    t.addColumns(rows);
    for (int j = 0; j < r.length; j++) {
      IntColumn c = IntColumn.create("inspector: " + r[j].label());
      for (int i = 0; i < r.length; i++) {
        c.append((int) counts[i][j]);
      }
      t.addColumns(c);
    }
    return t;
  }

  @Override
  public List<String> notes() {
    return List.of(
        String.format(
            Locale.ROOT,
            "Users put %.0f%% of cases at Good or better, inspectors %.0f%%.",
            100 * userGoodOrBetter,
            100 * inspectorGoodOrBetter),
        "Kappa measures agreement case by case beyond chance; Stuart-Maxwell and McNemar ask"
            + " whether one side rates higher overall. The two can disagree: raters can rank cases"
            + " alike and still use the scale differently.");
  }

  private static long[][] deepCopy(long[][] t) {
    long[][] c = new long[t.length][];
    for (int i = 0; i < t.length; i++) {
      c[i] = t[i].clone();
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ViewsAgreement v
        && java.util.Arrays.deepEquals(counts, v.counts)
        && linear.equals(v.linear)
        && quadratic.equals(v.quadratic)
        && sources.equals(v.sources);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.deepHashCode(counts) * 31 + sources.hashCode();
  }
}
