package org.probationlens.court;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.probationlens.stats.OrdinalSummary;
import org.probationlens.stats.Proportion;
import org.probationlens.stats.ProportionDifference;
import tech.tablesaw.api.Table;

/**
 * Checks the court measures on the committed sample against DuckDB queries over the same CSV files
 * (an independent engine: its own CSV reader, grouping and date arithmetic).
 */
class CourtLiaisonTest {
  private static Path dir;
  private static CourtLiaison measures;
  private static Connection db;

  @BeforeAll
  static void open() throws SQLException {
    dir = CourtData.sampleDirectory();
    measures = CourtLiaison.of(CourtData.load(dir));
    db = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = db.createStatement()) {
      for (String t : new String[] {"courts", "reports", "orders", "breaches", "survey"}) {
        s.execute(
            "CREATE TABLE "
                + t
                + " AS SELECT * FROM read_csv('"
                + dir.resolve("synthetic_" + t + ".csv")
                + "', header = true)");
      }
      Path holidays =
          Path.of(System.getProperty("lens.projectDir", "."))
              .resolve("data/reference/bank_holidays_england_wales.csv");
      s.execute(
          "CREATE TABLE holidays AS SELECT CAST(date AS DATE) AS d FROM read_csv('"
              + holidays
              + "', header = true)");
    }
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  private static Map<String, long[]> query(String sql) throws SQLException {
    Map<String, long[]> out = new HashMap<>();
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        out.put(r.getString(1), new long[] {r.getLong(2), r.getLong(3)});
      }
    }
    return out;
  }

  private static void assertSameCounts(
      Map<String, long[]> expected, Table actual, String key, String n, String k) {
    assertEquals(expected.size(), actual.rowCount(), actual.name());
    for (int i = 0; i < actual.rowCount(); i++) {
      long[] e = expected.get(actual.stringColumn(key).get(i));
      assertEquals(e[0], actual.intColumn(n).getInt(i), actual.stringColumn(key).get(i));
      assertEquals(e[1], actual.intColumn(k).getInt(i), actual.stringColumn(key).get(i));
      assertEquals(
          Proportion.wilson(e[1], e[0], 0.95).lower(), actual.doubleColumn("lower").get(i), 1e-12);
    }
  }

  @Test
  void concordanceByCourtAgreesWithDuckDb() throws SQLException {
    Map<String, long[]> expected =
        query(
            "SELECT court_code, count(*), count(*) FILTER (WHERE proposal = sentence)"
                + " FROM reports GROUP BY court_code");
    assertSameCounts(
        expected, measures.concordance("court_code").table(), "court_code", "reports", "followed");
  }

  @Test
  void concordanceByLiaisonRatingAgreesWithDuckDb() throws SQLException {
    Map<String, long[]> expected =
        query(
            "SELECT c.liaison_rating, count(*), count(*) FILTER (WHERE proposal = sentence)"
                + " FROM reports r JOIN courts c USING (court_code) GROUP BY 1");
    assertSameCounts(
        expected,
        measures.concordance("liaison_rating").table(),
        "liaison_rating",
        "reports",
        "followed");
    ProportionDifference d =
        measures.liaisonEffectOnConcordance(LiaisonRating.STRONG, LiaisonRating.WEAK);
    long[] strong = expected.get("STRONG");
    long[] weak = expected.get("WEAK");
    assertEquals(
        (double) strong[1] / strong[0] - (double) weak[1] / weak[0], d.difference(), 1e-12);
  }

  @Test
  void timelinessAgreesWithDuckDb() throws SQLException {
    Map<String, long[]> expected =
        query(
            "SELECT report_type, count(*), count(*) FILTER (WHERE delivered_date <= due_date)"
                + " FROM reports GROUP BY report_type");
    assertSameCounts(expected, measures.timeliness().table(), "report_type", "reports", "on_time");
  }

  @Test
  void rarShareAndDeliveryAgreeWithDuckDb() throws SQLException {
    Map<String, long[]> share =
        query("SELECT 'all', count(*), count(*) FILTER (WHERE rar_days_ordered > 0) FROM orders");
    assertEquals(share.get("all")[0], measures.rarShare().trials());
    assertEquals(share.get("all")[1], measures.rarShare().successes());
    Map<String, long[]> delivery =
        query(
            "SELECT 'all', sum(rar_days_ordered), sum(rar_days_delivered) FROM orders"
                + " WHERE rar_days_ordered > 0");
    Table t = measures.rarDelivery("all").table();
    assertEquals(delivery.get("all")[0], t.intColumn("days_ordered").getInt(0));
    assertEquals(delivery.get("all")[1], t.intColumn("days_delivered").getInt(0));
    Map<String, long[]> none =
        query(
            "SELECT 'all', count(*), count(*) FILTER (WHERE rar_days_delivered = 0) FROM orders"
                + " WHERE rar_days_ordered > 0");
    assertEquals(
        (double) none.get("all")[1] / none.get("all")[0], t.doubleColumn("no_activity").get(0));
  }

  @Test
  void breachReferralAgreesWithDuckDbBusinessDayCount() throws SQLException {
    // DuckDB counts business days itself: weekdays after aware_date up to referral_date that are
    // not in the bank-holiday table.
    Map<String, long[]> expected =
        query(
            "SELECT year(aware_date) || '-Q' || quarter(aware_date) AS q, count(*),"
                + " count(*) FILTER (WHERE bd <= 8) FROM ("
                + "  SELECT b.aware_date, (SELECT count(*) FROM"
                + "   generate_series(b.aware_date + INTERVAL 1 DAY, b.referral_date, INTERVAL 1 DAY)"
                + "   AS g(d) WHERE isodow(d) < 6 AND CAST(d AS DATE) NOT IN (SELECT d FROM holidays))"
                + "   AS bd FROM breaches b) GROUP BY q");
    assertSameCounts(
        expected, measures.breachReferral().table(), "quarter", "breaches", "within_8");
  }

  @Test
  void surveyMedianAndAgreementAgreeWithDuckDb() throws SQLException {
    Map<String, long[]> expected =
        query(
            "SELECT item, count(*), count(*) FILTER (WHERE answer >= 4) FROM survey GROUP BY item");
    Map<String, long[]> medians =
        query("SELECT item, quantile_disc(answer, 0.5), 0 FROM survey GROUP BY item");
    for (OrdinalSummary s : measures.survey()) {
      long[] e = expected.get(s.item());
      assertEquals(e[0], s.respondents());
      assertEquals(e[1], s.topBox().successes());
      // DuckDB's quantile_disc(0.5) is the lower median for an even count, as ours is.
      assertEquals(medians.get(s.item())[0], s.median() + 1, s.item());
    }
  }

  @Test
  void surveyEffectAgreesWithDuckDb() throws SQLException {
    Map<String, long[]> expected =
        query(
            "SELECT c.liaison_rating, count(*), count(*) FILTER (WHERE answer >= 4)"
                + " FROM survey s JOIN courts c USING (court_code)"
                + " WHERE item = 'AWARE_OF_LOCAL_SERVICES' GROUP BY 1");
    ProportionDifference d =
        measures.liaisonEffectOnSurvey(
            SurveyItem.AWARE_OF_LOCAL_SERVICES, LiaisonRating.STRONG, LiaisonRating.WEAK);
    long[] s = expected.get("STRONG");
    long[] w = expected.get("WEAK");
    assertEquals(
        ProportionDifference.newcombe(s[1], s[0], w[1], w[0], 0.95).toString(), d.toString());
  }

  @Test
  void awarenessAndConcordanceRankCorrelationAgreesWithDuckDb() throws SQLException {
    // DuckDB: Pearson correlation of average ranks (ties share the mean of their positions).
    String perCourt =
        "SELECT court_code,"
            + " (SELECT avg(CASE WHEN answer >= 4 THEN 1.0 ELSE 0.0 END) FROM survey s"
            + "  WHERE s.court_code = c.court_code AND item = 'AWARE_OF_LOCAL_SERVICES') AS a,"
            + " (SELECT avg(CASE WHEN proposal = sentence THEN 1.0 ELSE 0.0 END) FROM reports r"
            + "  WHERE r.court_code = c.court_code) AS k FROM courts c";
    String ranked =
        "SELECT (rank() OVER (ORDER BY a) - rank() OVER (ORDER BY a DESC)) / 2.0 AS ra,"
            + " (rank() OVER (ORDER BY k) - rank() OVER (ORDER BY k DESC)) / 2.0 AS rk"
            + " FROM ("
            + perCourt
            + ")";
    double rho;
    try (Statement st = db.createStatement();
        ResultSet r = st.executeQuery("SELECT corr(ra, rk) FROM (" + ranked + ")")) {
      r.next();
      rho = r.getDouble(1);
    }
    // For a tie group with lowest rank L (rank() ascending) and position T counted from the top
    // (rank() descending), the highest rank is n + 1 - T, so the average rank is
    // (L - T)/2 + (n + 1)/2. The constant does not change a correlation, so corr() of
    // (L - T)/2 is Spearman's rho with average ranks for ties.
    assertEquals(rho, measures.awarenessAndConcordance().rho(), 1e-9);
    assertEquals(42, measures.awarenessAndConcordance().units());
  }

  @Test
  void funnelFlagsOnlyCourtsOutsideTheirLimits() {
    Table f = measures.concordanceFunnel().table();
    for (int i = 0; i < f.rowCount(); i++) {
      double share = f.doubleColumn("share").get(i);
      boolean outside =
          share < f.doubleColumn("lower998").get(i) || share > f.doubleColumn("upper998").get(i);
      assertEquals(
          outside, f.booleanColumn("outside998").get(i), f.stringColumn("court_code").get(i));
    }
  }

  @Test
  void funnelNamesEachCourtSoThatItsChartSpeaksInNames() {
    Table f = measures.concordanceFunnel().table();
    assertEquals("court", f.columnNames().get(1));
    for (int i = 0; i < f.rowCount(); i++) {
      String code = f.stringColumn("court_code").get(i);
      String name = f.stringColumn("court").get(i);
      assertFalse(name.isBlank(), code);
      assertNotEquals(code, name);
    }
  }

  @Test
  void thresholdIsEightBusinessDays() {
    // Aware Wed 17 Apr 2019; Good Friday and Easter Monday fall in between: the 8th business
    // day after is Wed 1 May 2019 (worked by hand in BusinessDaysTest).
    assertTrue(measures.withinThreshold(LocalDate.of(2019, 4, 17), LocalDate.of(2019, 5, 1)));
    assertTrue(!measures.withinThreshold(LocalDate.of(2019, 4, 17), LocalDate.of(2019, 5, 2)));
  }

  @Test
  void refusesAnUnknownGrouping() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> measures.concordance("judge"));
    assertEquals(
        "cannot group by 'judge'; expected one of: all, court_code, supervising_provider,"
            + " report_type, liaison_rating",
        e.getMessage());
  }

  @Test
  void eachResultCarriesTheProvenanceOfTheTablesItUses() {
    var mix = measures.reportMix();
    assertTrue(mix.sources().synthetic());
    assertEquals(1, mix.sources().inputs().size());
    assertTrue(
        mix.sources().inputs().get(0).title().startsWith("Court-level reports"),
        mix.sources().inputs().get(0).title());
    assertEquals(CourtTable.values().length, measures.courtProfile().sources().inputs().size());
  }
}
