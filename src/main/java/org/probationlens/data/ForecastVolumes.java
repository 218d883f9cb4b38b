package org.probationlens.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The synthetic dataset {@code forecast.csv}: for each CRC contract package area, financial year
 * (2014-15 to 2020-21) and work type, the volumes the contract was let on: how many starts were
 * forecast, and their expected weighted volume. Volumes against forecast are what the CRCs' 2015-16
 * shortfalls (6% to 36%, PAC HC 484, 2016) measure.
 *
 * <p>The per-CPA forecasts were not published: every file of this shape is synthetic, calibrated to
 * published aggregates, and its provenance says so.
 */
public final class ForecastVolumes {

  private static final Schema SCHEMA =
      Schema.builder("forecast")
          .columns(
              ColumnSpec.code("cpa_code", Codes.CPAS),
              ColumnSpec.code("financial_year", Codes.FINANCIAL_YEARS),
              ColumnSpec.code("work_type", Codes.WORK_TYPES),
              ColumnSpec.integer("forecast_count", 0, Integer.MAX_VALUE),
              ColumnSpec.decimal("forecast_weighted", 0, Double.MAX_VALUE))
          .primaryKey("cpa_code", "financial_year", "work_type")
          .complete("cpa_code", "financial_year", "work_type")
          .build();

  private ForecastVolumes() {}

  /**
   * The layout of {@code forecast.csv} as the shared data contract fixes it: key {@code cpa_code,
   * financial_year, work_type}; counts and weighted volumes not negative; complete: a row for every
   * CPA, financial year and work type the file covers (a file with CPAs C01 and C02, years 2015-16
   * and 2016-17 and all five work types has 2 x 2 x 5 = 20 rows), so a missing row is reported
   * where the file is read, not later where an analysis needs it.
   *
   * @return the schema
   */
  public static Schema schema() {
    return SCHEMA;
  }

  /**
   * Loads and validates a synthetic {@code forecast.csv} whose seed and generator version were not
   * recorded; its provenance says so.
   *
   * @param file the file, not null
   * @return the forecasts with SYNTHETIC provenance
   * @throws DatasetValidationException listing every problem when the file breaks the contract
   */
  public static LoadedDataset load(Path file) {
    return DatasetLoader.of(SCHEMA).load(file, sha -> provenance(sha, null, null));
  }

  /**
   * Loads and validates a synthetic {@code forecast.csv} made by a known generator run.
   *
   * @param file the file, not null
   * @param seed the seed the generator was given
   * @param generatorVersion the generator's version, not blank
   * @return the forecasts with SYNTHETIC provenance naming the seed and version
   * @throws DatasetValidationException listing every problem when the file breaks the contract
   */
  public static LoadedDataset load(Path file, long seed, String generatorVersion) {
    Objects.requireNonNull(generatorVersion, "generatorVersion");
    return DatasetLoader.of(SCHEMA).load(file, sha -> provenance(sha, seed, generatorVersion));
  }

  private static Provenance provenance(String sha256, Long seed, String version) {
    return Provenance.synthetic(
        "Synthetic forecast volumes by CPA, financial year and work type",
        "Probation Lens synthetic case generator, calibrated to published aggregates",
        seed,
        version,
        sha256);
  }
}
