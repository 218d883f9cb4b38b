package org.probationlens.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.area.Level;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.ResultTable;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The OMSQ probation CSV files in the layout the MoJ publishes, on hand-made fixtures under
 * src/test/resources/fixtures/oms (invented counts in the published layout, with the MoJ's names
 * and published misspellings; not real figures).
 */
class OmsProbationTest {

  @TempDir Path dir;

  private static Path fixture(String name) {
    try {
      return Path.of(OmsProbationTest.class.getResource("/fixtures/oms/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static final String COUNT = "an integer >= 0, or a missing marker (* or ..)";
  private static final String HEADER = "probation_area,supervision_type,sex,date,value";

  @Test
  void aCaseloadInThePublishedLayoutLoadsWithCodesMarkersAndNotes() {
    LoadedDataset caseload = OmsProbation.caseload(fixture("caseload.csv"));
    Table table = caseload.table();
    assertEquals(
        List.of(
            "probation_area",
            "supervision_type",
            "sex",
            "date",
            "value",
            "value_marker",
            "provider",
            "cpa",
            "nps_division",
            "supervision",
            "aggregate",
            "work_type"),
        table.columnNames());
    assertEquals(13, table.rowCount());
    assertEquals(LocalDate.of(2019, 6, 30), table.dateColumn("date").get(0));
    assertEquals(LocalDate.of(2019, 9, 30), table.dateColumn("date").get(12));
    // rows 3 and 4 (0-based 2 and 3) are "*" and "..": missing, never zero, marker kept
    IntColumn value = table.intColumn("value");
    assertTrue(value.isMissing(2));
    assertTrue(value.isMissing(3));
    assertEquals(
        List.of("", "", "*", "..", "", "", "", "", "", "", "", "", ""),
        table.stringColumn("value_marker").asList());
    // the MoJ's names to codes (real_layouts.md section 3.4): London CRC C17, Durham and Cleveland
    // CRC (misspelt) C03, KSS C21, Gloucetsershire... (misspelt) C15, Merseyside C06, CGM C07,
    // NPS South West (misspelt) N05, NPS Wales N03
    assertEquals(
        List.of(
            "C17", "C17", "C17", "C17", "C03", "C21", "C15", "C06", "C07", "C17", "", "", "C03"),
        table.stringColumn("cpa").asList());
    assertEquals(
        List.of("", "", "", "", "", "", "", "", "", "", "N05", "N03", ""),
        table.stringColumn("nps_division").asList());
    assertEquals(
        List.of("CRC", "NPS"),
        List.of(table.stringColumn("provider").get(0), table.stringColumn("provider").get(10)));
    assertEquals(
        List.of(
            false, false, false, false, false, false, false, false, false, true, false, true,
            false),
        table.booleanColumn("aggregate").asList());
    assertEquals(
        List.of("CO", "CO", "SSO", "SSO", "CO", "SSO", "CO", "CO", "SSO", "", "CO", "", "CO"),
        table.stringColumn("work_type").asList());
    // the quoted name with a comma is one field
    assertEquals("Kent, Surrey and Sussex CRC", table.stringColumn("probation_area").get(5));
    String source = " row(s), as the MoJ's own lookup corrects it (" + OmsqVocabulary.SOURCE + ").";
    assertEquals(
        List.of(
            "Header seen on line 3: "
                + HEADER
                + " (the columns are read by position as probation_area, supervision_type, sex,"
                + " date, value).",
            "Published variant \"Durham and Cleveland CRC\" read as \"Durham Tees Valley CRC\" on 1"
                + source,
            "Published variant \"Gloucetsershire, Avon and Somerset and Wiltshire CRC\" read as"
                + " \"Bristol, Gloucestershire, Somerset and Wiltshire CRC\" on 1"
                + source,
            "Published variant \"NPS South West\" read as \"NPS South West and South Central\" on 1"
                + source,
            "2 row(s) are aggregate supervision types (All ...), which contain other rows: never"
                + " sum them with the types they contain (column aggregate;"
                + " OmsProbation.withoutAggregates drops them).",
            "1 count(s) withheld (*) and 1 not available (..): loaded as missing, never as zero."),
        caseload.notes());
  }

  @Test
  void caseloadTotalsByNameAgreeWithHandSumsAndWithDuckDb() throws SQLException {
    Table table = OmsProbation.caseload(fixture("caseload.csv")).table();
    // by hand from the fixture: London CRC 1234 + 210 + 1500 = 2944 (two cells withheld)
    Map<String, Long> expected = new TreeMap<>();
    expected.put("London CRC", 2944L);
    expected.put("Durham and Cleveland CRC", 987L);
    expected.put("Kent, Surrey and Sussex CRC", 0L);
    expected.put("Gloucetsershire, Avon and Somerset and Wiltshire CRC", 150L);
    expected.put("Merseyside CRC", 400L);
    expected.put("Cheshire and Greater Manchester CRC", 95L);
    expected.put("NPS South West", 640L);
    expected.put("NPS Wales", 300L);
    expected.put("Durham Tees Valley CRC", 1001L);
    assertEquals(expected, sumsBy(table, "probation_area"));
    assertEquals(
        expected,
        duckDbSums(fixture("caseload.csv"), 2, "probation_area"),
        "DuckDB's read_csv of the same file, value cast with TRY_CAST and nulls ignored");
  }

  @Test
  void startsLoadWithPeriodsRegionsAndVariantsCounted() throws SQLException {
    LoadedDataset starts = OmsProbation.starts(fixture("starts.csv"));
    Table table = starts.table();
    assertEquals(5, table.rowCount());
    assertEquals(
        List.of("2019-Q1", "2019-Q1", "2019-Q2", "2019-Q4", "2019-Q3"),
        table.stringColumn("date").asList());
    assertEquals(List.of("", "", "", "*", ""), table.stringColumn("value_marker").asList());
    // South East and Eastern is N06, South West N05, Wales N03 (real_layouts.md section 3.2)
    assertEquals(
        List.of("N06", "N06", "N05", "N03", "N03"), table.stringColumn("nps_division").asList());
    assertEquals(
        List.of(
            "Community order",
            "Community order",
            "All court orders",
            "Suspended sentence order",
            "Youth rehabilitation order"),
        table.stringColumn("supervision").asList());
    assertEquals(2, starts.notes().stream().filter(n -> n.startsWith("Published variant")).count());
    assertTrue(
        starts
            .notes()
            .contains(
                "Published variant \"Community Order\" read as \"Community order\" on 1 row(s), as the"
                    + " MoJ's own lookup corrects it ("
                    + OmsqVocabulary.SOURCE
                    + ")."));
    // by hand: South East and Eastern 500 + 75 = 575; South West 480; Wales 12 (one withheld)
    Map<String, Long> expected =
        new TreeMap<>(Map.of("South East and Eastern", 575L, "South West", 480L, "Wales", 12L));
    assertEquals(expected, sumsBy(table, "nps_region"));
    assertEquals(expected, duckDbSums(fixture("starts.csv"), 3, "nps_region"));
  }

  @Test
  void provenanceIsPublishedWithTheDefaultCitationOrTheCallers() throws IOException {
    Provenance fallback = OmsProbation.caseload(fixture("caseload.csv")).provenance();
    assertEquals(Provenance.Kind.PUBLISHED, fallback.kind());
    assertEquals(
        "Ministry of Justice, Offender Management Statistics Quarterly", fallback.source());
    assertEquals("Open Government Licence v3.0", fallback.licence());
    assertEquals(null, fallback.publicationDate());
    // the hash is of the file as published, not of the copy with the header renamed
    assertEquals(
        org.probationlens.read.Sha256.of(Files.readAllBytes(fixture("caseload.csv"))),
        fallback.sha256());
    Provenance given =
        OmsProbation.starts(
                fixture("starts.csv"), "MoJ OMSQ, starts CSV", LocalDate.of(2019, 10, 31))
            .provenance();
    assertEquals("MoJ OMSQ, starts CSV", given.source());
    assertEquals(LocalDate.of(2019, 10, 31), given.publicationDate());
  }

  @Test
  void aBrokenCaseloadListsEveryFaultWithTheClosestNames() {
    Path file = fixture("caseload-bad.csv");
    DatasetValidationException e =
        assertThrows(DatasetValidationException.class, () -> OmsProbation.caseload(file));
    String f = file.toString();
    assertEquals(
        List.of(
            new Problem(f, 5, "date", 4, "31/02/2019", "a date dd/MM/yyyy"),
            new Problem(f, 6, "value", 5, "-5", COUNT),
            new Problem(f, 7, "value", 5, "n/a", COUNT),
            new Problem(
                f,
                8,
                "probation_area",
                1,
                "London CRC,Community order,Male,30/06/2019",
                "a unique probation_area,supervision_type,sex,date; line 4 has the same"),
            new Problem(
                f,
                9,
                "probation_area",
                1,
                "",
                "a value (required): "
                    + OmsProbation.caseloadSchema().column("probation_area").expected()),
            new Problem(
                f,
                10,
                "probation_area",
                1,
                "London",
                "a probation_area in the MoJ's OMSQ vocabulary (35 names, see OmsqVocabulary);"
                    + " closest: \"London CRC\", \"NPS London\", \"Wales CRC\""),
            new Problem(
                f,
                11,
                "supervision_type",
                2,
                "Community Orders",
                "a supervision_type in the MoJ's OMSQ vocabulary (18 names, see OmsqVocabulary);"
                    + " closest: \"Community order\", \"Community Order\", \"All court"
                    + " orders\""),
            // a repeat through a published misspelling, listed with the loader's problems
            new Problem(
                f,
                13,
                "probation_area",
                1,
                "Durham and Cleveland CRC,Community order",
                "a unique probation_area,supervision_type,sex,date, counting a published variant"
                    + " as the name it stands for (\"Durham Tees Valley CRC\", \"Community"
                    + " order\"); line 12 has the same")),
        e.problems());
  }

  @Test
  void aBrokenStartsFileListsEveryFault() {
    Path file = fixture("starts-bad.csv");
    DatasetValidationException e =
        assertThrows(DatasetValidationException.class, () -> OmsProbation.starts(file));
    String f = file.toString();
    String quarter = "a calendar quarter like Jan-Mar 2016";
    assertEquals(
        List.of(
            new Problem(f, 5, "date", 4, "Feb-Apr 2016", quarter),
            new Problem(f, 6, "date", 4, "2016-Q1", quarter),
            new Problem(f, 7, "value", 5, "1.5", COUNT),
            new Problem(
                f,
                8,
                "nps_region",
                1,
                "South West and South Central",
                "a nps_region in the MoJ's OMSQ vocabulary (7 names, see OmsqVocabulary);"
                    + " closest: \"South West\", \"South East and Eastern\", \"North West\"")),
        e.problems());
  }

  @Test
  void namesAreMatchedExactlyAndAStraySpaceIsNamed() throws IOException {
    Path file =
        write(
            "caseload.csv",
            "note\nnote\n"
                + HEADER
                + "\nLondon CRC ,Community order,Male,30/06/2019,1\n"
                + "London CRC,Community order,Male ,30/06/2019,1\n");
    DatasetValidationException e =
        assertThrows(DatasetValidationException.class, () -> OmsProbation.caseload(file));
    assertEquals(
        List.of(
            new Problem(
                file.toString(),
                4,
                "probation_area",
                1,
                "London CRC ",
                "a probation_area in the MoJ's OMSQ vocabulary (35 names, see OmsqVocabulary);"
                    + " closest: \"London CRC\", \"NPS London\", \"Wales CRC\", with no leading"
                    + " or trailing spaces"),
            new Problem(
                file.toString(),
                5,
                "sex",
                3,
                "Male ",
                "one of Male, Female, with no leading or trailing spaces")),
        e.problems());
  }

  @Test
  void aRowRepeatedThroughAPublishedMisspellingIsRefused() throws IOException {
    Path file =
        write(
            "caseload.csv",
            "note\nnote\n"
                + HEADER
                + "\nDurham Tees Valley CRC,Community order,Male,30/06/2019,5\n"
                + "Durham and Cleveland CRC,Community order,Male,30/06/2019,6\n");
    DatasetValidationException e =
        assertThrows(DatasetValidationException.class, () -> OmsProbation.caseload(file));
    assertEquals(
        List.of(
            new Problem(
                file.toString(),
                5,
                "probation_area",
                1,
                "Durham and Cleveland CRC,Community order",
                "a unique probation_area,supervision_type,sex,date, counting a published variant"
                    + " as the name it stands for (\"Durham Tees Valley CRC\", \"Community"
                    + " order\"); line 4 has the same")),
        e.problems());
  }

  @Test
  void anUndocumentedHeaderIsReadByPositionAndReported() throws IOException {
    Path file =
        write(
            "caseload.csv",
            "note\nnote\nArea,Supervision type,Sex,Date,Value,,\n"
                + "London CRC,Community order,Male,30/06/2019,7,,\n"
                + "\"NPS Wales\",YRO,Female,30/06/2019,3\n");
    LoadedDataset loaded = OmsProbation.caseload(file);
    assertEquals(List.of(7, 3), loaded.table().intColumn("value").asList());
    assertEquals(
        List.of(
            "Header seen on line 3: Area,Supervision type,Sex,Date,Value,, (the columns are read"
                + " by position as probation_area, supervision_type, sex, date, value).",
            "Header cells not among the names known for their column (the published header is"
                + " not documented; tidyCSV ignores it): column 1 \"Area\" read as"
                + " probation_area.",
            "The header has 2 empty column(s) after the 5th; the empty fields after the 5th were"
                + " dropped on 1 row(s).",
            "Published variant \"YRO\" read as \"Youth rehabilitation order\" on 1 row(s), as the"
                + " MoJ's own lookup corrects it ("
                + OmsqVocabulary.SOURCE
                + ")."),
        loaded.notes());
  }

  @Test
  void aHeaderThatCannotBeTheFiveColumnsIsRefused() throws IOException {
    String row = "\nLondon CRC,Community order,Male,30/06/2019,7\n";
    Path swapped =
        write("swapped.csv", "n\nn\nsupervision_type,probation_area,sex,date,value" + row);
    DatasetValidationException e =
        assertThrows(DatasetValidationException.class, () -> OmsProbation.caseload(swapped));
    assertEquals(
        List.of("3:probation_area:supervision_type", "3:supervision_type:probation_area"),
        e.problems().stream().map(p -> p.line() + ":" + p.column() + ":" + p.value()).toList());

    Path starts = write("starts.csv", "n\nn\nnps_region,supervision_type,sex,date,value" + row);
    e = assertThrows(DatasetValidationException.class, () -> OmsProbation.caseload(starts));
    assertEquals(
        "the column probation_area here; \"nps_region\" is the first column of an OMSQ starts"
            + " file (read it with OmsProbation.starts)",
        e.problems().get(0).expected());

    Path four = write("four.csv", "n\nn\na,b,c,d" + row);
    e = assertThrows(DatasetValidationException.class, () -> OmsProbation.caseload(four));
    assertEquals(
        new Problem(four.toString(), 3, null, 0, "4 fields", fiveColumns()), e.problems().get(0));

    Path extra = write("extra.csv", "n\nn\n" + HEADER + ",notes" + row);
    e = assertThrows(DatasetValidationException.class, () -> OmsProbation.caseload(extra));
    assertEquals(
        new Problem(
            extra.toString(),
            3,
            "(extra column)",
            6,
            "notes",
            fiveColumns() + ", with nothing after the 5th"),
        e.problems().get(0));

    // one note row too few: the first data row would be taken for the header and lost
    Path shifted = write("shifted.csv", "n\n" + HEADER + row + "NPS Wales,YRO,Male,30/06/2019,2\n");
    e = assertThrows(DatasetValidationException.class, () -> OmsProbation.caseload(shifted));
    assertEquals(
        new Problem(
            shifted.toString(),
            3,
            null,
            0,
            "London CRC,Community order,Male,30/06/2019,7",
            "the header line after 2 note rows; this line is a data row (a note row missing or one"
                + " too many?)"),
        e.problems().get(0));
  }

  private static String fiveColumns() {
    return "5 columns read by position as probation_area, supervision_type, sex, date, value (the"
        + " MoJ's caseload layout, as its tidyCSV package reads it)";
  }

  /** Drops withheld and unavailable counts explicitly, as a caller must before summing. */
  private static LoadedDataset counted(LoadedDataset d) {
    Table t = d.table();
    return new LoadedDataset(
        t.where(t.intColumn("value").isNotMissing()), d.provenance(), d.notes());
  }

  private static Map<String, Double> totals(ResultTable result, String key) {
    Table t = result.table();
    Map<String, Double> sums = new TreeMap<>();
    for (int r = 0; r < t.rowCount(); r++) {
      sums.put(
          t.stringColumn(key).get(r) + " " + t.column("date").getString(r),
          ((Number) t.numberColumn("value").get(r)).doubleValue());
    }
    return sums;
  }

  @Test
  void aPublishedCaseloadRollsUpByCpaAndOwnerWithoutCountingAnyoneTwice() {
    LoadedDataset specific =
        counted(OmsProbation.withoutAggregates(OmsProbation.caseload(fixture("caseload.csv"))));
    // by hand from the fixture, specific types only (All court orders and All supervision
    // dropped), withheld cells dropped, summed over type and sex, one total per date:
    // C17 London 1234 + 210 = 1444; C03 (Durham and Cleveland CRC) 987, and 1001 in September;
    // C21 0; C15 (Gloucetsershire...) 150; C06 400; C07 95
    ResultTable byCpa = OmsProbation.rollUp(specific, Level.CPA);
    assertEquals(
        new TreeMap<>(
            Map.of(
                "C03 2019-06-30", 987.0,
                "C03 2019-09-30", 1001.0,
                "C06 2019-06-30", 400.0,
                "C07 2019-06-30", 95.0,
                "C15 2019-06-30", 150.0,
                "C17 2019-06-30", 1444.0,
                "C21 2019-06-30", 0.0)),
        totals(byCpa, "cpa"));
    assertTrue(
        byCpa
            .notes()
            .contains(
                "1 NPS row(s) are not in this roll-up: an NPS division lies in no CPA; roll up to"
                    + " NPS_DIVISION for them."));
    // owners on 30 June 2019 (data/reference/cpa_ownership.csv): ARCC C03; Purple Futures C06 and
    // C07 = 400 + 95 = 495; Seetec C15 (from February 2019) and C21 = 150 + 0; MTCnovo C17
    assertEquals(
        new TreeMap<>(
            Map.of(
                "ARCC 2019-06-30", 987.0,
                "ARCC 2019-09-30", 1001.0,
                "MTCNOVO 2019-06-30", 1444.0,
                "PURPLE_FUTURES 2019-06-30", 495.0,
                "SEETEC 2019-06-30", 150.0)),
        totals(OmsProbation.rollUp(specific, Level.OWNER), "owner"));
    // NPS South West (misspelt) is N05: 640
    assertEquals(
        Map.of("N05 2019-06-30", 640.0),
        totals(OmsProbation.rollUp(specific, Level.NPS_DIVISION), "nps_division"));
    assertTrue(
        specific
            .notes()
            .get(specific.notes().size() - 1)
            .startsWith(
                "Dropped 2 row(s) of aggregate supervision types on request (All court orders, All"
                    + " supervision)"));
  }

  @Test
  void aSumAcrossAnAggregateAndTheTypesItContainsIsRefused() {
    LoadedDataset all = OmsProbation.caseload(fixture("caseload.csv"));
    DatasetValidationException e =
        assertThrows(DatasetValidationException.class, () -> OmsProbation.rollUp(all, Level.CPA));
    // rows 3 and 4 are withheld; row 10 is All court orders beside London CRC's specific types
    assertEquals(
        List.of("3:value:*", "4:value:..", "10:supervision:All court orders"),
        e.problems().stream().map(p -> p.line() + ":" + p.column() + ":" + p.value()).toList());
    // kept apart by type, the aggregate is its own total: C17 All court orders 1500 beside
    // Community order 1234 + 210 = 1444
    ResultTable byType = OmsProbation.rollUp(counted(all), Level.CPA, "supervision");
    Table t = byType.table();
    Map<String, Double> c17 = new TreeMap<>();
    for (int r = 0; r < t.rowCount(); r++) {
      if (t.stringColumn("cpa").get(r).equals("C17")) {
        c17.put(
            t.stringColumn("supervision").get(r),
            ((Number) t.numberColumn("value").get(r)).doubleValue());
      }
    }
    assertEquals(Map.of("All court orders", 1500.0, "Community order", 1444.0), c17);
    // one aggregate type alone may be summed over sex, whatever the other provider's rows hold:
    // with NPS South West dropped, NPS Wales All supervision (300, Female) is the only NPS type,
    // beside CRC rows of several types; but with NPS South West's Community order beside it, the
    // NPS rows are refused
    Table t2 = counted(all).table();
    LoadedDataset wales =
        new LoadedDataset(
            t2.where(t2.stringColumn("probation_area").isNotEqualTo("NPS South West")),
            all.provenance(),
            all.notes());
    assertEquals(
        Map.of("N03 2019-06-30", 300.0),
        totals(OmsProbation.rollUp(wales, Level.NPS_DIVISION), "nps_division"));
    assertThrows(
        DatasetValidationException.class,
        () -> OmsProbation.rollUp(counted(all), Level.NPS_DIVISION));
  }

  private static Map<String, Long> sumsBy(Table table, String area) {
    Map<String, Long> sums = new TreeMap<>();
    StringColumn areas = table.stringColumn(area);
    IntColumn values = table.intColumn("value");
    for (int row = 0; row < table.rowCount(); row++) {
      if (!values.isMissing(row)) {
        sums.merge(areas.get(row), (long) values.getInt(row), Long::sum);
      }
    }
    return sums;
  }

  private static Map<String, Long> duckDbSums(Path file, int noteRows, String area)
      throws SQLException {
    Map<String, Long> sums = new TreeMap<>();
    String sql =
        "SELECT "
            + area
            + ", SUM(TRY_CAST(value AS BIGINT)) FROM read_csv('"
            + file.toString().replace("'", "''")
            + "', skip = "
            + noteRows
            + ", header = true, all_varchar = true) GROUP BY 1";
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        sums.put(rows.getString(1), rows.getLong(2));
      }
    }
    return sums;
  }
}
