package org.probationlens.court;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.probationlens.period.BusinessDays;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.ResultTable;
import org.probationlens.provenance.Sources;
import org.probationlens.stats.FunnelLimits;
import org.probationlens.stats.OrdinalSummary;
import org.probationlens.stats.Proportion;
import org.probationlens.stats.ProportionDifference;
import org.probationlens.stats.RankCorrelation;
import org.threeten.extra.YearQuarter;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The court-liaison measures: the mix and timeliness of pre-sentence reports, how often sentences
 * follow the report's proposal, how many orders carry a RAR and how much of it is delivered, how
 * quickly CRCs refer breaches, what sentencers say in the survey, and whether courts with a
 * stronger liaison manager do better. Every share comes with a Wilson interval.
 *
 * <p>Built on {@link CourtData}; every table returned names the data it came from (for the
 * project's data: "SYNTHETIC"). Immutable; {@link #withConfidence(double)} returns a copy.
 */
public final class CourtLiaison {
  /** The service-level threshold for breach referral (CRC service level AE): 8 business days. */
  public static final int BREACH_REFERRAL_BUSINESS_DAYS = 8;

  private final CourtData data;
  private final BusinessDays days;
  private final double confidence;
  private final String label;

  private CourtLiaison(CourtData data, BusinessDays days, double confidence) {
    this.data = data;
    this.days = days;
    this.confidence = confidence;
    this.label = " - " + data.provenance();
  }

  /**
   * The measures over some court data, with 95% intervals and England and Wales business days.
   *
   * @param data the court data, not null
   * @return the measures, not null
   */
  public static CourtLiaison of(CourtData data) {
    return new CourtLiaison(
        Objects.requireNonNull(data, "data"), BusinessDays.englandAndWales(), 0.95);
  }

  /**
   * The same measures with intervals at another confidence level.
   *
   * @param level strictly between 0 and 1
   * @return a copy, not null
   */
  public CourtLiaison withConfidence(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException(
          "confidence must be strictly between 0 and 1, e.g. 0.95; was " + level);
    }
    return new CourtLiaison(data, days, level);
  }

  /**
   * The share of reports of each type, beside the mix HMI Probation published for June 2018 to June
   * 2019 (R&amp;A Bulletin 2020/04).
   *
   * @return columns report_type, reports, share, lower, upper, published_reports, published_share
   */
  Table reportMixTable() {
    Table r = data.reports();
    Map<ReportType, Long> published = PublishedCourtFigures.standard().reportMix();
    long publishedTotal = published.values().stream().mapToLong(Long::longValue).sum();
    StringColumn type = StringColumn.create("report_type");
    IntColumn pubN = IntColumn.create("published_reports");
    DoubleColumn pubShare = DoubleColumn.create("published_share");
    List<Proportion> shares = new ArrayList<>();
    for (ReportType t : ReportType.values()) {
      long k = r.stringColumn("report_type").isEqualTo(t.name()).size();
      shares.add(Proportion.wilson(k, r.rowCount(), confidence));
      type.append(t.name());
      pubN.append(published.get(t).intValue());
      pubShare.append(published.get(t) / (double) publishedTotal);
    }
    Table out = shareTable("Report mix" + label, type, "reports", shares);
    out.addColumns(pubN, pubShare);
    return out;
  }

  /**
   * Whether reports were delivered by the day the court needed them ({@code delivered_date} on or
   * before {@code due_date}), by report type.
   *
   * @return columns report_type, reports, on_time, share, lower, upper
   */
  Table timelinessTable() {
    Table r = data.reports();
    return grouped(
        "Report timeliness" + label,
        "report_type",
        r.rowCount(),
        i -> r.stringColumn("report_type").get(i),
        i -> !r.dateColumn("delivered_date").get(i).isAfter(r.dateColumn("due_date").get(i)),
        "reports",
        "on_time");
  }

  /**
   * Proposal-to-sentence concordance: the share of sentences of the same kind ({@link Disposal}) as
   * the report proposed.
   *
   * @param by the grouping: {@code "court_code"}, {@code "supervising_provider"}, {@code
   *     "report_type"}, {@code "liaison_rating"} (the court's), or {@code "all"}
   * @return columns (the grouping), reports, followed, share, lower, upper
   * @throws IllegalArgumentException for any other grouping
   */
  Table concordanceTable(String by) {
    Table r = data.reports();
    IntFunction<String> key = reportKey(r, by);
    return grouped(
        "Proposal-to-sentence concordance by " + by + label,
        by,
        r.rowCount(),
        key,
        i -> r.stringColumn("proposal").get(i).equals(r.stringColumn("sentence").get(i)),
        "reports",
        "followed");
  }

  /**
   * The share of community and suspended sentence orders with a RAR (published for April to June
   * 2016: 36% of 19,021).
   *
   * @return the share and its interval
   */
  public Proportion rarShare() {
    Table o = data.orders();
    long k = o.intColumn("rar_days_ordered").isGreaterThan(0).size();
    return Proportion.wilson(k, o.rowCount(), confidence);
  }

  /**
   * RAR days ordered against delivered, for orders with a RAR: total days, the share of days
   * delivered, the share of RARs delivered in full and the share with no purposeful activity (no
   * RAR day delivered; published: "more than 1 in 10"), each share with its interval.
   *
   * @param by the grouping: {@code "court_code"}, {@code "supervising_provider"}, {@code
   *     "order_type"}, {@code "liaison_rating"} or {@code "all"}
   * @return columns (the grouping), rar_orders, days_ordered, days_delivered, delivered_ratio,
   *     full, full_lower, full_upper, no_activity, no_activity_lower, no_activity_upper
   */
  Table rarDeliveryTable(String by) {
    Table o = data.orders();
    Map<String, String> rating = courtRatings();
    IntFunction<String> key =
        switch (by) {
          case "all" -> i -> "all";
          case "court_code", "supervising_provider", "order_type" -> i -> o.stringColumn(by).get(i);
          case "liaison_rating" -> i -> rating.get(o.stringColumn("court_code").get(i));
          default -> throw badGrouping(by, "court_code, supervising_provider, order_type");
        };
    Map<String, long[]> acc = new TreeMap<>();
    for (int i = 0; i < o.rowCount(); i++) {
      int ordered = o.intColumn("rar_days_ordered").getInt(i);
      if (ordered == 0) {
        continue;
      }
      int delivered = o.intColumn("rar_days_delivered").getInt(i);
      long[] a = acc.computeIfAbsent(key.apply(i), k -> new long[5]);
      a[0]++;
      a[1] += ordered;
      a[2] += delivered;
      a[3] += delivered == ordered ? 1 : 0;
      a[4] += delivered == 0 ? 1 : 0;
    }
    StringColumn group = StringColumn.create(by);
    IntColumn n = IntColumn.create("rar_orders");
    IntColumn ordered = IntColumn.create("days_ordered");
    IntColumn delivered = IntColumn.create("days_delivered");
    DoubleColumn ratio = DoubleColumn.create("delivered_ratio");
    DoubleColumn[] full = shareColumns("full");
    DoubleColumn[] none = shareColumns("no_activity");
    for (Map.Entry<String, long[]> e : acc.entrySet()) {
      long[] a = e.getValue();
      group.append(e.getKey());
      n.append((int) a[0]);
      ordered.append((int) a[1]);
      delivered.append((int) a[2]);
      ratio.append(a[2] / (double) a[1]);
      appendShare(full, Proportion.wilson(a[3], a[0], confidence));
      appendShare(none, Proportion.wilson(a[4], a[0], confidence));
    }
    Table out = Table.create("RAR delivery by " + by + label, group, n, ordered, delivered, ratio);
    out.addColumns(full);
    out.addColumns(none);
    return out;
  }

  /**
   * Breach referral within 8 business days (CRC service level AE) by quarter of the day the CRC
   * became aware, beside the national share published for that quarter.
   *
   * @return columns quarter, breaches, within_8, share, lower, upper, published_share
   */
  Table breachReferralTable() {
    Table b = data.breaches();
    Table out =
        grouped(
            "Breach referral within 8 business days" + label,
            "quarter",
            b.rowCount(),
            i -> YearQuarter.from(b.dateColumn("aware_date").get(i)).toString(),
            i ->
                withinThreshold(
                    b.dateColumn("aware_date").get(i), b.dateColumn("referral_date").get(i)),
            "breaches",
            "within_8");
    Map<YearQuarter, Double> published =
        PublishedCourtFigures.standard().breachReferralWithin8Days();
    DoubleColumn pub = DoubleColumn.create("published_share");
    for (String q : out.stringColumn("quarter")) {
      Double p = published.get(YearQuarter.parse(q));
      if (p == null) {
        pub.appendMissing();
      } else {
        pub.append(p);
      }
    }
    return out.addColumns(pub);
  }

  /**
   * Whether a breach referred on {@code referral} was within 8 business days of {@code aware}.
   *
   * @param aware the day the provider became aware, not null
   * @param referral the day of referral, not before {@code aware}
   * @return true if no more than 8 business days passed
   */
  public boolean withinThreshold(LocalDate aware, LocalDate referral) {
    return days.between(aware, referral) <= BREACH_REFERRAL_BUSINESS_DAYS;
  }

  /**
   * The survey answers to each item as ordinal data: level shares, the share agreeing (agree or
   * strongly agree) and the median level, each with an interval.
   *
   * @return one summary per {@link SurveyItem}, in declaration order
   */
  public List<OrdinalSummary> survey() {
    Table s = data.survey();
    List<OrdinalSummary> out = new ArrayList<>();
    for (SurveyItem item : SurveyItem.values()) {
      long[] counts = new long[SurveyItem.LEVELS.size()];
      for (int i = 0; i < s.rowCount(); i++) {
        if (s.stringColumn("item").get(i).equals(item.name())) {
          counts[s.intColumn("answer").getInt(i) - 1]++;
        }
      }
      out.add(OrdinalSummary.of(item.name(), SurveyItem.LEVELS, counts, 3, confidence));
    }
    return out;
  }

  /**
   * The survey summarised as a table: one row per item.
   *
   * @return columns item, answers, median, median_lower, median_upper, agree, lower, upper
   */
  Table surveySummaryTable() {
    StringColumn item = StringColumn.create("item");
    IntColumn n = IntColumn.create("answers");
    StringColumn median = StringColumn.create("median");
    StringColumn lo = StringColumn.create("median_lower");
    StringColumn hi = StringColumn.create("median_upper");
    List<Proportion> agree = new ArrayList<>();
    for (OrdinalSummary s : survey()) {
      item.append(s.item());
      n.append((int) s.respondents());
      median.append(s.medianLevel());
      lo.append(s.levels().get(s.medianLower()));
      hi.append(s.levels().get(s.medianUpper()));
      agree.add(s.topBox());
    }
    Table out = Table.create("Sentencer survey" + label, item, n, median, lo, hi);
    DoubleColumn[] cols = shareColumns("agree");
    agree.forEach(p -> appendShare(cols, p));
    return out.addColumns(cols);
  }

  /**
   * The share agreeing with one survey item, by the court's liaison rating.
   *
   * @param item the item, not null
   * @return columns liaison_rating, answers, agree, share, lower, upper
   */
  Table surveyByRatingTable(SurveyItem item) {
    Table s = data.survey();
    Map<String, String> rating = courtRatings();
    Table only = s.where(s.stringColumn("item").isEqualTo(item.name()));
    return grouped(
        "Agree: " + item + " by liaison rating" + label,
        "liaison_rating",
        only.rowCount(),
        i -> rating.get(only.stringColumn("court_code").get(i)),
        i -> only.intColumn("answer").getInt(i) >= 4,
        "answers",
        "agree");
  }

  /**
   * The liaison-manager effect on concordance: the share of sentences following the proposal at
   * courts rated {@code first} minus that at courts rated {@code second}, with Newcombe's interval.
   *
   * @param first e.g. {@link LiaisonRating#STRONG}
   * @param second e.g. {@link LiaisonRating#WEAK}
   * @return the difference and interval
   */
  public ProportionDifference liaisonEffectOnConcordance(
      LiaisonRating first, LiaisonRating second) {
    Table c = concordanceTable("liaison_rating");
    long[] a = counts(c, "liaison_rating", first.name(), "reports", "followed");
    long[] b = counts(c, "liaison_rating", second.name(), "reports", "followed");
    return ProportionDifference.newcombe(a[1], a[0], b[1], b[0], confidence);
  }

  /**
   * The liaison-manager effect on one survey item: the share agreeing at courts rated {@code first}
   * minus that at courts rated {@code second}, with Newcombe's interval.
   *
   * @param item the survey item, not null
   * @param first e.g. {@link LiaisonRating#STRONG}
   * @param second e.g. {@link LiaisonRating#WEAK}
   * @return the difference and interval
   */
  public ProportionDifference liaisonEffectOnSurvey(
      SurveyItem item, LiaisonRating first, LiaisonRating second) {
    Table s = surveyByRatingTable(item);
    long[] a = counts(s, "liaison_rating", first.name(), "answers", "agree");
    long[] b = counts(s, "liaison_rating", second.name(), "answers", "agree");
    return ProportionDifference.newcombe(a[1], a[0], b[1], b[0], confidence);
  }

  /**
   * Whether knowing what is on offer shows in sentencing: Spearman's rank correlation, across
   * courts, between the share of a court's sentencers who agree they know the local services and
   * the share of its sentences that follow the report's proposal.
   *
   * @return the correlation and its interval; courts missing either share are left out
   */
  public RankCorrelation awarenessAndConcordance() {
    Table p = courtProfileTable();
    List<double[]> pairs = new ArrayList<>();
    for (int i = 0; i < p.rowCount(); i++) {
      double a = p.doubleColumn("aware_share").getDouble(i);
      double c = p.doubleColumn("concordance").getDouble(i);
      if (!Double.isNaN(a) && !Double.isNaN(c)) {
        pairs.add(new double[] {a, c});
      }
    }
    double[] x = pairs.stream().mapToDouble(v -> v[0]).toArray();
    double[] y = pairs.stream().mapToDouble(v -> v[1]).toArray();
    return RankCorrelation.spearman(x, y, confidence);
  }

  /**
   * Per-court concordance against funnel limits around the pooled share: 95% and 99.8% limits for
   * each court's number of reports, and whether the court lies outside the 99.8% limits.
   *
   * @return columns court_code, court (the court's name, for charts and readers), liaison_rating,
   *     reports, followed, share, lower95, upper95, lower998, upper998, outside998, sorted by
   *     reports
   */
  Table concordanceFunnelTable() {
    Table c = concordanceTable("court_code");
    long total = (long) c.intColumn("reports").sum();
    long followed = (long) c.intColumn("followed").sum();
    double target = followed / (double) total;
    FunnelLimits f95 = FunnelLimits.forProportion(target, 0.95);
    FunnelLimits f998 = FunnelLimits.forProportion(target, 0.998);
    Map<String, String> rating = courtRatings();
    Map<String, String> names = courtNames();
    StringColumn name = StringColumn.create("court");
    StringColumn r = StringColumn.create("liaison_rating");
    DoubleColumn l95 = DoubleColumn.create("lower95");
    DoubleColumn u95 = DoubleColumn.create("upper95");
    DoubleColumn l998 = DoubleColumn.create("lower998");
    DoubleColumn u998 = DoubleColumn.create("upper998");
    BooleanColumn outside = BooleanColumn.create("outside998");
    for (int i = 0; i < c.rowCount(); i++) {
      int n = c.intColumn("reports").getInt(i);
      r.append(rating.get(c.stringColumn("court_code").get(i)));
      name.append(names.get(c.stringColumn("court_code").get(i)));
      l95.append(f95.lower(n));
      u95.append(f95.upper(n));
      l998.append(f998.lower(n));
      u998.append(f998.upper(n));
      outside.append(!f998.contains(c.intColumn("followed").getInt(i), n));
    }
    Table out =
        Table.create(
            "Concordance funnel (target " + String.format("%.3f", target) + ")" + label,
            c.stringColumn("court_code"),
            name,
            r,
            c.intColumn("reports"),
            c.intColumn("followed"),
            c.doubleColumn("share"),
            l95,
            u95,
            l998,
            u998,
            outside);
    return out.sortAscendingOn("reports");
  }

  /**
   * One row per court: its liaison rating, the share of its sentencers who say they know what is
   * available locally, its concordance, its share of orders with a RAR and its on-time share of
   * reports; for asking whether knowledge shows in sentencing.
   *
   * @return columns court_code, liaison_rating, aware_share, concordance, rar_share, on_time_share
   */
  Table courtProfileTable() {
    Table aware =
        groupedShares(
            data.survey()
                .where(
                    data.survey()
                        .stringColumn("item")
                        .isEqualTo(SurveyItem.AWARE_OF_LOCAL_SERVICES.name())),
            t -> i -> t.intColumn("answer").getInt(i) >= 4);
    Table r = data.reports();
    Map<String, Double> concord =
        shareMap(
            r, i -> r.stringColumn("proposal").get(i).equals(r.stringColumn("sentence").get(i)));
    Map<String, Double> onTime =
        shareMap(
            r,
            i -> !r.dateColumn("delivered_date").get(i).isAfter(r.dateColumn("due_date").get(i)));
    Table o = data.orders();
    Map<String, Double> rar = shareMap(o, i -> o.intColumn("rar_days_ordered").getInt(i) > 0);
    Map<String, Double> awareMap = new HashMap<>();
    for (int i = 0; i < aware.rowCount(); i++) {
      awareMap.put(aware.stringColumn("court_code").get(i), aware.doubleColumn("share").get(i));
    }
    Table courts = data.courts();
    StringColumn code = StringColumn.create("court_code");
    StringColumn rating = StringColumn.create("liaison_rating");
    DoubleColumn a = DoubleColumn.create("aware_share");
    DoubleColumn c = DoubleColumn.create("concordance");
    DoubleColumn ra = DoubleColumn.create("rar_share");
    DoubleColumn t = DoubleColumn.create("on_time_share");
    for (int i = 0; i < courts.rowCount(); i++) {
      String k = courts.stringColumn("court_code").get(i);
      code.append(k);
      rating.append(courts.stringColumn("liaison_rating").get(i));
      append(a, awareMap.get(k));
      append(c, concord.get(k));
      append(ra, rar.get(k));
      append(t, onTime.get(k));
    }
    return Table.create("Court profile" + label, code, rating, a, c, ra, t);
  }

  private static void append(DoubleColumn col, Double v) {
    if (v == null) {
      col.appendMissing();
    } else {
      col.append(v);
    }
  }

  private Table groupedShares(Table t, java.util.function.Function<Table, IntPredicate> hit) {
    return grouped(
        "shares",
        "court_code",
        t.rowCount(),
        i -> t.stringColumn("court_code").get(i),
        hit.apply(t),
        "n",
        "k");
  }

  private Map<String, Double> shareMap(Table t, IntPredicate hit) {
    Table g =
        grouped(
            "shares",
            "court_code",
            t.rowCount(),
            i -> t.stringColumn("court_code").get(i),
            hit,
            "n",
            "k");
    Map<String, Double> out = new HashMap<>();
    for (int i = 0; i < g.rowCount(); i++) {
      out.put(g.stringColumn("court_code").get(i), g.doubleColumn("share").get(i));
    }
    return out;
  }

  private IntFunction<String> reportKey(Table r, String by) {
    Map<String, String> rating = courtRatings();
    return switch (by) {
      case "all" -> i -> "all";
      case "court_code", "supervising_provider", "report_type" -> i -> r.stringColumn(by).get(i);
      case "liaison_rating" -> i -> rating.get(r.stringColumn("court_code").get(i));
      default -> throw badGrouping(by, "court_code, supervising_provider, report_type");
    };
  }

  private static IllegalArgumentException badGrouping(String by, String columns) {
    return new IllegalArgumentException(
        "cannot group by '" + by + "'; expected one of: all, " + columns + ", liaison_rating");
  }

  private Map<String, String> courtNames() {
    Table c = data.courts();
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < c.rowCount(); i++) {
      out.put(c.stringColumn("court_code").get(i), c.stringColumn("court_name").get(i));
    }
    return out;
  }

  private Map<String, String> courtRatings() {
    Table c = data.courts();
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < c.rowCount(); i++) {
      out.put(c.stringColumn("court_code").get(i), c.stringColumn("liaison_rating").get(i));
    }
    return out;
  }

  private Table grouped(
      String name,
      String groupName,
      int rows,
      IntFunction<String> key,
      IntPredicate hit,
      String nName,
      String kName) {
    Map<String, long[]> acc = new TreeMap<>();
    for (int i = 0; i < rows; i++) {
      long[] a = acc.computeIfAbsent(key.apply(i), k -> new long[2]);
      a[0]++;
      if (hit.test(i)) {
        a[1]++;
      }
    }
    StringColumn group = StringColumn.create(groupName);
    IntColumn n = IntColumn.create(nName);
    IntColumn k = IntColumn.create(kName);
    DoubleColumn[] share = shareColumns("share");
    for (Map.Entry<String, long[]> e : acc.entrySet()) {
      group.append(e.getKey());
      n.append((int) e.getValue()[0]);
      k.append((int) e.getValue()[1]);
      appendShare(share, Proportion.wilson(e.getValue()[1], e.getValue()[0], confidence));
    }
    Table out = Table.create(name, group, n, k);
    out.addColumns(share[0].setName("share"), share[1].setName("lower"), share[2].setName("upper"));
    return out;
  }

  private Table shareTable(String name, StringColumn group, String nName, List<Proportion> ps) {
    IntColumn n = IntColumn.create(nName);
    DoubleColumn[] share = shareColumns("share");
    for (Proportion p : ps) {
      n.append((int) p.successes());
      appendShare(share, p);
    }
    Table out = Table.create(name, group, n);
    out.addColumns(share[0].setName("share"), share[1].setName("lower"), share[2].setName("upper"));
    return out;
  }

  private static DoubleColumn[] shareColumns(String name) {
    return new DoubleColumn[] {
      DoubleColumn.create(name),
      DoubleColumn.create(name + "_lower"),
      DoubleColumn.create(name + "_upper")
    };
  }

  private static void appendShare(DoubleColumn[] cols, Proportion p) {
    cols[0].append(p.estimate());
    cols[1].append(p.lower());
    cols[2].append(p.upper());
  }

  private static long[] counts(Table t, String keyCol, String key, String nCol, String kCol) {
    for (int i = 0; i < t.rowCount(); i++) {
      if (t.stringColumn(keyCol).get(i).equals(key)) {
        return new long[] {t.intColumn(nCol).getInt(i), t.intColumn(kCol).getInt(i)};
      }
    }
    throw new IllegalArgumentException("no courts rated " + key + " in the data");
  }

  /**
   * Pre-sentence reports by type, beside the published mix, with the provenance of the court data
   * it was computed from.
   *
   * @return the result: its table as described on {@code reportMixTable}, not null
   */
  public ResultTable reportMix() {
    return ResultTable.of(
        "Pre-sentence reports by type, beside the published mix",
        reportMixTable(),
        sources(CourtTable.REPORTS));
  }

  /**
   * Reports delivered by the day the court needed them, by type, with the provenance of the court
   * data it was computed from.
   *
   * @return the result: its table as described on {@code timelinessTable}, not null
   */
  public ResultTable timeliness() {
    return ResultTable.of(
        "Reports delivered by the day the court needed them, by type",
        timelinessTable(),
        sources(CourtTable.REPORTS));
  }

  /**
   * Sentences of the kind the report proposed, by a grouping, with the provenance of the court data
   * it was computed from.
   *
   * @return the result: its table as described on {@code concordanceTable}, not null
   */
  public ResultTable concordance(String by) {
    return ResultTable.of(
        "Sentences of the kind the report proposed, by " + by + "",
        concordanceTable(by),
        sources(CourtTable.REPORTS));
  }

  /**
   * RAR days delivered against days ordered, by a grouping, with the provenance of the court data
   * it was computed from.
   *
   * @return the result: its table as described on {@code rarDeliveryTable}, not null
   */
  public ResultTable rarDelivery(String by) {
    return ResultTable.of(
        "RAR days delivered against days ordered, by " + by + "",
        rarDeliveryTable(by),
        sources(CourtTable.ORDERS));
  }

  /**
   * Breaches referred within 8 business days, by quarter, beside the published share, with the
   * provenance of the court data it was computed from.
   *
   * @return the result: its table as described on {@code breachReferralTable}, not null
   */
  public ResultTable breachReferral() {
    return ResultTable.of(
        "Breaches referred within 8 business days, by quarter, beside the published share",
        breachReferralTable(),
        sources(CourtTable.BREACHES));
  }

  /**
   * Sentencer survey: median answer and share agreeing, by statement, with the provenance of the
   * court data it was computed from.
   *
   * @return the result: its table as described on {@code surveySummaryTable}, not null
   */
  public ResultTable surveySummary() {
    return ResultTable.of(
        "Sentencer survey: median answer and share agreeing, by statement",
        surveySummaryTable(),
        sources(CourtTable.SURVEY));
  }

  /**
   * Sentencers agreeing that a statement, by liaison manager rating, with the provenance of the
   * court data it was computed from.
   *
   * @return the result: its table as described on {@code surveyByRatingTable}, not null
   */
  public ResultTable surveyByRating(SurveyItem item) {
    return ResultTable.of(
        "Sentencers agreeing that " + item + ", by liaison manager rating",
        surveyByRatingTable(item),
        sources(CourtTable.SURVEY));
  }

  /**
   * Concordance by court, with funnel limits around the pooled share, with the provenance of the
   * court data it was computed from.
   *
   * @return the result: its table as described on {@code concordanceFunnelTable}, not null
   */
  public ResultTable concordanceFunnel() {
    return ResultTable.of(
        "Concordance by court, with funnel limits around the pooled share",
        concordanceFunnelTable(),
        sources(CourtTable.REPORTS));
  }

  /**
   * Court profile: awareness, concordance, RAR share and timeliness by court, with the provenance
   * of the court data it was computed from.
   *
   * @return the result: its table as described on {@code courtProfileTable}, not null
   */
  public ResultTable courtProfile() {
    return ResultTable.of(
        "Court profile: awareness, concordance, RAR share and timeliness by court",
        courtProfileTable(),
        sources(CourtTable.values()));
  }

  /**
   * Where the court data came from: the provenance of each of its tables.
   *
   * @return the sources of every table, not null
   */
  public Sources sources() {
    return sources(CourtTable.values());
  }

  private Sources sources(CourtTable... tables) {
    List<Provenance> p = new java.util.ArrayList<>();
    for (CourtTable t : tables) {
      p.add(data.provenance(t));
    }
    return new Sources(p, List.of());
  }

  @Override
  public String toString() {
    return "CourtLiaison[" + data.provenance() + ", confidence " + confidence + "]";
  }
}
