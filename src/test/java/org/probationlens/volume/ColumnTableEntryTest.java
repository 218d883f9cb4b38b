package org.probationlens.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.probationlens.area.Geography;
import org.probationlens.area.Level;
import org.probationlens.engine.CaseCsv;
import org.probationlens.engine.ColumnTable;
import org.probationlens.period.FinancialYear;
import org.probationlens.period.ReportingPeriod;
import org.probationlens.read.DatasetValidationException;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@link VolumeVariance#of(ColumnTable, Table)} (cases read by the engine's fast reader) against
 * {@link VolumeVariance#of(Table, Table)} (the same file through the validating loader): two
 * independent reads of {@code data/sample/cases.csv}, so any difference in parsing, filtering or
 * grouping shows as a differing cell.
 */
class ColumnTableEntryTest {

  private static VolumeVariance fromTablesaw;
  private static VolumeVariance fromEngine;

  @BeforeAll
  static void readTheSampleBothWays() {
    SampleData sample = SampleData.committed();
    fromTablesaw = VolumeVariance.of(sample.cases(), sample.forecast());
    fromEngine = VolumeVariance.of(CaseCsv.read(sample.casesCsv()), sample.forecast());
  }

  @Test
  void everyLevelAndPeriodGivesTheSameTable() {
    ReportingPeriod baseline = ReportingPeriod.of(FinancialYear.of(2014));
    // Northamptonshire's NPS division is not published; the division level needs a stated choice
    Geography geography = Geography.standard().assumingNpsDivision("NTS", "N06");
    List<ReportingPeriod> periods =
        List.of(
            ReportingPeriod.of(FinancialYear.of(2015)),
            ReportingPeriod.financialQuarter(FinancialYear.of(2017), 1),
            ReportingPeriod.of(FinancialYear.of(2019)));
    int compared = 0;
    for (ReportingPeriod period : periods) {
      for (Level level : Level.values()) {
        Table expected =
            fromTablesaw
                .withGeography(geography)
                .apportioningForecastBy(baseline)
                .shortfall(level, period)
                .table();
        Table actual =
            fromEngine
                .withGeography(geography)
                .apportioningForecastBy(baseline)
                .shortfall(level, period)
                .table();
        assertSameCells(expected, actual, level + " " + period);
        compared++;
      }
      assertSameCells(
          fromTablesaw.mixEffect(Level.CPA, period).table(),
          fromEngine.mixEffect(Level.CPA, period).table(),
          "mix effect " + period);
    }
    assertSameCells(
        fromTablesaw.annualVolumes(LocalDate.of(2020, 12, 31)).table(),
        fromEngine.annualVolumes(LocalDate.of(2020, 12, 31)).table(),
        "annual volumes");
    assertEquals(3 * Level.values().length, compared);
  }

  @Test
  void aTableWithoutTheColumnsIsRefusedByName() {
    ColumnTable noWeight = oneCrcCase();
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class,
            () -> VolumeVariance.of(noWeight, SampleData.committed().forecast()));
    assertTrue(e.getMessage().startsWith("table 'cases': 2 problems;"), e.getMessage());
    assertTrue(
        e.getMessage().contains("found \"no column 'start_date'\", expected a column 'start_date'"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("found \"no column 'weight'\", expected a column 'weight'"),
        e.getMessage());
  }

  @Test
  void aWeightThatIsNotANumberIsRefused() {
    ColumnTable textWeight =
        oneCrcCase(
            DateColumn.create("start_date", LocalDate.of(2015, 5, 1)),
            StringColumn.create("weight", "heavy"));
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class,
            () -> VolumeVariance.of(textWeight, SampleData.committed().forecast()));
    assertTrue(e.getMessage().contains("weight"), e.getMessage());
  }

  /** One CRC case in Cumbria (C01), a community order, with the given further columns. */
  private static ColumnTable oneCrcCase(Column<?>... more) {
    Table t =
        Table.create(
            "cases",
            StringColumn.create("provider_type", "CRC"),
            StringColumn.create("provider_code", "C01"),
            StringColumn.create("pcc_area", "CMB"),
            StringColumn.create("work_type", "CO"));
    t.addColumns(more);
    return ColumnTable.fromTablesaw(t);
  }

  private static void assertSameCells(Table expected, Table actual, String what) {
    assertEquals(expected.columnNames(), actual.columnNames(), what);
    assertEquals(expected.rowCount(), actual.rowCount(), what);
    assertTrue(expected.rowCount() > 0, what + ": nothing compared");
    for (String name : expected.columnNames()) {
      for (int r = 0; r < expected.rowCount(); r++) {
        Object e = expected.column(name).get(r);
        Object a = actual.column(name).get(r);
        if (expected.column(name) instanceof DoubleColumn) {
          assertEquals((Double) e, (Double) a, 1e-9, what + " " + name + " row " + r);
        } else {
          assertEquals(e, a, what + " " + name + " row " + r);
        }
      }
    }
  }
}
