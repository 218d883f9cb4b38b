package org.probationlens.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.engine.CaseCsv;
import org.probationlens.engine.CaseFixtures;
import org.probationlens.engine.ColumnTable;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Parquet in and out of the engine. The independent side is DuckDB: it reads the Parquet we write
 * and compares every row with its own reading of the CSV, and it writes Parquet (typed, and all
 * text) that we read back.
 */
class CaseParquetTest {
  @TempDir Path dir;

  private static final Path SAMPLE =
      Path.of(System.getProperty("lens.projectDir", "."), "data/sample/cases.csv");

  @Test
  void roundTripKeepsEveryValueOfEveryColumn() throws IOException {
    Path csv = CaseFixtures.writeCases(dir.resolve("cases.csv"), 5_000, 7);
    ColumnTable cases = CaseCsv.read(csv);
    Path parquet = dir.resolve("cases.parquet");
    CaseParquet.write(cases, parquet);
    assertSameValues(cases, CaseParquet.read(parquet));
    // and again from the written file: the format is stable under a second trip
    Path again = dir.resolve("again.parquet");
    CaseParquet.write(CaseParquet.read(parquet), again);
    assertSameValues(cases, CaseParquet.read(again));
  }

  @Test
  void duckDbReadsOurParquetAsTheSameRowsAsTheCsv() throws Exception {
    Path parquet = dir.resolve("sample.parquet");
    CaseParquet.write(CaseCsv.read(SAMPLE), parquet);
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement()) {
      String p = "read_parquet('" + parquet + "')";
      String c = "read_csv('" + SAMPLE + "', header = true)";
      assertEquals(10_000L, one(st, "SELECT count(*) FROM " + p));
      assertEquals(
          0L,
          one(
              st,
              "SELECT count(*) FROM (SELECT * FROM " + p + " EXCEPT ALL SELECT * FROM " + c + ")"));
      assertEquals(
          0L,
          one(
              st,
              "SELECT count(*) FROM (SELECT * FROM " + c + " EXCEPT ALL SELECT * FROM " + p + ")"));
      // typed as the contract's columns, not as text
      try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + p)) {
        List<String> types = new ArrayList<>();
        while (rs.next()) {
          types.add(rs.getString("column_name") + ":" + rs.getString("column_type"));
        }
        assertTrue(types.contains("start_date:DATE"), types.toString());
        assertTrue(types.contains("weight:DOUBLE"), types.toString());
        assertTrue(types.contains("accredited_programme:BOOLEAN"), types.toString());
      }
    }
  }

  @Test
  void readsParquetThatDuckDbWrote() throws Exception {
    Path typed = dir.resolve("typed.parquet");
    Path text = dir.resolve("text.parquet");
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement()) {
      st.execute(
          "COPY (SELECT * FROM read_csv('" + SAMPLE + "', header = true)) TO '" + typed + "'");
      st.execute(
          "COPY (SELECT * FROM read_csv('"
              + SAMPLE
              + "', header = true, all_varchar = true)) TO '"
              + text
              + "' (COMPRESSION zstd)");
    }
    ColumnTable fromCsv = CaseCsv.read(SAMPLE);
    assertSameValues(fromCsv, CaseParquet.read(typed));
    assertSameValues(fromCsv, CaseParquet.read(text));
  }

  @Test
  void refusesWhatTheCsvPathRefusesWithTheSameProblems() throws Exception {
    List<String> lines = Files.readAllLines(SAMPLE).subList(0, 6);
    List<String[]> edits =
        List.of(
            new String[] {",CRC,", ",crc,"}, // a code not in the contract
            new String[] {",2014-06-01,", ",2014-05-31,"}, // a start before the data begins
            new String[] {",1.80", ",-1"}, // a negative weight
            new String[] {",COMPLETED,", ",,"}, // a required value missing (a null in Parquet)
            new String[] {",LIC,", ",PSS,"}); // PSS before 1 February 2015 (a rule)
    for (String[] edit : edits) {
      List<String> bad = new ArrayList<>(lines);
      bad.set(1, bad.get(1).replace(edit[0], edit[1]));
      Path csv = dir.resolve("bad.csv");
      Files.write(csv, (String.join("\n", bad) + "\n").getBytes());
      Path parquet = dir.resolve("bad.parquet");
      try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
          Statement st = db.createStatement()) {
        st.execute(
            "COPY (SELECT * FROM read_csv('"
                + csv
                + "', header = true, all_varchar = true)) TO '"
                + parquet
                + "'");
      }
      DatasetValidationException fromCsv =
          assertThrows(DatasetValidationException.class, () -> CaseCsv.read(csv));
      DatasetValidationException fromParquet =
          assertThrows(DatasetValidationException.class, () -> CaseParquet.read(parquet));
      assertEquals(located(fromCsv), located(fromParquet), String.join(" -> ", edit));
      // the message names the user's Parquet file, not the temporary CSV it was checked as
      assertTrue(fromParquet.file().startsWith(parquet.toString() + " (checked as CSV text"));
      for (Problem p : fromParquet.problems()) {
        assertEquals(fromParquet.file(), p.file());
      }
      assertTrue(fromParquet.getMessage().startsWith(parquet.toString()));
      assertTrue(!fromParquet.getMessage().contains("lens-cases-"), fromParquet.getMessage());
    }
  }

  @Test
  void eachParquetTypeIsWrittenAsTheContractsText() throws Exception {
    // DuckDB writes one column of each type the case table may arrive in; the text expected is
    // worked out by hand from the contract's rules (CaseParquet.text and decimal): whole numbers
    // as Java prints them, decimals in plain notation (an integer value with ".0", a float widened
    // to double first), dates yyyy-MM-dd, a null as an empty cell, text quoted only when it holds
    // a comma, quote or line end, and UTF-8 as it is
    Path parquet = dir.resolve("types.parquet");
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement()) {
      st.execute(
          "COPY (SELECT * FROM (VALUES"
              + " (1::BIGINT, -2::INTEGER, 1.5::FLOAT, 0.1::DOUBLE, true, DATE '2015-04-01',"
              + " 'plain'),"
              + " (-9223372036854775807::BIGINT, 2147483647::INTEGER, -0.0::FLOAT, 1e20::DOUBLE,"
              + " false, DATE '1900-01-01', 'a,b'),"
              + " (NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
              + " (0::BIGINT, 0::INTEGER, 3.0::FLOAT, 123456789.125::DOUBLE, true,"
              + " DATE '9999-12-31', 'say \"hi\"'),"
              + " (42::BIGINT, -1::INTEGER, 1e-7::FLOAT, 2.0::DOUBLE, false, DATE '2016-02-29',"
              + " 'Ysgol Gymraeg \u00e9'),"
              + " (7::BIGINT, 7::INTEGER, 2.5::FLOAT, 2.5::DOUBLE, true, DATE '2015-04-01',"
              + " 'x' || chr(9) || 'y')"
              + ") t(a, b, c, d, e, f, g)) TO '"
              + parquet
              + "'");
    }
    Path csv = dir.resolve("types.csv");
    CaseParquet.toCsv(parquet, csv);
    assertEquals(
        String.join(
            "\n",
            "a,b,c,d,e,f,g",
            "1,-2,1.5,0.1,true,2015-04-01,plain",
            "-9223372036854775807,2147483647,0.0,100000000000000000000,false,1900-01-01,\"a,b\"",
            ",,,,,,",
            "0,0,3.0,123456789.125,true,9999-12-31,\"say \"\"hi\"\"\"",
            "42,-1,0.00000010000000116860974,2.0,false,2016-02-29,Ysgol Gymraeg \u00e9",
            "7,7,2.5,2.5,true,2015-04-01,x\ty",
            ""),
        Files.readString(csv, java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void refusesAFileThatIsNotParquet() {
    assertThrows(java.io.UncheckedIOException.class, () -> CaseParquet.read(SAMPLE));
  }

  /** Every problem without its file name: line, column, value and what was expected. */
  private static List<String> located(DatasetValidationException e) {
    List<String> out = new ArrayList<>();
    for (Problem p : e.problems()) {
      out.add(
          p.line()
              + "|"
              + p.columnNumber()
              + "|"
              + p.column()
              + "|"
              + p.value()
              + "|"
              + p.expected());
    }
    assertTrue(!out.isEmpty());
    return out;
  }

  private static long one(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void assertSameValues(ColumnTable expected, ColumnTable actual) {
    assertEquals(expected.columnNames(), actual.columnNames());
    Table e = expected.toTablesaw();
    Table a = actual.toTablesaw();
    assertEquals(e.rowCount(), a.rowCount());
    for (Column<?> column : e.columns()) {
      assertEquals(column.asList(), a.column(column.name()).asList(), column.name());
    }
  }
}
