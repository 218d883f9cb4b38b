package org.probationlens.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.provenance.CountColumns;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.ResultTable;
import org.probationlens.provenance.Sources;
import org.probationlens.render.LensSession;
import org.probationlens.stats.CellKeyMethod;
import org.probationlens.stats.DisclosurePolicy;
import org.probationlens.stats.RecordKeys;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class SpreadsheetTest {

  @TempDir Path dir;

  static final Provenance REAL =
      Provenance.officialSensitive(
          "Case extract, CRC Q1 2016",
          "a CRC's own case system",
          "data-sharing agreement",
          "c".repeat(64));
  static final Provenance PUBLISHED =
      Provenance.published(
          "OMSQ probation starts",
          "Ministry of Justice, Offender Management Statistics Quarterly",
          LocalDate.of(2016, 7, 28),
          "Open Government Licence v3.0",
          "e".repeat(64));

  static final String[] AREAS = {
    "Cumbria and Lancashire", "Durham Tees Valley", "Merseyside", "All"
  };
  static final String[] COUNTS = {"community_order", "suspended_sentence_order", "other", "total"};

  /** Starts by CPA and order type: the hand example of DisclosureRenderTest, with a share. */
  static Table handTable() {
    return Table.create(
        "starts",
        StringColumn.create("cpa", AREAS),
        IntColumn.create("community_order", 20, 15, 40, 75),
        IntColumn.create("suspended_sentence_order", 4, 25, 18, 47),
        IntColumn.create("other", 30, 12, 22, 64),
        IntColumn.create("total", 54, 52, 80, 186),
        DoubleColumn.create("sso_share", 4 / 54.0, 25 / 52.0, 18 / 80.0, 47 / 186.0));
  }

  static ResultTable hand(Provenance p) {
    return new ResultTable(
            "Starts by CPA and order type",
            handTable(),
            List.of("Counts are of orders started in the quarter."),
            Sources.of(p))
        .withCounts(CountColumns.of(COUNTS).withTotalColumn("total").withTotalRow());
  }

  /**
   * What the cell key method shows for a count of the hand table, worked out apart from render and
   * export, as DisclosureRenderTest does: the key of the cell's labels and count under the tests'
   * secret, through the perturbation table.
   */
  static long expected(String cpa, String column, long count) {
    String cell = "cpa=" + cpa + "\u001f" + column + "=" + count;
    return CellKeyMethod.standard().perturb(count, RecordKeys.standard().key(cell));
  }

  static XSSFWorkbook read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new XSSFWorkbook(in);
    }
  }

  static String text(XSSFSheet sheet, int row, int column) {
    Row r = sheet.getRow(row);
    Cell c = r == null ? null : r.getCell(column);
    return c == null ? "" : c.toString();
  }

  /** The one marked-up table of a sheet: its header row index and last row index. */
  static int[] tableRows(XSSFSheet sheet) {
    List<XSSFTable> tables = sheet.getTables();
    assertEquals(1, tables.size(), sheet.getSheetName() + ": one marked-up table");
    XSSFTable t = tables.get(0);
    return new int[] {t.getStartRowIndex(), t.getEndRowIndex(), t.getEndColIndex()};
  }

  @Test
  void workbookHasCoverContentsNotesAndOneTablePerSheetWithoutMergedOrBlankCells()
      throws IOException {
    Table byOwner =
        Table.create(
            "owners",
            StringColumn.create("owner", "Sodexo Justice Services", "Purple Futures"),
            IntColumn.create("cpas", 6, 5),
            DateColumn.create("as_of", LocalDate.of(2016, 4, 1), LocalDate.of(2016, 4, 1)));
    ResultTable owners = ResultTable.of("CPAs by owner", byOwner, Sources.of(PUBLISHED));
    LensSession session = new LensSession();
    Path file = dir.resolve("tables.xlsx");
    Spreadsheet.of(List.of(hand(PUBLISHED), owners), session)
        .titled("Starts and owners")
        .write(file);

    try (XSSFWorkbook wb = read(file)) {
      List<String> names = new ArrayList<>();
      wb.forEach(s -> names.add(s.getSheetName()));
      assertEquals(List.of("Cover", "Contents", "Notes", "Table_1", "Table_2"), names);
      assertEquals("Starts and owners", text(wb.getSheet("Cover"), 0, 0));
      String cover = coverText(wb.getSheet("Cover"));
      assertTrue(cover.contains(PUBLISHED.oneLine()), cover);
      assertTrue(cover.contains("PUBLISHED figures: Table_1, Table_2."), cover);
      assertEquals("Starts and owners", wb.getProperties().getCoreProperties().getTitle());

      XSSFSheet contents = wb.getSheet("Contents");
      assertEquals("Contents", text(contents, 0, 0));
      int[] c = tableRows(contents);
      assertEquals(
          List.of("Sheet name", "Table title", "Kind of figures", "Rows"), row(contents, c[0]));
      assertEquals(
          List.of("Table_1", "Starts by CPA and order type", "PUBLISHED", "4.0"),
          row(contents, c[0] + 1));
      assertEquals(
          "'Table_2'!A1", contents.getRow(c[0] + 2).getCell(0).getHyperlink().getAddress());
      assertEquals(c[0] + 2, c[1], "the contents table ends at its last table");

      XSSFSheet notes = wb.getSheet("Notes");
      int[] n = tableRows(notes);
      assertEquals(
          List.of("[note 1]", "Counts are of orders started in the quarter.", "Table_1"),
          row(notes, n[0] + 1));

      XSSFSheet t1 = wb.getSheet("Table_1");
      assertEquals("Table 1: Starts by CPA and order type", text(t1, 0, 0));
      assertEquals("This worksheet contains one table.", text(t1, 1, 0));
      assertTrue(text(t1, 2, 0).startsWith("PUBLISHED figures. Source: OMSQ probation starts"));
      assertEquals("Notes for this table are on the Notes sheet: [note 1].", text(t1, 3, 0));
      int[] t = tableRows(t1);
      assertEquals(4, t[0], "the header follows the lines above it with no blank row");
      assertEquals(t[0] + 4, t[1]);
      assertEquals(5, t[2]);
      assertEquals(
          List.of(
              "cpa", "community_order", "suspended_sentence_order", "other", "total", "sso_share"),
          row(t1, t[0]));
      Table truth = handTable();
      for (int i = 0; i < 4; i++) {
        Row r = t1.getRow(t[0] + 1 + i);
        assertEquals(AREAS[i], r.getCell(0).getStringCellValue());
        for (int j = 0; j < 4; j++) {
          Cell cell = r.getCell(j + 1);
          assertEquals(CellType.NUMERIC, cell.getCellType(), "a number stored as a number");
          assertEquals(truth.intColumn(COUNTS[j]).get(i), cell.getNumericCellValue(), 0.0);
          assertEquals("#,##0", cell.getCellStyle().getDataFormatString());
        }
        assertEquals(CellType.NUMERIC, r.getCell(5).getCellType());
        assertEquals(truth.doubleColumn("sso_share").get(i), r.getCell(5).getNumericCellValue());
      }

      XSSFSheet t2 = wb.getSheet("Table_2");
      int[] u = tableRows(t2);
      Cell date = t2.getRow(u[0] + 1).getCell(2);
      assertTrue(DateUtil.isCellDateFormatted(date), "a date stored as a date");
      assertEquals(LocalDate.of(2016, 4, 1), date.getLocalDateTimeCellValue().toLocalDate());

      assertEquals(0, wb.getSheet("Cover").getNumMergedRegions(), "Cover: no merged cells");
      assertTrue(wb.getSheet("Cover").getTables().isEmpty(), "the cover is text, not a table");
      for (int s = 1; s < wb.getNumberOfSheets(); s++) {
        XSSFSheet sheet = wb.getSheetAt(s);
        assertEquals(0, sheet.getNumMergedRegions(), sheet.getSheetName() + ": no merged cells");
        int[] table = tableRows(sheet);
        for (int r = table[0]; r <= table[1]; r++) {
          for (int col = 0; col <= table[2]; col++) {
            assertFalse(
                text(sheet, r, col).isBlank(),
                sheet.getSheetName() + " row " + (r + 1) + " column " + (col + 1) + " is blank");
          }
        }
      }
    }
  }

  @Test
  void officialSensitiveCountsAreTheProtectedOnesNeverTheTrueOnes() throws IOException {
    LensSession session = new LensSession();
    Path file = dir.resolve("real.xlsx");
    Spreadsheet.of(List.of(hand(REAL)), session).write(file);

    try (XSSFWorkbook wb = read(file)) {
      XSSFSheet sheet = wb.getSheet("Table_1");
      int[] t = tableRows(sheet);
      Table truth = handTable();
      int moved = 0;
      boolean anyRowMoved = false;
      for (int i = 0; i < 4; i++) {
        Row r = sheet.getRow(t[0] + 1 + i);
        boolean rowMoved = false;
        for (int j = 0; j < 4; j++) {
          long count = truth.intColumn(COUNTS[j]).get(i);
          long shown = expected(AREAS[i], COUNTS[j], count);
          Cell cell = r.getCell(j + 1);
          assertEquals(CellType.NUMERIC, cell.getCellType());
          assertEquals(shown, (long) cell.getNumericCellValue(), AREAS[i] + " " + COUNTS[j]);
          if (shown != count) {
            moved++;
            rowMoved = true;
          }
        }
        // a share worked out from a true count is withheld in a row where a count moved
        Cell share = r.getCell(5);
        if (rowMoved) {
          assertEquals(Spreadsheet.WITHHELD, share.getStringCellValue(), AREAS[i]);
        } else {
          assertEquals(CellType.NUMERIC, share.getCellType(), AREAS[i]);
        }
        anyRowMoved |= rowMoved;
      }
      assertTrue(moved > 0, "the hand table has counts the cell key method moves");
      assertTrue(anyRowMoved);
      String above = text(sheet, 4, 0) + "\n" + text(sheet, 5, 0);
      assertTrue(above.contains("Disclosure control: "), above);
      assertTrue(above.contains("Shorthand: [c] withheld to protect confidentiality"), above);
      XSSFSheet notes = wb.getSheet("Notes");
      String disclosure = text(notes, 4, 1);
      assertTrue(disclosure.startsWith("Disclosure control: "), disclosure);
      assertEquals("[note 2]", text(notes, 4, 0));
      assertTrue(coverText(wb.getSheet("Cover")).contains("OFFICIAL-SENSITIVE records"));
    }
  }

  @Test
  void underAChosenSuppressionPolicyWithheldCountsAreTheShorthandAndTheRestTheirNumbers()
      throws IOException {
    LensSession session = new LensSession();
    session.disclosurePolicy(DisclosurePolicy.withDefaults());
    Path file = dir.resolve("suppressed.xlsx");
    Spreadsheet.of(List.of(hand(REAL)), session).write(file);
    // the pattern worked out by hand in DisclosurePolicyTest.handExampleWithTotals (threshold 10:
    // the 4 is withheld, and 5 more cells so that the totals cannot give it back); the shares of
    // the three rows with a withheld count are withheld too
    List<List<Object>> expected =
        List.of(
            List.of("Cumbria and Lancashire", "[c]", "[c]", 30.0, 54.0, "[c]"),
            List.of("Durham Tees Valley", "[c]", 25.0, "[c]", 52.0, "[c]"),
            List.of("Merseyside", 40.0, "[c]", "[c]", 80.0, "[c]"),
            List.of("All", 75.0, 47.0, 64.0, 186.0, 47 / 186.0));
    try (XSSFWorkbook wb = read(file)) {
      XSSFSheet sheet = wb.getSheet("Table_1");
      int[] t = tableRows(sheet);
      for (int i = 0; i < 4; i++) {
        List<Object> cells = new ArrayList<>();
        for (Cell c : sheet.getRow(t[0] + 1 + i)) {
          cells.add(c.getCellType() == CellType.NUMERIC ? c.getNumericCellValue() : c.toString());
        }
        assertEquals(expected.get(i), cells, AREAS[i]);
      }
      assertTrue(text(wb.getSheet("Notes"), 4, 1).startsWith("Disclosure control: 6 cells"));
    }
  }

  @Test
  void aBareTableIsProtectedOnceOfficialSensitiveRecordsWereUsedInTheSession() throws IOException {
    Table bare =
        Table.create(
            "by area",
            StringColumn.create("cpa", "Merseyside"),
            IntColumn.create("starts", new int[] {40}));
    LensSession session = new LensSession();
    Path before = dir.resolve("before.xlsx");
    Spreadsheet.of(List.of(), session).and("Starts by area", bare, session).write(before);
    session.officialSensitiveSeen(true);
    Path after = dir.resolve("after.xlsx");
    Spreadsheet.of(List.of(), session).and("Starts by area", bare, session).write(after);
    String cell = "cpa=Merseyside\u001fstarts=40";
    long shown = CellKeyMethod.standard().perturb(40, RecordKeys.standard().key(cell));
    try (XSSFWorkbook b = read(before);
        XSSFWorkbook a = read(after)) {
      int[] t = tableRows(b.getSheet("Table_1"));
      assertEquals(40.0, b.getSheet("Table_1").getRow(t[0] + 1).getCell(1).getNumericCellValue());
      assertTrue(text(b.getSheet("Table_1"), 2, 0).startsWith("Source: not stated"));
      int[] u = tableRows(a.getSheet("Table_1"));
      assertEquals(
          (double) shown, a.getSheet("Table_1").getRow(u[0] + 1).getCell(1).getNumericCellValue());
      assertNotEquals(40, shown, "the key of this cell moves it, so the test can tell");
    }
  }

  @Test
  void refusesAFileThatIsNotXlsxAndAnEmptySpreadsheet() {
    Spreadsheet one = Spreadsheet.of(List.of(hand(PUBLISHED)), new LensSession());
    IllegalArgumentException csv =
        assertThrows(IllegalArgumentException.class, () -> one.write(dir.resolve("t.csv")));
    assertEquals(
        dir.resolve("t.csv")
            + ": a spreadsheet is written as XLSX; expected a file name ending in .xlsx",
        csv.getMessage());
    IllegalStateException empty =
        assertThrows(
            IllegalStateException.class,
            () -> Spreadsheet.of(List.of(), new LensSession()).write(dir.resolve("e.xlsx")));
    assertEquals(
        "no table to write to "
            + dir.resolve("e.xlsx")
            + "; add a result first (Spreadsheet.of(result))",
        empty.getMessage());
    IOException missing =
        assertThrows(IOException.class, () -> one.write(dir.resolve("no/such/t.xlsx")));
    assertTrue(missing.getMessage().contains(dir.resolve("no/such") + " does not exist"));
  }

  static List<String> row(XSSFSheet sheet, int r) {
    List<String> cells = new ArrayList<>();
    sheet.getRow(r).forEach(c -> cells.add(c.toString()));
    return cells;
  }

  static String coverText(XSSFSheet sheet) {
    StringBuilder b = new StringBuilder();
    sheet.forEach(r -> r.forEach(c -> b.append(c).append('\n')));
    return b.toString();
  }
}
