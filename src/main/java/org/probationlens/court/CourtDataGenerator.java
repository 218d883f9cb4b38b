package org.probationlens.court;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.probationlens.area.Geography;
import org.probationlens.area.PccArea;
import org.probationlens.data.ProviderType;
import org.probationlens.period.BusinessDays;
import org.threeten.extra.YearQuarter;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Makes synthetic court-level data: one court group per police/PCC area, with pre-sentence reports
 * and the sentences that followed, community and suspended sentence orders with their RARs,
 * breaches referred by CRCs, and a sentencer survey. The same seed and scale always give the same
 * data, on any machine.
 *
 * <p><b>Calibrated to published figures:</b> the report mix (535 oral : 237 short format : 30
 * standard delivery, HMIP R&amp;A Bulletin 2020/04, June 2018 to June 2019); the number of
 * community and suspended sentence orders in April to June 2016 (19,021 at scale 1) and the share
 * with a RAR (36%, HMIP RAR thematic); the share of RARs with no purposeful activity (12%, chosen
 * to satisfy the published "more than 1 in 10"); the national quarterly share of breaches referred
 * within 8 business days (CRC service level AE, April 2017 to June 2019).
 *
 * <p><b>Assumptions, not published:</b> everything else, including the liaison-manager ratings and
 * their effects, the proposal mix and concordance, report timeliness, RAR days ordered and
 * delivered, breach volumes, the spread between CPAs, and every survey answer. The constants below
 * name them. A pattern found in this data shows what the generator put there, not what courts do.
 */
public final class CourtDataGenerator {
  /** The generator's version, recorded in the manifest; it changes whenever the output would. */
  public static final String VERSION = "court-generator 1";

  /** Reports window: the period of the published report mix. */
  static final LocalDate REPORTS_FROM = LocalDate.of(2018, 6, 1);

  static final LocalDate REPORTS_TO = LocalDate.of(2019, 6, 30);

  /** Orders window: the quarter of the published RAR share. */
  static final LocalDate ORDERS_FROM = LocalDate.of(2016, 4, 1);

  static final LocalDate ORDERS_TO = LocalDate.of(2016, 6, 30);

  /** Assumption: reports in the 13-month window at scale 1. */
  static final int REPORTS_AT_SCALE_1 = 40_000;

  /** Assumption: alleged breaches handled by CRCs in a quarter at scale 1. */
  static final int BREACHES_PER_QUARTER_AT_SCALE_1 = 2_000;

  /** Assumption: survey respondents per court at scale 1 (at least 3 at any scale). */
  static final int RESPONDENTS_PER_COURT_AT_SCALE_1 = 80;

  /** Calibrated: share of RARs with no purposeful activity (published: more than 1 in 10). */
  static final double NO_PURPOSEFUL_ACTIVITY = 0.12;

  /** Assumption: shares of liaison ratings STRONG, ADEQUATE, WEAK. */
  private static final double[] RATING_SHARES = {0.30, 0.45, 0.25};

  /** Assumption: effect of the liaison rating on the logit of concordance and timeliness. */
  private static final double[] RATING_EFFECT = {0.40, 0.0, -0.40};

  /** Assumption: proposal mix CUSTODY, SSO, CO, FINE_OR_DISCHARGE. */
  private static final double[] PROPOSAL_MIX = {0.15, 0.20, 0.45, 0.20};

  /** Assumption: share of sentences that follow the proposal at an average court. */
  private static final double CONCORDANCE = 0.72;

  /** Assumption: share of community sentences supervised by a CRC (the rest by the NPS). */
  private static final double CRC_SHARE = 0.75;

  /** Assumption: share of orders that are community orders (the rest suspended). */
  private static final double CO_SHARE = 0.60;

  /** Assumption: on-time shares for ORAL, SHORT_FORMAT, STANDARD_DELIVERY at an average court. */
  private static final double[] ON_TIME = {0.97, 0.92, 0.80};

  /** Assumption: RAR days ordered and their shares. */
  private static final int[] RAR_DAYS = {5, 10, 15, 20, 25, 30, 40, 60};

  private static final double[] RAR_DAYS_SHARE = {0.10, 0.25, 0.20, 0.20, 0.05, 0.15, 0.03, 0.02};

  /** Assumption: share of RARs with purposeful activity that were delivered in full. */
  private static final double FULLY_DELIVERED = 0.60;

  /** Assumption: survey item means on the latent scale, and the liaison effect on each. */
  private static final Map<SurveyItem, double[]> ITEM_MEAN_AND_EFFECT =
      new EnumMap<>(
          Map.of(
              SurveyItem.AWARE_OF_LOCAL_SERVICES, new double[] {-0.2, 0.5},
              SurveyItem.CONFIDENT_IN_NPS, new double[] {0.5, 0.2},
              SurveyItem.CONFIDENT_IN_CRC, new double[] {-0.4, 0.3},
              SurveyItem.FRUSTRATED_BY_RAR, new double[] {0.3, -0.3}));

  /** Cut points of the latent answer scale between levels 1|2, 2|3, 3|4, 4|5. */
  private static final double[] CUTS = {-1.5, -0.5, 0.5, 1.5};

  private final long seed;
  private final double scale;
  private final Random random;
  private final BusinessDays days = BusinessDays.englandAndWales();

  private final List<String> courtCodes = new ArrayList<>();
  private final List<String> courtCpas = new ArrayList<>();
  private final List<LiaisonRating> ratings = new ArrayList<>();
  private final List<Double> courtEffects = new ArrayList<>();
  private double[] cumulativeWeights;

  private CourtDataGenerator(long seed, double scale) {
    this.seed = seed;
    this.scale = scale;
    this.random = new Random(seed);
  }

  /**
   * Generates synthetic court data.
   *
   * @param seed the random seed; the same seed and scale give the same data
   * @param scale the size relative to national volumes, greater than 0 and at most 1: at scale 1
   *     there are 19,021 orders, as published for April to June 2016; the committed sample uses 0.1
   * @return the data, marked synthetic with its seed, scale and generator version
   * @throws IllegalArgumentException if the scale is out of range
   */
  public static CourtData generate(long seed, double scale) {
    if (!(scale > 0 && scale <= 1)) {
      throw new IllegalArgumentException(
          "scale must be greater than 0 and at most 1, was " + scale);
    }
    return new CourtDataGenerator(seed, scale).run();
  }

  private CourtData run() {
    Table courts = courts();
    Table reports = reports();
    Table orders = orders();
    Table breaches = breaches();
    Table survey = survey();
    return CourtData.synthetic(courts, reports, orders, breaches, survey, seed, scale, VERSION);
  }

  private Table courts() {
    StringColumn code = StringColumn.create("court_code");
    StringColumn name = StringColumn.create("court_name");
    StringColumn area = StringColumn.create("pcc_area");
    StringColumn cpa = StringColumn.create("cpa_code");
    StringColumn rating = StringColumn.create("liaison_rating");
    List<PccArea> areas = Geography.standard().pccAreas();
    cumulativeWeights = new double[areas.size()];
    double total = 0;
    for (int i = 0; i < areas.size(); i++) {
      PccArea a = areas.get(i);
      LiaisonRating r = LiaisonRating.values()[pick(RATING_SHARES)];
      code.append("MC" + a.code());
      name.append(a.name() + " magistrates' courts (synthetic)");
      area.append(a.code());
      cpa.append(a.cpaCode());
      rating.append(r.name());
      courtCodes.add("MC" + a.code());
      courtCpas.add(a.cpaCode());
      ratings.add(r);
      courtEffects.add(0.3 * random.nextGaussian());
      total += Math.exp(0.6 * random.nextGaussian());
      cumulativeWeights[i] = total;
    }
    for (int i = 0; i < cumulativeWeights.length; i++) {
      cumulativeWeights[i] /= total;
    }
    return Table.create("courts", code, name, area, cpa, rating);
  }

  private Table reports() {
    List<LocalDate> window = businessDaysIn(REPORTS_FROM, REPORTS_TO);
    Map<ReportType, Long> mix = PublishedCourtFigures.standard().reportMix();
    double[] typeShares = new double[ReportType.values().length];
    long mixTotal = mix.values().stream().mapToLong(Long::longValue).sum();
    for (ReportType t : ReportType.values()) {
      typeShares[t.ordinal()] = mix.get(t) / (double) mixTotal;
    }
    StringColumn id = StringColumn.create("report_id");
    StringColumn court = StringColumn.create("court_code");
    StringColumn type = StringColumn.create("report_type");
    DateColumn requested = DateColumn.create("requested_date");
    DateColumn due = DateColumn.create("due_date");
    DateColumn delivered = DateColumn.create("delivered_date");
    StringColumn proposal = StringColumn.create("proposal");
    StringColumn sentence = StringColumn.create("sentence");
    StringColumn provider = StringColumn.create("supervising_provider");
    int n = (int) Math.round(REPORTS_AT_SCALE_1 * scale);
    for (int i = 1; i <= n; i++) {
      int c = pickCourt();
      double courtLogit = courtEffects.get(c) + RATING_EFFECT[ratings.get(c).ordinal()];
      ReportType t = ReportType.values()[pick(typeShares)];
      LocalDate req = window.get(random.nextInt(window.size()));
      LocalDate dueDate =
          switch (t) {
            case ORAL -> req;
            case SHORT_FORMAT -> days.plus(req, 1 + random.nextInt(5));
            case STANDARD_DELIVERY -> days.plus(req, 15);
          };
      boolean onTime = chance(logistic(logit(ON_TIME[t.ordinal()]) + courtLogit));
      LocalDate del = onTime ? dueDate : days.plus(dueDate, 1 + random.nextInt(5));
      Disposal proposed = Disposal.values()[pick(PROPOSAL_MIX)];
      Disposal passed = proposed;
      if (!chance(logistic(logit(CONCORDANCE) + courtLogit))) {
        passed = other(proposed);
      }
      id.append(String.format("R%07d", i));
      court.append(courtCodes.get(c));
      type.append(t.name());
      requested.append(req);
      due.append(dueDate);
      delivered.append(del);
      proposal.append(proposed.name());
      sentence.append(passed.name());
      provider.append(
          passed.isSupervisedInCommunity()
              ? (chance(CRC_SHARE) ? ProviderType.CRC.name() : ProviderType.NPS.name())
              : "NONE");
    }
    return Table.create(
        "reports", id, court, type, requested, due, delivered, proposal, sentence, provider);
  }

  private Table orders() {
    List<LocalDate> window = businessDaysIn(ORDERS_FROM, ORDERS_TO);
    PublishedCourtFigures published = PublishedCourtFigures.standard();
    double rarShare = published.rarShare2016Q2();
    StringColumn id = StringColumn.create("order_id");
    StringColumn court = StringColumn.create("court_code");
    DateColumn date = DateColumn.create("sentence_date");
    StringColumn type = StringColumn.create("order_type");
    StringColumn provider = StringColumn.create("supervising_provider");
    IntColumn ordered = IntColumn.create("rar_days_ordered");
    IntColumn delivered = IntColumn.create("rar_days_delivered");
    int n = (int) Math.round(published.communityAndSuspendedOrders2016Q2() * scale);
    for (int i = 1; i <= n; i++) {
      int c = pickCourt();
      int daysOrdered = chance(rarShare) ? RAR_DAYS[pick(RAR_DAYS_SHARE)] : 0;
      int daysDelivered = 0;
      if (daysOrdered > 0 && !chance(NO_PURPOSEFUL_ACTIVITY)) {
        daysDelivered =
            chance(FULLY_DELIVERED)
                ? daysOrdered
                : Math.max(1, (int) Math.floor(daysOrdered * (0.3 + 0.65 * random.nextDouble())));
      }
      id.append(String.format("O%07d", i));
      court.append(courtCodes.get(c));
      date.append(window.get(random.nextInt(window.size())));
      type.append(chance(CO_SHARE) ? "CO" : "SSO");
      provider.append(chance(CRC_SHARE) ? ProviderType.CRC.name() : ProviderType.NPS.name());
      ordered.append(daysOrdered);
      delivered.append(daysDelivered);
    }
    return Table.create("orders", id, court, date, type, provider, ordered, delivered);
  }

  private Table breaches() {
    Map<YearQuarter, Double> published =
        PublishedCourtFigures.standard().breachReferralWithin8Days();
    List<String> cpas = courtCpas.stream().distinct().sorted().toList();
    Map<String, Double> offset = new java.util.HashMap<>();
    double weighted = 0;
    for (String cpa : cpas) {
      offset.put(cpa, 0.03 * random.nextGaussian());
    }
    double previous = 0;
    for (int c = 0; c < courtCodes.size(); c++) {
      weighted += (cumulativeWeights[c] - previous) * offset.get(courtCpas.get(c));
      previous = cumulativeWeights[c];
    }
    StringColumn id = StringColumn.create("breach_id");
    StringColumn court = StringColumn.create("court_code");
    StringColumn cpa = StringColumn.create("cpa_code");
    DateColumn aware = DateColumn.create("aware_date");
    DateColumn referral = DateColumn.create("referral_date");
    int perQuarter = (int) Math.round(BREACHES_PER_QUARTER_AT_SCALE_1 * scale);
    int i = 0;
    for (Map.Entry<YearQuarter, Double> q : published.entrySet()) {
      List<LocalDate> window = businessDaysIn(q.getKey().atDay(1), q.getKey().atEndOfQuarter());
      for (int j = 0; j < perQuarter; j++) {
        int c = pickCourt();
        double p = q.getValue() + offset.get(courtCpas.get(c)) - weighted;
        LocalDate a = window.get(random.nextInt(window.size()));
        int delay =
            chance(Math.max(0, Math.min(1, p))) ? 1 + random.nextInt(8) : 9 + random.nextInt(17);
        id.append(String.format("B%07d", ++i));
        court.append(courtCodes.get(c));
        cpa.append(courtCpas.get(c));
        aware.append(a);
        referral.append(days.plus(a, delay));
      }
    }
    return Table.create("breaches", id, court, cpa, aware, referral);
  }

  private Table survey() {
    StringColumn id = StringColumn.create("respondent_id");
    StringColumn court = StringColumn.create("court_code");
    StringColumn role = StringColumn.create("role");
    StringColumn item = StringColumn.create("item");
    IntColumn answer = IntColumn.create("answer");
    int perCourt = Math.max(3, (int) Math.round(RESPONDENTS_PER_COURT_AT_SCALE_1 * scale));
    int k = 0;
    for (int c = 0; c < courtCodes.size(); c++) {
      int ratingSign = 1 - ratings.get(c).ordinal();
      for (int j = 0; j < perCourt; j++) {
        String respondent = String.format("S%06d", ++k);
        String r = chance(0.85) ? "MAGISTRATE" : "DISTRICT_JUDGE";
        for (SurveyItem it : SurveyItem.values()) {
          double[] me = ITEM_MEAN_AND_EFFECT.get(it);
          double latent = me[0] + me[1] * ratingSign + courtEffects.get(c) + random.nextGaussian();
          int level = 1;
          for (double cut : CUTS) {
            if (latent > cut) {
              level++;
            }
          }
          id.append(respondent);
          court.append(courtCodes.get(c));
          role.append(r);
          item.append(it.name());
          answer.append(level);
        }
      }
    }
    return Table.create("survey", id, court, role, item, answer);
  }

  private List<LocalDate> businessDaysIn(LocalDate from, LocalDate to) {
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (days.isBusinessDay(d)) {
        out.add(d);
      }
    }
    return out;
  }

  private Disposal other(Disposal proposed) {
    double[] w = PROPOSAL_MIX.clone();
    w[proposed.ordinal()] = 0;
    double sum = 0;
    for (double x : w) {
      sum += x;
    }
    for (int i = 0; i < w.length; i++) {
      w[i] /= sum;
    }
    return Disposal.values()[pick(w)];
  }

  private int pickCourt() {
    double u = random.nextDouble();
    for (int i = 0; i < cumulativeWeights.length; i++) {
      if (u < cumulativeWeights[i]) {
        return i;
      }
    }
    return cumulativeWeights.length - 1;
  }

  private int pick(double[] shares) {
    double u = random.nextDouble();
    double acc = 0;
    for (int i = 0; i < shares.length; i++) {
      acc += shares[i];
      if (u < acc) {
        return i;
      }
    }
    return shares.length - 1;
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  private static double logistic(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }
}
