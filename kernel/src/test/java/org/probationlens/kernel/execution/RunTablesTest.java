package org.probationlens.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.ResultTable;
import org.probationlens.provenance.Sources;
import org.probationlens.render.LensSession;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** A headless run's tables: the results its cells showed, written as one spreadsheet. */
class RunTablesTest {
  @TempDir Path dir;

  static ResultTable starts(String title, int merseyside) {
    Table t =
        Table.create(
            "starts",
            StringColumn.create("cpa", "Merseyside", "Durham Tees Valley"),
            IntColumn.create("starts", new int[] {merseyside, 52}));
    return ResultTable.of(
        title,
        t,
        Sources.of(
            Provenance.published(
                "OMSQ probation starts",
                "Ministry of Justice",
                java.time.LocalDate.of(2016, 7, 28),
                "Open Government Licence v3.0",
                "e".repeat(64))));
  }

  @Test
  void resultsShownAreWrittenOnePerSheetAndOtherValuesAreLeftOut() throws Exception {
    Path file = dir.resolve("01-work-type-variance.xlsx");
    RunTables tables = new RunTables(Optional.of(file), new LensSession());
    tables.write();
    assertFalse(Files.exists(file), "nothing shown, nothing written");
    tables.shown(starts("Starts by CPA, 2015-16", 80));
    tables.shown("a string is not a result");
    tables.shown(Table.create("bare"));
    tables.shown(null);
    tables.write();
    tables.shown(starts("Starts by CPA, 2016-17", 75));
    assertEquals(2, tables.count());
    tables.write();
    try (InputStream in = Files.newInputStream(file);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      assertEquals(
          "Tables from the notebook 01-work-type-variance",
          wb.getSheet("Cover").getRow(0).getCell(0).getStringCellValue());
      assertEquals(5, wb.getNumberOfSheets(), "cover, contents, notes and the two results");
      XSSFSheet second = wb.getSheet("Table_2");
      assertEquals(
          "Table 2: Starts by CPA, 2016-17", second.getRow(0).getCell(0).getStringCellValue());
      int header = second.getTables().get(0).getStartRowIndex();
      assertEquals(75.0, second.getRow(header + 1).getCell(1).getNumericCellValue());
    }
  }

  @Test
  void withoutTheVariableNothingIsKept() {
    RunTables tables = new RunTables(Optional.empty(), new LensSession());
    tables.shown(starts("Starts by CPA, 2015-16", 80));
    tables.write();
    assertEquals(0, tables.count());
    assertTrue(List.of(dir.toFile().list()).isEmpty());
  }
}
