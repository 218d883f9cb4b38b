package org.probationlens.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.area.Level;
import org.probationlens.period.FinancialYear;
import org.probationlens.period.ReportingPeriod;
import tech.tablesaw.api.Table;

/**
 * Recomputes the CPA shortfall tables with DuckDB SQL, straight from the CSV files, and compares
 * every cell with {@link VolumeVariance}: an independent implementation of the same definitions.
 * The data: the committed synthetic sample ({@code data/sample}, read by the validating loaders on
 * our side and by DuckDB's CSV reader on the other) and a seeded random set.
 */
class DuckDbCrossCheckTest {

  private static SampleData committed;
  private static SampleData random;

  @BeforeAll
  static void load(@TempDir Path dir) throws Exception {
    committed = SampleData.committed();
    random = SampleData.random(dir, 20_000, 7);
  }

  /**
   * The SQL: forecast per CPA for the period (each year's forecast times the share of its days the
   * period covers), CRC starts per CPA in the period, shortfalls, and a rank by weighted shortfall
   * (ties by code).
   */
  private static final String SQL =
      """
      WITH p AS (SELECT DATE '%1$s' AS s, DATE '%2$s' AS e),
      fy AS (
        SELECT f.*, make_date(CAST(substr(financial_year, 1, 4) AS INT), 4, 1) AS ys,
               make_date(CAST(substr(financial_year, 1, 4) AS INT) + 1, 3, 31) AS ye
        FROM read_csv('%3$s', header = true, all_varchar = true) f),
      fshare AS (
        SELECT cpa_code AS cpa,
               CAST(forecast_count AS DOUBLE) AS fc, CAST(forecast_weighted AS DOUBLE) AS fw,
               greatest(0, date_diff('day', greatest(ys, p.s), least(ye, p.e)) + 1)
                 / (date_diff('day', ys, ye) + 1.0) AS share
        FROM fy, p),
      f AS (SELECT cpa, sum(fc * share) AS fc, sum(fw * share) AS fw
            FROM fshare WHERE share > 0 GROUP BY cpa),
      a AS (
        SELECT provider_code AS cpa, count(*) AS ac, sum(CAST(weight AS DOUBLE)) AS aw
        FROM read_csv('%4$s', header = true, all_varchar = true), p
        WHERE provider_type = 'CRC' AND CAST(start_date AS DATE) BETWEEN p.s AND p.e
        GROUP BY provider_code),
      j AS (
        SELECT f.cpa, f.fc, coalesce(a.ac, 0) AS ac, f.fw, coalesce(a.aw, 0) AS aw
        FROM f LEFT JOIN a ON f.cpa = a.cpa)
      SELECT cpa, fc, ac, (fc - ac) / fc * 100 AS cp, fw, aw, (fw - aw) / fw * 100 AS wp,
             row_number() OVER (ORDER BY (fw - aw) / fw DESC, cpa) AS rank
      FROM j ORDER BY cpa
      """;

  private static void compare(SampleData sample, ReportingPeriod period) throws Exception {
    Table ours =
        VolumeVariance.of(sample.cases(), sample.forecast()).shortfall(Level.CPA, period).table();
    List<Object[]> theirs = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                String.format(
                    SQL,
                    period.start(),
                    period.end(),
                    sample.forecastCsv().toString().replace("'", "''"),
                    sample.casesCsv().toString().replace("'", "''")))) {
      while (rs.next()) {
        theirs.add(
            new Object[] {
              rs.getString(1),
              rs.getDouble(2),
              rs.getLong(3),
              rs.getDouble(4),
              rs.getDouble(5),
              rs.getDouble(6),
              rs.getDouble(7),
              rs.getLong(8)
            });
      }
    }
    assertEquals(theirs.size(), ours.rowCount(), "number of CPAs");
    for (int i = 0; i < theirs.size(); i++) {
      Object[] r = theirs.get(i);
      String at = period.label() + " row " + (i + 1) + " (" + r[0] + ")";
      assertEquals(r[0], ours.stringColumn("cpa").get(i), at);
      assertEquals((double) r[1], ours.doubleColumn("forecast_count").getDouble(i), 1e-6, at);
      assertEquals((long) r[2], ours.intColumn("actual_count").getInt(i), at);
      assertEquals((double) r[3], ours.doubleColumn("count_shortfall_pct").getDouble(i), 1e-9, at);
      assertEquals((double) r[4], ours.doubleColumn("forecast_weighted").getDouble(i), 1e-6, at);
      assertEquals((double) r[5], ours.doubleColumn("actual_weighted").getDouble(i), 1e-6, at);
      assertEquals(
          (double) r[6], ours.doubleColumn("weighted_shortfall_pct").getDouble(i), 1e-9, at);
      assertEquals((long) r[7], ours.intColumn("rank").getInt(i), at);
    }
  }

  @Test
  void committedSample2015To16MatchesDuckDb() throws Exception {
    compare(committed, ReportingPeriod.of(FinancialYear.of(2015)));
  }

  @Test
  void committedSampleQ1Of2017To18MatchesDuckDb() throws Exception {
    compare(committed, ReportingPeriod.financialQuarter(FinancialYear.of(2017), 1));
  }

  @Test
  void committedSampleEveryYearMatchesDuckDb() throws Exception {
    for (int year = 2014; year <= 2020; year++) {
      compare(committed, ReportingPeriod.of(FinancialYear.of(year)));
    }
  }

  @Test
  void randomSetMatchesDuckDb() throws Exception {
    // A second, differently shaped set: every CPA forecast independently of its cases.
    compare(random, ReportingPeriod.of(FinancialYear.of(2016)));
    compare(random, ReportingPeriod.of(org.threeten.extra.YearQuarter.of(2019, 4)));
  }
}
