package org.probationlens.court;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.stats.Proportion;
import org.threeten.extra.YearQuarter;
import tech.tablesaw.api.Table;

/** Checks the generator's calibration against published figures, and its determinism. */
class CourtDataGeneratorTest {
  private static CourtData national;
  private static CourtLiaison measures;

  @BeforeAll
  static void generateAtNationalScale() {
    national = CourtDataGenerator.generate(2014, 1.0);
    measures = CourtLiaison.of(national);
  }

  @Test
  void ordersMatchThePublishedCountAndRarShare() {
    // HMIP RAR thematic (22 Feb 2017): April-June 2016, 19,021 community and suspended sentence
    // orders, 36% with a RAR. Tolerance: 1.5 percentage points (the binomial standard error at
    // n = 19,021 and p = 0.36 is 0.35 points, so chance alone stays well inside it), and the
    // published 36% must lie inside the synthetic share's 99.9% Wilson interval.
    assertEquals(19_021, national.orders().rowCount());
    Proportion rar = measures.rarShare();
    assertEquals(0.36, rar.estimate(), 0.015);
    assertTrue(
        measures.withConfidence(0.999).rarShare().contains(0.36), "36% inside 99.9% interval");
  }

  @Test
  void noPurposefulActivityIsMoreThanOneInTen() {
    // HMIP RAR thematic: "more than 1 in 10" RARs had no purposeful activity. The whole 95%
    // interval of the synthetic share must lie above 10%.
    Table all = measures.rarDelivery("all").table();
    assertTrue(all.doubleColumn("no_activity_lower").get(0) > 0.10);
  }

  @Test
  void reportMixMatchesTheBulletin() {
    // R&A Bulletin 2020/04: 535 oral, 237 short format, 30 standard delivery (of 802).
    // Tolerance: 1.5 percentage points at 40,000 synthetic reports.
    Table mix = measures.reportMix().table();
    double[] published = {535 / 802.0, 237 / 802.0, 30 / 802.0};
    for (int i = 0; i < 3; i++) {
      assertEquals(published[i], mix.doubleColumn("share").get(i), 0.015, mix.getString(i, 0));
    }
  }

  @Test
  void breachReferralFollowsThePublishedAeSeries() {
    // CRC service level AE, national, data.justice.gov.uk: Apr-Jun 2017 86.6% ... Apr-Jun 2019
    // 92.1%. Tolerance: 3 percentage points per quarter at 2,000 synthetic breaches a quarter
    // (binomial standard error about 0.7 points, plus the synthetic spread between CPAs).
    Table t = measures.breachReferral().table();
    assertEquals(9, t.rowCount());
    for (int i = 0; i < t.rowCount(); i++) {
      assertEquals(
          t.doubleColumn("published_share").get(i),
          t.doubleColumn("share").get(i),
          0.03,
          t.stringColumn("quarter").get(i));
    }
  }

  @Test
  void everyRowOfEveryTableIsLabelledSynthetic() {
    for (Table t :
        List.of(
            national.courts(),
            national.reports(),
            national.orders(),
            national.breaches(),
            national.survey())) {
      assertTrue(t.name().contains("SYNTHETIC"), t.name());
    }
    assertTrue(measures.concordance("all").table().name().contains("SYNTHETIC"));
  }

  @Test
  void theCommittedSampleIsExactlyWhatTheGeneratorMakes(@TempDir Path dir) throws IOException {
    CourtDataGenerator.generate(2014, 0.1).write(dir);
    Path committed =
        Path.of(System.getProperty("lens.projectDir", ".")).resolve("data/sample/court");
    assertEquals(
        Files.readString(committed.resolve(CourtData.MANIFEST)),
        Files.readString(dir.resolve(CourtData.MANIFEST)));
  }

  @Test
  void sameSeedSameData() {
    CourtData a = CourtDataGenerator.generate(7, 0.02);
    CourtData b = CourtDataGenerator.generate(7, 0.02);
    CourtData c = CourtDataGenerator.generate(8, 0.02);
    assertEquals(a.reports().printAll(), b.reports().printAll());
    assertTrue(!a.reports().printAll().equals(c.reports().printAll()));
  }

  @Test
  void refusesAScaleOutsideZeroToOne() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CourtDataGenerator.generate(1, 2.0));
    assertEquals("scale must be greater than 0 and at most 1, was 2.0", e.getMessage());
  }

  @Test
  void publishedFiguresAreReadAsPublished() {
    // Values typed from the sources, independently of the CSV: HMIP R&A Bulletin 2020/04; HMIP RAR
    // thematic (Feb 2017); data.justice.gov.uk CRC performance, measure AE, England and Wales.
    PublishedCourtFigures p = PublishedCourtFigures.standard();
    assertEquals(
        Map.of(
            ReportType.ORAL,
            535L,
            ReportType.SHORT_FORMAT,
            237L,
            ReportType.STANDARD_DELIVERY,
            30L),
        p.reportMix());
    assertEquals(19_021, p.communityAndSuspendedOrders2016Q2());
    assertEquals(0.36, p.rarShare2016Q2(), 1e-12);
    assertEquals(0.10, p.noPurposefulActivityLowerBound(), 1e-12);
    Map<YearQuarter, Double> ae = p.breachReferralWithin8Days();
    double[] published = {86.6, 89.8, 90.1, 90.5, 89.0, 88.2, 86.9, 92.7, 92.1};
    assertEquals(published.length, ae.size());
    YearQuarter q = YearQuarter.of(2017, 2);
    for (double v : published) {
      assertEquals(v / 100, ae.get(q), 1e-12, q.toString());
      q = q.plusQuarters(1);
    }
  }
}
