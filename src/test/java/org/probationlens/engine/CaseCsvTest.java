package org.probationlens.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tech.tablesaw.api.Table;

class CaseCsvTest {
  @TempDir Path dir;

  static final String GOOD_1 =
      "K00000001,CRC,C05,DCP,CO,2015-03-02,2016-03-01,12,10,100,true,COMPLETED,1.25";
  static final String GOOD_2 =
      "K00000002,NPS,N02,LDN,LIC,2014-06-01,2014-06-01,120,0,0,false,ONGOING,0.5";

  private Path write(String... lines) throws IOException {
    Path file = dir.resolve("cases.csv");
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void readsEveryColumnOfAValidFile() throws IOException {
    Table table = CaseCsv.read(write(CaseCsv.HEADER, GOOD_1, GOOD_2)).toTablesaw();
    assertEquals(List.of("K00000001", "K00000002"), table.stringColumn("case_id").asList());
    assertEquals(List.of("C05", "N02"), table.stringColumn("provider_code").asList());
    assertEquals("2015-03-02", table.dateColumn("start_date").get(0).toString());
    assertEquals("2014-06-01", table.dateColumn("end_date").get(1).toString());
    assertArrayEquals(new int[] {12, 120}, table.intColumn("sentence_months").asIntArray());
    assertArrayEquals(new int[] {10, 0}, table.intColumn("rar_days").asIntArray());
    assertEquals(List.of(true, false), table.booleanColumn("accredited_programme").asList());
    assertArrayEquals(new double[] {1.25, 0.5}, table.doubleColumn("weight").asDoubleArray(), 0);
  }

  @Test
  void dictionariesAreTheContractsCodes() throws IOException {
    ColumnTable table = CaseCsv.read(write(CaseCsv.HEADER, GOOD_1));
    assertEquals(List.of("CO", "SSO", "LIC", "PSS", "PRE"), table.categories("work_type"));
    assertEquals(42, table.categories("pcc_area").size());
  }

  @Test
  void parsesDecimalsExactlyAsJava() throws IOException {
    String[] weights = {"0", "0.1", "2.675", "123456789.012345", "0.30000000000000004", "7.000"};
    String[] lines = new String[weights.length + 1];
    lines[0] = CaseCsv.HEADER;
    for (int i = 0; i < weights.length; i++) {
      lines[i + 1] = GOOD_2.replace("K00000002", "K" + i).replace(",0.5", "," + weights[i]);
    }
    double[] read = CaseCsv.read(write(lines)).toTablesaw().doubleColumn("weight").asDoubleArray();
    for (int i = 0; i < weights.length; i++) {
      assertEquals(Double.parseDouble(weights[i]), read[i], 0, weights[i]);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // field, bad value, line, column number, column, expected
        "CRC|crc|3|2|provider_type|one of NPS, CRC",
        "C05|C22|3|3|provider_code|one of N01, N02, N03, N04, N05, N06, N07, C01, C02, C03, C04,"
            + " C05, C06, C07, C08, C09, C10, C11, C12, C13, C14, C15, C16, C17, C18, C19, C20,"
            + " C21",
        "C05|N05|3|3|provider_code|a CPA code C01..C21 for a CRC case, an NPS division N01..N07"
            + " for an NPS case",
        "2015-03-02|2015-02-30|3|6|start_date|a date yyyy-MM-dd in 2014-06-01..2020-12-31",
        "2015-03-02|2014-05-31|3|6|start_date|a date yyyy-MM-dd in 2014-06-01..2020-12-31",
        "2016-03-01|2015-03-01|3|7|end_date|a date on or after start_date",
        ",12,|,0,|3|8|sentence_months|an integer 1..120",
        ",12,|,x1,|3|8|sentence_months|an integer 1..120",
        ",100,|,39,|3|10|upw_hours|0 or 40..300 hours of unpaid work",
        "true|yes|3|11|accredited_programme|true or false",
        "1.25|-1|3|13|weight|a decimal number >= 0",
        ",COMPLETED,|,,|3|12|termination_reason|a value (required): one of COMPLETED,"
            + " REVOKED_BREACH, REVOKED_NEW_OFFENCE, OTHER, ONGOING",
      })
  void refusesABadValueNamingLineColumnValueAndExpectation(
      String good, String bad, long line, int columnNumber, String column, String expected)
      throws IOException {
    Path file = write(CaseCsv.HEADER, GOOD_2, GOOD_1.replace(good, bad));
    CaseCsvException e = assertThrows(CaseCsvException.class, () -> CaseCsv.read(file));
    String value = bad.replace(",", "");
    assertEquals(line, e.line());
    assertEquals(columnNumber, e.columnNumber());
    assertEquals(column, e.column());
    assertEquals(value, e.value());
    assertEquals(expected, e.expected());
    assertEquals(
        file
            + ": line "
            + line
            + ", column "
            + columnNumber
            + " ("
            + column
            + "): found \""
            + value
            + "\", expected "
            + expected,
        e.getMessage());
  }

  @Test
  void refusesRulesAcrossColumns() throws IOException {
    // PSS exists from 1 February 2015 only.
    CaseCsvException pss =
        assertThrows(
            CaseCsvException.class,
            () -> CaseCsv.read(write(CaseCsv.HEADER, GOOD_2.replace(",LIC,", ",PSS,"))));
    assertEquals(
        "a date on or after 2015-02-01 for post-sentence supervision (PSS)", pss.expected());
    assertEquals("start_date", pss.column());
    // RAR days on a licence.
    CaseCsvException rar =
        assertThrows(
            CaseCsvException.class,
            () -> CaseCsv.read(write(CaseCsv.HEADER, GOOD_1.replace(",CO,", ",LIC,"))));
    assertEquals("rar_days", rar.column());
    assertEquals("0 unless work_type is CO or SSO", rar.expected());
  }

  @Test
  void refusesARepeatedCaseIdAtItsSecondLine() throws IOException {
    Path file = write(CaseCsv.HEADER, GOOD_1, GOOD_2, GOOD_2.replace("K00000002", "K00000001"));
    CaseCsvException e = assertThrows(CaseCsvException.class, () -> CaseCsv.read(file));
    assertEquals(4, e.line());
    assertEquals("case_id", e.column());
    assertEquals("K00000001", e.value());
  }

  @Test
  void refusesWrongFieldCountsAndHeaders() throws IOException {
    CaseCsvException few =
        assertThrows(
            CaseCsvException.class,
            () -> CaseCsv.read(write(CaseCsv.HEADER, GOOD_1, "K9,CRC,C05")));
    assertEquals(
        dir.resolve("cases.csv")
            + ": line 3, column 4 (pcc_area): found \"3 fields\", expected 13 fields, as in the"
            + " header",
        few.getMessage());
    CaseCsvException many =
        assertThrows(
            CaseCsvException.class, () -> CaseCsv.read(write(CaseCsv.HEADER, GOOD_1 + ",x")));
    assertEquals("(extra field)", many.column());
    assertEquals(14, many.columnNumber());
    assertEquals("14 fields", many.value());
    CaseCsvException empty =
        assertThrows(CaseCsvException.class, () -> CaseCsv.read(write(CaseCsv.HEADER, "", GOOD_1)));
    assertEquals("an empty line", empty.value());
    assertEquals(2, empty.line());
    CaseCsvException header =
        assertThrows(
            CaseCsvException.class,
            () -> CaseCsv.read(write(CaseCsv.HEADER.replace("weight", "wt"), GOOD_1)));
    assertEquals(1, header.line());
  }
}
