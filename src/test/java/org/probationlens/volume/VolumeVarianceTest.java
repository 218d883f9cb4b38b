package org.probationlens.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probationlens.area.Geography;
import org.probationlens.area.Level;
import org.probationlens.period.FinancialYear;
import org.probationlens.period.ReportingPeriod;
import org.probationlens.read.DatasetValidationException;
import tech.tablesaw.api.Table;

/** Expected values are hand calculations over {@link VolumeFixtures}, written out per test. */
class VolumeVarianceTest {

  private static final double EPS = 1e-9;
  private static final ReportingPeriod FY1516 = ReportingPeriod.of(FinancialYear.of(2015));
  private static final ReportingPeriod FY1415 = ReportingPeriod.of(FinancialYear.of(2014));

  private final VolumeVariance variance =
      VolumeVariance.of(VolumeFixtures.cases(), VolumeFixtures.forecast());

  @Test
  void cpaShortfallCountsOnlyCrcStartsInThePeriod() {
    // C07 2015-16: CRC starts K4, K5, K6, K7 (K8 is NPS, K10 is 2016-17).
    // count: forecast 4 + 2 = 6, actual 4 -> (6 - 4) / 6 = 33.33%;
    // weighted: forecast 10 + 10 = 20, actual 2 + 2 + 3 + 5 = 12 -> (20 - 12) / 20 = 40%.
    // C17: count (2 - 1) / 2 = 50%; weighted (4 - 3) / 4 = 25%.
    Shortfall s = variance.shortfall(Level.CPA, FY1516);
    Table t = s.table();
    assertEquals(List.of("C07", "C17"), t.stringColumn("cpa").asList());
    assertEquals(List.of(4, 1), t.intColumn("actual_count").asList());
    assertEquals(100.0 / 3, t.doubleColumn("count_shortfall_pct").getDouble(0), EPS);
    assertEquals(50.0, t.doubleColumn("count_shortfall_pct").getDouble(1), EPS);
    assertEquals(40.0, s.weightedPercent("C07"), EPS);
    assertEquals(25.0, s.weightedPercent("C17"), EPS);
    assertEquals(List.of(1, 2), t.intColumn("rank").asList());
    ShortfallRange r = s.range();
    assertEquals(25.0, r.low(), EPS);
    assertEquals("C17", r.lowUnit());
    assertEquals(40.0, r.high(), EPS);
    assertEquals("C07", r.highUnit());
    assertEquals("25.0% (C17) to 40.0% (C07) across 2 units", r.toString());
  }

  @Test
  void ownerAndNationalFiguresAreSumsOfCpas() {
    // As of 31 March 2016: C07 Purple Futures, C17 MTCnovo (data/reference/cpa_ownership.csv).
    Shortfall owners = variance.shortfall(Level.OWNER, FY1516);
    assertEquals(40.0, owners.weightedPercent("PURPLE_FUTURES"), EPS);
    assertEquals(25.0, owners.weightedPercent("MTCNOVO"), EPS);
    // England and Wales: forecast 24, actual 15 -> 37.5%; count: 8 vs 5 -> 37.5%.
    Shortfall ew = variance.shortfall(Level.ENGLAND_AND_WALES, FY1516);
    assertEquals(37.5, ew.weightedPercent("K04000001"), EPS);
    assertEquals(37.5, ew.table().doubleColumn("count_shortfall_pct").getDouble(0), EPS);
  }

  @Test
  void mixEffectContributionsSumToTheShortfall() {
    // C07: CO F=10 A=7 -> contribution (10-7)/20 = 15 points, within-type 30%, share 50%;
    //      LIC F=10 A=5 -> contribution (10-5)/20 = 25 points, within-type 50%, share 50%.
    MixEffect mix = variance.mixEffect(Level.CPA, FY1516);
    Table c07 = mix.of("C07");
    assertEquals(List.of("CO", "LIC"), c07.stringColumn("work_type").asList());
    assertEquals(15.0, c07.doubleColumn("contribution_pct").getDouble(0), EPS);
    assertEquals(25.0, c07.doubleColumn("contribution_pct").getDouble(1), EPS);
    assertEquals(30.0, c07.doubleColumn("work_type_shortfall_pct").getDouble(0), EPS);
    assertEquals(50.0, c07.doubleColumn("forecast_share_pct").getDouble(1), EPS);
    assertEquals(37.5, c07.doubleColumn("share_of_shortfall_pct").getDouble(0), EPS);
    assertEquals(40.0, mix.totalPercent("C07"), EPS);
  }

  @Test
  void quarterGetsItsShareOfTheAnnualForecastByDays() {
    // Q1 2015-16 = 1 Apr to 30 Jun 2015, 91 of the 366 days of 2015-16 (29 Feb 2016).
    // C07 forecast weighted 20 * 91 / 366; actual K4 + K5 = 4.
    ReportingPeriod q1 = ReportingPeriod.financialQuarter(FinancialYear.of(2015), 1);
    assertEquals("Q1 2015-16", q1.label());
    Shortfall s = variance.shortfall(Level.CPA, q1);
    double forecast = 20.0 * 91 / 366;
    assertEquals((forecast - 4) / forecast * 100, s.weightedPercent("C07"), EPS);
  }

  @Test
  void pccAreasUseTheStatedApportionment() {
    // Baseline 2014-15 in C07: CHS weight 1 (1 case), MCG weight 3 (1 case) ->
    // CHS gets 1/4 of the weighted and 1/2 of the count forecast; MCG 3/4 and 1/2.
    // 2015-16: CHS forecast 5, actual 2 -> 60%; count 3 vs 1 -> 66.7%.
    //          MCG forecast 15, actual 2 + 3 + 5 = 10 -> 33.3%; count 3 vs 3 -> 0%.
    Shortfall s = variance.apportioningForecastBy(FY1415).shortfall(Level.PCC_AREA, FY1516);
    assertEquals(60.0, s.weightedPercent("CHS"), EPS);
    assertEquals(100.0 / 3, s.weightedPercent("MCG"), EPS);
    assertEquals(25.0, s.weightedPercent("LDN"), EPS);
    assertEquals(List.of("CHS", "MCG", "LDN"), s.ranking().stringColumn("pcc_area").asList());
    assertEquals(0.0, s.countRange().low(), EPS);
    assertTrue(s.note().contains("2014-15"), s.note());
    // NPS divisions: CHS and MCG are North West (N01), so N01 equals C07 exactly.
    Shortfall nps = variance.apportioningForecastBy(FY1415).shortfall(Level.NPS_DIVISION, FY1516);
    assertEquals(40.0, nps.weightedPercent("N01"), EPS);
    assertEquals(25.0, nps.weightedPercent("N07"), EPS);
  }

  @Test
  void levelsCompareSideBySide() {
    // 2015-16 with the 2014-15 apportionment: PCC areas 25% (LDN) to 60% (CHS); CPAs 25% (C17)
    // to 40% (C07); England and Wales 37.5% alone.
    Table t =
        variance
            .apportioningForecastBy(FY1415)
            .compareLevels(FY1516, Level.PCC_AREA, Level.CPA, Level.ENGLAND_AND_WALES)
            .table();
    assertEquals(List.of("PCC_AREA", "CPA", "ENGLAND_AND_WALES"), t.stringColumn("level").asList());
    assertEquals(List.of(3, 2, 1), t.intColumn("units").asList());
    assertEquals(List.of("LDN", "C17", "K04000001"), t.stringColumn("lowest_unit").asList());
    assertEquals(35.0, t.doubleColumn("spread_points").getDouble(0), EPS);
    assertEquals(15.0, t.doubleColumn("spread_points").getDouble(1), EPS);
    assertEquals(0.0, t.doubleColumn("spread_points").getDouble(2), EPS);
  }

  @Test
  void byWorkTypeRanksWithinEachType() {
    // CO: C07 30% (10 vs 7), C17 25% (4 vs 3). LIC: only C07, 50%.
    Table t = variance.shortfallByWorkType(Level.CPA, FY1516).ranking();
    assertEquals(List.of("CO", "CO", "LIC"), t.stringColumn("work_type").asList());
    assertEquals(List.of("C07", "C17", "C07"), t.stringColumn("cpa").asList());
    assertEquals(List.of(1, 2, 1), t.intColumn("rank").asList());
    assertEquals(30.0, t.doubleColumn("weighted_shortfall_pct").getDouble(0), EPS);
  }

  @Test
  void groupsOfCpasAreTheCallers() {
    Shortfall g = variance.shortfallByGroup("kind", Map.of("C07", "metro", "C17", "metro"), FY1516);
    assertEquals(37.5, g.weightedPercent("metro"), EPS);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> variance.shortfallByGroup("kind", Map.of("C07", "metro"), FY1516));
    assertEquals("groupOfCpa has no group for CPA(s) [C17]; every CPA needs one", e.getMessage());
  }

  @Test
  void annualVolumesListEveryCpaAndYear() {
    // 2014-15 actual: C07 K1 + K2 = 4; C17 K3 = 2. 2015-16: C07 12; C17 3.
    Table t = variance.annualVolumes().table();
    assertEquals(List.of("C07", "C07", "C17", "C17"), t.stringColumn("cpa").asList());
    assertEquals(
        List.of("2014-15", "2015-16", "2014-15", "2015-16"),
        t.stringColumn("financial_year").asList());
    assertEquals(List.of(4.0, 12.0, 2.0, 3.0), t.doubleColumn("actual_weighted").asList());
    assertEquals(List.of(20.0, 20.0, 4.0, 4.0), t.doubleColumn("forecast_weighted").asList());
  }

  @Test
  void annualVolumesCanStopInsideAYear() {
    // Up to 30 June 2015: 2014-15 whole; 2015-16 keeps 91 of its 366 days of forecast
    // (C07: 20 x 91/366) and counts K4 + K5 = 4 for C07, nothing for C17.
    Table t = variance.annualVolumes(LocalDate.of(2015, 6, 30)).table();
    assertEquals(4, t.rowCount());
    assertEquals(20.0 * 91 / 366, t.doubleColumn("forecast_weighted").getDouble(1), EPS);
    assertEquals(4.0, t.doubleColumn("actual_weighted").getDouble(1), EPS);
    assertEquals(0.0, t.doubleColumn("actual_weighted").getDouble(3), EPS);
    assertEquals(2, variance.annualVolumes(LocalDate.of(2015, 3, 31)).rowCount());
  }

  @Test
  void refusesWhatItCannotComputeAndSaysWhy() {
    IllegalStateException noYear =
        assertThrows(
            IllegalStateException.class,
            () -> variance.shortfall(Level.CPA, ReportingPeriod.of(FinancialYear.of(2016))));
    assertTrue(
        noYear.getMessage().startsWith("the forecast has no rows for financial year 2016-17"),
        noYear.getMessage());
    IllegalStateException noSplit =
        assertThrows(IllegalStateException.class, () -> variance.shortfall(Level.PCC_AREA, FY1516));
    assertTrue(noSplit.getMessage().contains("apportioningForecastBy"), noSplit.getMessage());
    Table bad = VolumeFixtures.cases().removeColumns("weight");
    DatasetValidationException noWeight =
        assertThrows(
            DatasetValidationException.class,
            () -> VolumeVariance.of(bad, VolumeFixtures.forecast()));
    assertEquals(
        refused(
            "the table: found \"no column 'weight'\", expected a column 'weight' (the table's"
                + " columns are [case_id, provider_type, provider_code, pcc_area, work_type,"
                + " start_date])"),
        noWeight.getMessage());
  }

  @Test
  void crcStartsWithoutAForecastAreAnErrorNotDropped() {
    // Forecast without C17: C17's 2015-16 CRC start (K9) has nothing to be measured against.
    Table forecast = VolumeFixtures.forecast();
    Table noLondon = forecast.where(forecast.stringColumn("cpa_code").isNotEqualTo("C17"));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> VolumeVariance.of(VolumeFixtures.cases(), noLondon).shortfall(Level.CPA, FY1516));
    assertEquals(
        "CRC starts in 2015-16 with no forecast for their CPA and work type: [C17/CO]; a shortfall"
            + " needs a forecast",
        e.getMessage());
  }

  @Test
  void aCountedCaseWithoutAStartDateOrWeightIsLocated() {
    // K4 (row 4): CRC, 2015-16. Without a start date it cannot be placed in any period, so every
    // period fails; without a weight only the periods that count it fail.
    Table noStart = VolumeFixtures.cases();
    noStart.dateColumn("start_date").setMissing(3);
    for (ReportingPeriod p : List.of(FY1516, FY1415)) {
      DatasetValidationException e =
          assertThrows(
              DatasetValidationException.class,
              () -> VolumeVariance.of(noStart, VolumeFixtures.forecast()).shortfall(Level.CPA, p));
      assertEquals(
          refused("row 4, column 6 (start_date): found \"a missing value\", expected a date"),
          e.getMessage());
      assertEquals(4, e.problems().get(0).line());
      assertEquals("start_date", e.problems().get(0).column());
    }
    Table noWeight = VolumeFixtures.cases();
    noWeight.doubleColumn("weight").setMissing(3);
    VolumeVariance v = VolumeVariance.of(noWeight, VolumeFixtures.forecast());
    DatasetValidationException e =
        assertThrows(DatasetValidationException.class, () -> v.shortfall(Level.CPA, FY1516));
    assertEquals(
        refused("row 4, column 7 (weight): found \"a missing value\", expected a number >= 0"),
        e.getMessage());
    // 2014-15 does not count K4: C07 actual K1 + K2 = 4 of forecast 20 -> 80%.
    assertEquals(80.0, v.shortfall(Level.CPA, FY1415).weightedPercent("C07"), EPS);
  }

  @Test
  void aForecastWithoutAVolumeOrWithABadYearIsLocatedAtItsRow() {
    // Row 5 of the forecast: C07, 2015-16, LIC (rows 1-3 are 2014-15, rows 4-6 2015-16).
    Table noWeighted = VolumeFixtures.forecast();
    noWeighted.doubleColumn("forecast_weighted").setMissing(4);
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class,
            () ->
                VolumeVariance.of(VolumeFixtures.cases(), noWeighted).shortfall(Level.CPA, FY1516));
    assertEquals(
        "table 'forecast': 1 problem; no volumes were compared with forecast\n"
            + "  row 5, column 5 (forecast_weighted): found \"a missing value\", expected a number"
            + " (the 2015-16 forecast of C07, work type LIC)",
        e.getMessage());
    // 2014-15 does not read row 5.
    assertEquals(
        80.0,
        VolumeVariance.of(VolumeFixtures.cases(), noWeighted)
            .shortfall(Level.CPA, FY1415)
            .weightedPercent("C07"),
        EPS);
    Table badYear = VolumeFixtures.forecast();
    badYear.stringColumn("financial_year").set(1, "2014/15");
    DatasetValidationException year =
        assertThrows(
            DatasetValidationException.class,
            () -> VolumeVariance.of(VolumeFixtures.cases(), badYear).annualVolumes());
    assertEquals(2, year.problems().get(0).line());
    assertEquals("financial_year", year.problems().get(0).column());
    assertEquals("2014/15", year.problems().get(0).value());
    assertTrue(
        year.getMessage()
            .contains("expected a financial year (financial year '2014/15' is not of the form"),
        year.getMessage());
  }

  @Test
  void theFirstBadRowIsTheOneReported() {
    // K4 (row 4, 2015-16) has no weight, K9 (row 9, CRC) no start date.
    Table t = VolumeFixtures.cases();
    t.doubleColumn("weight").setMissing(3);
    t.dateColumn("start_date").setMissing(8);
    VolumeVariance v = VolumeVariance.of(t, VolumeFixtures.forecast());
    assertEquals(
        refused("row 4, column 7 (weight): found \"a missing value\", expected a number >= 0"),
        assertThrows(DatasetValidationException.class, () -> v.shortfall(Level.CPA, FY1516))
            .getMessage());
    assertEquals(
        refused("row 9, column 6 (start_date): found \"a missing value\", expected a date"),
        assertThrows(DatasetValidationException.class, () -> v.shortfall(Level.CPA, FY1415))
            .getMessage());
  }

  @Test
  void missingValuesInCasesNeverCountedAreNoError() {
    // K8 (row 8) is NPS: its start date and weight are never read. A column the analysis does
    // not use may have gaps too.
    Table t = VolumeFixtures.cases();
    t.dateColumn("start_date").setMissing(7);
    t.doubleColumn("weight").setMissing(7);
    t.addColumns(tech.tablesaw.api.DateColumn.create("end_date", t.rowCount()));
    VolumeVariance v = VolumeVariance.of(t, VolumeFixtures.forecast());
    assertEquals(40.0, v.shortfall(Level.CPA, FY1516).weightedPercent("C07"), EPS);
    assertEquals(
        60.0,
        v.apportioningForecastBy(FY1415).shortfall(Level.PCC_AREA, FY1516).weightedPercent("CHS"),
        EPS);
  }

  @Test
  void aCaseWithoutAnAreaStillCountsForItsCpa() {
    // K5 (row 5, C07, 2015-16) has no PCC area: CPA figures count it (40% as before).
    Table t = VolumeFixtures.cases();
    t.stringColumn("pcc_area").setMissing(4);
    VolumeVariance v = VolumeVariance.of(t, VolumeFixtures.forecast());
    assertEquals(40.0, v.shortfall(Level.CPA, FY1516).weightedPercent("C07"), EPS);
    assertEquals(4, v.shortfall(Level.CPA, FY1516).table().intColumn("actual_count").getInt(0));
    // By PCC area it has nowhere to go: an error naming the row, not an empty area code.
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class,
            () -> v.apportioningForecastBy(FY1415).shortfall(Level.PCC_AREA, FY1516));
    assertEquals(
        refused("row 5, column 4 (pcc_area): found \"a missing value\", expected a code"),
        e.getMessage());
    // Neither the 2014-15 baseline nor 2014-15 itself counts K5: CHS forecast 20 x 1/4 = 5,
    // actual K1 = 1 -> 80%.
    assertEquals(
        80.0,
        v.apportioningForecastBy(FY1415).shortfall(Level.PCC_AREA, FY1415).weightedPercent("CHS"),
        EPS);
  }

  @Test
  void copiesShareOneEngineCopyOfTheCases() {
    VolumeVariance copy =
        variance
            .withGeography(Geography.standard().assumingNpsDivision("NTS", "N04"))
            .apportioningForecastBy(FY1415)
            .withOwnersAsOf(LocalDate.of(2016, 3, 31));
    assertSame(variance.engineCopy(), copy.engineCopy());
    assertEquals(10, copy.engineCopy().rowCount());
    assertNotSame(
        variance.engineCopy(),
        VolumeVariance.of(VolumeFixtures.cases(), VolumeFixtures.forecast()).engineCopy(),
        "a new analysis copies its own cases");
  }

  @Test
  void ownersNeedADateWithAPublishedOwner() {
    // Before the share sale (1 Feb 2015) CRCs had no private owner: Geography refuses.
    assertThrows(
        RuntimeException.class,
        () -> variance.withOwnersAsOf(LocalDate.of(2014, 12, 31)).shortfall(Level.OWNER, FY1516));
  }

  @Test
  void rendersAsReadableText() {
    String text = variance.shortfall(Level.CPA, FY1516).toString();
    assertTrue(
        text.startsWith(
            "CRC volume shortfall against contract forecast by cpa, starts in 2015-16 (2015-04-01"
                + " to 2016-03-31)\nWeighted shortfall: 25.0% (C17) to 40.0% (C07) across 2"
                + " units\n"),
        text);
    assertTrue(text.contains("40.0"), text);
  }

  @Test
  void aShortfallIsACopyTheCallerCannotChange() {
    Shortfall s = variance.shortfall(Level.CPA, FY1516);
    s.table().doubleColumn(VolumeVariance.WEIGHTED_SHORTFALL_PCT).set(0, 99.0);
    assertEquals(40.0, s.weightedPercent("C07"), 1e-9);
    assertEquals(List.of("C17", "C07"), s.units()); // the table's own order
  }

  @Test
  void bareTablesSayTheirProvenanceWasNotStated() {
    Shortfall s = variance.shortfall(Level.CPA, FY1516);
    assertEquals(List.of(), s.sources().inputs());
    assertEquals(List.of(VolumeVariance.UNSTATED), s.sources().assumptions());
  }

  /** The message of an analysis refusing one problem in its cases. */
  private static String refused(String problem) {
    return "table 'cases': 1 problem; no volumes were compared with forecast\n  " + problem;
  }
}
