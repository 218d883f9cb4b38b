package org.probationlens.data;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.probationlens.area.Geography;
import org.probationlens.area.NpsDivision;
import org.probationlens.area.PccArea;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.ColumnSpec;
import org.probationlens.read.DatasetLoader;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Schema;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

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
 *
 * <p>Names are checked against vocabularies, exactly (a trailing space is an error, not a new
 * area): {@link #PROBATION_AREAS}, {@link #NPS_REGIONS}, {@link #SUPERVISION_TYPES} and {@link
 * #SEXES}. The MoJ's own lookup of these names (tidyCSV's {@code probation_areas} and {@code
 * supervision_types}) is stored in a binary R file that this project has not read, so the
 * vocabularies are built from the project's {@link Geography} and {@link WorkType}; a real file
 * that words a name differently is refused with the list, never loaded as a new value.
 *
 * <p>Each loaded table gains code columns that map it onto {@link Geography}, so it rolls up like
 * any other: the caseload {@code pcc_area} (the PCC area code, empty for a pre-2014 trust that
 * covered several areas) and {@code cpa} (always set: every trust lay within one CPA), the starts
 * {@code nps_division}; both {@code work_type} (the {@link WorkType} code). For example {@code
 * Geography.standard().rollUp(caseload, "cpa", Level.CPA, Level.OWNER, date, RollUp.sum("value"))}.
 *
 * <p>The OMSQ terminations table (Table A4.23, by NPS division and CRC area) is not read: its CSV
 * layout is not in the project's collected reference ({@code facts.md} section 4 names the table
 * only).
 */
public final class OmsProbation {

  /** The citation used when the caller gives none. */
  public static final String DEFAULT_SOURCE =
      "Ministry of Justice, Offender Management Statistics Quarterly";

  /** The licence of gov.uk statistical releases. */
  public static final String LICENCE = "Open Government Licence v3.0";

  private static final String[] MARKERS = {"*", ".."};

  /** The sexes the OMSQ tables count by. */
  public static final List<String> SEXES = List.of("Male", "Female");

  /**
   * The supervision types accepted, with the work type each is: the spelled-out {@link
   * WorkType#label()}s ({@code Community order}, {@code Suspended sentence order}, {@code Licence},
   * {@code Post-sentence supervision}, {@code Pre-release}).
   */
  public static final List<String> SUPERVISION_TYPES =
      Arrays.stream(WorkType.values()).map(WorkType::label).toList();

  private static final Map<String, PccArea> AREA_BY_NAME = areasByName();
  private static final Map<String, String> CPA_BY_TRUST = cpasByTrust();
  private static final Map<String, NpsDivision> DIVISION_BY_NAME = divisionsByName();

  /**
   * The probation areas accepted in the caseload: the 42 PCC area names of {@link
   * Geography#standard()} (e.g. {@code Avon and Somerset}) and the 35 probation trust names of
   * before June 2014 (e.g. {@code Durham Tees Valley}, which covered Durham and Cleveland).
   */
  public static final List<String> PROBATION_AREAS = probationAreas();

  /**
   * The NPS regions accepted in the starts: the 7 NPS division names of {@link
   * Geography#standard()}, written with or without the leading {@code NPS} and with {@code &} or
   * {@code and} (e.g. {@code NPS South East & Eastern} or {@code South East and Eastern}).
   */
  public static final List<String> NPS_REGIONS = List.copyOf(DIVISION_BY_NAME.keySet());

  private static Map<String, PccArea> areasByName() {
    Map<String, PccArea> map = new LinkedHashMap<>();
    Geography.standard().pccAreas().stream()
        .sorted(java.util.Comparator.comparing(PccArea::name))
        .forEach(a -> map.put(a.name(), a));
    return map;
  }

  /** Each pre-2014 trust's CPA; every trust lies within one CPA. */
  private static Map<String, String> cpasByTrust() {
    Map<String, String> map = new LinkedHashMap<>();
    for (PccArea area : AREA_BY_NAME.values()) {
      String before = map.putIfAbsent(area.probationTrust(), area.cpaCode());
      if (before != null && !before.equals(area.cpaCode())) {
        throw new IllegalStateException(
            "probation trust "
                + area.probationTrust()
                + " spans CPAs "
                + before
                + " and "
                + area.cpaCode());
      }
    }
    return map;
  }

  private static Map<String, NpsDivision> divisionsByName() {
    Map<String, NpsDivision> map = new LinkedHashMap<>();
    for (NpsDivision division : Geography.standard().npsDivisions()) {
      String name = division.name();
      String bare = name.startsWith("NPS ") ? name.substring(4) : name;
      for (String form :
          List.of(name, bare, name.replace(" & ", " and "), bare.replace(" & ", " and "))) {
        map.putIfAbsent(form, division);
      }
    }
    return map;
  }

  private static List<String> probationAreas() {
    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(AREA_BY_NAME.keySet());
    names.addAll(CPA_BY_TRUST.keySet());
    return List.copyOf(names);
  }

  private static final Schema CASELOAD =
      Schema.builder("oms_probation_caseload")
          .noteRows(2)
          .columns(
              ColumnSpec.code("probation_area", PROBATION_AREAS),
              ColumnSpec.code("supervision_type", SUPERVISION_TYPES),
              ColumnSpec.code("sex", SEXES),
              ColumnSpec.date("date", "dd/MM/uuuu"),
              ColumnSpec.integer("value", 0, Integer.MAX_VALUE).withMissingMarkers(MARKERS))
          .primaryKey("probation_area", "supervision_type", "sex", "date")
          .build();

  private static final Schema STARTS =
      Schema.builder("oms_probation_starts")
          .noteRows(3)
          .columns(
              ColumnSpec.code("nps_region", NPS_REGIONS),
              ColumnSpec.code("supervision_type", SUPERVISION_TYPES),
              ColumnSpec.code("sex", SEXES),
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
    LoadedDataset loaded =
        DatasetLoader.of(schema)
            .load(file, sha -> Provenance.published(title, source, publicationDate, LICENCE, sha));
    Table table = loaded.table();
    int rows = table.rowCount();
    StringColumn workType = StringColumn.create("work_type");
    StringColumn supervision = table.stringColumn("supervision_type");
    for (int r = 0; r < rows; r++) {
      workType.append(WorkType.values()[SUPERVISION_TYPES.indexOf(supervision.get(r))].name());
    }
    if (schema == CASELOAD) {
      StringColumn area = table.stringColumn("probation_area");
      StringColumn pcc = StringColumn.create("pcc_area");
      StringColumn cpa = StringColumn.create("cpa");
      for (int r = 0; r < rows; r++) {
        PccArea one = AREA_BY_NAME.get(area.get(r));
        pcc.append(one == null ? "" : one.code());
        cpa.append(one == null ? CPA_BY_TRUST.get(area.get(r)) : one.cpaCode());
      }
      table.addColumns(pcc, cpa);
    } else {
      StringColumn region = table.stringColumn("nps_region");
      StringColumn division = StringColumn.create("nps_division");
      for (int r = 0; r < rows; r++) {
        division.append(DIVISION_BY_NAME.get(region.get(r)).code());
      }
      table.addColumns(division);
    }
    table.addColumns(workType);
    return loaded;
  }
}
