package org.probationlens.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.probationlens.area.Geography;
import org.probationlens.provenance.Provenance;
import tech.tablesaw.api.Table;

class HmipRatingsTest {

  private static final HmipRatings RATINGS = HmipRatings.standard();
  private static final Path CSV =
      Path.of(System.getProperty("lens.projectDir", "."))
          .resolve("data/reference/hmip_ratings.csv");

  @Test
  void theCrossTabAgreesWithDuckDbSqlOverTheSameCsv() throws Exception {
    Map<String, Long> sql = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT provider_type, overall_rating, count(*) AS n FROM read_csv('"
                    + CSV
                    + "', header = true, all_varchar = true) WHERE cycle = '2018-19'"
                    + " GROUP BY ALL")) {
      while (rs.next()) {
        sql.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
      }
    }
    RatingsCrossTab x = RATINGS.crossTab(InspectionCycle.parse("2018-19"));
    Map<String, Long> ours = new TreeMap<>();
    for (InspectionRating r : InspectionRating.values()) {
      if (x.nps()[r.ordinal()] > 0) {
        ours.put("NPS/" + r.label(), x.nps()[r.ordinal()]);
      }
      if (x.crc()[r.ordinal()] > 0) {
        ours.put("CRC/" + r.label(), x.crc()[r.ordinal()]);
      }
    }
    assertEquals(sql, ours);
    // and with HMIP's own summary (PR 2019/10/ic1): 6 Good (5 NPS + 1 CRC), 21 RI (19 CRC + 2
    // NPS), 1 Inadequate (a CRC), 0 Outstanding.
    assertEquals(
        Map.of(
            "NPS/Good", 5L,
            "NPS/Requires improvement", 2L,
            "CRC/Good", 1L,
            "CRC/Requires improvement", 19L,
            "CRC/Inadequate", 1L),
        ours);
    Table t = x.table();
    assertEquals(List.of(2, 19, 21), t.intColumn("Requires improvement").asList());
    assertEquals(Provenance.Kind.PUBLISHED, x.sources().kind());
  }

  @Test
  void npsAgainstCrcs() {
    NpsAgainstCrc r = RATINGS.npsAgainstCrc(InspectionCycle.parse("2018-19"));
    // Fisher (see stats.FisherExactTest for the enumeration): (1,386 + 22) / 1,184,040.
    assertEquals(1408.0 / 1184040, r.fisher().pTwoSided(), 1e-12);
    assertEquals(5, r.npsGood().successes());
    assertEquals(1, r.crcGood().successes());
    // Cliff's delta (102 - 2) / 147.
    assertEquals(100.0 / 147, r.ordinal().delta(), 1e-12);
    assertTrue(r.difference().excludesZero());
    assertEquals(
        "NPS against CRCs, 2018-19: 5 of 7 NPS divisions Good, 1 of 21 CRCs (Fisher's exact p ="
            + " 0.0012)",
        r.title());
  }

  @Test
  void ownersRollUpAndCannotBeToldApart() {
    RatingsByOwner o =
        RATINGS.byOwner(Geography.standard(), LocalDate.of(2018, 6, 1), HmipRatings.FULL_CYCLE);
    assertEquals(8, o.owners().size());
    Table t = o.table();
    assertEquals("Sodexo Justice Services (with Nacro)", t.stringColumn("owner").get(0));
    assertEquals(
        "Requires improvement (all 6)", t.stringColumn("one owner-level line would read").get(0));
    assertEquals(
        "mixed: 1 Good, 4 Requires improvement",
        t.stringColumn("one owner-level line would read").get(1));
    // With 1 Good and 1 Inadequate among 21, the test cannot reject: p near 1.
    assertTrue(o.test().pValue() > 0.5, o.test().toString());
  }

  @Test
  void pccAreasInheritTheirCrcAndDivision() {
    RatingsByPccArea a = RATINGS.byPccArea(Geography.standard(), InspectionCycle.parse("2018-19"));
    assertEquals(42, a.rows().size());
    RatingsByPccArea.AreaRatings nts =
        a.rows().stream()
            .filter(r -> r.area().equals("Northamptonshire"))
            .findFirst()
            .orElseThrow();
    assertTrue(nts.npsUncertain());
    assertEquals("Good or Requires improvement", nts.npsRating());
    ReportingUnits u =
        RATINGS.reportingUnits(
            Geography.standard(), LocalDate.of(2018, 6, 1), InspectionCycle.parse("2018-19"));
    Table t = u.table();
    assertEquals(List.of(42, 21, 8), t.intColumn("units").asList());
    assertEquals(List.of(21, 21, 21), t.intColumn("CRC judgements behind them").asList());
    // only Hampshire (one area) has a Good CRC; no owner is wholly Good
    assertEquals(
        List.of(1, 1, 0), t.intColumn("units whose CRC rating is Good or better").asList());
  }

  @Test
  void domainRatingsSayWhatIsMissing() {
    DomainRatings d = RATINGS.domainRatings(InspectionCycle.parse("2018-19"));
    assertEquals(28, d.providers().size());
    assertTrue(d.notes().get(0).contains("28 providers x 10 standards = 280"), d.notes().get(0));
    assertTrue(d.withoutAny().stream().anyMatch(p -> p.provider().equals("Merseyside CRC")));
    CrcSpread s = RATINGS.crcSpread(InspectionCycle.parse("2018-19"));
    assertEquals(
        List.of("Durham Tees Valley CRC", "Hampshire & Isle of Wight CRC", "Norfolk & Suffolk CRC"),
        s.quotingDomain(InspectionRating.OUTSTANDING).stream()
            .map(ProviderRating::provider)
            .toList());
  }

  @Test
  void theProvidersOwnRatingsAddUpToHmipsPublishedSummary() {
    var checks = RATINGS.checkAgainstSummary();
    assertTrue(checks.allPass(), checks.toString());
    assertEquals(4, checks.checks().size());
  }

  @Test
  void noSyntheticNumberEntersTheRatingsResults() {
    Geography geo = Geography.standard();
    LocalDate asOf = LocalDate.of(2018, 6, 1);
    List<org.probationlens.provenance.Result> results =
        List.of(
            RATINGS.crossTab(InspectionCycle.parse("2018-19")),
            RATINGS.npsAgainstCrc(InspectionCycle.parse("2018-19")),
            RATINGS.crcSpread(InspectionCycle.parse("2018-19")),
            RATINGS.domainRatings(InspectionCycle.parse("2018-19")),
            RATINGS.byOwner(geo, asOf, InspectionCycle.parse("2018-19")),
            RATINGS.byPccArea(geo, InspectionCycle.parse("2018-19")),
            RATINGS.reportingUnits(geo, asOf, InspectionCycle.parse("2018-19")),
            TasksAgainstQuality.of(RATINGS, InspectionCycle.parse("2018-19")));
    for (org.probationlens.provenance.Result r : results) {
      assertTrue(!r.sources().synthetic(), r.title());
      assertTrue(r.sources().assumptions().isEmpty(), r.title());
      assertTrue(
          r.sources().inputs().stream().noneMatch(p -> p.kind() == Provenance.Kind.SYNTHETIC),
          r.title());
    }
  }

  @Test
  void anUnknownCycleIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> RATINGS.cycle(InspectionCycle.parse("2017-18")));
    assertEquals("no ratings for cycle '2017-18'; cycles: [2018-19, 2019-20]", e.getMessage());
  }
}
