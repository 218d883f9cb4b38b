package org.probationlens.data;

import java.nio.file.Path;
import java.util.Objects;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.ColumnSpec;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Manifest;
import org.probationlens.read.Schema;

/**
 * The synthetic dataset {@code forecast.csv}: for each CRC contract package area, financial year
 * (2014-15 to 2020-21) and work type, the volumes the contract was let on: how many starts were
 * forecast, and their expected weighted volume. Volumes against forecast are what the CRCs' 2015-16
 * shortfalls (6% to 36%, PAC HC 484, 2016) measure.
 *
 * <p>The per-CPA forecasts were not published: a file of this shape is synthetic (calibrated to
 * published aggregates) or a real, unpublished extract ({@link
 * Provenance.Kind#OFFICIAL_SENSITIVE}), as the caller states or the {@link Manifest} beside it
 * says.
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
   * Loads and validates a file whose {@value Manifest#FILE_NAME} is beside it (as {@code
   * data/sample/MANIFEST} is beside the committed sample): the manifest says what the file is
   * (kind, and for synthetic data the generator version and seed) and its SHA-256 must match the
   * bytes read.
   *
   * @param file the file, not null
   * @return the forecasts with the provenance the manifest gives
   * @throws DatasetValidationException listing every problem when the file breaks the contract, or
   *     at the manifest's line when the manifest is malformed or disagrees with the file
   * @throws IllegalArgumentException when there is no manifest, naming the kind to state instead
   */
  public static LoadedDataset load(Path file) {
    return load(file, null, null, null);
  }

  /**
   * Loads and validates a file whose provenance the caller states: {@link
   * Provenance.Kind#OFFICIAL_SENSITIVE} for real, unpublished case-level records (a provider's or
   * the MoJ's own extract), {@link Provenance.Kind#SYNTHETIC} for generator output. A manifest
   * beside the file, if there is one, must agree (and its source, licence, seed and generator
   * version are used); real records are never stamped synthetic.
   *
   * @param file the file, not null
   * @param stated OFFICIAL_SENSITIVE or SYNTHETIC, not null
   * @return the forecasts with that provenance and the SHA-256 of the bytes read
   * @throws DatasetValidationException listing every problem when the file breaks the contract, or
   *     at the manifest's line when the manifest disagrees
   * @throws IllegalArgumentException for PUBLISHED or DERIVED (case-level data are never either)
   */
  public static LoadedDataset load(Path file, Provenance.Kind stated) {
    return load(file, Objects.requireNonNull(stated, "stated"), null, null);
  }

  /**
   * Loads and validates a synthetic file made by a known generator run; a manifest beside it, if
   * there is one, must agree on the kind, seed and version.
   *
   * @param file the file, not null
   * @param seed the seed the generator was given
   * @param generatorVersion the generator's version, not blank
   * @return the forecasts with SYNTHETIC provenance naming the seed and version
   * @throws DatasetValidationException listing every problem when the file breaks the contract, or
   *     at the manifest's line when the manifest disagrees
   */
  public static LoadedDataset load(Path file, long seed, String generatorVersion) {
    Objects.requireNonNull(generatorVersion, "generatorVersion");
    return load(file, Provenance.Kind.SYNTHETIC, seed, generatorVersion);
  }

  private static LoadedDataset load(Path file, Provenance.Kind stated, Long seed, String version) {
    return CaseLevelFiles.load(
        SCHEMA,
        file,
        stated,
        seed,
        version,
        "Synthetic forecast volumes by CPA, financial year and work type",
        "Forecast volumes by CPA, financial year and work type",
        "ForecastVolumes.load");
  }
}
