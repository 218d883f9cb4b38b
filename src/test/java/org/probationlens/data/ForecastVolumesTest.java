package org.probationlens.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import tech.tablesaw.api.Table;

/** The forecast.csv contract of COMMON.md. */
class ForecastVolumesTest {

  @TempDir Path dir;

  private static final String HEADER =
      "cpa_code,financial_year,work_type,forecast_count,forecast_weighted\n";

  @Test
  void loadsForecastsWithSyntheticProvenance() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("forecast.csv"),
            HEADER
                + "C01,2015-16,CO,1200,1500.5\nC01,2015-16,SSO,800,950\n"
                + "C21,2015-16,CO,0,0\nC21,2015-16,SSO,0,0\n");
    LoadedDataset forecast = ForecastVolumes.load(file, 7L, "0.1.0");
    Table table = forecast.table();
    assertEquals(4, table.rowCount());
    assertEquals(2000, (int) table.intColumn("forecast_count").sum());
    assertEquals(2450.5, table.doubleColumn("forecast_weighted").sum());
    assertEquals(Provenance.Kind.SYNTHETIC, forecast.provenance().kind());
    assertEquals(7L, forecast.provenance().seed());
  }

  @Test
  void rejectsAYearOutsideTheContractsAndARepeatedCompositeKey() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("forecast.csv"),
            HEADER
                + "C01,2015-16,CO,1200,1500.5\n"
                + "C01,2013-14,CO,1200,1500.5\n"
                + "C22,2015-16,CO,1,1\n"
                + "C01,2015-16,CO,1100,1400\n");
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class,
            () -> ForecastVolumes.load(file, Provenance.Kind.SYNTHETIC));
    String f = file.toString();
    assertEquals(
        List.of(
            new Problem(
                f,
                3,
                "financial_year",
                2,
                "2013-14",
                "one of 2014-15, 2015-16, 2016-17, 2017-18, 2018-19, 2019-20, 2020-21"),
            new Problem(
                f,
                4,
                "cpa_code",
                1,
                "C22",
                "one of C01, C02, C03, C04, C05, C06, C07, C08, C09, C10, C11, C12, C13, C14, C15,"
                    + " C16, C17, C18, C19, C20, C21"),
            new Problem(
                f,
                5,
                "cpa_code",
                1,
                "C01,2015-16,CO",
                "a unique cpa_code,financial_year,work_type; line 2 has the same")),
        e.problems());
  }

  @Test
  void aForecastMissingARowItCoversIsRefusedWhereItIsRead() throws IOException {
    // covers C01 and C21, 2015-16 and 2016-17, CO: 2 x 2 x 1 = 4 rows; C21 2016-17 CO is missing
    Path file =
        Files.writeString(
            dir.resolve("forecast.csv"),
            HEADER + "C01,2015-16,CO,1,1\nC01,2016-17,CO,1,1\n" + "C21,2015-16,CO,1,1\n");
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class,
            () -> ForecastVolumes.load(file, Provenance.Kind.SYNTHETIC));
    assertEquals(1, e.total(), e::getMessage);
    Problem p = e.problems().get(0);
    // it belongs after the last row, line 4 (C21,2015-16,CO): reported there, not at a line 5 the
    // file does not have
    assertEquals(4, p.line());
    assertEquals("no row C21,2016-17,CO", p.value());
    assertEquals(
        "a row for every combination of cpa_code, financial_year, work_type the file covers"
            + " (2 x 2 x 1 = 4 rows; it has 3); it belongs after line 4 (C21,2015-16,CO), the last"
            + " in key order",
        p.expected());
  }

  @Test
  void aRowMissingFromTheCommittedSampleIsLocatedAtTheGapWhereItBelongs() throws IOException {
    // data/sample/forecast.csv without its line 102, C03,2020-21,CO: the file has 735 lines and
    // the gap is between line 101 (C03,2019-20,PRE) and the line that now follows it, 102
    // (C03,2020-21,SSO), which had been line 103
    List<String> lines =
        Files.readAllLines(
            Path.of(System.getProperty("lens.projectDir", "."), "data/sample/forecast.csv"));
    assertEquals("C03,2020-21,CO,11,11.71", lines.get(101));
    lines.remove(101);
    Path file = Files.write(dir.resolve("forecast.csv"), lines);
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class,
            () -> ForecastVolumes.load(file, Provenance.Kind.SYNTHETIC));
    assertEquals(1, e.total(), e::getMessage);
    Problem p = e.problems().get(0);
    assertEquals(102, p.line());
    assertEquals("no row C03,2020-21,CO", p.value());
    assertEquals(
        "a row for every combination of cpa_code, financial_year, work_type the file covers"
            + " (21 x 7 x 5 = 735 rows; it has 734); it belongs after line 101 (C03,2019-20,PRE)"
            + " and before line 102 (C03,2020-21,SSO)",
        p.expected());
  }

  @Test
  void aMissingFirstRowIsPlacedByTheCodeListsNotByFirstAppearance() throws IOException {
    // without C01,2014-15,CO the first CO in the file is C01,2015-16,CO on line 3: in order of
    // first appearance CO would sort after SSO (line 2) and the gap would be between lines 2 and
    // 3, but the work types' code list puts it first (CO, SSO, LIC, PSS, PRE), so the row belongs
    // before line 2 (C01,2014-15,SSO)
    Path file =
        Files.writeString(
            dir.resolve("forecast.csv"),
            HEADER + "C01,2014-15,SSO,1,1\nC01,2015-16,CO,1,1\nC01,2015-16,SSO,1,1\n");
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class,
            () -> ForecastVolumes.load(file, Provenance.Kind.SYNTHETIC));
    Problem p = e.problems().get(0);
    assertEquals(2, p.line());
    assertEquals("no row C01,2014-15,CO", p.value());
    assertEquals(
        "a row for every combination of cpa_code, financial_year, work_type the file covers"
            + " (1 x 2 x 2 = 4 rows; it has 3); it belongs before line 2 (C01,2014-15,SSO), the"
            + " first in key order",
        p.expected());
  }
}
