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
import org.probationlens.render.MimeBundle;
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
        continue; // a figure from another table (e.g. HMIP ratings, i13); its own test checks it
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

  @Test
  void aRangePassesWhenBothEndsAreWithinTolerance() {
    // Tolerance 0.5 percentage points: 6.4..35.6 passes; 5.4..36 fails (low end off by 0.6).
    assertTrue(registry.check("shortfall_range_2015_16", 6.4, 35.6, "test").pass());
    FigureCheck fail = registry.check("shortfall_range_2015_16", 5.4, 36.0, "test");
    assertFalse(fail.pass());
    assertEquals(
        "FAIL shortfall_range_2015_16: published 6 to 36 percent (2015-16; PAC HC 484 (2016-17)"
            + " ch.2 publications.parliament.uk/pa/cm201617/cmselect/cmpubacc/484/48407.htm);"
            + " computed 5.40 to 36.00 percent (test); tolerance 0.5 percent",
        fail.toString());
  }

  @Test
  void pointsAndUpperBounds() {
    // max_payments 3.7 GBP bn +/- 0.05.
    assertTrue(registry.check("max_payments", 3.74, "model").pass());
    assertFalse(registry.check("max_payments", 3.76, "model").pass());
    // "up to 34%": 34.4 passes within 0.5, 35 does not.
    assertTrue(registry.check("crc_workflows_below_anticipated_2015_16", 34.4, "x").pass());
    assertFalse(registry.check("crc_workflows_below_anticipated_2015_16", 35.0, "x").pass());
    assertEquals(
        "up to 34 percent", registry.figure("crc_workflows_below_anticipated_2015_16").valueText());
  }

  @Test
  void checksTabulatePassAndFail() {
    FigureChecks checks =
        FigureChecks.of(
            registry.check("max_payments", 3.7, "calibrated"),
            registry.check("value_to_contractors", 2.9, "not calibrated"));
    assertFalse(checks.allPass());
    Table t = checks.table();
    assertEquals(List.of("PASS", "FAIL"), t.stringColumn("result").asList());
    assertEquals(List.of("3.70 GBP bn", "2.90 GBP bn"), t.stringColumn("computed").asList());
    assertTrue(checks.toString().endsWith("1 of 2 published figures reproduced"));
    MimeBundle bundle = checks.toMimeBundle();
    assertEquals(checks.toString(), bundle.plain());
    String html = bundle.get(MimeBundle.TEXT_HTML).orElseThrow();
    assertTrue(html.contains("<b>1 of 2 published figures reproduced</b>"), html);
    assertTrue(html.contains(">PASS<") && html.contains(">FAIL<"), html);
  }

  @Test
  void misuseIsNamed() {
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> registry.figure("shortfall"));
    assertTrue(unknown.getMessage().startsWith("no published figure 'shortfall'; known: "));
    IllegalArgumentException range =
        assertThrows(
            IllegalArgumentException.class,
            () -> registry.check("shortfall_range_2015_16", 20.0, "x"));
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
            + " line 3, column kind: 'guess'; expected point, range or upper_bound",
        e.getMessage());
  }
}
