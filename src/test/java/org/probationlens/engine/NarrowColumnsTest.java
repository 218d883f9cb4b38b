package org.probationlens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.data.CaseRecords;
import org.probationlens.provenance.Provenance;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The engine holds whole numbers in the narrowest of byte, short and int that their values fit, and
 * identifiers of one width without offsets (issue 27: at most 40 bytes a case); the values read
 * back, filtered, summed and ranked must be those of the validating loader, which keeps ints and
 * strings.
 */
class NarrowColumnsTest {
  @TempDir Path dir;

  private static final String GOOD =
      "K00000001,CRC,C05,YSW,CO,2015-03-02,2016-03-01,12,10,100,true,COMPLETED,1.25";

  private Path write(String... lines) throws IOException {
    Path file = dir.resolve("cases.csv");
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private static String row(int id, int rar, int upw) {
    return GOOD.replace("K00000001", String.format("K%08d", id))
        .replace(",12,10,100,", ",12," + rar + "," + upw + ",");
  }

  @Test
  void eachWholeNumberColumnTakesTheNarrowestTypeItsValuesFit() throws IOException {
    // sentence months 12: bytes; RAR days up to 40,000: ints; unpaid-work hours up to 300: shorts
    Path file = write(CaseCsv.HEADER, row(1, 10, 100), row(2, 40_000, 300), row(3, 0, 0));
    for (int threads : new int[] {1, 2}) {
      ColumnTable fast = CaseCsv.readFast(file, threads);
      assertNotNull(((Col.Ints) fast.column("sentence_months")).bytes);
      assertNotNull(((Col.Ints) fast.column("rar_days")).values);
      assertNotNull(((Col.Ints) fast.column("upw_hours")).shorts);
      Table loaded = CaseRecords.load(file, Provenance.Kind.SYNTHETIC).table();
      for (String column : List.of("sentence_months", "rar_days", "upw_hours")) {
        assertEquals(
            loaded.intColumn(column).asList(),
            fast.toTablesaw().intColumn(column).asList(),
            column);
      }
    }
    // a file the fast reader leaves to the validating loader (quoted ids) is narrowed alike
    Path quoted =
        write(CaseCsv.HEADER, "\"K1\"" + row(1, 10, 100).substring(9), row(2, 40_000, 300));
    assertThrows(Refusal.class, () -> CaseCsv.readFast(quoted, 1));
    ColumnTable loaded = CaseCsv.read(quoted);
    assertNotNull(((Col.Ints) loaded.column("sentence_months")).bytes);
    assertNotNull(((Col.Ints) loaded.column("upw_hours")).shorts);
    assertEquals(List.of(10, 40_000), loaded.toTablesaw().intColumn("rar_days").asList());
    Path small = write(CaseCsv.HEADER, row(1, 10, 100), row(2, 5_000, 40));
    assertNotNull(((Col.Ints) CaseCsv.readFast(small, 1).column("rar_days")).shorts);
    assertNotNull(((Col.Ints) CaseCsv.readFast(small, 1).column("upw_hours")).bytes);
  }

  @Test
  void identifiersOfOneWidthAreHeldWithoutOffsets() throws IOException {
    ColumnTable same = CaseCsv.readFast(write(CaseCsv.HEADER, row(1, 0, 0), row(2, 0, 0)), 1);
    Col.Text ids = (Col.Text) same.column("case_id");
    assertNull(ids.offsets);
    assertEquals(9, ids.width);
    assertEquals(18, ids.bytes.length, "two identifiers of 9 bytes, nothing else");
    assertEquals("K00000002", ids.get(1));
    assertThrows(IndexOutOfBoundsException.class, () -> ids.get(2));

    Path mixed =
        write(
            CaseCsv.HEADER,
            GOOD.replace("K00000001", "K1"),
            GOOD.replace("K00000001", "K22"),
            GOOD.replace("K00000001", "K333"));
    Col.Text varying = (Col.Text) CaseCsv.readFast(mixed, 1).column("case_id");
    assertNotNull(varying.offsets);
    assertEquals(
        List.of("K1", "K22", "K333"), List.of(varying.get(0), varying.get(1), varying.get(2)));
  }

  @Test
  void aRepeatAmongIdentifiersOfOneWidthOutOfOrderIsStillFound() throws IOException {
    // not ascending, so the hash check runs, on offsets made from the width
    Path file = write(CaseCsv.HEADER, row(3, 0, 0), row(1, 0, 0), row(2, 0, 0), row(1, 0, 0));
    Refusal refusal = assertThrows(Refusal.class, () -> CaseCsv.readFast(file, 1));
    assertEquals(5, refusal.problem().line());
    assertEquals("K00000001", refusal.problem().value());
    assertEquals("a unique case_id; line 3 has the same", refusal.problem().expected());
  }

  @Test
  void narrowColumnsFilterSumAndRankAsInts() {
    // three columns of the same shape at each width; each answer worked out by hand below
    Table source =
        Table.create(
            "t",
            StringColumn.create("g", "a", "a", "a", "b", "b"),
            IntColumn.create("small", 1, 5, 9, -3, 7),
            IntColumn.create("medium", 100, 500, 900, -300, 700),
            IntColumn.create("large", 100_000, 500_000, 900_000, -300_000, 700_000));
    ColumnTable table = ColumnTable.fromTablesaw(source);
    assertNotNull(((Col.Ints) table.column("small")).bytes);
    assertNotNull(((Col.Ints) table.column("medium")).shorts);
    assertNotNull(((Col.Ints) table.column("large")).values);
    int[] scale = {1, 100, 100_000};
    String[] names = {"small", "medium", "large"};
    for (int c = 0; c < names.length; c++) {
      String x = names[c];
      int k = scale[c];
      // kept (x between 0 and 8 k): a: 1, 5; b: 7 (times k)
      Table g =
          Aggregate.of(table)
              .where(Filter.between(x, 0, 8.0 * k))
              .by("g")
              .count()
              .sum(x)
              .median(x)
              .threads(2)
              .run()
              .sortAscendingOn("g");
      assertEquals(List.of(2, 1), g.intColumn("count").asList(), x);
      assertEquals(6.0 * k, g.doubleColumn("sum_" + x).getDouble(0), 0, x); // 1 + 5
      assertEquals(7.0 * k, g.doubleColumn("sum_" + x).getDouble(1), 0, x);
      assertEquals(3.0 * k, g.doubleColumn("median_" + x).getDouble(0), 0, x); // (1 + 5) / 2
      assertEquals(7.0 * k, g.doubleColumn("median_" + x).getDouble(1), 0, x);
      // no filter, median of a: 1, 5, 9 -> 5; of b: -3, 7 -> 2; sums 15 and 4
      Table all = Aggregate.of(table).by("g").sum(x).median(x).run().sortAscendingOn("g");
      assertEquals(15.0 * k, all.doubleColumn("sum_" + x).getDouble(0), 0, x);
      assertEquals(4.0 * k, all.doubleColumn("sum_" + x).getDouble(1), 0, x);
      assertEquals(5.0 * k, all.doubleColumn("median_" + x).getDouble(0), 0, x);
      assertEquals(2.0 * k, all.doubleColumn("median_" + x).getDouble(1), 0, x);
      assertEquals(
          source.intColumn(x).asList(), table.toTablesaw().intColumn(x).asList(), x + " back");
    }
  }
}
