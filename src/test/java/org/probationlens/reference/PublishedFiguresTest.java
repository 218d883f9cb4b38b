package org.probationlens.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.data.synthetic.CaseGenerator;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

class PublishedFiguresTest {

  private final PublishedFigures registry = PublishedFigures.standard();

  @Test
  void everyFigureRepeatsItsRowOfVolumesFinance() throws IOException {
    // The registry must say exactly what volumes_finance.csv (made from the research notes by
    // scripts/make_reference.py) says: same values, source and tag.
    Table registryRows = ReferenceTablesTest.read("published_figures.csv");
    Table finance = ReferenceTablesTest.read("volumes_finance.csv");
    assertEquals(registryRows.rowCount(), registry.figures().size());
    for (Row r : registryRows) {
      String metric = r.getString("volumes_finance_metric");
      if (metric.isEmpty()) {
        continue; // a figure from another table; its own test checks it (PeopleReferenceTest,
        // HmipRatingsTest)
      }
      Table match = finance.where(finance.stringColumn("metric").isEqualTo(metric));
      assertEquals(1, match.rowCount(), metric);
      Row f = match.row(0);
      String id = r.getString("id");
      assertEquals(f.getString("low"), r.getString("low"), id);
      assertEquals(f.getString("high"), r.getString("high"), id);
      assertEquals(f.getString("source"), r.getString("source"), id);
      assertEquals(f.getString("tag"), r.getString("tag"), id);
      assertEquals(f.getString("value_kind"), r.getString("kind"), id);
    }
  }

  @Test
  void theSixToThirtySixRangeIsThere() {
    PublishedFigure f = registry.figure("shortfall_range_2015_16");
    assertEquals(PublishedFigure.Kind.RANGE, f.kind());
    assertEquals(6.0, f.low());
    assertEquals(36.0, f.high());
    assertEquals("6 to 36 percent", f.valueText());
  }

  /** Real (published) inputs, calibrated to nothing. */
  private static final Sources REAL =
      Sources.of(
          Provenance.published(
              "OMSQ caseload", "Ministry of Justice", null, "OGL v3", "c".repeat(64)));

  /** The case generator's output, which declares its calibration to two figures. */
  private static final Sources SYNTHETIC =
      Sources.of(
          Provenance.synthetic(
              "Synthetic cases",
              CaseGenerator.SOURCE,
              2014L,
              CaseGenerator.VERSION,
              "d".repeat(64)));

  @Test
  void aRangeMatchesWhenBothEndsAreWithinTolerance() {
    // Tolerance 0.5 percentage points: 6.4..35.6 matches; 5.4..36 does not (low end off by 0.6).
    FigureCheck real = registry.check("shortfall_range_2015_16", 6.4, 35.6, REAL);
    assertEquals(FigureCheck.Status.REPRODUCED, real.status());
    FigureCheck fail = registry.check("shortfall_range_2015_16", 5.4, 36.0, REAL);
    assertEquals(FigureCheck.Status.NOT_REPRODUCED, fail.status());
    assertFalse(fail.pass());
    assertEquals(
        "NOT_REPRODUCED shortfall_range_2015_16: published 6 to 36 percent (2015-16; PAC HC 484"
            + " (2016-17) ch.2 publications.parliament.uk/pa/cm201617/cmselect/cmpubacc/484/48407.htm);"
            + " computed 5.40 to 36.00 percent (computed from data of kind PUBLISHED outside the"
            + " tolerance); tolerance 0.5 percent",
        fail.toString());
  }

  @Test
  void aMatchOnDataCalibratedToTheFigureIsCalibratedNeverReproduced() {
    // the generator declares shortfall_range_2015_16 among the figures it was set to
    FigureCheck generated = registry.check("shortfall_range_2015_16", 6.0, 36.0, SYNTHETIC);
    assertEquals(FigureCheck.Status.CALIBRATED, generated.status());
    assertTrue(generated.basis().startsWith("matches by construction"), generated.basis());
    // a price calibrated to max_payments: real inputs, but the figure was an input
    FigureCheck price =
        registry.check("max_payments", 3.7, REAL.calibratedTo(List.of("max_payments")));
    assertEquals(FigureCheck.Status.CALIBRATED, price.status());
    assertTrue(price.basis().contains("an input of the analysis"), price.basis());
    // synthetic data that happens to match a figure it was not set to is still no evidence
    FigureCheck other = registry.check("max_payments", 3.7, SYNTHETIC);
    assertEquals(FigureCheck.Status.CALIBRATED, other.status());
    // the check carries the computed value's sources and the published figure's own
    assertTrue(generated.sources().synthetic());
    assertEquals(2, generated.sources().inputs().size());
    assertEquals(Provenance.Kind.PUBLISHED, generated.sources().inputs().get(1).kind());
  }

  @Test
  void pointsAndUpperBounds() {
    // max_payments 3.7 GBP bn +/- 0.05.
    assertTrue(registry.check("max_payments", 3.74, REAL).pass());
    assertFalse(registry.check("max_payments", 3.76, REAL).pass());
    // "up to 34%": 34.4 passes within 0.5, 35 does not.
    assertTrue(registry.check("crc_workflows_below_anticipated_2015_16", 34.4, REAL).pass());
    assertFalse(registry.check("crc_workflows_below_anticipated_2015_16", 35.0, REAL).pass());
    assertEquals(
        "up to 34 percent", registry.figure("crc_workflows_below_anticipated_2015_16").valueText());
  }

  @Test
  void theHeadlineCountsEachStatusSeparately() {
    FigureChecks checks =
        FigureChecks.of(
            registry.check("shortfall_range_2015_16", 6.0, 36.0, REAL),
            registry.check("max_payments", 3.7, REAL.calibratedTo(List.of("max_payments"))),
            registry.check("paid_activity_below_expectation_q1_2017_18", 16.0, 48.0, SYNTHETIC),
            registry.check("value_to_contractors", 2.9, REAL));
    assertFalse(checks.allPass());
    assertEquals("1 reproduced, 2 calibrated, 1 not reproduced", checks.headline());
    assertEquals(
        "Published figures checked: 1 reproduced, 2 calibrated, 1 not reproduced", checks.title());
    Table t = checks.table();
    assertEquals("status", t.columnNames().get(0));
    assertEquals(
        List.of("REPRODUCED", "CALIBRATED", "CALIBRATED", "NOT REPRODUCED"),
        t.stringColumn("status").asList());
    assertEquals(
        List.of("6.00 to 36.00 percent", "3.70 GBP bn", "16.00 to 48.00 percent", "2.90 GBP bn"),
        t.stringColumn("computed").asList());
    // each row says what it was computed from (the inputs' titles above)
    assertEquals(
        List.of("OMSQ caseload", "OMSQ caseload", "Synthetic cases", "OMSQ caseload"),
        t.stringColumn("computed from").asList());
    assertTrue(checks.sources().synthetic());
  }

  @Test
  void twoChecksOfOneFigureSayWhatEachWasComputedFrom() {
    // notebook 01 checks the Q1 2017-18 range on the 300,000-row run and on the sample
    Provenance forecast =
        Provenance.synthetic(
            "Synthetic forecast volumes by CPA (one row per CPA, year and work type)",
            CaseGenerator.SOURCE,
            2014L,
            CaseGenerator.VERSION,
            "f".repeat(64));
    Provenance run =
        Provenance.synthetic(
            "Synthetic case records, 300,000 generated with seed 2014 (one row per order)",
            CaseGenerator.SOURCE,
            2014L,
            CaseGenerator.VERSION,
            "a".repeat(64));
    Provenance sample =
        Provenance.synthetic(
            "Synthetic case records (one row per order)",
            CaseGenerator.SOURCE,
            2014L,
            CaseGenerator.VERSION,
            "b".repeat(64));
    String id = "paid_activity_below_expectation_q1_2017_18";
    Table t =
        FigureChecks.of(
                registry.check(id, 16.0, 48.0, Sources.of(run, forecast)),
                registry.check(id, 15.0, 47.0, Sources.of(sample, forecast)))
            .table();
    assertEquals(List.of(id, id), t.stringColumn("figure").asList());
    assertEquals(
        List.of(
            "Synthetic case records, 300,000 generated with seed 2014 and 1 more",
            "Synthetic case records and 1 more"),
        t.stringColumn("computed from").asList());
  }

  @Test
  void misuseIsNamed() {
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> registry.figure("shortfall"));
    assertTrue(unknown.getMessage().startsWith("no published figure 'shortfall'; known: "));
    IllegalArgumentException range =
        assertThrows(
            IllegalArgumentException.class,
            () -> registry.check("shortfall_range_2015_16", 20.0, REAL));
    assertEquals(
        "figure shortfall_range_2015_16 is a range (6 to 36 percent); give a computed low and"
            + " high",
        range.getMessage());
  }

  @Test
  void badFilesAreReportedByLineAndColumn(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("figures.csv");
    Files.writeString(
        file,
        String.join(",", PublishedFigures.HEADER)
            + "\n"
            + "a_b,desc,range,six,36,percent,2015-16,0.5,m,src,found\n"
            + "c_d,desc,guess,6,36,percent,2015-16,0.5,m,src,found\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PublishedFigures.load(file));
    assertEquals(
        file
            + " line 2, column low: 'six'; expected a number\n"
            + file
            + " line 3, column kind: 'guess'; expected point, range, upper_bound or lower_bound",
        e.getMessage());
  }
}
