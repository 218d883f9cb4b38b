package org.probationlens.data;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The Ministry of Justice's Offender Management Statistics Quarterly (OMSQ) probation CSV files, as
 * a user downloads them from gov.uk: the <b>caseload</b> (people under supervision on a date) and
 * the <b>starts</b> (people starting supervision in a quarter), each a long table of counts by
 * area, supervision type and sex.
 *
 * <p>Layouts (as read by the MoJ's own tidyCSV R package): caseload has 2 note rows, then the
 * header {@code probation_area,supervision_type,sex,date,value} with the date as {@code
 * dd/mm/yyyy}; starts has 3 note rows, then {@code nps_region,supervision_type,sex,date,value} with
 * the date a calendar quarter written like {@code Jan-Mar 2016}. The header is checked by name,
 * exactly.
 *
 * <p>Counts: {@code value} is a non-negative integer. Published tables may withhold a figure with
 * {@code *} or mark it not available with {@code ..}; such a cell loads as missing in {@code
 * value}, never as zero, and its marker is kept in the extra column {@code value_marker} (empty
 * where a count is present). Any other non-numeric text is a problem.
 *
 * <p>Key: one row per area, supervision type, sex and date; a repeated combination is rejected.
 */
public final class OmsProbation {

  /** The citation used when the caller gives none. */
  public static final String DEFAULT_SOURCE =
      "Ministry of Justice, Offender Management Statistics Quarterly";

  /** The licence of gov.uk statistical releases. */
  public static final String LICENCE = "Open Government Licence v3.0";

  private static final String[] MARKERS = {"*", ".."};

  private static final Schema CASELOAD =
      Schema.builder("oms_probation_caseload")
          .noteRows(2)
          .columns(
              ColumnSpec.text("probation_area"),
              ColumnSpec.text("supervision_type"),
              ColumnSpec.text("sex"),
              ColumnSpec.date("date", "dd/MM/uuuu"),
              ColumnSpec.integer("value", 0, Integer.MAX_VALUE).withMissingMarkers(MARKERS))
          .primaryKey("probation_area", "supervision_type", "sex", "date")
          .build();

  private static final Schema STARTS =
      Schema.builder("oms_probation_starts")
          .noteRows(3)
          .columns(
              ColumnSpec.text("nps_region"),
              ColumnSpec.text("supervision_type"),
              ColumnSpec.text("sex"),
              ColumnSpec.quarterPeriod("date"),
              ColumnSpec.integer("value", 0, Integer.MAX_VALUE).withMissingMarkers(MARKERS))
          .primaryKey("nps_region", "supervision_type", "sex", "date")
          .build();

  private OmsProbation() {}

  /**
   * The layout of the probation caseload CSV.
   *
   * @return the schema
   */
  public static Schema caseloadSchema() {
    return CASELOAD;
  }

  /**
   * The layout of the probation starts CSV; its {@code date} column loads as quarter text such as
   * {@code 2016-Q1}.
   *
   * @return the schema
   */
  public static Schema startsSchema() {
    return STARTS;
  }

  /**
   * Loads a probation caseload CSV, citing {@link #DEFAULT_SOURCE} with no publication date.
   *
   * @param file the downloaded file, not null
   * @return the caseload with PUBLISHED provenance and the file's SHA-256
   * @throws DatasetValidationException listing every problem when the file is not in the layout
   */
  public static LoadedDataset caseload(Path file) {
    return caseload(file, DEFAULT_SOURCE, null);
  }

  /**
   * Loads a probation caseload CSV with the caller's citation.
   *
   * @param file the downloaded file, not null
   * @param source the citation or address it came from, not blank
   * @param publicationDate the release date, null when not known
   * @return the caseload with PUBLISHED provenance and the file's SHA-256
   * @throws DatasetValidationException listing every problem when the file is not in the layout
   */
  public static LoadedDataset caseload(Path file, String source, LocalDate publicationDate) {
    return load(CASELOAD, "Probation caseload (OMSQ)", file, source, publicationDate);
  }

  /**
   * Loads a probation starts CSV, citing {@link #DEFAULT_SOURCE} with no publication date.
   *
   * @param file the downloaded file, not null
   * @return the starts with PUBLISHED provenance and the file's SHA-256
   * @throws DatasetValidationException listing every problem when the file is not in the layout
   */
  public static LoadedDataset starts(Path file) {
    return starts(file, DEFAULT_SOURCE, null);
  }

  /**
   * Loads a probation starts CSV with the caller's citation.
   *
   * @param file the downloaded file, not null
   * @param source the citation or address it came from, not blank
   * @param publicationDate the release date, null when not known
   * @return the starts with PUBLISHED provenance and the file's SHA-256
   * @throws DatasetValidationException listing every problem when the file is not in the layout
   */
  public static LoadedDataset starts(Path file, String source, LocalDate publicationDate) {
    return load(STARTS, "Probation starts (OMSQ)", file, source, publicationDate);
  }

  private static LoadedDataset load(
      Schema schema, String title, Path file, String source, LocalDate publicationDate) {
    Objects.requireNonNull(source, "source");
    return DatasetLoader.of(schema)
        .load(file, sha -> Provenance.published(title, source, publicationDate, LICENCE, sha));
  }
}
