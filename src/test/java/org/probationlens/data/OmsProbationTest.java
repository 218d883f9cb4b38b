package org.probationlens.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
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
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The published OMSQ probation CSV layouts, on hand-made fixtures under
 * src/test/resources/fixtures/oms (invented counts in the published layout, not real figures).
 */
class OmsProbationTest {

  private static Path fixture(String name) {
    try {
      return Path.of(OmsProbationTest.class.getResource("/fixtures/oms/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String COUNT = "an integer >= 0, or a missing marker (* or ..)";

  @Test
  void caseloadLoadsWithDatesCountsAndExplicitMissingMarkers() {
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
            "pcc_area",
            "cpa",
            "work_type"),
        table.columnNames());
    assertEquals(7, table.rowCount());
    assertEquals(LocalDate.of(2016, 3, 31), table.dateColumn("date").get(0));
    assertEquals(LocalDate.of(2016, 6, 30), table.dateColumn("date").get(6));
    IntColumn value = table.intColumn("value");
    // rows 3 and 4 (0-based 2 and 3) are "*" and "..": missing, never zero, marker kept
    assertTrue(value.isMissing(2));
    assertTrue(value.isMissing(3));
    assertEquals(
        List.of("", "", "*", "..", "", "", ""), table.stringColumn("value_marker").asList());
    // the quoted "Avon and Somerset" is the same area as the unquoted one
    assertEquals("Avon and Somerset", table.stringColumn("probation_area").get(5));
    assertEquals(0, value.get(5));
  }

  @Test
  void caseloadTotalsAgreeWithHandSumsAndWithDuckDb() throws SQLException {
    Table table = OmsProbation.caseload(fixture("caseload.csv")).table();
    // by hand from the fixture: Kent 1234 + 210 = 1444 (two cells withheld);
    // Avon and Somerset 987 + 0 + 1001 = 1988
    Map<String, Long> expected = new TreeMap<>(Map.of("Avon and Somerset", 1988L, "Kent", 1444L));
    assertEquals(expected, sumsBy(table, "probation_area"));
    assertEquals(
        expected,
        duckDbSums(fixture("caseload.csv"), 2, "probation_area"),
        "DuckDB's read_csv of the same file, value cast with TRY_CAST and nulls ignored");
  }

  @Test
  void startsLoadWithPeriodsAsQuarters() throws SQLException {
    LoadedDataset starts = OmsProbation.starts(fixture("starts.csv"));
    Table table = starts.table();
    assertEquals(5, table.rowCount());
    assertEquals(
        List.of("2016-Q1", "2016-Q1", "2016-Q2", "2016-Q4", "2016-Q3"),
        table.stringColumn("date").asList());
    assertEquals(List.of("", "", "", "*", ""), table.stringColumn("value_marker").asList());
    // by hand: South East and Eastern 500 + 75 + 480 = 1055; Wales 12 (one cell withheld)
    Map<String, Long> expected =
        new TreeMap<>(Map.of("South East and Eastern", 1055L, "Wales", 12L));
    assertEquals(expected, sumsBy(table, "nps_region"));
    assertEquals(expected, duckDbSums(fixture("starts.csv"), 3, "nps_region"));
  }

  @Test
  void provenanceIsPublishedWithTheDefaultCitationOrTheCallers() {
    Provenance fallback = OmsProbation.caseload(fixture("caseload.csv")).provenance();
    assertEquals(Provenance.Kind.PUBLISHED, fallback.kind());
    assertEquals(
        "Ministry of Justice, Offender Management Statistics Quarterly", fallback.source());
    assertEquals("Open Government Licence v3.0", fallback.licence());
    assertEquals(null, fallback.publicationDate());
    assertEquals(
        "Probation caseload (OMSQ). Source: Ministry of Justice, Offender Management Statistics"
            + " Quarterly (PUBLISHED, publication date not given; Open Government Licence v3.0);"
            + " SHA-256 "
            + fallback.sha256(),
        fallback.oneLine());

    Provenance given =
        OmsProbation.starts(
                fixture("starts.csv"), "MoJ OMSQ, starts CSV", LocalDate.of(2019, 10, 31))
            .provenance();
    assertEquals("MoJ OMSQ, starts CSV", given.source());
    assertEquals(LocalDate.of(2019, 10, 31), given.publicationDate());
  }

  @Test
  void aBrokenCaseloadListsEveryFault() {
    Path file = fixture("caseload-bad.csv");
    DatasetValidationException e =
        assertThrows(DatasetValidationException.class, () -> OmsProbation.caseload(file));
    String f = file.toString();
    assertEquals(
        List.of(
            new Problem(f, 5, "date", 4, "31/02/2016", "a date dd/MM/yyyy"),
            new Problem(f, 6, "value", 5, "-5", COUNT),
            new Problem(f, 7, "value", 5, "n/a", COUNT),
            new Problem(
                f,
                8,
                "probation_area",
                1,
                "Kent,Community order,Male,31/03/2016",
                "a unique probation_area,supervision_type,sex,date; line 4 has the same"),
            new Problem(
                f,
                9,
                "probation_area",
                1,
                "",
                "a value (required): "
                    + OmsProbation.caseloadSchema().column("probation_area").expected())),
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
            new Problem(f, 7, "value", 5, "1.5", COUNT)),
        e.problems());
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

  @Test
  void namesOutsideThePublishedVocabulariesAreRefusedWithTheirLocation() throws Exception {
    Path dir = java.nio.file.Files.createTempDirectory("oms");
    Path file = dir.resolve("caseload.csv");
    java.nio.file.Files.writeString(
        file,
        "note\nnote\nprobation_area,supervision_type,sex,date,value\n"
            + "Atlantis,Licence,Male,31/03/2016,1\n"
            + "Kent,Licence,Male ,31/03/2016,1\n"
            + "Kent ,Licence,Male,31/03/2016,1\n"
            + "Kent,Probation,Female,31/03/2016,1\n");
    DatasetValidationException e =
        assertThrows(DatasetValidationException.class, () -> OmsProbation.caseload(file));
    assertEquals(
        List.of("4:probation_area", "5:sex", "6:probation_area", "7:supervision_type"),
        e.problems().stream().map(p -> p.line() + ":" + p.column()).toList());
    assertEquals(
        "one of Male, Female, with no leading or trailing spaces", e.problems().get(1).expected());
  }

  @Test
  void anOmsqCaseloadMapsOntoGeographyAndRollsUpToCpas() {
    Table table = OmsProbation.caseload(fixture("caseload.csv")).table();
    // Kent is PCC area KNT in CPA C21; Avon and Somerset is ASP in CPA C15 (data/reference)
    assertEquals("KNT", table.stringColumn("pcc_area").get(0));
    assertEquals("C21", table.stringColumn("cpa").get(0));
    assertEquals("ASP", table.stringColumn("pcc_area").get(4));
    assertEquals("CO", table.stringColumn("work_type").get(0));
    Table counted = table.where(table.intColumn("value").isNotMissing());
    Table byCpa =
        org.probationlens.area.Geography.standard()
            .rollUp(
                counted,
                "pcc_area",
                org.probationlens.area.Level.PCC_AREA,
                org.probationlens.area.Level.CPA,
                null,
                org.probationlens.area.RollUp.sum("value"));
    // by hand, as in caseloadTotalsAgreeWithHandSumsAndWithDuckDb: C15 = 987 + 0 + 1001 = 1988,
    // C21 = 1234 + 210 = 1444
    Map<String, Double> sums = new TreeMap<>();
    for (int r = 0; r < byCpa.rowCount(); r++) {
      sums.put(
          byCpa.column(0).getString(r),
          ((Number) byCpa.numberColumn("value").get(r)).doubleValue());
    }
    assertEquals(Map.of("C15", 1988.0, "C21", 1444.0), sums);
  }

  @Test
  void anOmsqStartsTableMapsRegionsOntoNpsDivisions() {
    Table table = OmsProbation.starts(fixture("starts.csv")).table();
    // "South East and Eastern" is NPS South East & Eastern, N06; "Wales" is NPS Wales, N03
    assertEquals(
        List.of("N06", "N06", "N06", "N03", "N03"), table.stringColumn("nps_division").asList());
  }
}
