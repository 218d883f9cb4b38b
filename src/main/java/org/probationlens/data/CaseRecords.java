package org.probationlens.data;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.probationlens.area.Geography;
import org.probationlens.area.PccArea;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.ColumnSpec;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Manifest;
import org.probationlens.read.Rule;
import org.probationlens.read.Schema;

/**
 * The synthetic case-level dataset {@code cases.csv}: one row per community order, suspended
 * sentence order, licence, post-sentence supervision period or pre-release case started in England
 * and Wales between June 2014 and December 2020, with its provider (an NPS division or a CRC's
 * contract package area), PCC area, requirements, dates, outcome and weighted-volume weight.
 *
 * <p>Case-level probation data is personal data and is never published. A file of this shape is
 * either synthetic (the committed sample, or the generator's output) or real, unpublished records
 * ({@link Provenance.Kind#OFFICIAL_SENSITIVE}): the caller states which, or the {@link Manifest}
 * beside the file says, and the provenance follows; nothing real is stamped synthetic.
 */
public final class CaseRecords {

  /** First day a start may fall on: the case data cover June 2014 onwards. */
  static final LocalDate FIRST_START = LocalDate.of(2014, 6, 1);

  /** Last day a start may fall on. */
  static final LocalDate LAST_START = LocalDate.of(2020, 12, 31);

  /**
   * The Offender Rehabilitation Act 2014 commenced on 1 February 2015: the rehabilitation activity
   * requirement (RAR) and post-sentence supervision (PSS) exist only from then.
   */
  static final LocalDate ORA_COMMENCEMENT = LocalDate.of(2015, 2, 1);

  private static final List<String> WITH_REQUIREMENTS =
      java.util.Arrays.stream(WorkType.values())
          .filter(WorkType::isCourtOrder)
          .map(WorkType::name)
          .toList();

  private static final List<String> WITH_PROGRAMMES =
      java.util.Arrays.stream(WorkType.values())
          .filter(WorkType::allowsAccreditedProgramme)
          .map(WorkType::name)
          .toList();

  /** Each PCC area's contract package area, from {@link Geography#standard()}. */
  private static final Map<String, String> CPA_OF_AREA = cpaOfArea();

  private static Map<String, String> cpaOfArea() {
    Map<String, String> map = new HashMap<>();
    for (PccArea area : Geography.standard().pccAreas()) {
      map.put(area.code(), area.cpaCode());
    }
    return Map.copyOf(map);
  }

  /** The termination reasons of a case that ended: all but ONGOING, for messages. */
  private static final String ENDED =
      String.join(
          ", ", Codes.TERMINATION_REASONS.stream().filter(r -> !r.equals("ONGOING")).toList());

  private static final Schema SCHEMA =
      Schema.builder("cases")
          .columns(
              ColumnSpec.text("case_id"),
              ColumnSpec.code("provider_type", Codes.PROVIDER_TYPES),
              ColumnSpec.code("provider_code", concat(Codes.NPS_DIVISIONS, Codes.CPAS)),
              ColumnSpec.code("pcc_area", Codes.PCC_AREAS),
              ColumnSpec.code("work_type", Codes.WORK_TYPES),
              ColumnSpec.isoDate("start_date", FIRST_START, LAST_START),
              ColumnSpec.isoDate("end_date"),
              ColumnSpec.integer("sentence_months", 1, 120),
              ColumnSpec.integer("rar_days", 0, Integer.MAX_VALUE),
              ColumnSpec.integer("upw_hours", 0, 300),
              ColumnSpec.bool("accredited_programme"),
              ColumnSpec.code("termination_reason", Codes.TERMINATION_REASONS),
              ColumnSpec.decimal("weight", 0, Double.MAX_VALUE))
          .primaryKey("case_id")
          .rules(
              Rule.of(
                  "provider_code",
                  "a CPA code C01..C21 for a CRC case, an NPS division N01..N07 for an NPS case",
                  row ->
                      row.text("provider_code")
                          .startsWith(
                              row.text("provider_type").equals(ProviderType.CRC.name())
                                  ? "C"
                                  : "N"),
                  "provider_type"),
              Rule.of(
                  "provider_code",
                  "for a CRC case, the CPA of its pcc_area (org.probationlens.area.Geography; a"
                      + " PCC area belongs to one CPA throughout 2014-2020)",
                  row ->
                      !row.text("provider_type").equals(ProviderType.CRC.name())
                          || !row.text("provider_code").startsWith("C")
                          || row.text("provider_code")
                              .equals(CPA_OF_AREA.get(row.text("pcc_area"))),
                  "provider_type",
                  "pcc_area"),
              Rule.of(
                  "start_date",
                  "a date on or after " + ORA_COMMENCEMENT + " for post-sentence supervision (PSS)",
                  row ->
                      !row.text("work_type").equals("PSS")
                          || !row.date("start_date").isBefore(ORA_COMMENCEMENT),
                  "work_type"),
              Rule.notBefore("end_date", "start_date", "a date on or after start_date"),
              // ONGOING exactly when the end date is after the data's last day, split in two so
              // that each broken half names the cell that contradicts the other: an end date on or
              // before that day says the case ended, so an ONGOING reason is the damaged cell; a
              // reason saying how it ended makes a later end date the damaged one
              Rule.of(
                  "termination_reason",
                  "how the case ended ("
                      + ENDED
                      + "), since its end_date is on or before "
                      + LAST_START
                      + "; ONGOING only with a planned end after it",
                  row ->
                      !row.text("termination_reason").equals("ONGOING")
                          || row.date("end_date").isAfter(LAST_START),
                  "end_date"),
              Rule.of(
                  "end_date",
                  "a date on or before "
                      + LAST_START
                      + " for a case that ended (termination_reason not ONGOING); a later date only"
                      + " as an ONGOING case's planned end",
                  row ->
                      row.text("termination_reason").equals("ONGOING")
                          || !row.date("end_date").isAfter(LAST_START),
                  "termination_reason"),
              Rule.of(
                  "rar_days",
                  "0 unless work_type is CO or SSO",
                  row ->
                      row.integer("rar_days") == 0
                          || WITH_REQUIREMENTS.contains(row.text("work_type")),
                  "work_type"),
              Rule.of(
                  "rar_days",
                  "0 for a start before " + ORA_COMMENCEMENT + " (RAR exists from then)",
                  row ->
                      row.integer("rar_days") == 0
                          || !row.date("start_date").isBefore(ORA_COMMENCEMENT),
                  "start_date"),
              Rule.of(
                  "upw_hours",
                  "0 or 40..300 hours of unpaid work",
                  row -> row.integer("upw_hours") == 0 || row.integer("upw_hours") >= 40),
              Rule.of(
                  "upw_hours",
                  "0 unless work_type is CO or SSO",
                  row ->
                      row.integer("upw_hours") == 0
                          || WITH_REQUIREMENTS.contains(row.text("work_type")),
                  "work_type"),
              Rule.of(
                  "accredited_programme",
                  "false unless work_type is CO, SSO or LIC (no programme on post-sentence"
                      + " supervision or pre-release work)",
                  row ->
                      !row.bool("accredited_programme")
                          || WITH_PROGRAMMES.contains(row.text("work_type")),
                  "work_type"))
          .build();

  private CaseRecords() {}

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  /**
   * The layout of {@code cases.csv} as the shared data contract fixes it: 13 columns, key {@code
   * case_id}, and its cross-column rules (end not before start; a CRC case's provider is its PCC
   * area's CPA, an NPS case's a division; ONGOING exactly when the end date is after 31 December
   * 2020; RAR days and unpaid-work hours only on community and suspended sentence orders; RAR and
   * PSS only from 1 February 2015; unpaid work 0 or 40..300 hours; an accredited programme only on
   * a community order, suspended sentence order or licence). The fast reader {@code
   * org.probationlens.engine.CaseCsv} runs these same rules.
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
   * bytes read. A directory is read in the {@link CaseLayout} recognised from its files (an nDelius
   * extract), with the manifest in it.
   *
   * @param file the file, not null
   * @return the cases with the provenance the manifest gives
   * @throws DatasetValidationException listing every problem when the file breaks the contract, or
   *     at the manifest's line when the manifest is malformed or disagrees with the file
   * @throws IllegalArgumentException when there is no manifest, naming the kind to state instead
   */
  public static LoadedDataset load(Path file) {
    if (java.nio.file.Files.isDirectory(file)) {
      return load(file, CaseLayout.recognise(file));
    }
    return load(file, null, null, null);
  }

  /**
   * Loads case records in any of the {@link CaseLayout}s into this case table, with the provenance
   * the manifest beside the files gives (see each layout's reader): {@code CaseRecords.load(dir,
   * CaseLayout.NDELIUS)} for an nDelius extract, {@code CaseRecords.load(path,
   * CaseLayout.of(casesFormat, path))} for a notebook's parameters.
   *
   * @param path the file or directory, not null
   * @param layout how the records are laid out, not null
   * @return the case table (the columns of {@link #schema()}) with its provenance and notes
   * @throws DatasetValidationException listing every problem when the files break the layout's
   *     rules or the case table's
   * @throws IllegalArgumentException when there is no manifest to say what the records are
   * @throws UnsupportedOperationException for a layout whose reader is not in this build
   */
  public static LoadedDataset load(Path path, CaseLayout layout) {
    Objects.requireNonNull(layout, "layout");
    return layout.load(path, null);
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
   * @return the cases with that provenance and the SHA-256 of the bytes read
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
   * @return the cases with SYNTHETIC provenance naming the seed and version
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
        "Synthetic case records (one row per order or licence started)",
        "Case records (one row per order or licence started)",
        "CaseRecords.load");
  }
}
