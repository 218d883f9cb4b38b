package org.probationlens.people;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.chart.ResultCharts;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.render.Renderers;
import org.probationlens.stats.AgreementWeights;
import org.probationlens.stats.WeightedKappa;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ViewsAgreementTest {

  @Test
  void theInspectorMarginIsTheTwentyEighteenNineteenRatings() {
    // hmip_ratings.csv, cycle 2018-19: 28 providers, counted with Python's csv module:
    // 1 Inadequate, 21 Requires improvement, 6 Good, 0 Outstanding.
    double[] m = SyntheticPairedViews.inspectorMargin();
    assertEquals(1.0, m[0] + m[1] + m[2] + m[3], 1e-12);
    assertArrayEquals(new double[] {1.0 / 28, 21.0 / 28, 6.0 / 28, 0.0}, m, 1e-12);
  }

  @Test
  void theGeneratorIsDeterministicAndLabelledSynthetic() {
    PairedViews a = SyntheticPairedViews.generate(240, 2014);
    PairedViews b = SyntheticPairedViews.generate(240, 2014);
    assertArrayEquals(a.counts(), b.counts());
    assertEquals(a.provenance(), b.provenance());
    assertEquals(Provenance.Kind.SYNTHETIC, a.provenance().kind());
    assertEquals(2014L, a.provenance().seed());
    assertEquals(SyntheticPairedViews.VERSION, a.provenance().generatorVersion());
    long n = 0;
    for (long[] r : a.counts()) {
      for (long c : r) {
        n += c;
      }
    }
    assertEquals(240, n);
  }

  @Test
  void agreementIsTheStatsOnTheCrossTable() {
    PairedViews v = SyntheticPairedViews.generate(240, 2014);
    ViewsAgreement g = ViewsAgreement.of(v, 0.95);
    assertEquals(
        WeightedKappa.of(v.counts(), AgreementWeights.QUADRATIC, 0.95).kappa(),
        g.quadratic().kappa(),
        1e-15);
    assertEquals(Provenance.Kind.SYNTHETIC, g.sources().kind());
    // calibrated so that users rate higher than inspectors: the margins differ
    assertTrue(g.userGoodOrBetter() > g.inspectorGoodOrBetter());
    assertTrue(g.stuartMaxwell().reject(0.05), g.stuartMaxwell().toString());
    assertEquals(6, g.table().rowCount());
    assertEquals(5, g.crossTable().table().columnCount());
    assertTrue(
        Renderers.sourceLine(ResultCharts.viewsAgreement(g)).startsWith("SYNTHETIC")
            || Renderers.sourceLine(ResultCharts.viewsAgreement(g)).contains("SYNTHETIC"));
  }

  @Test
  void aBadRatingIsRefusedWithItsRow() {
    Table t =
        Table.create(
            "mine",
            StringColumn.create("case_id", "A", "B"),
            StringColumn.create("user_view", "Good", "good"),
            StringColumn.create("inspector_rating", "Good", "Good"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new PairedViews(t, SyntheticPairedViews.generate(10, 1).provenance()));
    assertEquals(
        "mine row 2, column user_view: 'good' is not a rating; expected Inadequate, Requires"
            + " improvement, Good or Outstanding",
        e.getMessage());
  }

  @Test
  void aUsersOwnFileIsReadAndABadCellIsLocated(@TempDir Path dir) throws IOException {
    Path good = dir.resolve("pairs.csv");
    Files.writeString(
        good, "case_id,user_view,inspector_rating\nA,Good,Requires improvement\nB,Good,Good\n");
    Provenance p =
        Provenance.officialSensitive(
            "pairs", "a provider's extract", "data-sharing agreement", "0".repeat(64));
    PairedViews v = PairedViews.load(good, p);
    assertArrayEquals(
        new long[][] {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 1, 1, 0}, {0, 0, 0, 0}}, v.counts());
    assertEquals(Provenance.Kind.OFFICIAL_SENSITIVE, v.provenance().kind());
    Path bad = dir.resolve("bad.csv");
    Files.writeString(
        bad, "case_id,user_view,inspector_rating\nA,Good,Good\nB,Good,Requires Improvement\n");
    DatasetValidationException e =
        assertThrows(DatasetValidationException.class, () -> PairedViews.load(bad, p));
    assertEquals(
        bad
            + ": 1 problem; nothing was loaded\n  line 3, column 3 (inspector_rating): found"
            + " \"Requires Improvement\", expected one of Inadequate, Requires improvement, Good,"
            + " Outstanding",
        e.getMessage());
  }
}
