package org.probationlens.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.probationlens.area.Geography;
import org.probationlens.inspection.HmipRatings;
import org.probationlens.inspection.OwnerListing;
import org.probationlens.inspection.SectorTasks;
import org.probationlens.inspection.SeriousFurtherOffences;
import org.probationlens.payment.PbrByCrc;
import org.probationlens.people.VictimLiaison;
import org.probationlens.people.Workforce;

/**
 * The registry checks and results built on the tables of {@code published_more.md}: each check's
 * status and computed value against a hand calculation from the published inputs shown beside it.
 */
class PublishedMoreChecksTest {

  private static Map<String, FigureCheck> byId(FigureChecks checks) {
    Map<String, FigureCheck> m = new TreeMap<>();
    checks.checks().forEach(c -> m.put(c.figure().id(), c));
    return m;
  }

  @Test
  void workforceArithmeticIsReproduced() {
    Map<String, FigureCheck> c = byId(Workforce.standard().checks());
    assertEquals(6, c.size());
    c.values().forEach(k -> assertEquals(FigureCheck.Status.REPRODUCED, k.status(), k.toString()));
    // 3,654 - 105 = 3,549 against HC 285's 3,550 (FTE rounded to the whole officer)
    assertEquals(3549, c.get("nps_po_fte_2020_09_30").computedHigh(), 1e-9);
    // 2,675 + 213 = 2,888, HC 285's figure exactly
    assertEquals(2888, c.get("nps_pso_fte_2020_09_30").computedHigh(), 1e-9);
    // 161 / (3,654 - 161) = 4.609%; -213 / 2,888 = -7.375%
    assertEquals(4.609, c.get("nps_po_change_2019_12_to_2020_12").computedHigh(), 5e-4);
    assertEquals(-7.375, c.get("nps_pso_change_2020_09_to_2020_12").computedHigh(), 5e-4);
    // 105 / 3,549 = 2.959%, within 0.05 of the published 3.0
    assertEquals(2.959, c.get("nps_po_change_2020_09_to_2020_12").computedHigh(), 5e-4);
  }

  @Test
  void seriousFurtherOffenceTotalsAreReproduced() {
    Map<String, FigureCheck> c = byId(SeriousFurtherOffences.standard().checks());
    assertEquals(9, c.size());
    c.values().forEach(k -> assertEquals(FigureCheck.Status.REPRODUCED, k.status(), k.toString()));
    // 517 / 409 - 1 = 26.41%; 627 / 517 - 1 = 21.28%
    assertEquals(26.406, c.get("sfo_reviews_increase_2012_13_to_2016_17").computedHigh(), 5e-4);
    assertEquals(21.277, c.get("sfo_reviews_increase_2016_17_to_2017_18").computedHigh(), 5e-4);
    // 2011: 45 + 26 + 2 + 0 = 73; 2013: 27 + 23 + 2 + 1 = 53; recalls 177 + 176 = 353
    assertEquals(73, c.get("sfo_murder_convictions_2011").computedHigh());
    assertEquals(53, c.get("sfo_murder_convictions_2013").computedHigh());
    assertEquals(353, c.get("recalls_per_week_jun_sep_2014").computedHigh());
  }

  @Test
  void murderChargesKeepTheUnpublishedYearsMissing() {
    var t = SeriousFurtherOffences.standard().murderChargesByProvider().table();
    // published_more.md D8: CRC 2015 42, 2018 71, total 225; NPS 2015 28, 2017 47, 2018 43, 142
    assertEquals(List.of("2015", "2016", "2017", "2018", "2015-2018"), t.stringColumn(0).asList());
    assertEquals(42, t.doubleColumn(1).get(0));
    assertTrue(t.doubleColumn(1).isMissing(1));
    assertTrue(t.doubleColumn(1).isMissing(2));
    assertEquals(225, t.doubleColumn(1).get(4));
    assertTrue(t.doubleColumn(2).isMissing(1));
    assertEquals(47, t.doubleColumn(2).get(2));
    assertEquals(142, t.doubleColumn(2).get(4));
  }

  @Test
  void cumbriaAndLancashireBelowBaselineIsReproduced() {
    FigureCheck c = PbrByCrc.standard().check();
    // 49.9 - 41.7 = 8.2 points
    assertEquals(8.2, c.computedHigh(), 1e-9);
    assertEquals(FigureCheck.Status.REPRODUCED, c.status());
  }

  @Test
  void npsAndCrcsDoTheirCountedTasksAlikeWhileTheirRatingsDiffer() {
    SectorTasks s = SectorTasks.of(HmipRatings.standard(), HmipRatings.FULL_CYCLE);
    // 2018-19 = 2018-Q2..2019-Q1. CRC SL001R: (96.9 + 97.6 + 96.9 + 96.1) / 4 = 96.875;
    // NPS SL003R: (97 + 97 + 97 + 98) / 4 = 97.25. CRC SL002R (97.6 + 97.8 + 96.9 + 95.9) / 4 =
    // 97.05; NPS SL004R (99 + 100 + 99 + 99) / 4 = 99.25. CRC AE (89.0 + 88.2 + 86.9 + 92.7) / 4
    // = 89.2; NPS SL014 (96 + 96 + 96 + 95) / 4 = 95.75.
    SectorTasks.Task contact = s.tasks().get(0);
    assertEquals(96.875, contact.crcPercent(), 1e-9);
    assertEquals(97.25, contact.npsPercent(), 1e-9);
    assertTrue(contact.likeForLike());
    assertEquals(97.05, s.tasks().get(1).crcPercent(), 1e-9);
    assertEquals(99.25, s.tasks().get(1).npsPercent(), 1e-9);
    assertEquals(89.2, s.tasks().get(2).crcPercent(), 1e-9);
    assertEquals(95.75, s.tasks().get(2).npsPercent(), 1e-9);
    assertTrue(!s.tasks().get(2).likeForLike());
    // HMIP 2018-19: 5 of 7 NPS divisions Good, 1 of 21 CRCs
    assertEquals(
        List.of(5L, 7L, 1L, 21L), List.of(s.npsGood(), s.npsRated(), s.crcGood(), s.crcRated()));
    assertTrue(s.sources().inputs().size() >= 4, s.sources().toString());
    assertTrue(s.title().contains("2.2 points"), s.title());
  }

  @Test
  void bothSectorsSeriesSideBySide() {
    var t = SectorTasks.of(HmipRatings.standard(), HmipRatings.FULL_CYCLE).series();
    // CRC SL001R starts in Jul-Sep 2017 (94.6); NPS SL003R in Apr-Jun 2017 (93); CRC AE ends in
    // Apr-Jun 2019 (92.1) and NPS after Jan-Mar 2019; CRC SL001R runs to Jan-Mar 2020 (93.8).
    assertEquals("2017-Q2 (Apr-Jun 17)", t.stringColumn("quarter").get(0));
    assertTrue(t.doubleColumn("CRCs: first appointment after a CO/SSO (%)").isMissing(0));
    assertEquals(93, t.doubleColumn("NPS: first appointment after a CO/SSO (%)").get(0));
    assertEquals(94.6, t.doubleColumn("CRCs: first appointment after a CO/SSO (%)").get(1));
    assertEquals("2020-Q1 (Jan-Mar 20)", t.stringColumn("quarter").get(t.rowCount() - 1));
    assertEquals(12, t.rowCount());
    var snapshots = SectorTasks.snapshots().table();
    // NAO via russellwebster: CO/SSO completions 2015-16, NPS 70%, CRCs 80%, target 75%
    assertEquals(
        List.of("75%", "70%", "80%"),
        snapshots.stringColumn("value_as_published").asList().subList(4, 7));
  }

  @Test
  void victimLiaisonCaseloadsByDivision() {
    VictimLiaison v = VictimLiaison.standard();
    // PQ 129248: London 278 -> 180, Wales 139 -> 229
    assertEquals(278, v.caseload("NPS London", false));
    assertEquals(180, v.caseload("NPS London", true));
    assertEquals(229, v.caseload("NPS Wales", true));
    assertEquals(7, v.table().rowCount());
    assertEquals(-98, v.table().doubleColumn("change (cases)").get(rowOf(v, "NPS London")));
    assertTrue(
        v.table().stringColumn(4).get(rowOf(v, "NPS London")).contains("wholly unsatisfactory"));
    assertEquals(8, v.caseloadsByMonth().columnCount());
  }

  private static int rowOf(VictimLiaison v, String name) {
    return v.table().stringColumn(0).asList().indexOf(name);
  }

  @Test
  void napoListingOfOwnersAgreesOwnerByOwner() {
    OwnerListing o = OwnerListing.napo2018(Geography.standard());
    // Napo, 19 Mar 2018: Sodexo 6, Interserve 5, Working Links 3, RRP 2, MTCnovo 2, Seetec 1,
    // People Plus 1, ARCC 1; cpa_ownership.csv on that day: the same, with EOS for People Plus
    assertEquals(List.of(6, 5, 3, 2, 2, 1, 1, 1), o.table().intColumn("CRCs listed").asList());
    assertEquals(
        List.of(6, 5, 3, 2, 2, 1, 1, 1), o.table().intColumn("CRCs held on 2018-03-19").asList());
    assertEquals("EOS", o.table().stringColumn(1).get(6));
    assertTrue(o.allAgree());
    FigureCheck c = o.check();
    assertEquals(8, c.computedHigh());
    assertEquals(FigureCheck.Status.REPRODUCED, c.status());
  }

  @Test
  void staffInPostSeriesStopsForCrcsAfter2014() {
    var t = Workforce.standard().staffInPost().table();
    // PQ 109713: 2010..2017; CRCs only in 2014 (8,331)
    assertEquals(
        List.of("2010", "2011", "2012", "2013", "2014", "2015", "2016", "2017"),
        t.stringColumn(0).asList());
    assertEquals(8331, t.doubleColumn("CRCs (FTE)").get(4));
    assertTrue(t.doubleColumn("CRCs (FTE)").isMissing(5));
    assertEquals(19335, t.doubleColumn("probation trusts (FTE)").get(0));
    assertEquals(8758, t.doubleColumn("NPS (FTE)").get(7));
  }
}
