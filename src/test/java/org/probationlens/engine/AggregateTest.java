package org.probationlens.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class AggregateTest {

  /** Six made-up cases, small enough to work every figure out by hand. */
  static Table sixCases() {
    return Table.create(
        "six",
        StringColumn.create("provider_type", "CRC", "CRC", "NPS", "CRC", "NPS", "CRC"),
        StringColumn.create("work_type", "CO", "LIC", "CO", "CO", "LIC", "CO"),
        DateColumn.create(
            "start_date",
            List.of(
                LocalDate.of(2015, 1, 31),
                LocalDate.of(2015, 2, 1),
                LocalDate.of(2015, 3, 31),
                LocalDate.of(2015, 4, 1),
                LocalDate.of(2016, 3, 31),
                LocalDate.of(2016, 4, 1))),
        IntColumn.create("duration_days", 1, 2, 3, 4, 10, 7),
        DoubleColumn.create("weight", 1.5, 0.5, 2.0, 1.0, 3.0, 0.25));
  }

  @Test
  void quantilesByLinearInterpolationByHand() {
    Table table =
        Table.create(
            "q",
            StringColumn.create(
                "g", "odd", "odd", "odd", "odd", "odd", "even", "even", "even", "even", "one"),
            IntColumn.create("v", 10, 1, 4, 2, 3, 4, 1, 3, 2, 5));
    Table result =
        Aggregate.of(table)
            .by("g")
            .median("v")
            .quantile("v", 0.9)
            .quantile("v", 0)
            .quantile("v", 1)
            .run();
    // Groups sorted by key: even, odd, one.
    assertEquals(List.of("even", "odd", "one"), result.stringColumn("g").asList());
    // even = {1,2,3,4}: median h = 3 * 0.5 = 1.5 -> 2 + 0.5 * (3 - 2) = 2.5;
    //                   p90    h = 3 * 0.9 = 2.7 -> 3 + 0.7 * (4 - 3) = 3.7.
    // odd = {1,2,3,4,10}: median h = 2 -> 3; p90 h = 3.6 -> 4 + 0.6 * (10 - 4) = 7.6.
    // one = {5}: every quantile is 5.
    assertArrayEquals(
        new double[] {2.5, 3, 5}, result.doubleColumn("median_v").asDoubleArray(), 1e-15);
    assertArrayEquals(
        new double[] {3.7, 7.6, 5}, result.doubleColumn("p90_v").asDoubleArray(), 1e-12);
    assertArrayEquals(new double[] {1, 1, 5}, result.doubleColumn("p0_v").asDoubleArray(), 0);
    assertArrayEquals(new double[] {4, 10, 5}, result.doubleColumn("p100_v").asDoubleArray(), 0);
  }

  @Test
  void filtersKeepExactlyTheMatchingCases() {
    Table result =
        Aggregate.of(sixCases())
            .where(Filter.equalTo("provider_type", "CRC"))
            .where(Filter.between("start_date", LocalDate.of(2015, 2, 1), LocalDate.of(2016, 4, 1)))
            .by("work_type")
            .count()
            .sum("weight")
            .as("weighted_volume")
            .weightedSum("duration_days", "weight")
            .mean("duration_days")
            .min("duration_days")
            .max("duration_days")
            .run();
    // CRC and 2015-02-01..2016-04-01 inclusive: rows 2 (LIC, 2d, 0.5), 4 (CO, 4d, 1.0),
    // 6 (CO, 7d, 0.25). Row 1 starts a day early; rows 3 and 5 are NPS.
    assertEquals(List.of("CO", "LIC"), result.stringColumn("work_type").asList());
    assertArrayEquals(new int[] {2, 1}, result.intColumn("count").asIntArray());
    assertArrayEquals(
        new double[] {1.25, 0.5}, result.doubleColumn("weighted_volume").asDoubleArray(), 0);
    // CO: 4 * 1.0 + 7 * 0.25 = 5.75; LIC: 2 * 0.5 = 1.0.
    assertArrayEquals(
        new double[] {5.75, 1.0},
        result.doubleColumn("wsum_duration_days_weight").asDoubleArray(),
        0);
    assertArrayEquals(
        new double[] {5.5, 2}, result.doubleColumn("mean_duration_days").asDoubleArray(), 0);
    assertArrayEquals(
        new double[] {4, 2}, result.doubleColumn("min_duration_days").asDoubleArray(), 0);
    assertArrayEquals(
        new double[] {7, 2}, result.doubleColumn("max_duration_days").asDoubleArray(), 0);
  }

  @Test
  void quartersAndFinancialYearsFollowTheCalendar() {
    ColumnTable table =
        ColumnTable.fromTablesaw(sixCases())
            .withQuarter("quarter", "start_date")
            .withFinancialYear("year", "start_date");
    Table result = Aggregate.of(table).by("year", "quarter").count().run();
    // 2015-01-31 and 2015-03-31 are Q1 of 2015, in 2014-15; 2015-02-01 too.
    // 2015-04-01 is 2015-Q2 in 2015-16; 2016-03-31 is 2016-Q1 in 2015-16; 2016-04-01 2016-Q2.
    assertEquals(
        List.of("2014-15", "2015-16", "2015-16", "2016-17"), result.stringColumn("year").asList());
    assertEquals(
        List.of("2015-Q1", "2015-Q2", "2016-Q1", "2016-Q2"),
        result.stringColumn("quarter").asList());
    assertArrayEquals(new int[] {3, 1, 1, 1}, result.intColumn("count").asIntArray());
  }

  @Test
  void resultsDoNotDependOnTheThreadCount(@TempDir Path dir) {
    ColumnTable cases =
        CaseCsv.read(CaseFixtures.writeCases(dir.resolve("cases.csv"), 150_000, 7L), 1)
            .withQuarter("quarter", "start_date")
            .withDaysBetween("duration_days", "start_date", "end_date");
    Aggregate plan =
        Aggregate.of(cases)
            .where(Filter.in("work_type", "CO", "SSO", "LIC"))
            .by("pcc_area", "quarter")
            .count()
            .sum("weight")
            .weightedSum("duration_days", "weight")
            .mean("weight")
            .median("duration_days")
            .quantile("weight", 0.9)
            .distinctCount("provider_code");
    Table one = plan.threads(1).run();
    for (int threads : new int[] {2, 3, 8}) {
      Table many = plan.threads(threads).run();
      assertEquals(one.rowCount(), many.rowCount());
      for (int c = 0; c < one.columnCount(); c++) {
        assertEquals(one.column(c).asList(), many.column(c).asList(), threads + " threads");
      }
    }
    // The reader too: one thread or several give the same table.
    Table single = CaseCsv.read(dir.resolve("cases.csv"), 1).toTablesaw();
    Table several = CaseCsv.read(dir.resolve("cases.csv"), 3).toTablesaw();
    for (int c = 0; c < single.columnCount(); c++) {
      assertEquals(single.column(c).asList(), several.column(c).asList(), single.column(c).name());
    }
  }

  @Test
  void sparseKeysGiveTheSameGroupsAsDenseOnes() {
    // Key space 500 ids x 2 kinds x 500 others = 500,000 combinations for 500 rows: more than
    // the engine indexes densely for so few rows, so it hashes the packed keys instead.
    int n = 500;
    String[] ids = new String[n];
    String[] kinds = new String[n];
    String[] others = new String[n];
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      ids[i] = "id" + (i * 7919 % 40_000);
      kinds[i] = i % 2 == 0 ? "a" : "b";
      others[i] = "o" + (n - i);
      values[i] = i;
    }
    Table table =
        Table.create(
            "t",
            StringColumn.create("id", ids),
            StringColumn.create("kind", kinds),
            StringColumn.create("other", others),
            DoubleColumn.create("x", values));
    Table result = Aggregate.of(table).by("id", "kind", "other").count().sum("x").run();
    // i -> i * 7919 mod 40000 is one-to-one on 0..499 (7919 is prime, coprime to 40000).
    assertEquals(n, result.rowCount());
    assertEquals(n * (n - 1) / 2.0, result.doubleColumn("sum_x").sum(), 0);
    assertEquals(
        result.stringColumn("id").asList().stream().sorted().toList(),
        result.stringColumn("id").asList());
  }

  @Test
  void refusesMisspeltCodesAndUnmeasurableColumns() {
    Aggregate plan = Aggregate.of(sixCases());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> plan.where(Filter.equalTo("provider_type", "crc")).count().run());
    assertEquals(
        "filter provider_type = crc: \"crc\" is not a value of column provider_type; expected"
            + " one of [CRC, NPS]",
        e.getMessage());
    IllegalArgumentException m =
        assertThrows(IllegalArgumentException.class, () -> plan.median("start_date"));
    assertEquals(
        "column start_date is a date column; expected a whole-number, decimal or boolean column"
            + " (derive days with ColumnTable.withDaysBetween)",
        m.getMessage());
    assertThrows(IllegalArgumentException.class, () -> plan.by("weight"));
    assertThrows(IllegalArgumentException.class, () -> plan.by("work_type").run());
  }

  @Test
  void adapterRefusesMissingValues() {
    Table table = sixCases();
    table.doubleColumn("weight").setMissing(3);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ColumnTable.fromTablesaw(table));
    assertEquals(
        "table six, column weight, row 4: missing value; the engine holds complete columns only",
        e.getMessage());
  }

  @Test
  void adapterRefusesMissingStringsHoweverTheyWereMarked() {
    // Tablesaw marks a missing string as "". StringColumn.isMissing(int) sees one appended as
    // missing but not one set with setMissing; the adapter must refuse both.
    Table set = sixCases();
    set.stringColumn("work_type").setMissing(2);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ColumnTable.fromTablesaw(set));
    assertEquals(
        "table six, column work_type, row 3: missing value; the engine holds complete columns only",
        e.getMessage());
    StringColumn g = StringColumn.create("g", "a", "b");
    g.appendMissing();
    Table appended = Table.create("t", g, IntColumn.create("v", 1, 2, 3));
    e = assertThrows(IllegalArgumentException.class, () -> ColumnTable.fromTablesaw(appended));
    assertEquals(
        "table t, column g, row 3: missing value; the engine holds complete columns only",
        e.getMessage());
  }
}
