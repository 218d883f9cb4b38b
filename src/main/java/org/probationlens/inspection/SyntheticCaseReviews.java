package org.probationlens.inspection;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import org.probationlens.stats.FunnelLimits;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * SYNTHETIC case-review outcomes for the 28 providers, calibrated to their published overall
 * ratings, for a funnel plot of a case-level quality measure (the share of reviewed cases judged
 * sufficient) with control limits by sample size. Case-level review outcomes are never published,
 * so each provider's number of cases and share judged sufficient here are made up: the share is
 * drawn around an assumed level for the provider's published rating, and the number of cases around
 * the published national average ("nearly 6,000 cases" over 28 providers in 2018-19, HMI Probation
 * PR 2019/10/ic1). The result says so in its title, notes and sources; its figures are never
 * findings about a real provider.
 *
 * @param cycle the ratings cycle calibrated to
 * @param seed the generator's seed
 * @param shareByRating the assumed mean share judged sufficient for each rating
 * @param providers one row per provider: name, type, published rating, synthetic cases and count
 * @param target the pooled share judged sufficient, the funnel's centre
 * @param sources the ratings' provenance and the synthetic data's
 */
public record SyntheticCaseReviews(
    InspectionCycle cycle,
    long seed,
    Map<InspectionRating, Double> shareByRating,
    List<ProviderReview> providers,
    double target,
    Sources sources)
    implements Result {

  /** The generator's version, recorded in the provenance. */
  public static final String VERSION = "1";

  /**
   * Published: "nearly 6,000 cases" over the 28 providers rated in 2018-19 (PR 2019/10/ic1), read
   * from {@code data/reference/published_figures.csv} ({@code hmip_2018_19_cases_analysed}).
   */
  public static final int PUBLISHED_CASES_2018_19 =
      (int) ReferenceTables.casesAnalysed2018To19().high();

  /**
   * One provider's synthetic review outcome.
   *
   * @param provider the provider's name (real)
   * @param type "CRC" or "NPS division"
   * @param rating its published overall rating (real)
   * @param cases the cases reviewed (synthetic)
   * @param sufficient the cases judged sufficient (synthetic)
   */
  public record ProviderReview(
      String provider, String type, InspectionRating rating, int cases, int sufficient) {
    /** Validates the counts. */
    public ProviderReview {
      if (cases < 1 || sufficient < 0 || sufficient > cases) {
        throw new IllegalArgumentException(
            provider
                + ": need cases >= 1 and 0 <= sufficient <= cases, were "
                + cases
                + ", "
                + sufficient);
      }
    }
  }

  /** Copies the collections. */
  public SyntheticCaseReviews {
    shareByRating = java.util.Collections.unmodifiableMap(new EnumMap<>(shareByRating));
    providers = List.copyOf(providers);
    Objects.requireNonNull(sources, "sources");
    if (!sources.synthetic()) {
      throw new IllegalArgumentException("synthetic case reviews must carry synthetic sources");
    }
  }

  /**
   * The assumed share of cases judged sufficient for each rating: 45%, 58%, 72% and 85%. An
   * assumption of this project; HMI Probation's rules for turning case findings into ratings are
   * not in the reference data.
   *
   * @return the default shares
   */
  public static Map<InspectionRating, Double> defaultShares() {
    Map<InspectionRating, Double> m = new EnumMap<>(InspectionRating.class);
    m.put(InspectionRating.INADEQUATE, 0.45);
    m.put(InspectionRating.REQUIRES_IMPROVEMENT, 0.58);
    m.put(InspectionRating.GOOD, 0.72);
    m.put(InspectionRating.OUTSTANDING, 0.85);
    return m;
  }

  /**
   * Generates the reviews.
   *
   * @param ratings the published ratings, not null
   * @param cycle the cycle to calibrate to, e.g. 2018-19
   * @param shareByRating the assumed mean share judged sufficient for each rating, each in (0, 1)
   * @param seed the seed; the same seed gives the same reviews
   * @return the reviews, not null
   */
  public static SyntheticCaseReviews generate(
      HmipRatings ratings,
      InspectionCycle cycle,
      Map<InspectionRating, Double> shareByRating,
      long seed) {
    Objects.requireNonNull(ratings, "ratings");
    for (InspectionRating r : InspectionRating.values()) {
      Double s = shareByRating.get(r);
      if (s == null || !(s > 0 && s < 1)) {
        throw new IllegalArgumentException(
            "shareByRating needs a share in (0, 1) for " + r.label() + ", had " + s);
      }
    }
    List<ProviderRating> list = ratings.cycle(cycle);
    SplittableRandom random = new SplittableRandom(seed);
    int mean = PUBLISHED_CASES_2018_19 / list.size();
    List<ProviderReview> out = new ArrayList<>();
    StringBuilder csv = new StringBuilder("provider,cases,sufficient\n");
    for (ProviderRating p : list) {
      // cases: mean ± 40%, uniform; share: the rating's level plus a provider effect (sd 0.04)
      int cases = (int) Math.round(mean * (0.6 + 0.8 * random.nextDouble()));
      double share = shareByRating.get(p.rating()) + 0.04 * gaussian(random);
      share = Math.max(0.01, Math.min(0.99, share));
      int k = 0;
      for (int i = 0; i < cases; i++) {
        if (random.nextDouble() < share) {
          k++;
        }
      }
      out.add(new ProviderReview(p.provider(), p.providerType(), p.rating(), cases, k));
      csv.append('"')
          .append(p.provider())
          .append("\",")
          .append(cases)
          .append(',')
          .append(k)
          .append('\n');
    }
    long cases = out.stream().mapToLong(ProviderReview::cases).sum();
    long ok = out.stream().mapToLong(ProviderReview::sufficient).sum();
    Provenance synthetic =
        Provenance.synthetic(
            "Synthetic case-review outcomes by provider, calibrated to the "
                + cycle
                + " overall ratings",
            "org.probationlens.inspection.SyntheticCaseReviews",
            seed,
            VERSION,
            org.probationlens.read.Sha256.of(csv.toString().getBytes(StandardCharsets.UTF_8)));
    return new SyntheticCaseReviews(
        cycle,
        seed,
        shareByRating,
        out,
        (double) ok / cases,
        ratings
            .sources()
            .and(
                Sources.of(
                    ReferenceTables.publishedFigure(ReferenceTables.casesAnalysed2018To19()),
                    synthetic)));
  }

  private static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * The providers outside the 99.8% limits around the pooled share.
   *
   * @return those providers, in table order
   */
  public List<ProviderReview> outside998() {
    FunnelLimits f = FunnelLimits.forProportion(target, 0.998);
    return providers.stream().filter(p -> !f.contains(p.sufficient(), p.cases())).toList();
  }

  @Override
  public String title() {
    return String.format(
        Locale.ROOT,
        "SYNTHETIC case reviews by provider, calibrated to the %s ratings: pooled %.1f%% judged"
            + " sufficient, %d of %d providers outside the 99.8%% limits",
        cycle,
        target * 100,
        outside998().size(),
        providers.size());
  }

  @Override
  public Table table() {
    StringColumn name = StringColumn.create("provider");
    StringColumn type = StringColumn.create("type");
    StringColumn rating = StringColumn.create("published rating");
    IntColumn cases = IntColumn.create("cases reviewed (synthetic)");
    IntColumn ok = IntColumn.create("judged sufficient (synthetic)");
    DoubleColumn share = DoubleColumn.create("share sufficient (%)");
    DoubleColumn l95 = DoubleColumn.create("95% limit, lower (%)");
    DoubleColumn u95 = DoubleColumn.create("95% limit, upper (%)");
    DoubleColumn l998 = DoubleColumn.create("99.8% limit, lower (%)");
    DoubleColumn u998 = DoubleColumn.create("99.8% limit, upper (%)");
    BooleanColumn outside = BooleanColumn.create("outside 99.8%");
    FunnelLimits f95 = FunnelLimits.forProportion(target, 0.95);
    FunnelLimits f998 = FunnelLimits.forProportion(target, 0.998);
    for (ProviderReview p : providers) {
      name.append(p.provider());
      type.append(p.type());
      rating.append(p.rating().label());
      cases.append(p.cases());
      ok.append(p.sufficient());
      share.append(r1(100.0 * p.sufficient() / p.cases()));
      l95.append(r1(100 * f95.lower(p.cases())));
      u95.append(r1(100 * f95.upper(p.cases())));
      l998.append(r1(100 * f998.lower(p.cases())));
      u998.append(r1(100 * f998.upper(p.cases())));
      outside.append(!f998.contains(p.sufficient(), p.cases()));
    }
    return Table.create(
        "Synthetic case reviews",
        name,
        type,
        rating,
        cases,
        ok,
        share,
        l95,
        u95,
        l998,
        u998,
        outside);
  }

  private static double r1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  @Override
  public List<String> notes() {
    return List.of(
        "SYNTHETIC: the cases reviewed and the shares judged sufficient are made up (seed "
            + seed
            + "); only the provider names and their overall ratings are published.",
        String.format(
            Locale.ROOT,
            "Calibrated, not reproduced: each provider's share is drawn around an assumed level for"
                + " its rating (Inadequate %s, Requires improvement %s, Good %s, Outstanding %s)"
                + " plus a provider effect; the case counts around %d a provider (the published"
                + " 'nearly 6,000 cases' over 28).",
            Format.percent(shareByRating.get(InspectionRating.INADEQUATE)),
            Format.percent(shareByRating.get(InspectionRating.REQUIRES_IMPROVEMENT)),
            Format.percent(shareByRating.get(InspectionRating.GOOD)),
            Format.percent(shareByRating.get(InspectionRating.OUTSTANDING)),
            PUBLISHED_CASES_2018_19 / providers.size()),
        "Limits: Spiegelhalter's normal approximation around the pooled share (stats.FunnelLimits);"
            + " a provider outside the 99.8% limits differs from the pool by more than chance.");
  }
}
