package org.probationlens.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probationlens.provenance.Provenance;
import tech.tablesaw.api.Table;

class SamplePlanTest {

  private static final SampleDesign SHARE_60 =
      SampleDesign.withDefaults().withExpectedShare(0.6).withConfidence(0.95);

  @Test
  void planForAMarginWithTheFinitePopulationCorrection() {
    // Hand calculation (Cochran): p = 0.5, d = 0.05, 95%, N = 1000 -> 277.73 -> 278 cases.
    SamplePlan p =
        SamplePlan.forProportion(
            SampleDesign.withDefaults()
                .withExpectedShare(0.5)
                .withConfidence(0.95)
                .withCaseload(1000),
            0.05);
    assertEquals(278, p.sample());
    assertTrue(p.margin() <= 0.05);
    assertEquals(278 * 450.0, p.cost(450));
    assertEquals(Provenance.Kind.DERIVED, p.sources().kind());
    assertTrue(p.sources().inputs().isEmpty());
    assertTrue(p.notes().get(1).contains("not HMI Probation's"), p.notes().get(1));
  }

  @Test
  void triplingTheSampleTriplesTheCostAndDividesTheMarginByAboutRootThree() {
    SamplePlan base = SamplePlan.ofSample(SHARE_60.withCaseload(SampleDesign.UNLIMITED), 60);
    PrecisionCurve c = base.precisionAgainstCost(400, 1, 2, 3);
    Table t = c.table();
    assertEquals(List.of(60L, 120L, 180L), t.longColumn("cases reviewed").asList());
    assertEquals(3 * 60 * 400.0, t.doubleColumn("cost (£)").get(2));
    assertEquals(1.73, t.doubleColumn("margin narrower than base (times)").get(2), 1e-9);
    // with a caseload of 600 the correction makes tripling buy more: margin ratio
    // sqrt(3 * (600 - 60) / (600 - 180)) = sqrt(3 * 540/420) = 1.964.
    SamplePlan finite = SamplePlan.ofSample(SHARE_60.withCaseload(600), 60);
    assertEquals(1.964, finite.margin() / finite.scaled(3).margin(), 1e-3);
  }

  @Test
  void womensCasesInAProviderSample() {
    // 1 in 10 supervised are women (HMIP women's thematic, Sept 2016). A 200-case sample holds 20
    // women's cases on average; the 5th and 95th percentiles of Bin(200, 0.1) are computed here
    // by summing the probabilities, pmf(k+1) = pmf(k) * (200-k)/(k+1) * (0.1/0.9), and taking
    // the smallest k with P(X <= k) >= q. A finding about 20 cases with p = 0.6 at 95%:
    // 1.959964 * sqrt(0.24 / 20) = 0.2147.
    SamplePlan p = SamplePlan.ofSample(SHARE_60.withCaseload(SampleDesign.UNLIMITED), 200);
    SubgroupPrecision w = p.subgroup("women", 0.1, "HMIP women's thematic (Sept 2016)", 0.10);
    assertEquals(20.0, w.expectedCases(), 1e-9);
    assertEquals(quantile(200, 0.1, 0.05), w.lowCases());
    assertEquals(quantile(200, 0.1, 0.95), w.highCases());
    assertTrue(w.lowCases() >= 12 && w.highCases() <= 28);
    assertEquals(0.2147, w.marginAtExpected(), 1e-4);
    // for +/-10 points: 1.959964^2 * 0.24 / 0.01 = 92.19 -> 93 women's cases
    assertEquals(93, w.casesForTarget());
    assertEquals(Provenance.Kind.DERIVED, w.sources().kind());
    // from the registry, the share is a published input, not an assumption
    SubgroupPrecision registered =
        p.subgroup(
            "women",
            org.probationlens.reference.PublishedFigures.standard()
                .figure("women_share_supervised"),
            0.10);
    assertEquals(0.2147, registered.marginAtExpected(), 1e-4);
    assertTrue(
        registered.sources().inputs().stream()
            .anyMatch(
                i ->
                    i.kind() == Provenance.Kind.PUBLISHED
                        && i.source().startsWith("HMIP thematic inspection")),
        registered.sources().toString());
    assertTrue(
        registered.sources().assumptions().stream().noneMatch(a -> a.contains("Subgroup share")));
  }

  private static long quantile(int n, double p, double q) {
    double pmf = Math.pow(1 - p, n);
    double cdf = pmf;
    int k = 0;
    while (cdf < q) {
      pmf *= (double) (n - k) / (k + 1) * (p / (1 - p));
      k++;
      cdf += pmf;
    }
    return k;
  }

  @Test
  void stratifiedAllocationAndItsDesignEffect() {
    List<StratifiedPlan.Stratum> strata =
        List.of(
            new StratifiedPlan.Stratum("women", 0.1, 0.5),
            new StratifiedPlan.Stratum("men", 0.9, 0.6));
    StratifiedPlan prop = StratifiedPlan.proportional(200, 0.95, strata);
    assertEquals(List.of(20L, 180L), prop.allocation());
    // By hand: p = 0.1*0.5 + 0.9*0.6 = 0.59; var = 0.01*0.25/20 + 0.81*0.24/180 = 0.000125 +
    // 0.00108 = 0.001205; SRS var = 0.59*0.41/200 = 0.0012095; deff = 0.99628.
    assertEquals(0.99628, prop.designEffect(), 1e-5);
    // Boosting women to 93 of 200: var = 0.01*0.25/93 + 0.81*0.24/107 = 0.0000269 + 0.0018168
    // = 0.0018437; deff = 1.5243.
    StratifiedPlan boosted = StratifiedPlan.allocated(List.of(93L, 107L), 0.95, strata);
    assertEquals(1.5243, boosted.designEffect(), 1e-4);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                StratifiedPlan.proportional(
                    10, 0.95, List.of(new StratifiedPlan.Stratum("all", 0.8, 0.5))));
    assertEquals("caseload shares must sum to 1, summed to 0.8", e.getMessage());
  }

  @Test
  void twoProvidersApart() {
    // power.prop.test(p1 = .50, p2 = .75, power = .90) gives n = 76.7 -> 77 per provider.
    ComparisonPlan c = ComparisonPlan.between(0.5, 0.75).withAlpha(0.05).withPower(0.90);
    assertEquals(77, c.perProvider());
    Table t = c.table();
    // halving the gap to 12.5 points roughly quadruples the cases
    assertTrue(t.longColumn("cases per provider").get(0) > 3.5 * 77);
  }

  @Test
  void twoProvidersApartAtTheDefaultLevelAndPower() {
    // power.prop.test(p1 = .60, p2 = .70, power = .80) gives n = 355.9 -> 356 per provider.
    ComparisonPlan c = ComparisonPlan.between(0.6, 0.7);
    assertEquals(0.05, c.alpha());
    assertEquals(0.80, c.power());
    assertEquals(356, c.perProvider());
    assertEquals(c, ComparisonPlan.between(0.6, 0.7).withPower(0.8).withAlpha(0.05));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> c.withPower(80));
    assertEquals("power must be strictly between 0 and 1, was 80.0", e.getMessage());
  }
}
