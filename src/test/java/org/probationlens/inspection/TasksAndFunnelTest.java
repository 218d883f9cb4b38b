package org.probationlens.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TasksAndFunnelTest {

  private static final HmipRatings RATINGS = HmipRatings.standard();

  @Test
  void tasksAgainstQualityUsesThePublishedNationalSeriesAndSaysPerCrcValuesAreMissing() {
    TasksAgainstQuality t = TasksAgainstQuality.of(RATINGS, InspectionCycle.parse("2018-19"));
    assertEquals(
        List.of("2018-Q2", "2018-Q3", "2018-Q4", "2019-Q1"),
        t.quarters().stream().map(Object::toString).toList());
    // data.justice.gov.uk CRC SCH9 AE: Apr-Jun 18 89.0, Jul-Sep 18 88.2, Oct-Dec 18 86.9,
    // Jan-Mar 19 92.7 -> mean 89.2.
    assertEquals(List.of(89.0, 88.2, 86.9, 92.7), t.levels().get("CRC SCH9 AE").percents());
    assertEquals(89.2, t.levels().get("CRC SCH9 AE").mean(), 1e-9);
    Table table = t.table();
    assertEquals(
        "not in the reference data (national series only)",
        table.stringColumn("per-CRC values").get(0));
    assertTrue(t.notes().get(0).startsWith("Per-CRC service-level values are not in the"));
    assertTrue(
        table.stringColumn("2018-19 figure").get(3).startsWith("1 of 21 CRCs Good, 19"),
        table.stringColumn("2018-19 figure").get(3));
    // twelve published quarters, Apr-Jun 2017 to Jan-Mar 2020
    assertEquals(12, t.seriesWide().rowCount());
  }

  @Test
  void syntheticReviewsAreLabelledSyntheticAndRepeatWithTheSeed() {
    SyntheticCaseReviews a =
        SyntheticCaseReviews.generate(
            RATINGS, InspectionCycle.parse("2018-19"), SyntheticCaseReviews.defaultShares(), 5);
    SyntheticCaseReviews b =
        SyntheticCaseReviews.generate(
            RATINGS, InspectionCycle.parse("2018-19"), SyntheticCaseReviews.defaultShares(), 5);
    assertEquals(a.providers(), b.providers());
    assertTrue(a.sources().synthetic());
    assertTrue(a.title().startsWith("SYNTHETIC"));
    assertEquals(28, a.providers().size());
    // calibrated: the NPS divisions rated Good get the higher assumed share on average
    double good =
        a.providers().stream()
            .filter(p -> p.rating() == InspectionRating.GOOD)
            .mapToDouble(p -> (double) p.sufficient() / p.cases())
            .average()
            .orElseThrow();
    double ri =
        a.providers().stream()
            .filter(p -> p.rating() == InspectionRating.REQUIRES_IMPROVEMENT)
            .mapToDouble(p -> (double) p.sufficient() / p.cases())
            .average()
            .orElseThrow();
    assertTrue(good > ri + 0.05, good + " vs " + ri);
    // case counts around 6,000 / 28 = 214 a provider, within +/-40%
    assertTrue(a.providers().stream().allMatch(p -> p.cases() >= 128 && p.cases() <= 300));
  }
}
