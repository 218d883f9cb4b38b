package org.probationlens.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.probationlens.data.CaseRecords;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import tech.tablesaw.api.Table;

class CaseCsvTest {
  @TempDir Path dir;

  static final String GOOD_1 =
      "K00000001,CRC,C05,YSW,CO,2015-03-02,2016-03-01,12,10,100,true,COMPLETED,1.25";
  static final String GOOD_2 =
      "K00000002,NPS,N02,LDN,LIC,2014-06-01,2014-06-01,120,0,0,false,COMPLETED,0.5";

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
  void readsALastLineWithoutLineFeed() throws IOException {
    Path file = dir.resolve("cases.csv");
    Files.writeString(file, CaseCsv.HEADER + "\n" + GOOD_1 + "\n" + GOOD_2);
    ColumnTable table = CaseCsv.readFast(file, 1);
    assertEquals(2, table.rowCount());
    assertEquals(
        List.of("K00000001", "K00000002"), table.toTablesaw().stringColumn("case_id").asList());
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

  /**
   * Reads a malformed file both ways: the public result must be the validating loader's own
   * exception with the same problem list as {@link CaseRecords#load}, and the fast reader's own
   * refusal must locate the first of those problems exactly (same line, column, value and
   * expectation), which shows it checks as strictly as the loader rather than merely deferring.
   */
  static Problem assertSameProblemsBothWays(Path file) {
    return assertSameProblemsBothWays(file, true);
  }

  static Problem assertSameProblemsBothWays(Path file, boolean compareRefusal) {
    DatasetValidationException normal =
        assertThrows(
            DatasetValidationException.class,
            () -> CaseRecords.load(file, Provenance.Kind.SYNTHETIC));
    DatasetValidationException fast =
        assertThrows(DatasetValidationException.class, () -> CaseCsv.read(file));
    assertEquals(normal.problems(), fast.problems());
    assertEquals(normal.getMessage(), fast.getMessage());
    Refusal refusal = assertThrows(Refusal.class, () -> CaseCsv.readFast(file, 2));
    Problem first = normal.problems().get(0);
    if (!compareRefusal) {
      return first;
    }
    assertEquals(
        List.of(first.line(), first.columnNumber(), String.valueOf(first.column()), first.value()),
        List.of(
            refusal.line(),
            refusal.columnNumber(),
            String.valueOf(refusal.column()),
            refusal.value()));
    assertEquals(first.expected(), refusal.expected());
    return first;
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
  void refusesABadValueAsTheValidatingLoaderDoes(
      String good, String bad, long line, int columnNumber, String column, String expected)
      throws IOException {
    Path file = write(CaseCsv.HEADER, GOOD_2, GOOD_1.replace(good, bad));
    Problem first = assertSameProblemsBothWays(file);
    // And the expectation is the one the dataset contract gives, written out here.
    assertEquals(line, first.line());
    assertEquals(columnNumber, first.columnNumber());
    assertEquals(column, first.column());
    assertEquals(bad.replace(",", ""), first.value());
    assertEquals(expected, first.expected());
  }

  @Test
  void refusesRulesAcrossColumnsAsTheLoaderDoes() throws IOException {
    // PSS exists from 1 February 2015 only.
    Problem pss =
        assertSameProblemsBothWays(write(CaseCsv.HEADER, GOOD_2.replace(",LIC,", ",PSS,")));
    assertEquals(
        "a date on or after 2015-02-01 for post-sentence supervision (PSS)", pss.expected());
    // RAR days and unpaid work on a licence.
    Problem rar =
        assertSameProblemsBothWays(write(CaseCsv.HEADER, GOOD_1.replace(",CO,", ",LIC,")));
    assertEquals("rar_days", rar.column());
    assertEquals("0 unless work_type is CO or SSO", rar.expected());
    // RAR before the Offender Rehabilitation Act 2014 commenced.
    Problem early =
        assertSameProblemsBothWays(
            write(CaseCsv.HEADER, GOOD_1.replace("2015-03-02", "2015-01-31")));
    assertEquals("rar_days", early.column());
  }

  @Test
  void refusesARepeatedCaseIdAsTheLoaderDoes() throws IOException {
    Problem dup =
        assertSameProblemsBothWays(
            write(CaseCsv.HEADER, GOOD_1, GOOD_2, GOOD_2.replace("K00000002", "K00000001")));
    assertEquals(4, dup.line());
    assertEquals("case_id", dup.column());
  }

  @Test
  void findsTheFirstRepeatedCaseIdAcrossSegmentsWithAnyThreadCount() throws IOException {
    // 400,000 lines of 73 bytes: three 8 MiB segments and a part. Line 2 + i holds case i;
    // case 250,000 repeats case 10 (line 12) and, earlier in the file, case 200,000 repeats
    // case 150,000 (line 150,002): the earlier repeat, at line 200,002, is the one reported.
    int rows = 400_000;
    StringBuilder text = new StringBuilder(CaseCsv.HEADER).append('\n');
    for (int i = 0; i < rows; i++) {
      int id = i == 250_000 ? 10 : i == 200_000 ? 150_000 : i;
      text.append(GOOD_2.replace("K00000002", String.format("K%08d", id))).append('\n');
    }
    Path file = dir.resolve("cases.csv");
    Files.writeString(file, text, StandardCharsets.US_ASCII);
    assertTrue(Files.size(file) > 3L * (8 << 20), "the file spans four segments");
    for (int threads : new int[] {1, 2, 3}) {
      Refusal refusal = assertThrows(Refusal.class, () -> CaseCsv.readFast(file, threads));
      assertEquals(200_002, refusal.problem().line(), threads + " threads");
      assertEquals("K00150000", refusal.problem().value());
      assertEquals("a unique case_id; line 150002 has the same", refusal.problem().expected());
    }
  }

  @Test
  void anIdentifierEqualToTheOneBeforeItIsARepeat() throws IOException {
    // ascending but for one pair of equal neighbours: not strictly ascending, so checked
    Problem dup =
        assertSameProblemsBothWays(
            write(
                CaseCsv.HEADER, GOOD_1, GOOD_2, GOOD_2, GOOD_2.replace("K00000002", "K00000003")));
    assertEquals(4, dup.line());
    assertEquals("a unique case_id; line 3 has the same", dup.expected());
  }

  @Test
  void identifiersInAnyOrderReadWhenAllDiffer() throws IOException {
    // descending, and "K1" before its extension "K10": no order is needed, only distinct values
    List<String> ids = List.of("K9", "K10", "K1", "K\u00e9", "Ka");
    String[] lines = new String[ids.size() + 1];
    lines[0] = CaseCsv.HEADER;
    for (int i = 0; i < ids.size(); i++) {
      lines[i + 1] = GOOD_2.replace("K00000002", ids.get(i));
    }
    Path file = write(lines);
    for (int threads : new int[] {1, 2}) {
      assertEquals(ids, CaseCsv.read(file, threads).toTablesaw().stringColumn("case_id").asList());
    }
  }

  @Test
  void identifiersAscendingWithinEachSegmentAreStillComparedWhereSegmentsMeet() throws IOException {
    // Lines of 76 bytes; the first segment ends at the first line end at or past 8 MiB into the
    // body: line feed of row i at 76 i + 75 >= 8,388,608 first for i = 110,376, so the second
    // segment opens with row 110,377. Its identifiers start again from K00000000: each segment
    // ascends, and row 110,377 (line 110,379) repeats row 0 (line 2).
    int rows = 300_000;
    int secondStarts = 110_377;
    StringBuilder text = new StringBuilder(CaseCsv.HEADER).append('\n');
    for (int i = 0; i < rows; i++) {
      int id = i < secondStarts ? i : i - secondStarts;
      String line = GOOD_2.replace("K00000002", String.format("K%08d", id));
      assertEquals(75, line.length());
      text.append(line).append('\n');
    }
    Path file = dir.resolve("cases.csv");
    Files.writeString(file, text, StandardCharsets.US_ASCII);
    Problem dup = assertSameProblemsBothWays(file);
    assertEquals(secondStarts + 2, dup.line());
    assertEquals("K00000000", dup.value());
    assertEquals("a unique case_id; line 2 has the same", dup.expected());
    for (int threads : new int[] {1, 3}) {
      Refusal refusal = assertThrows(Refusal.class, () -> CaseCsv.readFast(file, threads));
      assertEquals(secondStarts + 2, refusal.problem().line(), threads + " threads");
    }
  }

  /**
   * 300,000 rows in which each 8 MiB segment opens with 100 lines of 216 bytes (150-character
   * identifiers) before going on with lines of 73: a segment sizes its arrays from its first lines,
   * so here they must grow about threefold. {@code bad} rows (0-based) get a sentence of 0 months.
   */
  private Path segmentsOfChangingLineLength(int... bad) throws IOException {
    int rows = 300_000;
    StringBuilder text = new StringBuilder(CaseCsv.HEADER).append('\n');
    long bodyStart = text.length();
    long boundary = bodyStart + (8 << 20);
    int longLeft = 100;
    for (int i = 0; i < rows; i++) {
      if (text.length() > boundary) {
        // the previous line holds the boundary: a segment starts here
        boundary = text.length() + (8L << 20);
        longLeft = 100;
      }
      String id = longLeft-- > 0 ? String.format("L%0149d", i) : String.format("K%08d", i);
      String line = GOOD_2.replace("K00000002", id);
      int row = i;
      if (java.util.Arrays.stream(bad).anyMatch(b -> b == row)) {
        line = line.replace(",120,", ",0,");
      }
      text.append(line).append('\n');
    }
    Path file = dir.resolve("cases.csv");
    Files.writeString(file, text, StandardCharsets.US_ASCII);
    assertTrue(Files.size(file) > 2L * (8 << 20), "the file spans three segments");
    return file;
  }

  @Test
  void segmentsWhoseLinesChangeLengthReadAsTheLoaderReadsThem() throws IOException {
    Path file = segmentsOfChangingLineLength();
    Table loaded = CaseRecords.load(file, Provenance.Kind.SYNTHETIC).table();
    assertEquals(300_000, loaded.rowCount());
    for (int threads : new int[] {1, 2, 3}) {
      Table fast = CaseCsv.readFast(file, threads).toTablesaw();
      for (String name : loaded.columnNames()) {
        assertEquals(loaded.column(name).asList(), fast.column(name).asList(), name);
      }
    }
  }

  @Test
  void aProblemInALaterSegmentIsLocatedAtItsLineInTheFile() throws IOException {
    // rows 250,000 (third segment) and 150,000 (second) are bad: the earlier, at line 150,002
    Path file = segmentsOfChangingLineLength(250_000, 150_000);
    Problem first = assertSameProblemsBothWays(file);
    assertEquals(150_002, first.line());
    assertEquals("sentence_months", first.column());
    for (int threads : new int[] {1, 2, 3}) {
      Refusal refusal = assertThrows(Refusal.class, () -> CaseCsv.readFast(file, threads));
      assertEquals(150_002, refusal.line(), threads + " threads");
    }
  }

  @ParameterizedTest
  @CsvSource({"3000, 4000, 3002, start_date", "4000, 3000, 3002, sentence_months"})
  void rulesCheckedByBlocksStillReportTheEarliestProblem(
      int ruleRow, int fieldRow, long line, String column) throws IOException {
    // rules are checked 2,048 rows at a time after the rows are read: a row breaking one (a PSS
    // case starting before PSS existed) and a later or earlier unreadable row (a sentence of 0
    // months) in the same segment; the earlier of the two is reported, as the loader reports it
    String[] lines = new String[5001];
    lines[0] = CaseCsv.HEADER;
    for (int i = 0; i < 5000; i++) {
      String row = GOOD_2.replace("K00000002", String.format("K%08d", i));
      if (i == ruleRow) {
        row = row.replace(",LIC,", ",PSS,");
      } else if (i == fieldRow) {
        row = row.replace(",120,", ",0,");
      }
      lines[i + 1] = row;
    }
    Problem first = assertSameProblemsBothWays(write(lines));
    assertEquals(line, first.line());
    assertEquals(column, first.column());
  }

  @Test
  void rarDaysBeyondTheRememberedValuesAreStillChecked() throws IOException {
    // RAR days by start date keeps 1,743 values (0 to 1,742) beside 2,406 start days: 5,000 days
    // is checked by the rule itself, allowed from 1 February 2015 and refused before
    Path late = write(CaseCsv.HEADER, GOOD_1.replace(",12,10,", ",12,5000,"));
    assertEquals(
        List.of(5000), CaseCsv.readFast(late, 1).toTablesaw().intColumn("rar_days").asList());
    Problem early =
        assertSameProblemsBothWays(
            write(
                CaseCsv.HEADER,
                GOOD_1.replace(",12,10,", ",12,5000,").replace("2015-03-02", "2015-01-31")));
    assertEquals("rar_days", early.column());
    assertEquals("0 for a start before 2015-02-01 (RAR exists from then)", early.expected());
  }

  @Test
  void rulesOnCodeColumnsAreTabulatedOrRememberedAndTheRestRunPerRow() {
    // the schema's eleven cross-column rules: provider_code's two (types and CPAs) and the
    // programme rule read codes and booleans only
    assertEquals(
        List.of("provider_code", "provider_code", "accredited_programme"),
        CaseRules.tabulatedRuleColumns());
    // those reading codes and one or two dates or whole numbers have their verdicts remembered:
    // PSS start dates, ONGOING reasons and ended cases' end dates (both by end date), RAR days by
    // work type and by start date, unpaid work hours by work type, the hours' range
    assertEquals(
        List.of(
            "start_date",
            "termination_reason",
            "end_date",
            "rar_days",
            "rar_days",
            "upw_hours",
            "upw_hours"),
        CaseRules.memoizedRuleColumns());
    // an end date on or after the start date is a comparison of two columns (Rule.notBefore)
    assertEquals(List.of("end_date"), CaseRules.comparedRuleColumns());
    // and none is left to run on every row
    assertEquals(List.of(), CaseRules.evaluatedRuleColumns());
  }

  @Test
  void refusesWrongFieldCountsAndHeadersAsTheLoaderDoes() throws IOException {
    Problem few = assertSameProblemsBothWays(write(CaseCsv.HEADER, GOOD_1, "K9,CRC,C05"));
    assertEquals("pcc_area", few.column());
    assertEquals("3 fields", few.value());
    Problem many = assertSameProblemsBothWays(write(CaseCsv.HEADER, GOOD_1 + ",x"));
    assertEquals("(extra field)", many.column());
    Problem empty = assertSameProblemsBothWays(write(CaseCsv.HEADER, "", GOOD_1));
    assertEquals("an empty line", empty.value());
    // The fast reader refuses any header but the contract's without locating the fault itself;
    // the loader's problems, which the caller gets, do.
    Problem header =
        assertSameProblemsBothWays(write(CaseCsv.HEADER.replace("weight", "wt"), GOOD_1), false);
    assertEquals("wt", header.value());
  }

  @Test
  void takesValidFilesTheFastReaderDoesNotParseThroughTheLoader() throws IOException {
    // CRLF line ends, a quoted field and an exponent are valid CSV and valid values; the fast
    // reader declines them and the validating loader reads them.
    Path file = dir.resolve("crlf.csv");
    Files.writeString(
        file,
        CaseCsv.HEADER
            + "\r\n"
            + GOOD_1.replace(",CO,", ",\"CO\",").replace(",1.25", ",125e-2")
            + "\r\n"
            + GOOD_2
            + "\r\n");
    assertThrows(Refusal.class, () -> CaseCsv.readFast(file, 1));
    Table table = CaseCsv.read(file).toTablesaw();
    assertEquals(List.of("CO", "LIC"), table.stringColumn("work_type").asList());
    assertArrayEquals(new double[] {1.25, 0.5}, table.doubleColumn("weight").asDoubleArray(), 0);
  }

  @Test
  void fastReaderAndLoaderReadTheSameValues() {
    Path file = CaseFixtures.writeCases(dir.resolve("cases.csv"), 5_000, 99L);
    Table fast = CaseCsv.readFast(file, 2).toTablesaw();
    Table normal = CaseRecords.load(file, Provenance.Kind.SYNTHETIC).table();
    assertEquals(normal.columnNames(), fast.columnNames());
    for (String column : normal.columnNames()) {
      assertEquals(normal.column(column).asList(), fast.column(column).asList(), column);
    }
  }

  @Test
  void a400DigitWeightIsRefusedOnBothPaths() throws IOException {
    // 400 digits parse to Infinity as a double; the schema asks for a finite number >= 0
    String huge = "9".repeat(400);
    Problem first =
        assertSameProblemsBothWays(write(CaseCsv.HEADER, GOOD_1.replace(",1.25", "," + huge)));
    assertEquals("weight", first.column());
    assertEquals(huge, first.value());
    assertEquals(
        "line 2, column 13 (weight): found \""
            + "9".repeat(60)
            + "...\" (400 characters),"
            + " expected a decimal number >= 0",
        first.describe(),
        "a long value is quoted as a bounded prefix with its length");
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedWithTheirLine() throws IOException {
    Path file = dir.resolve("latin1.csv");
    byte[] text =
        (CaseCsv.HEADER
                + "\n"
                + GOOD_1
                + "\n"
                + GOOD_2.replace("K00000002", "K0000000\u00e9")
                + "\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(file, text);
    Problem first = assertSameProblemsBothWays(file, false);
    assertEquals(3, first.line());
    assertEquals("bytes that are not UTF-8", first.value());
  }

  @Test
  void aBareCarriageReturnInsideAnIdIsNotPartOfTheId() throws IOException {
    // commons-csv (and RFC 4180 readers generally) end a record at a bare CR, so the row is cut
    // short; the fast reader must not keep the CR inside the identifier
    Problem first =
        assertSameProblemsBothWays(
            write(CaseCsv.HEADER, GOOD_1.replace("K00000001", "K0000\r0001")), false);
    assertEquals(2, first.line());
  }

  @Test
  void anIdWithASurroundingSpaceIsAnErrorNotANewCase() throws IOException {
    Problem first =
        assertSameProblemsBothWays(
            write(CaseCsv.HEADER, GOOD_1, GOOD_1.replace("K00000001", "K00000001 ")));
    assertEquals("case_id", first.column());
    assertEquals("text, with no leading or trailing spaces", first.expected());
  }

  @Test
  void aCrcCaseBookedToAnotherAreasCpaIsRefusedOnBothPaths() throws IOException {
    // ASP (Avon and Somerset) is in CPA C15, not C01
    Problem first =
        assertSameProblemsBothWays(
            write(CaseCsv.HEADER, GOOD_1.replace("CRC,C05,YSW", "CRC,C01,ASP")));
    assertEquals("provider_code", first.column());
    assertEquals("C01", first.value());
  }

  @Test
  void anOngoingCaseThatEndedAndAProgrammeOnPssAreRefused() throws IOException {
    // GOOD_1 ended on 2016-03-01: marked ONGOING, its reason is the damaged cell (column 12), not
    // its end date; both readers name it
    Problem ongoing =
        assertSameProblemsBothWays(write(CaseCsv.HEADER, GOOD_1.replace("COMPLETED", "ONGOING")));
    assertEquals("termination_reason", ongoing.column());
    assertEquals(12, ongoing.columnNumber());
    assertEquals("ONGOING", ongoing.value());
    assertEquals(
        "how the case ended (COMPLETED, REVOKED_BREACH, REVOKED_NEW_OFFENCE, OTHER), since its"
            + " end_date is on or before 2020-12-31; ONGOING only with a planned end after it",
        ongoing.expected());
    // a case COMPLETED with an end after the data's last day: its end date is the damaged cell
    Problem completed =
        assertSameProblemsBothWays(
            write(CaseCsv.HEADER, GOOD_1.replace("2016-03-01", "2021-03-01")));
    assertEquals("end_date", completed.column());
    assertEquals(7, completed.columnNumber());
    assertEquals("2021-03-01", completed.value());
    Problem programme =
        assertSameProblemsBothWays(
            write(
                CaseCsv.HEADER,
                "K00000003,NPS,N02,LDN,PSS,2016-06-01,2017-06-01,6,0,0,true,COMPLETED,0.6"));
    assertEquals("accredited_programme", programme.column());
  }
}
