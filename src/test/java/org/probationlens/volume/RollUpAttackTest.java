package org.probationlens.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.area.Geography;
import org.probationlens.area.Level;
import org.probationlens.area.PccArea;
import org.probationlens.period.FinancialYear;
import org.probationlens.period.ReportingPeriod;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.stats.CellKeyMethod;
import org.probationlens.stats.IntervalAttack;
import tech.tablesaw.api.Table;

/**
 * The attack of issue 26 across related tables, on the volume analysis's own outputs for an
 * official-sensitive extract: CRC starts by PCC area and work type, the same by CPA, and the same
 * again after one PCC area's cases are filtered out and the analysis run again. A reader sees all
 * three tables and knows the perturbation table; for each CPA and work type the true PCC counts are
 * unknowns, bounded by linear programming over every figure that touches them. No count may be
 * pinned to one value, and the plain differencing estimate (a CPA less its other PCC areas) must
 * stay within what the method promises: at most 4 from the truth for each figure used.
 */
class RollUpAttackTest {

  @TempDir static Path dir;
  static LoadedDataset cases;
  static LoadedDataset forecast;
  static final ReportingPeriod YEAR = ReportingPeriod.of(FinancialYear.parse("2016-17"));
  static final ReportingPeriod BASELINE = ReportingPeriod.of(FinancialYear.parse("2015-16"));
  static final CellKeyMethod METHOD = CellKeyMethod.standard();

  @BeforeAll
  static void stateTheSampleReal() throws IOException {
    LoadedDataset[] real = SampleData.statedReal(dir);
    cases = real[0];
    forecast = real[1];
  }

  /** (unit/work type) → count, from a shortfall table by work type. */
  private static Map<String, Long> counts(Table t, String unit) {
    Map<String, Long> out = new HashMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      out.put(
          t.stringColumn(unit).get(i) + "/" + t.stringColumn("work_type").get(i),
          Math.round(t.numberColumn(VolumeVariance.ACTUAL_COUNT).getDouble(i)));
    }
    return out;
  }

  @Test
  void rollUpsAndAFilteredCopyGiveNoCountBack() {
    VolumeVariance shown = VolumeVariance.of(cases, forecast).apportioningForecastBy(BASELINE);
    VolumeVariance truth = shown.withoutDisclosureControl();
    Map<String, Long> pcc =
        counts(shown.shortfallByWorkType(Level.PCC_AREA, YEAR).table(), "pcc_area");
    Map<String, Long> cpa = counts(shown.shortfallByWorkType(Level.CPA, YEAR).table(), "cpa");
    Map<String, Long> pccTrue =
        counts(truth.shortfallByWorkType(Level.PCC_AREA, YEAR).table(), "pcc_area");
    // The attack below assumes the reader sees perturbed figures: check they are.
    assertTrue(shown.sources().protectedAtSource());
    long moved = pcc.keySet().stream().filter(k -> !pcc.get(k).equals(pccTrue.get(k))).count();
    assertTrue(moved > 50, moved + " of " + pcc.size() + " PCC counts moved");
    // The same cases less one PCC area's (Cleveland, one of the two areas of CPA C03), counted
    // again: the reader's "filtered copy".
    String dropped = "CLE";
    Table kept = cases.table();
    kept = kept.where(kept.stringColumn("pcc_area").isNotEqualTo(dropped));
    VolumeVariance filteredRun =
        VolumeVariance.of(kept, forecast.table())
            .withDisclosureControl(METHOD)
            .apportioningForecastBy(BASELINE);
    Map<String, Long> cpaFiltered =
        counts(filteredRun.shortfallByWorkType(Level.CPA, YEAR).table(), "cpa");
    Map<String, Long> pccFiltered =
        counts(filteredRun.shortfallByWorkType(Level.PCC_AREA, YEAR).table(), "pcc_area");
    // The same records give the same figure in every table: the PCC areas the filter left alone
    // show exactly what they showed before.
    pccFiltered.forEach(
        (cell, v) -> {
          if (!cell.startsWith(dropped + "/")) {
            assertEquals(pcc.get(cell), v, cell + " in the filtered copy");
          }
        });

    Geography g = Geography.standard();
    int unknownsSeen = 0;
    int small = 0;
    long smallValues = 0;
    long worstDifferencing = 0;
    int exactByDifferencing = 0;
    for (var c : g.cpas()) {
      List<PccArea> areas = g.areasOf(c.code());
      for (String type : List.of("CO", "SSO", "LIC", "PSS", "PRE")) {
        IntervalAttack attack = new IntervalAttack(areas.size());
        int[] all = new int[areas.size()];
        List<Integer> notDropped = new ArrayList<>();
        for (int k = 0; k < areas.size(); k++) {
          all[k] = k;
          String cell = areas.get(k).code() + "/" + type;
          attack.sees(METHOD, pcc.getOrDefault(cell, 0L), k);
          if (!areas.get(k).code().equals(dropped)) {
            notDropped.add(k);
          }
        }
        String cpaCell = c.code() + "/" + type;
        attack.sees(METHOD, cpa.getOrDefault(cpaCell, 0L), all);
        attack.sees(
            METHOD,
            cpaFiltered.getOrDefault(cpaCell, 0L),
            notDropped.stream().mapToInt(Integer::intValue).toArray());
        for (int k = 0; k < areas.size(); k++) {
          String cell = areas.get(k).code() + "/" + type;
          long t = pccTrue.getOrDefault(cell, 0L);
          double[] range = attack.range(k);
          assertTrue(
              range[0] <= t + 1e-7 && t <= range[1] + 1e-7,
              cell + ": range " + range[0] + ".." + range[1] + " misses the truth " + t);
          long values = IntervalAttack.wholeValues(range);
          assertTrue(values >= 2, cell + " recovered exactly: " + range[0] + ".." + range[1]);
          unknownsSeen++;
          if (t >= 1 && t <= 9) {
            small++;
            smallValues += values;
          }
          // plain differencing: the CPA less the other areas' shown counts
          long estimate = cpa.getOrDefault(cpaCell, 0L);
          for (int o = 0; o < areas.size(); o++) {
            if (o != k) {
              estimate -= pcc.getOrDefault(areas.get(o).code() + "/" + type, 0L);
            }
          }
          long error = Math.abs(estimate - t);
          assertTrue(
              error <= (long) METHOD.maxDeviation() * areas.size(),
              cell + ": differencing missed by " + error + ", more than the method allows");
          worstDifferencing = Math.max(worstDifferencing, error);
          exactByDifferencing += areas.size() > 1 && error == 0 ? 1 : 0;
        }
      }
    }
    System.out.printf(
        "roll-up attack: %d PCC counts by work type, none recovered; counts of 1 to 9: %d, mean"
            + " range %.1f values; differencing a CPA by its other areas: worst error %d, right by"
            + " chance %d times (never knowably)%n",
        unknownsSeen, small, smallValues / (double) small, worstDifferencing, exactByDifferencing);
    assertEquals(210, unknownsSeen, "42 PCC areas x 5 work types");
    assertTrue(small > 0, "the sample has small PCC counts to attack");
  }
}
