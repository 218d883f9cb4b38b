package example;

import java.nio.file.Path;
import java.time.LocalDate;
import org.probationlens.area.Geography;
import org.probationlens.area.Level;
import org.probationlens.data.CaseRecords;
import org.probationlens.data.ForecastVolumes;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.engine.CaseCsv;
import org.probationlens.period.FinancialYear;
import org.probationlens.period.ReportingPeriod;
import org.probationlens.reference.FigureCheck;
import org.probationlens.reference.PublishedFigures;
import org.probationlens.volume.Shortfall;
import org.probationlens.volume.VolumeVariance;

/**
 * The README's library example as a program of its own: owners, the synthetic sample's CRC
 * shortfall by CPA for 2015-16 and its check against the published range. Argument: the Probation
 * Lens directory (for data/sample).
 */
public final class ShortfallReport {
  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : ".");
    Geography geo = Geography.standard();
    System.out.println("C10 owner on 2019-06-30: " + geo.ownerOf("C10", LocalDate.of(2019, 6, 30)));

    LoadedDataset cases = CaseRecords.load(dir.resolve("data/sample/cases.csv"));
    LoadedDataset forecast = ForecastVolumes.load(dir.resolve("data/sample/forecast.csv"));
    ReportingPeriod fy1516 = ReportingPeriod.of(FinancialYear.parse("2015-16"));
    Shortfall byCpa =
        VolumeVariance.of(cases, forecast).shortfall(Level.CPA, fy1516);
    FigureCheck check =
        PublishedFigures.standard()
            .check(
                "shortfall_range_2015_16",
                byCpa.range().low(),
                byCpa.range().high(),
                byCpa.sources());
    System.out.println(check);

    // the same analysis over the engine's validating fast reader: the same range
    Shortfall fast =
        VolumeVariance.of(CaseCsv.read(dir.resolve("data/sample/cases.csv")), forecast.table())
            .shortfall(Level.CPA, fy1516);
    if (fast.range().low() != byCpa.range().low() || fast.range().high() != byCpa.range().high()) {
      throw new AssertionError("CaseCsv and CaseRecords disagree: " + fast.range() + " vs " + byCpa.range());
    }
    System.out.println("CPAs: " + byCpa.range().units() + ", range " + byCpa.range());
  }
}
