package org.probationlens.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.probationlens.chart.ResultCharts;
import org.probationlens.provenance.Provenance;
import org.probationlens.render.Renderers;
import tech.tablesaw.api.Table;

class StaffSurveysTest {

  private final StaffSurveys surveys = StaffSurveys.standard();

  private static int row(Table t, String finding, String date) {
    for (int i = 0; i < t.rowCount(); i++) {
      if (t.stringColumn("finding").get(i).equals(finding)
          && t.stringColumn("date").get(i).equals(date)) {
        return i;
      }
    }
    throw new AssertionError("no row " + finding + " " + date);
  }

  @Test
  void theTwentyTwentyOneSurveyHasAWilsonIntervalByHand() {
    // HMIP 2021 staff survey: 51% of 1,534 said workload not manageable. Count: round(0.51 * 1534)
    // = 782. Wilson by hand (z = 1.959964, z^2 = 3.841459): p = 782/1534 = 0.509778;
    // centre = (p + z^2/2n) / (1 + z^2/n) = 0.511030 / 1.002504 = 0.509754;
    // half = z sqrt(p(1-p)/n + z^2/4n^2) / (1 + z^2/n) = 0.024985; limits 0.484769 to 0.534739.
    Table t = surveys.shares(0.95).table();
    int i = row(t, "workload not so or not at all manageable", "2022-03-02");
    assertEquals(1534, t.intColumn("respondents").getInt(i));
    assertEquals(48.4769, t.doubleColumn("lower_percent").getDouble(i), 1e-4);
    assertEquals(53.4739, t.doubleColumn("upper_percent").getDouble(i), 1e-4);
    assertEquals(
        "Wilson, 782 of 1534 (count derived: 51% of 1534)",
        t.stringColumn("interval_basis").get(i));
  }

  @Test
  void theUnionSurveyIntervalIsTheWidestItsMoreThanAThousandAllows() {
    // 82% of "more than 1,000": at n = 1000, 820 of 1000; Wilson 0.794978 to 0.842573 (by hand as
    // above: centre 0.818775, half 0.023798).
    Table t = surveys.shares(0.95).table();
    int i = row(t, "morale decreased since the transfer", "2014-09");
    assertEquals(79.4978, t.doubleColumn("lower_percent").getDouble(i), 1e-4);
    assertEquals(84.2573, t.doubleColumn("upper_percent").getDouble(i), 1e-4);
    assertTrue(
        t.stringColumn("interval_basis").get(i).endsWith("the widest interval the survey allows"));
  }

  @Test
  void inspectionFindingsHaveNoIntervalBecauseNoOneCountedTheStaff() {
    Table t = surveys.shares(0.95).table();
    int essex = row(t, "workload unmanageable", "2018-10");
    assertEquals(69.0, t.doubleColumn("percent").getDouble(essex));
    assertTrue(t.doubleColumn("lower_percent").isMissing(essex));
    assertEquals("none: respondents not published", t.stringColumn("interval_basis").get(essex));
    assertEquals("found", t.stringColumn("tag").get(essex));
  }

  @Test
  void theBloggersReadingKeepsItsSecondaryTag() {
    Table t = surveys.shares(0.95).table();
    int i = row(t, "'I feel involved in decisions that affect my work'", "2015");
    assertEquals("secondary", t.stringColumn("tag").get(i));
  }

  @Test
  void crcAgainstNpsAtAnAssumedHundredEachByHand() {
    // 86 of 100 against 33 of 100. Wilson: CRC 0.778 to 0.913 (p 0.86), NPS 0.246 to 0.427
    // (p 0.33). Newcombe: 0.53 - sqrt((0.86-0.7784)^2 + (0.4274-0.33)^2) = 0.403430;
    // 0.53 + sqrt((0.9129-0.86)^2 + (0.33-0.2456)^2) = 0.630569 (python, the same formulas).
    SectorGap gap = surveys.npsAgainstCrc(100, 0.95);
    assertEquals(0.53, gap.difference().difference(), 1e-12);
    assertEquals(0.403430, gap.difference().lower(), 1e-6);
    assertEquals(0.630569, gap.difference().upper(), 1e-6);
    assertEquals(Provenance.Kind.DERIVED, gap.sources().kind()); // an assumption was made
    assertTrue(gap.sources().assumptions().get(0).contains("assumes 100 in each sector"));
    // the gap is clear of zero at far fewer respondents, and not at one each
    assertTrue(gap.smallestGroupExcludingZero() > 1 && gap.smallestGroupExcludingZero() < 20);
    assertThrows(IllegalArgumentException.class, () -> surveys.npsAgainstCrc(0, 0.95));
  }

  @Test
  void caseloadsArePairedWithTheSameInspectionsWorkloadShare() {
    CaseloadWorkload c = surveys.caseloadAgainstWorkload();
    Table t = c.table();
    assertEquals(2, t.rowCount());
    assertEquals("Staffordshire & West Midlands CRC (2018)", t.stringColumn("provider").get(0));
    assertEquals(70.0, t.doubleColumn("cases_per_officer").getDouble(0));
    assertEquals(66.7, t.doubleColumn("percent_workload_unmanageable").getDouble(0));
    assertEquals("lower_bound", t.stringColumn("caseload_kind").get(1));
    assertEquals(Provenance.Kind.PUBLISHED, c.sources().kind());
    assertTrue(
        Renderers.sourceLine(ResultCharts.caseloadWorkload(c)).contains("staff_surveys.csv"));
  }

  @Test
  void theRegistryAgreesWithTheTable() {
    for (var c : surveys.checks().checks()) {
      assertTrue(c.pass(), c.toString());
    }
    assertEquals(2, surveys.checks().checks().size());
  }
}
