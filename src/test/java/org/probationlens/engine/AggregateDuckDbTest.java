package org.probationlens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Every aggregate of the engine, cell by cell, against DuckDB (JDBC, test scope) over the same
 * generated file. DuckDB's {@code quantile_cont} interpolates linearly between the closest ranks,
 * as the engine does, so quantiles, counts, minima and maxima must match exactly; sums and means of
 * decimals may differ in the last bits (DuckDB adds in its own order), so they match to 1e-12
 * relative.
 */
class AggregateDuckDbTest {
  @TempDir static Path dir;
  static Path file;
  static ColumnTable cases;

  static final String DUCK_CASES =
      "(SELECT *, end_date - start_date AS duration_days, "
          + "CAST(year(start_date) AS VARCHAR) || '-Q' || CAST(quarter(start_date) AS VARCHAR)"
          + " AS quarter FROM read_csv('%s', header = true, columns = {"
          + "'case_id': 'VARCHAR', 'provider_type': 'VARCHAR', 'provider_code': 'VARCHAR',"
          + " 'pcc_area': 'VARCHAR', 'work_type': 'VARCHAR', 'start_date': 'DATE',"
          + " 'end_date': 'DATE', 'sentence_months': 'INTEGER', 'rar_days': 'INTEGER',"
          + " 'upw_hours': 'INTEGER', 'accredited_programme': 'BOOLEAN',"
          + " 'termination_reason': 'VARCHAR', 'weight': 'DOUBLE'}))";

  @BeforeAll
  static void generate() {
    file = CaseFixtures.writeCases(dir.resolve("cases.csv"), 30_000, 20150201L);
    cases =
        CaseCsv.read(file)
            .withQuarter("quarter", "start_date")
            .withDaysBetween("duration_days", "start_date", "end_date");
  }

  @Test
  void everyMeasureByAreaWorkTypeQuarterWithFiltersMatchesDuckDb() throws SQLException {
    Table engine =
        Aggregate.of(cases)
            .where(Filter.equalTo("provider_type", "CRC"))
            .where(
                Filter.between("start_date", LocalDate.of(2015, 4, 1), LocalDate.of(2019, 3, 31)))
            .by("pcc_area", "work_type", "quarter")
            .count()
            .sum("weight")
            .weightedSum("rar_days", "weight")
            .mean("duration_days")
            .min("duration_days")
            .max("weight")
            .median("duration_days")
            .quantile("duration_days", 0.9)
            .quantile("weight", 0.25)
            .distinctCount("provider_code")
            .distinctCount("sentence_months")
            .run();
    List<List<Object>> duck =
        duck(
            "SELECT pcc_area, work_type, quarter, count(*), sum(weight), sum(rar_days * weight),"
                + " avg(duration_days), min(duration_days), max(weight),"
                + " quantile_cont(duration_days, 0.5), quantile_cont(duration_days, 0.9),"
                + " quantile_cont(weight, 0.25), count(DISTINCT provider_code),"
                + " count(DISTINCT sentence_months) FROM "
                + DUCK_CASES
                + " WHERE provider_type = 'CRC' AND start_date BETWEEN DATE '2015-04-01' AND"
                + " DATE '2019-03-31' GROUP BY ALL ORDER BY pcc_area, work_type, quarter");
    assertSameCells(duck, engine);
    assertTrue(engine.rowCount() > 1000, "many groups: " + engine.rowCount());
  }

  @Test
  void unfilteredSingleKeyMatchesDuckDb() throws SQLException {
    Table engine =
        Aggregate.of(cases)
            .by("termination_reason")
            .count()
            .sum("upw_hours")
            .mean("weight")
            .min("sentence_months")
            .max("sentence_months")
            .median("weight")
            .quantile("rar_days", 0.99)
            .distinctCount("pcc_area")
            .distinctCount("accredited_programme")
            .run();
    List<List<Object>> duck =
        duck(
            "SELECT termination_reason, count(*), sum(upw_hours), avg(weight),"
                + " min(sentence_months), max(sentence_months), quantile_cont(weight, 0.5),"
                + " quantile_cont(rar_days, 0.99), count(DISTINCT pcc_area),"
                + " count(DISTINCT accredited_programme) FROM "
                + DUCK_CASES
                + " GROUP BY ALL ORDER BY termination_reason");
    assertSameCells(duck, engine);
  }

  @Test
  void noKeyIsOneGroupAndInFilterMatchesDuckDb() throws SQLException {
    Table engine =
        Aggregate.of(cases)
            .where(Filter.in("work_type", "CO", "SSO"))
            .where(Filter.between("sentence_months", 12, 24))
            .where(Filter.between("duration_days", 30, 2000))
            .count()
            .sum("weight")
            .median("duration_days")
            .quantile("duration_days", 0.9)
            .distinctCount("start_date")
            .run();
    List<List<Object>> duck =
        duck(
            "SELECT count(*), sum(weight), quantile_cont(duration_days, 0.5),"
                + " quantile_cont(duration_days, 0.9), count(DISTINCT start_date) FROM "
                + DUCK_CASES
                + " WHERE work_type IN ('CO', 'SSO') AND sentence_months BETWEEN 12 AND 24"
                + " AND duration_days BETWEEN 30 AND 2000");
    assertSameCells(duck, engine);
  }

  /**
   * Cases stored in start-date order, as the generator and most extracts store them: a period
   * filter then keeps some blocks whole and rejects others whole by the date column's zone map,
   * without reading their rows. Dense keys with sums only (no row ids kept), with quantiles (row
   * ids kept for gathering) and sparse keys (ids found before the pass) must all still match
   * DuckDB.
   */
  @Test
  void periodFiltersOverDateOrderedCasesMatchDuckDb() throws Exception {
    List<String> lines = java.nio.file.Files.readAllLines(file);
    List<String> body = new ArrayList<>(lines.subList(1, lines.size()));
    body.sort(java.util.Comparator.comparing(line -> line.split(",")[5]));
    Path sortedFile = dir.resolve("cases-by-start.csv");
    List<String> sortedLines = new ArrayList<>();
    sortedLines.add(lines.get(0));
    sortedLines.addAll(body);
    java.nio.file.Files.write(sortedFile, sortedLines);
    ColumnTable sorted =
        CaseCsv.read(sortedFile)
            .withQuarter("quarter", "start_date")
            .withDaysBetween("duration_days", "start_date", "end_date");
    LocalDate from = LocalDate.of(2015, 4, 1);
    LocalDate to = LocalDate.of(2016, 3, 31);
    Filter period = Filter.between("start_date", from, to);
    // The zone map must decide whole blocks both ways here, or this test would not test it.
    Filter.Compiled compiled = Filter.compileAll(List.of(period), sorted).get(0);
    List<Integer> verdicts = new ArrayList<>();
    for (int b = 0; b < sorted.rowCount(); b += 4096) {
      verdicts.add(compiled.verdict(b, Math.min(sorted.rowCount(), b + 4096)));
    }
    assertTrue(verdicts.contains(Filter.KEEPS_NONE), "some blocks rejected whole: " + verdicts);
    assertTrue(verdicts.contains(Filter.KEEPS_ALL), "some blocks kept whole: " + verdicts);
    assertTrue(verdicts.contains(Filter.KEEPS_SOME), "some blocks read: " + verdicts);
    String where =
        " WHERE provider_type = 'CRC' AND start_date BETWEEN DATE '2015-04-01' AND"
            + " DATE '2016-03-31'";
    for (int threads : new int[] {1, 2}) {
      assertSameCells(
          duck(
              "SELECT pcc_area, work_type, count(*), sum(weight), sum(upw_hours) FROM "
                  + DUCK_CASES
                  + where
                  + " GROUP BY ALL ORDER BY pcc_area, work_type"),
          Aggregate.of(sorted)
              .where(Filter.equalTo("provider_type", "CRC"))
              .where(period)
              .by("pcc_area", "work_type")
              .count()
              .sum("weight")
              .sum("upw_hours")
              .threads(threads)
              .run());
      assertSameCells(
          duck(
              "SELECT work_type, quarter, count(*), quantile_cont(duration_days, 0.5),"
                  + " count(DISTINCT pcc_area) FROM "
                  + DUCK_CASES
                  + where
                  + " GROUP BY ALL ORDER BY work_type, quarter"),
          Aggregate.of(sorted)
              .where(period)
              .where(Filter.equalTo("provider_type", "CRC"))
              .by("work_type", "quarter")
              .count()
              .median("duration_days")
              .distinctCount("pcc_area")
              .threads(threads)
              .run());
      Table sparse =
          Aggregate.of(sorted)
              .where(Filter.equalTo("provider_type", "CRC"))
              .where(period)
              .by("pcc_area", "provider_code", "work_type", "quarter", "termination_reason")
              .count()
              .sum("weight")
              .median("duration_days")
              .threads(threads)
              .run();
      assertSameCells(
          duck(
              "SELECT pcc_area, provider_code, work_type, quarter, termination_reason, count(*),"
                  + " sum(weight), quantile_cont(duration_days, 0.5) FROM "
                  + DUCK_CASES
                  + where
                  + " GROUP BY ALL ORDER BY pcc_area, provider_code, work_type, quarter,"
                  + " termination_reason"),
          sparse);
    }
  }

  private static List<List<Object>> duck(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql.replace("%s", file.toString()))) {
      ResultSetMetaData meta = rs.getMetaData();
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
          row.add(rs.getObject(c));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  /**
   * Compares every cell: text, whole numbers, quantiles, minima and maxima exactly; sums and means
   * to 1e-12 relative.
   */
  static void assertSameCells(List<List<Object>> expected, Table actual) {
    assertEquals(expected.size(), actual.rowCount(), "row count");
    for (int r = 0; r < expected.size(); r++) {
      List<Object> row = expected.get(r);
      assertEquals(row.size(), actual.columnCount(), "column count");
      for (int c = 0; c < row.size(); c++) {
        Object want = row.get(c);
        Object got = actual.column(c).get(r);
        String where = "row " + r + ", column " + actual.column(c).name();
        if (want instanceof String) {
          assertEquals(want, got, where);
        } else if (want instanceof Long || want instanceof Integer) {
          assertEquals(((Number) want).doubleValue(), ((Number) got).doubleValue(), 0, where);
        } else if (actual.column(c).name().startsWith("p")
            || actual.column(c).name().startsWith("median")
            || actual.column(c).name().startsWith("min")
            || actual.column(c).name().startsWith("max")) {
          assertEquals(((Number) want).doubleValue(), ((Number) got).doubleValue(), 0, where);
        } else {
          double w = ((Number) want).doubleValue();
          double g = ((Number) got).doubleValue();
          assertEquals(w, g, Math.abs(w) * 1e-12, where);
        }
      }
    }
  }
}
