package org.probationlens.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.area.Geography;
import org.probationlens.area.Level;
import org.probationlens.innovation.AccreditedProgrammes;
import org.probationlens.period.FinancialYear;
import org.probationlens.period.ReportingPeriod;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The analyses fed with actual volumes counted elsewhere: DuckDB answers each {@link
 * CrcStarts.Query} with its own SQL over the same CSV, and every result must equal the one the
 * engine path gives (DuckDB sums in another order, so sums agree to 1e-9 relative, counts exactly).
 */
class CrcStartsTest {
  private static final ReportingPeriod FY1415 = ReportingPeriod.of(FinancialYear.parse("2014-15"));
  private static final ReportingPeriod FY1516 = ReportingPeriod.of(FinancialYear.parse("2015-16"));

  @Test
  void shortfallsFromDuckDbCountsEqualTheEnginesAtEveryLevel(@TempDir Path dir) throws Exception {
    SampleData sample = SampleData.random(dir, 20_000, 11);
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      CrcStarts duck = query -> duckCount(db, sample.casesCsv(), query);
      VolumeVariance engine = VolumeVariance.of(sample.cases(), sample.forecast());
      VolumeVariance counted = VolumeVariance.of(duck, sample.forecast());
      for (Level level : Level.values()) {
        // Northamptonshire's NPS division is not settled in the standard geography: assume one
        Geography geo = Geography.standard().assumingNpsDivision("NTS", "N04");
        VolumeVariance e = engine.withGeography(geo).apportioningForecastBy(FY1415);
        VolumeVariance c = counted.withGeography(geo).apportioningForecastBy(FY1415);
        assertSameTable(e.shortfall(level, FY1516).table(), c.shortfall(level, FY1516).table());
        assertSameTable(
            e.shortfallByWorkType(level, FY1516).table(),
            c.shortfallByWorkType(level, FY1516).table());
        assertSameTable(e.mixEffect(level, FY1516).table(), c.mixEffect(level, FY1516).table());
      }
      LocalDate asOf = LocalDate.of(2019, 3, 31);
      assertSameTable(
          engine.withOwnersAsOf(asOf).shortfall(Level.OWNER, FY1516).table(),
          counted.withOwnersAsOf(asOf).shortfall(Level.OWNER, FY1516).table());
    }
  }

  @Test
  void aUnitCountedTwiceIsRefused() {
    CrcStarts twice =
        q ->
            List.of(
                new CrcStarts.Sums("C01", "CO", 1, 1.0), new CrcStarts.Sums("C01", "CO", 2, 2.0));
    SampleData sample = SampleData.committed();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> VolumeVariance.of(twice, sample.forecast()).shortfall(Level.CPA, FY1516));
    assertEquals("CRC starts counted twice for C01/CO", e.getMessage());
  }

  @Test
  void accreditedShareFromDailyCountsEqualsTheCaseLevelShare() throws Exception {
    SampleData sample = SampleData.committed();
    Table daily =
        Table.create(
            "daily",
            DateColumn.create("start_date"),
            StringColumn.create("provider_type"),
            IntColumn.create("orders"),
            IntColumn.create("programme_starts"));
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        ResultSet rs =
            db.createStatement()
                .executeQuery(
                    "SELECT start_date, provider_type, count(*) AS orders,"
                        + " sum(CASE WHEN accredited_programme THEN 1 ELSE 0 END) AS starts"
                        + " FROM read_csv('"
                        + sample.casesCsv()
                        + "', header = true) WHERE work_type IN ('CO', 'SSO')"
                        + " GROUP BY ALL")) {
      while (rs.next()) {
        daily.dateColumn(0).append(rs.getObject(1, LocalDate.class));
        daily.stringColumn(1).append(rs.getString(2));
        daily.intColumn(2).append(rs.getInt(3));
        daily.intColumn(3).append(rs.getInt(4));
      }
    }
    assertSameTable(
        AccreditedProgrammes.shareByQuarter(sample.cases()),
        AccreditedProgrammes.shareByQuarterFromDailyCounts(daily));
  }

  private static List<CrcStarts.Sums> duckCount(Connection db, Path csv, CrcStarts.Query q) {
    String sql =
        "SELECT "
            + q.unitColumn()
            + ", work_type, count(*), sum(weight) FROM read_csv('"
            + csv
            + "', header = true) WHERE provider_type = ? AND start_date BETWEEN ? AND ?"
            + " GROUP BY ALL";
    List<CrcStarts.Sums> out = new ArrayList<>();
    try (PreparedStatement st = db.prepareStatement(sql)) {
      st.setString(1, CrcStarts.Query.PROVIDER_TYPE);
      st.setObject(2, q.firstStart());
      st.setObject(3, q.lastStart());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(
              new CrcStarts.Sums(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4)));
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  static void assertSameTable(Table expected, Table actual) {
    assertEquals(expected.columnNames(), actual.columnNames());
    assertEquals(expected.rowCount(), actual.rowCount(), expected.name());
    for (int c = 0; c < expected.columnCount(); c++) {
      for (int r = 0; r < expected.rowCount(); r++) {
        Object e = expected.column(c).get(r);
        Object a = actual.column(c).get(r);
        if (e instanceof Double x && a instanceof Double y) {
          assertEquals(
              x, y, 1e-9 * Math.max(1, Math.abs(x)), expected.column(c).name() + " row " + r);
        } else {
          assertEquals(e, a, expected.column(c).name() + " row " + r);
        }
      }
    }
  }
}
