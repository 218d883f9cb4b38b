package org.probationlens.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.area.Geography;
import org.probationlens.area.Level;
import org.probationlens.data.CaseRecords;
import org.probationlens.data.ForecastVolumes;
import org.probationlens.period.FinancialYear;
import org.probationlens.period.ReportingPeriod;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.stats.CellKeyMethod;
import org.probationlens.stats.RecordKeys;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The counts of people that the volume analysis makes from official-sensitive cases are perturbed
 * where they are made, by the cell key method, and everything after is computed from them.
 */
class CountProtectionTest {

  @TempDir static Path dir;
  static LoadedDataset cases;
  static LoadedDataset forecast;
  static final ReportingPeriod YEAR = ReportingPeriod.of(FinancialYear.parse("2015-16"));

  @BeforeAll
  static void stateTheSampleReal() throws IOException {
    // The committed sample, copied away from its MANIFEST and stated as real records: what an
    // analyst's own extract looks like to the library.
    LoadedDataset[] real = SampleData.statedReal(dir);
    cases = real[0];
    forecast = real[1];
  }

  /**
   * The true key sums, worked out apart from the analysis: each CRC case started in the year adds
   * its record key to its (CPA, work type) cell.
   */
  private static Map<String, long[]> truth() {
    Table t = cases.table();
    RecordKeys keys = RecordKeys.standard();
    Map<String, long[]> out = new HashMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      LocalDate start = t.dateColumn("start_date").get(i);
      if (!t.stringColumn("provider_type").get(i).equals("CRC")
          || start.isBefore(YEAR.start())
          || start.isAfter(YEAR.end())) {
        continue;
      }
      String cell =
          t.stringColumn("provider_code").get(i) + "/" + t.stringColumn("work_type").get(i);
      long[] v = out.computeIfAbsent(cell, k -> new long[2]);
      v[0]++;
      v[1] += keys.key(t.stringColumn("case_id").get(i));
    }
    return out;
  }

  @Test
  void eachCountOfRealCasesIsTheCellKeyMethodsPerturbationOfItsTrueCount() {
    Shortfall shown = VolumeVariance.of(cases, forecast).shortfallByWorkType(Level.CPA, YEAR);
    Map<String, long[]> truth = truth();
    CellKeyMethod m = CellKeyMethod.standard();
    Table t = shown.table();
    int changed = 0;
    int cells = 0;
    for (int i = 0; i < t.rowCount(); i++) {
      String cell = t.stringColumn("cpa").get(i) + "/" + t.stringColumn("work_type").get(i);
      long[] v = truth.getOrDefault(cell, new long[2]);
      long count = Math.round(t.numberColumn(VolumeVariance.ACTUAL_COUNT).getDouble(i));
      assertEquals(m.perturb(v[0], v[1]), count, cell + " with true count " + v[0]);
      assertTrue(Math.abs(count - v[0]) <= 4 && count != 1 && count != 2, cell);
      cells++;
      changed += count != v[0] ? 1 : 0;
    }
    assertEquals(105, cells, "21 CPAs x 5 work types");
    // About 3 in 4 counts move at this variance; a table with none moved would be unprotected.
    assertTrue(changed > 50 && changed < 100, changed + " of " + cells + " moved");
    assertTrue(shown.sources().protectedAtSource());
    assertTrue(
        shown.sources().protection().startsWith("cell key method"), shown.sources().protection());
  }

  @Test
  void theTrueCountsNeedAnExplicitActAndTheSourcesSaySo() {
    VolumeVariance off = VolumeVariance.of(cases, forecast).withoutDisclosureControl();
    Table t = off.shortfallByWorkType(Level.CPA, YEAR).table();
    Map<String, long[]> truth = truth();
    for (int i = 0; i < t.rowCount(); i++) {
      String cell = t.stringColumn("cpa").get(i) + "/" + t.stringColumn("work_type").get(i);
      assertEquals(
          truth.getOrDefault(cell, new long[2])[0],
          Math.round(t.numberColumn(VolumeVariance.ACTUAL_COUNT).getDouble(i)));
    }
    assertFalse(off.sources().protectedAtSource());
    assertTrue(off.sources().assumptions().contains(VolumeVariance.TURNED_OFF));
  }

  @Test
  void theSameQuestionGivesTheSameAnswerAndRollUpsAddUpThePerturbedCounts() {
    VolumeVariance v = VolumeVariance.of(cases, forecast);
    Table cpa = v.shortfall(Level.CPA, YEAR).table();
    assertEquals(
        cpa.toString(),
        VolumeVariance.of(cases, forecast).shortfall(Level.CPA, YEAR).table().toString());
    // An owner's count is the sum of its CPAs' shown counts, so subtracting one table from the
    // other gives back only shown, perturbed figures.
    Table owner = v.withOwnersAsOf(YEAR.end()).shortfall(Level.OWNER, YEAR).table();
    Map<String, Double> byOwner = new HashMap<>();
    Geography g = Geography.standard();
    StringColumn code = cpa.stringColumn("cpa");
    tech.tablesaw.api.NumericColumn<?> actual = cpa.numberColumn(VolumeVariance.ACTUAL_COUNT);
    for (int i = 0; i < cpa.rowCount(); i++) {
      byOwner.merge(g.ownerOf(code.get(i), YEAR.end()).code(), actual.getDouble(i), Double::sum);
    }
    for (int i = 0; i < owner.rowCount(); i++) {
      assertEquals(
          byOwner.get(owner.stringColumn("owner").get(i)),
          owner.numberColumn(VolumeVariance.ACTUAL_COUNT).getDouble(i),
          1e-9);
    }
  }

  @Test
  void syntheticCasesAreShownTrueUnlessProtectionIsAskedFor() {
    SampleData sample = SampleData.committed();
    VolumeVariance synthetic =
        VolumeVariance.of(
            CaseRecords.load(sample.casesCsv()), ForecastVolumes.load(sample.forecastCsv()));
    assertTrue(synthetic.protection().isEmpty());
    assertFalse(synthetic.sources().protectedAtSource());
    assertTrue(
        synthetic.withDisclosureControl(CellKeyMethod.standard()).sources().protectedAtSource());
  }

  @Test
  void countsMadeElsewhereWithoutRecordKeysAreRefusedRatherThanShownBare() {
    CrcStarts elsewhere = q -> java.util.List.of(new CrcStarts.Sums("C01", "CO", 5, 5.0));
    VolumeVariance v =
        VolumeVariance.of(
            elsewhere, org.probationlens.provenance.Sources.of(cases.provenance()), forecast);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> v.shortfall(Level.CPA, YEAR));
    assertTrue(e.getMessage().contains("record keys"), e.getMessage());
  }
}
