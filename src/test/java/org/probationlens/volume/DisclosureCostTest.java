package org.probationlens.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.area.Level;
import org.probationlens.period.FinancialYear;
import org.probationlens.period.ReportingPeriod;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.render.Disclosure;
import org.probationlens.stats.DisclosurePolicy;
import tech.tablesaw.api.Table;

/**
 * The cost in information of disclosure control on the tables notebooks 01 and 02 draw from an
 * official-sensitive extract (the committed sample stated real): shortfall by CPA, PCC area, owner
 * and CPA by work type, 2015-16. Before: the threshold suppression that was the default (threshold
 * 10, secondary suppression, applied when drawn). After: the cell key method applied where the
 * counts are made. Printed for the note; asserted only as far as the methods promise.
 */
class DisclosureCostTest {

  @TempDir Path dir;

  @Test
  void perturbationHidesNoCellWhereSuppressionHidDozens() throws IOException {
    LoadedDataset[] real = SampleData.statedReal(dir);
    LoadedDataset cases = real[0];
    LoadedDataset forecast = real[1];
    ReportingPeriod year = ReportingPeriod.of(FinancialYear.parse("2015-16"));
    VolumeVariance after =
        VolumeVariance.of(cases, forecast)
            .apportioningForecastBy(ReportingPeriod.of(FinancialYear.parse("2014-15")));
    VolumeVariance before = after.withoutDisclosureControl();
    int cells = 0;
    int suppressed = 0;
    int derivedWithheld = 0;
    int moved = 0;
    long absoluteChange = 0;
    StringBuilder lines = new StringBuilder();
    for (Level level : List.of(Level.CPA, Level.PCC_AREA, Level.OWNER)) {
      for (boolean byType : List.of(false, true)) {
        Shortfall t =
            byType ? before.shortfallByWorkType(level, year) : before.shortfall(level, year);
        Shortfall s =
            byType ? after.shortfallByWorkType(level, year) : after.shortfall(level, year);
        Table truth = t.table();
        Table shown = s.table();
        // before: the old default, suppression when drawn
        Disclosure.Applied old =
            Disclosure.protect(truth, t.countColumns(), DisclosurePolicy.withDefaults());
        int sup = old.outcome().orElseThrow().suppressedCount();
        int withheld = 0;
        for (String c :
            List.of(
                VolumeVariance.COUNT_SHORTFALL_PCT,
                VolumeVariance.WEIGHTED_SHORTFALL_PCT,
                VolumeVariance.ACTUAL_WEIGHTED)) {
          withheld += old.numeric().column(c).countMissing() - truth.column(c).countMissing();
        }
        int m = 0;
        long change = 0;
        assertEquals(truth.rowCount(), shown.rowCount(), level + " rows");
        for (int i = 0; i < truth.rowCount(); i++) {
          long a = Math.round(truth.numberColumn(VolumeVariance.ACTUAL_COUNT).getDouble(i));
          long b = Math.round(shown.numberColumn(VolumeVariance.ACTUAL_COUNT).getDouble(i));
          m += a != b ? 1 : 0;
          change += Math.abs(a - b);
        }
        lines.append(
            String.format(
                "%-8s %-13s %3d cells | suppression: %3d suppressed, %3d derived figures withheld"
                    + " | cell key: %3d moved, mean |change| %.2f%n",
                level,
                byType ? "by work type" : "",
                truth.rowCount(),
                sup,
                withheld,
                m,
                change / (double) truth.rowCount()));
        cells += truth.rowCount();
        suppressed += sup;
        derivedWithheld += withheld;
        moved += m;
        absoluteChange += change;
      }
    }
    System.out.print(lines);
    System.out.printf(
        "all: %d counts; suppression hid %d (%.0f%%) and %d figures worked out from them;"
            + " the cell key method hid none, moved %d (%.0f%%), mean absolute change %.2f%n",
        cells,
        suppressed,
        100.0 * suppressed / cells,
        derivedWithheld,
        moved,
        100.0 * moved / cells,
        absoluteChange / (double) cells);
    assertTrue(suppressed > 0, "the sample has small counts that suppression hid");
    assertTrue(absoluteChange / (double) cells <= 4, "no count moves by more than 4");
  }
}
