package org.probationlens.data.synthetic;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a generation run wrote: the three files, their SHA-256, and each CPA's 2015-16 and Q1
 * 2017-18 shortfalls as they come out of the written numbers (synthetic, see {@link
 * ShortfallPlan}).
 *
 * @param settings the seed and row count
 * @param casesFile the {@code cases.csv} written: one row per synthetic order or licence started
 * @param forecastFile the {@code forecast.csv} written: the synthetic volumes each CPA's contract
 *     was let on
 * @param manifestFile the {@code MANIFEST} written: seed, rows, generator version, hashes
 * @param casesSha256 lowercase hex SHA-256 of {@code cases.csv}
 * @param forecastSha256 lowercase hex SHA-256 of {@code forecast.csv}
 * @param shortfallPercentByCpa per CPA, (forecast_weighted - actual_weighted) / forecast_weighted *
 *     100 for financial year 2015-16, computed from the values as written; CPA code order
 * @param q1201718ShortfallPercentByCpa per CPA, the same for April to June 2017 (Q1 2017-18), with
 *     the forecast the 2017-18 forecast times 91 / 365; computed from the values as written; CPA
 *     code order
 */
public record GenerationResult(
    GeneratorSettings settings,
    Path casesFile,
    Path forecastFile,
    Path manifestFile,
    String casesSha256,
    String forecastSha256,
    Map<String, Double> shortfallPercentByCpa,
    Map<String, Double> q1201718ShortfallPercentByCpa) {

  /** Checks that nothing is missing and copies the map. */
  public GenerationResult {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(casesFile, "casesFile");
    Objects.requireNonNull(forecastFile, "forecastFile");
    Objects.requireNonNull(manifestFile, "manifestFile");
    Objects.requireNonNull(casesSha256, "casesSha256");
    Objects.requireNonNull(forecastSha256, "forecastSha256");
    shortfallPercentByCpa = Collections.unmodifiableMap(new TreeMap<>(shortfallPercentByCpa));
    q1201718ShortfallPercentByCpa =
        Collections.unmodifiableMap(new TreeMap<>(q1201718ShortfallPercentByCpa));
  }

  /** The smallest 2015-16 shortfall across CPAs, in percent. */
  public double lowestShortfallPercent() {
    return shortfallPercentByCpa.values().stream()
        .mapToDouble(Double::doubleValue)
        .min()
        .orElseThrow();
  }

  /** The largest 2015-16 shortfall across CPAs, in percent. */
  public double highestShortfallPercent() {
    return shortfallPercentByCpa.values().stream()
        .mapToDouble(Double::doubleValue)
        .max()
        .orElseThrow();
  }

  /** The smallest Q1 2017-18 shortfall across CPAs, in percent. */
  public double lowestQ1201718ShortfallPercent() {
    return q1201718ShortfallPercentByCpa.values().stream()
        .mapToDouble(Double::doubleValue)
        .min()
        .orElseThrow();
  }

  /** The largest Q1 2017-18 shortfall across CPAs, in percent. */
  public double highestQ1201718ShortfallPercent() {
    return q1201718ShortfallPercentByCpa.values().stream()
        .mapToDouble(Double::doubleValue)
        .max()
        .orElseThrow();
  }

  /**
   * The provenance of the cases file this run wrote, as {@link
   * org.probationlens.data.CaseRecords#load(Path, long, String)} would attach it, with the run's
   * size and seed in its title ("Synthetic case records, 300,000 generated with seed 2014 (...)"):
   * synthetic, this generator, its version and seed, the file's SHA-256.
   *
   * @return the provenance, not null
   */
  public org.probationlens.provenance.Provenance casesProvenance() {
    // the run's size and seed in its title, so that a figure computed from it is told apart from
    // one computed from the sample
    return org.probationlens.provenance.Provenance.synthetic(
        String.format(
            java.util.Locale.ROOT,
            "Synthetic case records, %,d generated with seed %d (one row per order or licence"
                + " started)",
            settings.rows(),
            settings.seed()),
        CaseGenerator.SOURCE,
        settings.seed(),
        CaseGenerator.VERSION,
        casesSha256);
  }
}
