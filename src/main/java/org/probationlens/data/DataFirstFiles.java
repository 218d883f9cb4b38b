package org.probationlens.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.probationlens.area.Geography;
import org.probationlens.area.PccArea;
import org.probationlens.data.synthetic.CaseGenerator;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.ColumnSpec;
import org.probationlens.read.DatasetLoader;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Manifest;
import org.probationlens.read.Problem;
import org.probationlens.read.Schema;
import org.probationlens.read.Sha256;

/**
 * The Ministry of Justice's Data First probation files (the nDelius-derived dataset accredited
 * researchers reach through the ONS Secure Research Service or SAIL) read into the project's case
 * table: exactly the columns, types and rules of {@link CaseRecords#schema()}, one row per order or
 * licence started. The flat file (one row per event and its disposal) and the requirements file
 * (one row per requirement) come either as the Parquet parts the MoJ delivers ({@code
 * moj_probation_flatfile_01.parquet} ..., {@code moj_probation_rqmnts_01.parquet} ..., with or
 * without the {@code .parquet} ending; read by {@code org.probationlens.parquet.DataFirstParquet},
 * which hands their rows to this class) or as CSV ({@value #FLAT_FILE_CSV}, {@value #RQMNTS_CSV}),
 * with an LSOA lookup ({@value #LOOKUP}) in the same directory.
 *
 * <p><b>The layout is second-hand.</b> The MoJ's data catalogue for this dataset was not found; the
 * columns are those a Data First fellow's published R code uses
 * (CarlyLL/Enforced-alcohol-abstinence, commits b8ccca7 and 9236651; {@code real_layouts.md}
 * section 1.3 of the project's shared notes). So the reader names the columns it relies on ({@link
 * #FLAT_FILE_COLUMNS}, {@link #RQMNTS_COLUMNS}) and refuses a file lacking any of them, naming
 * each; other columns are read past. Two of the columns it needs were not seen in that code and are
 * assumed from nDelius, where the flat file's columns come from: {@code
 * disposal_termination_reason_desc} (nDelius DISPOSAL.DISPOSAL_TERMINATION_REASON, decoded as the
 * dataset decodes its other {@code _desc} columns) and, optionally, {@code custodial_status}
 * (nDelius CUSTODY.CUSTODIAL_STATUS codes).
 *
 * <p><b>The rules</b>, each with its source:
 *
 * <ul>
 *   <li>{@code case_id} is the flat file's {@code event_id_hash}: one case per nDelius event, since
 *       "an event can only ever have one sentence outcome (disposal)" (ADR UK catalogue entry).
 *       Rows sharing an {@code event_id_hash} (the fellow's code drops such duplicates) that agree
 *       on every column this reader uses are collapsed into one and counted in the notes (the case
 *       table is the same whichever is kept); rows that disagree on any of them are refused, naming
 *       both rows and the first column that differs, since which is right cannot be known.
 *   <li>The provider from {@code probation_area_desc}: the 21 nDelius CPA descriptions ({@code CPA
 *       Durham Tees Valley} ...; nDelius PROBATION_AREA codes C01-C21 in three repositories, the
 *       project's {@code facts.md} section 1) give a CRC case of that CPA; the NPS division names
 *       ({@code NPS North West} ... N01-N07, {@code data/reference/nps_divisions.csv}; the Data
 *       First code shows N01, N02, N04, N05 and N06 with these spellings) give an NPS case of that
 *       division. Every other value the data hold (about 100 prisons, the 35 legacy trusts, {@code
 *       External - ...} areas, {@code Unallocated}, national units, and the post-2021 regions
 *       {@code NPS Greater Manchester} and {@code NPS North West Region}) is a case held by no CRC
 *       or NPS division of 2014-2020, so it has no place in the case table: such rows are
 *       <i>excluded and counted</i> in the dataset's notes, by value, not refused, because real
 *       files hold them in every extract (the fellow's recode lists about 150) and refusing would
 *       make every real file unreadable. A value that starts {@code CPA } or {@code NPS } but is
 *       none of the known ones is refused, since it claims a provider and is probably a
 *       misspelling.
 *   <li>The work type from {@code disposal_type_description} (nDelius R_DISPOSAL_TYPE.DESCRIPTION;
 *       the values in HMPPS fixtures, {@code real_layouts.md} section 2.2): community orders
 *       ({@code ORA Community Order}, {@code CJA - Community Order}, {@code SA2020 Community
 *       Order}) are CO, suspended sentence orders ({@code ORA}, {@code CJA -} and {@code SA2020}
 *       forms) are SSO, and the custodial sentences ({@code ORA Adult Custody (inc PSS)}, {@code
 *       ORA Adult Custody (not PSS)}, {@code CJA - Std Determinate Custody}, {@code Adult Custody <
 *       12m}) are licence, post-sentence supervision or pre-release work by the custodial status
 *       (below). Any other description is refused, listing the known ones ({@link
 *       #disposalTypes()}).
 *   <li>The custodial phase from {@code custodial_status}, the nDelius CUSTODY.CUSTODIAL_STATUS
 *       code (community-api {@code Custody.java}), by the rule HMPPS's allocation service applies:
 *       {@code A, C, D, R, I, AT} in custody (pre-release, PRE), {@code B} released on licence
 *       (LIC), {@code P} post-sentence supervision (PSS). {@code T} (terminated) and {@code -1}
 *       (migrated) say nothing about the phase, and a flat file without the column cannot tell the
 *       phases apart: those custodial rows are excluded and counted (by code, or by description).
 *       Other codes are refused.
 *   <li>{@code start_date} is {@code disposal_date} (DISPOSAL.DISPOSAL_DATE; for a licence this is
 *       the sentence's date, since the layout has no release date). Disposals dated outside the
 *       case table's period (1 June 2014, when the CRCs began, to 31 December 2020) are excluded
 *       and counted; Data First's referrals start on 1 January 2014.
 *   <li>{@code sentence_months} is {@code length_in_days} (DISPOSAL.LENGTH_IN_DAYS: the order, or
 *       for custody the sentence) in months of 365.25 / 12 days, rounded to the nearest whole
 *       month: the inverse of the project's rule {@link CaseGenerator#plannedDays}, exact for 1 to
 *       120 months. The case table's sentences run to 120 months (its schema's range, which the
 *       generator's longest custodial band fills); a longer custodial sentence is a real case the
 *       table has no room for, so it is excluded and counted, not refused, as real files hold them.
 *       An order shorter than half a month is refused by the table's range.
 *   <li>The end and the termination: an empty {@code disposal_termination_date} is a disposal still
 *       running, ONGOING, ending on its planned date ({@code disposal_date} plus {@link
 *       CaseGenerator#plannedDays}, the project's rule); a termination after 31 December 2020 is
 *       ONGOING too at the data's end, with that date as its end; a termination on or before it
 *       ends the case with the reason its {@code disposal_termination_reason_desc} gives. The MoJ's
 *       full list of disposal termination reasons was not found, so the reasons read are the five
 *       groups the OMSQ publishes court-order terminations in (FOI 105057, Table A4.23: ran its
 *       full course and terminated early for good progress are COMPLETED, failure to comply
 *       REVOKED_BREACH, conviction of an offence REVOKED_NEW_OFFENCE, other OTHER) and the two
 *       nDelius descriptions seen ({@code Expired (Normal)}, {@code Completed - early good
 *       progress}, COMPLETED); any other is refused, listing them ({@link #terminationReasons()}).
 *   <li>Requirements joined on {@code event_id_hash} by {@code rqmnt_type_main_category_code}
 *       (nDelius R_RQMNT_TYPE_MAIN_CATEGORY, {@code real_layouts.md} section 2.3): {@code F}, the
 *       rehabilitation activity requirement, adds its {@code length} (days) to {@code rar_days};
 *       {@code W}, unpaid work, adds its {@code length} (hours) to {@code upw_hours}; {@code RM38},
 *       or {@code 7} unless its {@code rqmnt_type_sub_category_code} (when the file has that
 *       column) is {@code RS66}, sets {@code accredited_programme} (hmpps-probation-integration-
 *       services, {@code countAccreditedProgrammeRequirements}). Other categories have no column in
 *       the case table: they are counted in the notes by code. A requirement whose event is not in
 *       the flat file is refused; one whose event was excluded is counted with it.
 *   <li>{@code pcc_area} from {@code lsoa_residence} (an LSOA 2011 code, the person's home, not
 *       where the case was managed) through the analyst's lookup {@value #LOOKUP} (columns {@code
 *       lsoa11cd,pcc_area}, the PCC area by the project's code, as {@code
 *       data/reference/pcc_areas.csv} lists them; for example made from the ONS lookup of LSOAs to
 *       Community Safety Partnerships to Police Force Areas). The PCC area is not in Data First, so
 *       the reader refuses to load without the lookup, and without its source stated in the
 *       directory's {@code MANIFEST} as {@value #LOOKUP_SOURCE_KEY}; the source goes into the
 *       provenance. An LSOA the lookup lacks is refused; an empty {@code lsoa_residence} is
 *       excluded and counted, and so is a CRC case whose home lies outside its CRC's CPA (the case
 *       table's rule that a CRC case's PCC area lies in its CPA cannot hold for it), by CPA and PCC
 *       area.
 *   <li>{@code weight}: the project's weighted-volume rule, {@link CaseGenerator#weightHundredths}
 *       (synthetic, since the real fee-for-service band weights were never published).
 * </ul>
 *
 * <p>Every problem (a missing column, a date that is not {@code yyyy-MM-dd}, an unknown
 * description, a conflicting duplicate, a requirement of no event, an LSOA not in the lookup, and
 * each rule of the case table the derived row breaks, traced back to the cells it came from) is
 * located by file, line (CSV) or row (Parquet), column, value and what was expected, and all are
 * listed in one {@link DatasetValidationException}; nothing is loaded then. What is excluded is
 * never silent: {@link LoadedDataset#notes()} counts it by reason and value.
 */
public final class DataFirstFiles {

  /** The flat file as CSV (the form a researcher's own export takes). */
  public static final String FLAT_FILE_CSV = "flatfile.csv";

  /** The requirements file as CSV. */
  public static final String RQMNTS_CSV = "rqmnts.csv";

  /** The analyst's lookup of LSOA 2011 codes to PCC areas, in the directory of the files. */
  public static final String LOOKUP = "lsoa_pcc_lookup.csv";

  /** The {@code MANIFEST} key that states where the lookup came from. */
  public static final String LOOKUP_SOURCE_KEY = "lsoa_pcc_lookup.source";

  /** A flat-file Parquet part as the MoJ names them: {@code moj_probation_flatfile_01.parquet}. */
  public static final Pattern FLAT_FILE_PART =
      Pattern.compile("moj_probation_flatfile_([0-9]{2})(\\.parquet)?");

  /** A requirements Parquet part: {@code moj_probation_rqmnts_01.parquet}. */
  public static final Pattern RQMNTS_PART =
      Pattern.compile("moj_probation_rqmnts_([0-9]{2})(\\.parquet)?");

  /** The flat file's columns this reader relies on; a file lacking any is refused. */
  public static final List<String> FLAT_FILE_COLUMNS =
      List.of(
          "event_id_hash",
          "disposal_date",
          "disposal_termination_date",
          "disposal_termination_reason_desc",
          "length_in_days",
          "disposal_type_description",
          "probation_area_desc",
          "lsoa_residence");

  /** The flat file's optional column giving the custodial phase (see the class description). */
  public static final String CUSTODIAL_STATUS = "custodial_status";

  /** The requirements file's columns this reader relies on; a file lacking any is refused. */
  public static final List<String> RQMNTS_COLUMNS =
      List.of("event_id_hash", "rqmnt_type_main_category_code", "length");

  /** The requirements file's optional sub-category column (for the {@code 7} / RS66 rule). */
  public static final String RQMNT_SUB_CATEGORY = "rqmnt_type_sub_category_code";

  /** The work a custodial disposal is, until its custodial status says which phase. */
  private static final String CUSTODY = "CUSTODY";

  private static final Map<String, String> PROVIDER_AREAS = providerAreaMap();
  private static final List<String> OTHER_NPS_VALUES =
      List.of("NPS Greater Manchester", "NPS North West Region");
  private static final Map<String, String> DISPOSAL_TYPES = disposalTypeMap();
  private static final Map<String, String> CUSTODIAL_STATUSES = custodialStatusMap();
  private static final List<String> PHASE_UNKNOWN_STATUSES = List.of("T", "-1");
  private static final Map<String, String> TERMINATION_REASONS = terminationReasonMap();

  private static final String PROVIDER_COLUMN = "probation_area_desc";

  /** The longest sentence the case table holds: its schema's range of {@code sentence_months}. */
  private static final int MAX_MONTHS =
      (int) CaseRecords.schema().column("sentence_months").maxInteger();

  /** A month of the project's rules: 365.25 / 12 days ({@link CaseGenerator#plannedDays}). */
  private static final double DAYS_PER_MONTH = 365.25 / 12;

  private static final Schema LOOKUP_SCHEMA =
      Schema.builder("lsoa_pcc_lookup")
          .columns(ColumnSpec.text("lsoa11cd"), ColumnSpec.code("pcc_area", Codes.PCC_AREAS))
          .primaryKey("lsoa11cd")
          .build();

  private static final Map<String, String> CPA_OF_AREA = cpaOfArea();

  private DataFirstFiles() {}

  private static Map<String, String> providerAreaMap() {
    Map<String, String> map = new LinkedHashMap<>();
    String[] cpas = {
      "CPA Northumbria",
      "CPA Cumbria and Lancashire",
      "CPA Durham Tees Valley",
      "CPA Humber Lincs & N Yorks",
      "CPA West Yorkshire",
      "CPA Merseyside",
      "CPA Cheshire and Gtr Manchester",
      "CPA Derby Leics Notts Rutland",
      "CPA South Yorkshire",
      "CPA Wales",
      "CPA Staffs and West Mids",
      "CPA Warwickshire and West Mercia",
      "CPA BeNCH",
      "CPA Norfolk and Suffolk",
      "CPA Brist Gloucs Somerset Wilts",
      "CPA Thames Valley",
      "CPA London",
      "CPA Essex",
      "CPA Dorset Devon and Cornwall",
      "CPA Hampshire and Isle of Wight",
      "CPA Kent Surrey and Sussex"
    };
    for (int i = 0; i < cpas.length; i++) {
      map.put(cpas[i], String.format("C%02d", i + 1));
    }
    String[] divisions = {
      "NPS North West",
      "NPS North East",
      "NPS Wales",
      "NPS Midlands",
      "NPS South West and South Central",
      "NPS South East and Eastern",
      "NPS London"
    };
    for (int i = 0; i < divisions.length; i++) {
      map.put(divisions[i], String.format("N%02d", i + 1));
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  private static Map<String, String> disposalTypeMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("ORA Community Order", "CO");
    map.put("CJA - Community Order", "CO");
    map.put("SA2020 Community Order", "CO");
    map.put("ORA Suspended Sentence Order", "SSO");
    map.put("CJA - Suspended Sentence Order", "SSO");
    map.put("SA2020 Suspended Sentence Order", "SSO");
    map.put("ORA Adult Custody (inc PSS)", CUSTODY);
    map.put("ORA Adult Custody (not PSS)", CUSTODY);
    map.put("CJA - Std Determinate Custody", CUSTODY);
    map.put("Adult Custody < 12m", CUSTODY);
    return java.util.Collections.unmodifiableMap(map);
  }

  private static Map<String, String> custodialStatusMap() {
    Map<String, String> map = new LinkedHashMap<>();
    for (String code : List.of("A", "C", "D", "R", "I", "AT")) {
      map.put(code, WorkType.PRE.name());
    }
    map.put("B", WorkType.LIC.name());
    map.put("P", WorkType.PSS.name());
    return java.util.Collections.unmodifiableMap(map);
  }

  private static Map<String, String> terminationReasonMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("Ran its full course", "COMPLETED");
    map.put("Terminated early for good progress", "COMPLETED");
    map.put("Expired (Normal)", "COMPLETED");
    map.put("Completed - early good progress", "COMPLETED");
    map.put("Failure to comply with requirements", "REVOKED_BREACH");
    map.put("Conviction of an offence", "REVOKED_NEW_OFFENCE");
    map.put("Other", "OTHER");
    return java.util.Collections.unmodifiableMap(map);
  }

  private static Map<String, String> cpaOfArea() {
    Map<String, String> map = new HashMap<>();
    for (PccArea area : Geography.standard().pccAreas()) {
      map.put(area.code(), area.cpaCode());
    }
    return Map.copyOf(map);
  }

  /**
   * The {@code probation_area_desc} values read as providers, each with its code: the 21 CPA
   * descriptions to C01-C21 and the 7 NPS division names to N01-N07, in code order. For writers of
   * the layout (the synthetic generator).
   *
   * @return description to provider code, unmodifiable
   */
  public static Map<String, String> providerAreas() {
    return PROVIDER_AREAS;
  }

  /**
   * The {@code disposal_type_description} values read, each with its work type: {@code CO}, {@code
   * SSO}, or {@code CUSTODY} for a custodial sentence whose phase {@value #CUSTODIAL_STATUS} gives.
   *
   * @return description to work, unmodifiable, in a fixed order
   */
  public static Map<String, String> disposalTypes() {
    return DISPOSAL_TYPES;
  }

  /**
   * The {@value #CUSTODIAL_STATUS} codes read, each with the work type of its phase ({@code PRE},
   * {@code LIC} or {@code PSS}); {@code T} and {@code -1} are known but excluded.
   *
   * @return code to work type, unmodifiable
   */
  public static Map<String, String> custodialStatuses() {
    return CUSTODIAL_STATUSES;
  }

  /**
   * The {@code disposal_termination_reason_desc} values read, each with the case table's
   * termination reason.
   *
   * @return description to reason, unmodifiable
   */
  public static Map<String, String> terminationReasons() {
    return TERMINATION_REASONS;
  }

  /**
   * Reads the rows of one part of the layout in another format than CSV (the Parquet module's
   * reader of the MoJ's parts), so that the same mapping and checks apply to every format.
   * Implementations are found with {@link ServiceLoader} when {@link #load(Path, Provenance.Kind)}
   * meets Parquet parts.
   */
  public interface PartReader {

    /**
     * Reads one part, telling the sink its column names once, then each row.
     *
     * @param file the part, not null
     * @param sink receives the header and the rows, not null
     * @throws IOException when the file cannot be read or is not of this format
     */
    void read(Path file, RowSink sink) throws IOException;
  }

  /** Receives the rows of one part from a {@link PartReader}. */
  public interface RowSink {

    /**
     * The part's column names, in order; called once, before any row.
     *
     * @param columns the names, not null
     */
    void header(List<String> columns);

    /**
     * One row.
     *
     * @param row the 1-based row of the part (Parquet row order), at least 1
     * @param cells the row's cells as text in the header's order: dates as {@code yyyy-MM-dd},
     *     numbers in plain notation, null for a missing value; not null
     */
    void row(long row, String[] cells);
  }

  /**
   * Loads a directory whose {@code MANIFEST} says what the files are ({@code kind=...} or {@code
   * synthetic=true}), and checks the SHA-256 of every file it lists.
   *
   * @param dir the directory holding the flat file, the requirements file and {@value #LOOKUP}, not
   *     null
   * @return the cases, in the case table's layout, with their provenance and notes
   * @throws DatasetValidationException listing every problem, located
   * @throws IllegalArgumentException when a file is missing, naming it and what to supply
   */
  public static LoadedDataset load(Path dir) {
    return load(dir, null, null);
  }

  /**
   * Loads a directory of Data First files whose provenance the caller states: {@link
   * Provenance.Kind#OFFICIAL_SENSITIVE} for the MoJ's files, {@link Provenance.Kind#SYNTHETIC} for
   * the generator's. A {@code MANIFEST} there, if any, must agree; it must state the lookup's
   * source ({@value #LOOKUP_SOURCE_KEY}). Parquet parts are read through the {@link PartReader} the
   * Parquet module provides when it is on the class path.
   *
   * @param dir the directory, not null
   * @param stated OFFICIAL_SENSITIVE or SYNTHETIC, not null
   * @return the cases, in the case table's layout, with their provenance and notes
   * @throws DatasetValidationException listing every problem, located
   * @throws IllegalArgumentException when a file is missing, naming it and what to supply, or for a
   *     kind other than OFFICIAL_SENSITIVE or SYNTHETIC
   */
  public static LoadedDataset load(Path dir, Provenance.Kind stated) {
    return load(dir, Objects.requireNonNull(stated, "stated"), null);
  }

  /**
   * As {@link #load(Path, Provenance.Kind)}, with Parquet parts read by the reader given (the
   * Parquet module's entry point calls this).
   *
   * @param dir the directory, not null
   * @param stated OFFICIAL_SENSITIVE or SYNTHETIC, or null to take the kind from the manifest
   * @param parquet reads Parquet parts, or null to find one with {@link ServiceLoader}
   * @return the cases, with their provenance and notes
   * @throws DatasetValidationException listing every problem, located
   * @throws IllegalArgumentException when a file is missing or the kind is not for case data
   */
  public static LoadedDataset load(Path dir, Provenance.Kind stated, PartReader parquet) {
    Objects.requireNonNull(dir, "dir");
    CaseLevelFiles.requireCaseLevelKind(dir, stated);
    CaseLevelFiles.requireDirectory(dir, "the Data First files in");
    Layout layout = Layout.find(dir, parquet);
    Path manifestFile = dir.resolve(Manifest.FILE_NAME);
    Optional<Manifest> manifest =
        java.nio.file.Files.isRegularFile(manifestFile)
            ? Optional.of(Manifest.read(manifestFile))
            : Optional.empty();
    if (stated == null && manifest.isEmpty()) {
      throw new IllegalArgumentException(
          dir
              + ": no "
              + Manifest.FILE_NAME
              + " there says what these files are, so state it: DataFirstFiles.load(dir,"
              + " Provenance.Kind.OFFICIAL_SENSITIVE) for the MoJ's files, or"
              + " DataFirstFiles.load(dir, Provenance.Kind.SYNTHETIC) for generator output");
    }
    Path lookup = dir.resolve(LOOKUP);
    if (!java.nio.file.Files.isRegularFile(lookup)) {
      throw new IllegalArgumentException(
          dir
              + ": no "
              + LOOKUP
              + ". Data First gives each person's home LSOA (lsoa_residence), not a PCC area, so"
              + " the case table's pcc_area needs a lookup the analyst supplies: a CSV with the"
              + " header lsoa11cd,pcc_area, one row per LSOA 2011 code, pcc_area the project's"
              + " code (data/reference/pcc_areas.csv), made for example from the ONS lookup of"
              + " LSOAs to Community Safety Partnerships to Police Force Areas; and its source"
              + " stated in "
              + Manifest.FILE_NAME
              + " as "
              + LOOKUP_SOURCE_KEY
              + "=...");
    }
    String lookupSource =
        manifest
            .flatMap(m -> m.value(LOOKUP_SOURCE_KEY))
            .filter(s -> !s.isBlank())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        dir
                            + ": the source of "
                            + LOOKUP
                            + " is not stated; write a line "
                            + LOOKUP_SOURCE_KEY
                            + "=<where the lookup came from, e.g. ONS LSOA (2011) to CSP to PFA"
                            + " lookup, its date and address> in "
                            + manifestFile));
    Provenance.Kind kind = stated;
    Map<String, String> shas = new LinkedHashMap<>();
    for (Path file : layout.all(lookup)) {
      String sha = Sha256.of(file);
      shas.put(file.getFileName().toString(), sha);
      if (manifest.isPresent()) {
        kind = manifest.get().confirm(file.getFileName().toString(), sha, stated);
      }
    }
    List<Source> flat = new ArrayList<>();
    layout.flat.forEach(f -> flat.add(fileSource(f, layout.reader)));
    List<Source> rq = new ArrayList<>();
    layout.rqmnts.forEach(f -> rq.add(fileSource(f, layout.reader)));
    Read read = new Read(flat, rq, dir.toString());
    read.readLookup(lookup);
    tech.tablesaw.api.Table result = read.run();
    String combined = Sha256.of(combinedListing(shas).getBytes(StandardCharsets.UTF_8));
    Provenance provenance = provenance(kind, manifest, layout, lookupSource, combined);
    LoadedDataset dataset = new LoadedDataset(result, provenance, List.of());
    dataset =
        dataset.withNote(
            "Read from the Data First probation files in "
                + dir
                + " ("
                + layout.describe()
                + "; SHA-256 of each: "
                + combinedListing(shas).strip().replace("\n", "; ")
                + "); the provenance's SHA-256 is that of this listing.");
    dataset =
        dataset.withNote(
            "pcc_area is the PCC area of each person's home LSOA (lsoa_residence) by "
                + LOOKUP
                + " ("
                + lookupSource
                + "), not where the case was managed; weight is the project's synthetic weighting"
                + " rule (CaseGenerator.weightHundredths), since the real weights were never"
                + " published.");
    for (String note : notes(read.counts())) {
      dataset = dataset.withNote(note);
    }
    return dataset;
  }

  /** Reads and validates a lookup file: LSOA code to PCC area code. */
  private static Map<String, String> lookupOf(Path file) {
    tech.tablesaw.api.Table t = DatasetLoader.of(LOOKUP_SCHEMA).read(file);
    Map<String, String> map = new HashMap<>(t.rowCount() * 2);
    for (int r = 0; r < t.rowCount(); r++) {
      map.put(t.stringColumn("lsoa11cd").get(r), t.stringColumn("pcc_area").get(r));
    }
    return map;
  }

  /**
   * The analyst's lookup in a directory of Data First files, read and validated (every LSOA once,
   * every PCC area one of the project's codes), for readers that map batches themselves (the Spark
   * module, {@link #mapBatch}).
   *
   * @param dir the directory holding {@value #LOOKUP}, not null
   * @return LSOA 2011 code to PCC area code, unmodifiable
   * @throws DatasetValidationException listing the lookup's problems, located
   * @throws IllegalArgumentException when the lookup is missing
   */
  public static Map<String, String> lookup(Path dir) {
    Path file = dir.resolve(LOOKUP);
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new IllegalArgumentException(dir + ": no " + LOOKUP + " (see DataFirstFiles)");
    }
    return Map.copyOf(lookupOf(file));
  }

  /**
   * One row of a part as read elsewhere (a Spark executor's share of a national extract).
   *
   * @param file the part it came from, as problems should name it, not null
   * @param row the 1-based row of the part, at least 1
   * @param cells the cells as text, in the order of the columns given with them, null for missing
   */
  public record Cells(String file, long row, String[] cells) {

    /** Requires the file and the cells. */
    public Cells {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(cells, "cells");
    }
  }

  /**
   * The case table of one batch, and what was counted reading it.
   *
   * @param table the cases, validated by {@link CaseRecords#schema()}, not null
   * @param counts what was read, collapsed and excluded, by key; add the counts of every batch of a
   *     load key by key and pass the sums to {@link #notes}
   */
  public record Batch(tech.tablesaw.api.Table table, Map<String, Long> counts) {

    /** Requires both parts and copies the counts. */
    public Batch {
      Objects.requireNonNull(table, "table");
      counts = Map.copyOf(counts);
    }
  }

  /**
   * Maps a batch of rows read elsewhere by exactly the rules of {@link #load(Path,
   * Provenance.Kind)}. Every event's flat-file rows and requirements must be in the same batch (a
   * batch per hash partition of {@code event_id_hash} does this), or its requirements would be
   * refused as of no event and its duplicates missed.
   *
   * @param flatColumns the flat file's column names, in the order of the cells, not null
   * @param flat the flat-file rows, not null
   * @param rqmntColumns the requirements file's column names, not null
   * @param rqmnts the requirement rows, not null
   * @param lookup LSOA 2011 code to PCC area code, as {@link #lookup} reads it, not null
   * @return the batch's cases and counts
   * @throws DatasetValidationException listing every problem, located by part and row
   */
  public static Batch mapBatch(
      List<String> flatColumns,
      List<Cells> flat,
      List<String> rqmntColumns,
      List<Cells> rqmnts,
      Map<String, String> lookup) {
    Read read =
        new Read(memorySources(flatColumns, flat), memorySources(rqmntColumns, rqmnts), "a batch");
    read.lookup = Objects.requireNonNull(lookup, "lookup");
    return new Batch(read.run(), read.counts());
  }

  private static List<Source> memorySources(List<String> columns, List<Cells> rows) {
    Map<String, List<Cells>> byFile = new LinkedHashMap<>();
    for (Cells row : rows) {
      byFile.computeIfAbsent(row.file(), f -> new ArrayList<>()).add(row);
    }
    if (byFile.isEmpty()) {
      byFile.put("(no rows)", List.of());
    }
    List<Source> sources = new ArrayList<>();
    byFile.forEach(
        (file, cells) ->
            sources.add(
                new Source() {
                  @Override
                  public String label() {
                    return file;
                  }

                  @Override
                  public boolean byRow() {
                    return true;
                  }

                  @Override
                  public void feed(RowSink sink) {
                    sink.header(List.copyOf(columns));
                    for (Cells c : cells) {
                      sink.row(c.row(), c.cells());
                    }
                  }
                }));
    return sources;
  }

  /**
   * The files and their SHA-256s, one {@code name sha256} line each: what the provenance hashes.
   */
  private static String combinedListing(Map<String, String> shas) {
    StringBuilder text = new StringBuilder();
    shas.forEach((name, sha) -> text.append(name).append(' ').append(sha).append('\n'));
    return text.toString();
  }

  private static Provenance provenance(
      Provenance.Kind kind,
      Optional<Manifest> manifest,
      Layout layout,
      String lookupSource,
      String sha) {
    if (kind == Provenance.Kind.SYNTHETIC) {
      return Provenance.synthetic(
          "Synthetic case records in the Data First probation layout (" + layout.format + ")",
          CaseGenerator.SOURCE + "; PCC areas by " + LOOKUP + ": " + lookupSource,
          manifest.flatMap(Manifest::seed).orElse(null),
          manifest.flatMap(Manifest::generatorVersion).orElse(null),
          sha);
    }
    if (kind != Provenance.Kind.OFFICIAL_SENSITIVE) {
      throw manifest
          .get()
          .failure(
              "kind",
              kind.name(),
              "OFFICIAL_SENSITIVE or SYNTHETIC: case-level data are never " + kind);
    }
    return Provenance.officialSensitive(
        "Case records from the MoJ Data First probation files (" + layout.format + ")",
        manifest
                .flatMap(m -> m.value("source"))
                .orElse(
                    "MoJ Data First probation dataset (flat file and requirements), supplied to"
                        + " the analyst")
            + "; PCC areas by "
            + LOOKUP
            + ": "
            + lookupSource,
        manifest.flatMap(m -> m.value("licence")).orElse(CaseLevelFiles.DEFAULT_REAL_LICENCE),
        sha);
  }

  /** Which files a directory holds: the CSV pair or the Parquet parts. */
  private static final class Layout {
    final String format;
    final List<Path> flat;
    final List<Path> rqmnts;
    final PartReader reader;

    private Layout(String format, List<Path> flat, List<Path> rqmnts, PartReader reader) {
      this.format = format;
      this.flat = flat;
      this.rqmnts = rqmnts;
      this.reader = reader;
    }

    List<Path> all(Path lookup) {
      List<Path> all = new ArrayList<>(flat);
      all.addAll(rqmnts);
      all.add(lookup);
      return all;
    }

    String describe() {
      return flat.size()
          + " flat-file and "
          + rqmnts.size()
          + " requirements "
          + (format.equals("CSV") ? "CSV file(s)" : "Parquet part(s)");
    }

    static Layout find(Path dir, PartReader parquet) {
      List<Path> flatParts = new ArrayList<>();
      List<Path> rqmntParts = new ArrayList<>();
      try (Stream<Path> listing = java.nio.file.Files.list(dir)) {
        for (Path p : (Iterable<Path>) listing.sorted()::iterator) {
          String name = p.getFileName().toString();
          if (FLAT_FILE_PART.matcher(name).matches()) {
            flatParts.add(p);
          } else if (RQMNTS_PART.matcher(name).matches()) {
            rqmntParts.add(p);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
      }
      Path flatCsv = dir.resolve(FLAT_FILE_CSV);
      Path rqmntsCsv = dir.resolve(RQMNTS_CSV);
      boolean csv = java.nio.file.Files.isRegularFile(flatCsv);
      boolean parts = !flatParts.isEmpty() || !rqmntParts.isEmpty();
      if (csv && parts) {
        throw new IllegalArgumentException(
            dir
                + ": holds both "
                + FLAT_FILE_CSV
                + " and Parquet parts ("
                + (flatParts.isEmpty() ? rqmntParts : flatParts).get(0).getFileName()
                + "); keep one form of the files in the directory, so it is clear which is read");
      }
      if (csv) {
        if (!java.nio.file.Files.isRegularFile(rqmntsCsv)) {
          throw new IllegalArgumentException(
              dir + ": " + FLAT_FILE_CSV + " is there but " + RQMNTS_CSV + " is not");
        }
        return new Layout("CSV", List.of(flatCsv), List.of(rqmntsCsv), null);
      }
      if (!parts) {
        throw new IllegalArgumentException(
            dir
                + ": no Data First files; expected "
                + FLAT_FILE_CSV
                + " and "
                + RQMNTS_CSV
                + ", or the Parquet parts moj_probation_flatfile_01.parquet ... and"
                + " moj_probation_rqmnts_01.parquet ...");
      }
      if (flatParts.isEmpty() || rqmntParts.isEmpty()) {
        throw new IllegalArgumentException(
            dir
                + ": "
                + (flatParts.isEmpty()
                    ? "requirements parts but no moj_probation_flatfile_NN part"
                    : "flat-file parts but no moj_probation_rqmnts_NN part"));
      }
      PartReader reader = parquet;
      if (reader == null) {
        Iterator<PartReader> found = ServiceLoader.load(PartReader.class).iterator();
        if (!found.hasNext()) {
          throw new IllegalArgumentException(
              dir
                  + ": holds Data First Parquet parts, and no Parquet reader is on the class path;"
                  + " add the probation-lens-parquet module (the kernel has it) and use"
                  + " org.probationlens.parquet.DataFirstParquet.load, or convert the parts to "
                  + FLAT_FILE_CSV
                  + " and "
                  + RQMNTS_CSV);
        }
        reader = found.next();
      }
      return new Layout("Parquet", List.copyOf(flatParts), List.copyOf(rqmntParts), reader);
    }
  }

  /** Where a cell came from: the part's label, whether it counts rows or lines, and which. */
  private record Place(Part part, long at) {}

  /** One part as read: its label and column positions. */
  private static final class Part {
    final String label;
    final boolean byRow;
    Map<String, Integer> columns = Map.of();
    int width;

    Part(String label, boolean byRow) {
      this.label = label;
      this.byRow = byRow;
    }

    int number(String column) {
      Integer c = columns.get(column);
      return c == null ? 1 : c + 1;
    }
  }

  /** The flat file's cells this reader uses, for one event, and where they were. */
  private record FlatRow(Place place, String[] cells) {}

  /** The requirements of one event, summed, with where each kind was first seen. */
  private static final class Requirements {
    long rarDays;
    long upwHours;
    boolean accredited;
    Place rarPlace;
    Place upwPlace;
    Place accreditedPlace;
  }

  /** One part's rows, from a file or from memory. */
  private interface Source {
    String label();

    boolean byRow();

    void feed(RowSink sink) throws IOException;
  }

  private static Source fileSource(Path file, PartReader reader) {
    return new Source() {
      @Override
      public String label() {
        return file.toString();
      }

      @Override
      public boolean byRow() {
        return reader != null;
      }

      @Override
      public void feed(RowSink sink) throws IOException {
        if (reader != null) {
          reader.read(file, sink);
        } else {
          readCsv(file, sink);
        }
      }
    };
  }

  /** One load: every part read, the rows mapped, the derived table checked. */
  private static final class Read {
    private final List<Source> flatSources;
    private final List<Source> rqmntSources;
    private final String label;
    private final List<Problem> problems = new ArrayList<>();
    private long unlisted;
    private final Map<String, FlatRow> events = new LinkedHashMap<>();
    private final Map<String, Requirements> requirements = new HashMap<>();
    private final TreeMap<String, Long> otherRequirementCodes = new TreeMap<>();
    private final TreeMap<String, Long> excluded = new TreeMap<>();
    private final TreeMap<String, Long> excludedAreas = new TreeMap<>();
    private long duplicatesCollapsed;
    private long flatRows;
    private long rqmntRows;
    private boolean hasCustodialStatus = true;
    private boolean hasSubCategory;

    /** A flat-file part lacked a column, so its events are unknown and requirements not joined. */
    private boolean flatIncomplete;

    private Map<String, String> lookup = Map.of();

    Read(List<Source> flat, List<Source> rqmnts, String label) {
      this.flatSources = flat;
      this.rqmntSources = rqmnts;
      this.label = label;
    }

    private void problem(Place place, String column, String value, String expected) {
      problem(place.part(), place.at(), column, value, expected);
    }

    private void problem(Part part, long at, String column, String value, String expected) {
      if (problems.size() >= DatasetLoader.DEFAULT_MAX_PROBLEMS) {
        unlisted++;
        return;
      }
      int number = column == null ? 0 : part.number(column);
      problems.add(
          part.byRow
              ? Problem.inTable(part.label, at, column, number, value, expected)
              : new Problem(part.label, Math.max(1, at), column, number, value, expected));
    }

    /** Reads the lookup file, listing its problems with the others. */
    void readLookup(Path lookupFile) {
      try {
        lookup = lookupOf(lookupFile);
      } catch (DatasetValidationException e) {
        for (Problem p : e.problems()) {
          if (problems.size() < DatasetLoader.DEFAULT_MAX_PROBLEMS) {
            problems.add(p);
          } else {
            unlisted++;
          }
        }
        unlisted += e.unlisted();
      }
    }

    tech.tablesaw.api.Table run() {
      for (Source source : flatSources) {
        readPart(source, true);
      }
      for (Source source : rqmntSources) {
        readPart(source, false);
      }
      tech.tablesaw.api.Table table = map();
      if (!problems.isEmpty()) {
        throw new DatasetValidationException(label, problems, unlisted);
      }
      return table;
    }

    private void readPart(Source source, boolean flat) {
      Part part = new Part(source.label(), source.byRow());
      List<String> needed = flat ? FLAT_FILE_COLUMNS : RQMNTS_COLUMNS;
      int[] at = new int[needed.size() + 1];
      boolean[] usable = {true};
      RowSink sink =
          new RowSink() {
            @Override
            public void header(List<String> columns) {
              Map<String, Integer> positions = new HashMap<>();
              for (int c = 0; c < columns.size(); c++) {
                positions.putIfAbsent(columns.get(c), c);
              }
              part.columns = positions;
              part.width = columns.size();
              for (int n = 0; n < needed.size(); n++) {
                Integer c = positions.get(needed.get(n));
                if (c == null) {
                  usable[0] = false;
                  if (flat) {
                    flatIncomplete = true;
                  }
                  problem(
                      part,
                      part.byRow ? 0 : 1,
                      null,
                      "no column "
                          + needed.get(n)
                          + " among "
                          + Problem.bounded(columns.toString()),
                      "the "
                          + (flat ? "flat file" : "requirements file")
                          + "'s column "
                          + needed.get(n)
                          + " (this reader relies on "
                          + String.join(", ", needed)
                          + ")");
                } else {
                  at[n] = c;
                }
              }
              String extra = flat ? CUSTODIAL_STATUS : RQMNT_SUB_CATEGORY;
              Integer c = positions.get(extra);
              at[needed.size()] = c == null ? -1 : c;
              if (flat) {
                hasCustodialStatus &= c != null;
              } else {
                hasSubCategory |= c != null;
              }
            }

            @Override
            public void row(long row, String[] cells) {
              if (!usable[0]) {
                return;
              }
              if (cells.length != part.width) {
                problem(
                    part,
                    row,
                    null,
                    cells.length + " fields",
                    part.width + " fields, as in the header");
                return;
              }
              String[] picked = new String[at.length];
              for (int n = 0; n < at.length; n++) {
                String v = at[n] < 0 || at[n] >= cells.length ? null : cells[at[n]];
                picked[n] = v == null || v.isEmpty() ? null : v;
              }
              Place place = new Place(part, row);
              if (flat) {
                flatRow(place, picked);
              } else {
                rqmntRow(place, picked);
              }
            }
          };
      try {
        source.feed(sink);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + source.label() + ": " + e.getMessage(), e);
      }
    }

    private void flatRow(Place place, String[] cells) {
      flatRows++;
      String hash = cells[0];
      if (hash == null) {
        problem(place, "event_id_hash", "", "a value (required): the event's hashed id");
        return;
      }
      if (hash.indexOf('\n') >= 0 || hash.indexOf('\r') >= 0) {
        problem(place, "event_id_hash", hash, "a hashed id on one line");
        return;
      }
      FlatRow first = events.putIfAbsent(hash, new FlatRow(place, cells));
      if (first == null) {
        return;
      }
      for (int n = 0; n < cells.length; n++) {
        if (!Objects.equals(first.cells[n], cells[n])) {
          String column =
              n < FLAT_FILE_COLUMNS.size() ? FLAT_FILE_COLUMNS.get(n) : CUSTODIAL_STATUS;
          problem(
              place,
              column,
              cells[n] == null ? "" : cells[n],
              "the same "
                  + column
                  + " as "
                  + where(first.place)
                  + ", which has the same event_id_hash "
                  + Problem.quoted(hash)
                  + " and "
                  + Problem.quoted(first.cells[n] == null ? "" : first.cells[n])
                  + " (a conflicting duplicate: which row is right cannot be known)");
          return;
        }
      }
      duplicatesCollapsed++;
    }

    private static String where(Place place) {
      return (place.part().byRow ? "row " : "line ") + place.at() + " of " + place.part().label;
    }

    private void rqmntRow(Place place, String[] cells) {
      rqmntRows++;
      String hash = cells[0];
      String code = cells[1];
      if (hash == null) {
        problem(place, "event_id_hash", "", "a value (required): the event's hashed id");
        return;
      }
      if (code == null) {
        problem(
            place,
            "rqmnt_type_main_category_code",
            "",
            "a value (required): the requirement's main category code");
        return;
      }
      boolean rar = code.equals("F");
      boolean upw = code.equals("W");
      boolean programme = code.equals("RM38") || (code.equals("7") && !"RS66".equals(cells[3]));
      if (!rar && !upw && !programme) {
        otherRequirementCodes.merge(code, 1L, Long::sum);
        return;
      }
      long length = 0;
      if (rar || upw) {
        Long parsed = wholeNumber(cells[2]);
        if (parsed == null || parsed < 0) {
          problem(
              place,
              "length",
              cells[2] == null ? "" : cells[2],
              "a whole number of "
                  + (rar ? "days" : "hours")
                  + ", 0 or more, for category "
                  + code);
          return;
        }
        length = parsed;
      }
      Requirements r = requirements.computeIfAbsent(hash, h -> new Requirements());
      if (rar) {
        r.rarDays += length;
        r.rarPlace = r.rarPlace == null ? place : r.rarPlace;
      } else if (upw) {
        r.upwHours += length;
        r.upwPlace = r.upwPlace == null ? place : r.upwPlace;
      } else {
        r.accredited = true;
        r.accreditedPlace = r.accreditedPlace == null ? place : r.accreditedPlace;
      }
    }

    /** Maps every event, then checks the derived rows against the case table's schema. */
    private tech.tablesaw.api.Table map() {
      for (Map.Entry<String, Requirements> e : requirements.entrySet()) {
        if (!flatIncomplete && !events.containsKey(e.getKey())) {
          Requirements r = e.getValue();
          Place place =
              r.rarPlace != null ? r.rarPlace : r.upwPlace != null ? r.upwPlace : r.accreditedPlace;
          problem(
              place,
              "event_id_hash",
              e.getKey(),
              "the event_id_hash of an event in the flat file (this requirement has none)");
        }
      }
      StringBuilder text = new StringBuilder(Math.max(64, events.size() * 110));
      text.append(CaseRecords.schema().header()).append('\n');
      List<String> derivedHashes = new ArrayList<>(events.size());
      for (Map.Entry<String, FlatRow> e : events.entrySet()) {
        String line = derive(e.getKey(), e.getValue());
        if (line != null) {
          text.append(line).append('\n');
          derivedHashes.add(e.getKey());
        }
      }
      // the derived rows are checked even when others were refused, so that one exception lists
      // every problem
      try {
        return DatasetLoader.of(CaseRecords.schema())
            .readBytes("the derived case table", text.toString().getBytes(StandardCharsets.UTF_8))
            .table();
      } catch (DatasetValidationException e) {
        for (Problem p : e.problems()) {
          traceBack(p, derivedHashes);
        }
        unlisted += e.unlisted();
        return null;
      }
    }

    /** The case table's row for one event as CSV text, or null when excluded or refused. */
    private String derive(String hash, FlatRow row) {
      String[] c = row.cells;
      Place place = row.place;
      boolean ok = true;
      // provider
      String area = c[6];
      String provider = area == null ? null : PROVIDER_AREAS.get(area);
      if (area == null) {
        problem(place, PROVIDER_COLUMN, "", "a value (required): the probation area");
        ok = false;
      } else if (provider == null) {
        if ((area.startsWith("CPA ") || area.startsWith("NPS "))
            && !OTHER_NPS_VALUES.contains(area)) {
          problem(
              place,
              PROVIDER_COLUMN,
              area,
              "one of the CPA and NPS division descriptions "
                  + PROVIDER_AREAS.keySet()
                  + " (a value starting CPA or NPS names a provider; any other area is excluded"
                  + " and counted)");
          ok = false;
        } else {
          return exclude(hash, Problem.quoted(area), true);
        }
      }
      // work type
      String description = c[5];
      String work = description == null ? null : DISPOSAL_TYPES.get(description);
      if (work == null) {
        problem(
            place,
            "disposal_type_description",
            description == null ? "" : description,
            "one of " + DISPOSAL_TYPES.keySet());
        ok = false;
      } else if (work.equals(CUSTODY)) {
        if (!hasCustodialStatus) {
          return exclude(
              hash,
              "custodial disposal "
                  + Problem.quoted(description)
                  + " (the flat file has no "
                  + CUSTODIAL_STATUS
                  + " column to tell licence, PSS and pre-release apart)",
              false);
        }
        String status = c[FLAT_FILE_COLUMNS.size()];
        work = status == null ? null : CUSTODIAL_STATUSES.get(status);
        if (status != null && PHASE_UNKNOWN_STATUSES.contains(status)) {
          return exclude(
              hash,
              "custodial_status "
                  + Problem.quoted(status)
                  + " (terminated or migrated custody: the phase is not known)",
              false);
        }
        if (work == null) {
          problem(
              place,
              CUSTODIAL_STATUS,
              status == null ? "" : status,
              "for the custodial disposal "
                  + Problem.quoted(description)
                  + ", an nDelius custodial status: one of "
                  + CUSTODIAL_STATUSES.keySet()
                  + " (or "
                  + PHASE_UNKNOWN_STATUSES
                  + ", excluded and counted)");
          ok = false;
        }
      }
      // dates
      LocalDate start = date(place, "disposal_date", c[1], true);
      LocalDate terminated = date(place, "disposal_termination_date", c[2], false);
      if (start == INVALID_DATE || terminated == INVALID_DATE) {
        ok = false;
      }
      Long days = wholeNumber(c[4]);
      if (days == null) {
        problem(
            place,
            "length_in_days",
            c[4] == null ? "" : c[4],
            "a whole number of days (the order's or the sentence's length)");
        ok = false;
      }
      String reasonText = c[3];
      String reason = null;
      if (terminated != null && terminated != INVALID_DATE) {
        if (reasonText == null) {
          problem(
              place,
              "disposal_termination_reason_desc",
              "",
              "the reason the disposal terminated on "
                  + terminated
                  + ": one of "
                  + TERMINATION_REASONS.keySet());
          ok = false;
        } else {
          reason = TERMINATION_REASONS.get(reasonText);
          if (reason == null) {
            problem(
                place,
                "disposal_termination_reason_desc",
                reasonText,
                "one of " + TERMINATION_REASONS.keySet());
            ok = false;
          }
        }
      } else if (terminated == null && reasonText != null) {
        problem(
            place,
            "disposal_termination_reason_desc",
            reasonText,
            "no reason while disposal_termination_date is empty (a disposal still running)");
        ok = false;
      }
      String lsoa = c[7];
      String pcc = null;
      if (lsoa != null) {
        pcc = lookup.get(lsoa);
        if (pcc == null && !lookup.isEmpty()) {
          problem(
              place,
              "lsoa_residence",
              lsoa,
              "an LSOA 2011 code listed in " + LOOKUP + " (it lists " + lookup.size() + ")");
          ok = false;
        }
      }
      if (!ok) {
        return null;
      }
      if (start.isBefore(CaseRecords.FIRST_START) || start.isAfter(CaseRecords.LAST_START)) {
        return exclude(
            hash,
            "disposal_date "
                + (start.isBefore(CaseRecords.FIRST_START)
                    ? "before " + CaseRecords.FIRST_START
                    : "after " + CaseRecords.LAST_START)
                + " (outside the case table's period)",
            false);
      }
      if (lsoa == null) {
        return exclude(hash, "empty lsoa_residence (no PCC area)", false);
      }
      if (pcc == null) {
        return null; // the lookup itself was refused; its problems are listed
      }
      boolean crc = provider.startsWith("C");
      if (crc && !provider.equals(CPA_OF_AREA.get(pcc))) {
        return exclude(
            hash,
            "CRC case of "
                + provider
                + " whose home LSOA lies in "
                + pcc
                + " (CPA "
                + CPA_OF_AREA.get(pcc)
                + ")",
            false);
      }
      WorkType type = WorkType.ofCode(work);
      int months = (int) Math.round(days / DAYS_PER_MONTH);
      if (!type.isCourtOrder() && months > MAX_MONTHS) {
        return exclude(
            hash,
            "custodial sentence of more than "
                + MAX_MONTHS
                + " months (the case table's sentence_months runs to "
                + MAX_MONTHS
                + ")",
            false);
      }
      LocalDate end;
      if (terminated == null) {
        reason = "ONGOING";
        end = start.plusDays(CaseGenerator.plannedDays(type, months));
      } else if (terminated.isAfter(CaseRecords.LAST_START)) {
        reason = "ONGOING";
        end = terminated;
      } else {
        end = terminated;
      }
      Requirements r = requirements.get(hash);
      long rar = r == null ? 0 : r.rarDays;
      long upw = r == null ? 0 : r.upwHours;
      boolean accredited = r != null && r.accredited;
      int weight = CaseGenerator.weightHundredths(type, months);
      return csv(hash)
          + (crc ? ",CRC," : ",NPS,")
          + provider
          + ','
          + pcc
          + ','
          + type.name()
          + ','
          + start
          + ','
          + end
          + ','
          + months
          + ','
          + rar
          + ','
          + upw
          + ','
          + accredited
          + ','
          + reason
          + ','
          + BigDecimal.valueOf(weight, 2).toPlainString();
    }

    private String exclude(String hash, String reason, boolean area) {
      (area ? excludedAreas : excluded).merge(reason, 1L, Long::sum);
      return null;
    }

    private static final LocalDate INVALID_DATE = LocalDate.MIN;

    private LocalDate date(Place place, String column, String value, boolean required) {
      if (value == null) {
        if (required) {
          problem(place, column, "", "a value (required): a date yyyy-MM-dd");
          return INVALID_DATE;
        }
        return null;
      }
      try {
        if (value.length() != 10) {
          throw new DateTimeParseException("length", value, 0);
        }
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        problem(place, column, value, "a date yyyy-MM-dd");
        return INVALID_DATE;
      }
    }

    /**
     * Traces a problem the case table's schema found in the derived text back to the cells it came
     * from. The derived text has the header on line 1 and event {@code i} (0-based) on line {@code
     * i + 2}.
     */
    private void traceBack(Problem p, List<String> hashes) {
      int index = (int) p.line() - 2;
      if (index < 0 || index >= hashes.size() || p.column() == null) {
        if (problems.size() < DatasetLoader.DEFAULT_MAX_PROBLEMS) {
          problems.add(p);
        } else {
          unlisted++;
        }
        return;
      }
      String hash = hashes.get(index);
      FlatRow row = events.get(hash);
      Requirements r = requirements.get(hash);
      Place place = row.place;
      String source;
      switch (p.column()) {
        case "case_id" -> source = "event_id_hash";
        case "provider_type", "provider_code" -> source = PROVIDER_COLUMN;
        case "pcc_area" -> source = "lsoa_residence";
        case "work_type" -> source = "disposal_type_description";
        case "start_date" -> source = "disposal_date";
        case "end_date", "termination_reason" -> source = "disposal_termination_date";
        case "sentence_months", "weight" -> source = "length_in_days";
        case "rar_days" -> {
          source = "length";
          place = r != null && r.rarPlace != null ? r.rarPlace : place;
        }
        case "upw_hours" -> {
          source = "length";
          place = r != null && r.upwPlace != null ? r.upwPlace : place;
        }
        case "accredited_programme" -> {
          source = "rqmnt_type_main_category_code";
          place = r != null && r.accreditedPlace != null ? r.accreditedPlace : place;
        }
        default -> source = null;
      }
      String value =
          source == null || place != row.place
              ? p.value()
              : Objects.requireNonNullElse(row.cells[FLAT_FILE_COLUMNS.indexOf(source)], p.value());
      problem(
          place,
          source,
          value,
          "a value giving the case table's "
              + p.column()
              + " a valid value (derived: "
              + Problem.quoted(p.value())
              + "; expected "
              + p.expected()
              + ") for event "
              + Problem.quoted(hash));
    }

    /** What this read counted, by key: the input of {@link DataFirstFiles#notes}. */
    Map<String, Long> counts() {
      Map<String, Long> counts = new LinkedHashMap<>();
      counts.put(FLAT_ROWS, flatRows);
      counts.put(EVENTS, (long) events.size());
      counts.put(RQMNT_ROWS, rqmntRows);
      counts.put(DUPLICATES, duplicatesCollapsed);
      counts.put(SUB_CATEGORY_COLUMN, hasSubCategory ? 1L : 0L);
      excludedAreas.forEach((k, v) -> counts.put(AREA + k, v));
      excluded.forEach((k, v) -> counts.put(EXCLUDED + k, v));
      otherRequirementCodes.forEach((k, v) -> counts.put(REQUIREMENT + k, v));
      return counts;
    }
  }

  private static final String FLAT_ROWS = "flat_rows";
  private static final String EVENTS = "events";
  private static final String RQMNT_ROWS = "rqmnt_rows";
  private static final String DUPLICATES = "duplicates";
  private static final String SUB_CATEGORY_COLUMN = "sub_category_column";
  private static final String AREA = "area:";
  private static final String EXCLUDED = "excluded:";
  private static final String REQUIREMENT = "requirement:";

  /**
   * The notes a load makes from what it counted: rows and events read, duplicates collapsed, events
   * excluded by reason and value, requirement categories read past. Counts of several batches of
   * one load ({@link #mapBatch}), added key by key, give the notes of the whole.
   *
   * @param counts the counts, as {@link Batch#counts()} gives them (or their sums), not null
   * @return the notes, in a fixed order
   */
  public static List<String> notes(Map<String, Long> counts) {
    Objects.requireNonNull(counts, "counts");
    List<String> notes = new ArrayList<>();
    notes.add(
        "Read "
            + counts.getOrDefault(FLAT_ROWS, 0L)
            + " flat-file rows ("
            + counts.getOrDefault(EVENTS, 0L)
            + " events) and "
            + counts.getOrDefault(RQMNT_ROWS, 0L)
            + " requirement rows.");
    long duplicates = counts.getOrDefault(DUPLICATES, 0L);
    if (duplicates > 0) {
      notes.add(
          duplicates
              + " flat-file row(s) repeated an event_id_hash with the same values in every column"
              + " this reader uses, and were collapsed into the first.");
    }
    TreeMap<String, Long> areas = withPrefix(counts, AREA);
    if (!areas.isEmpty()) {
      notes.add(
          total(areas)
              + " event(s) excluded: held by no CRC or NPS division of 2014-2020, by"
              + " probation_area_desc: "
              + listing(areas)
              + ".");
    }
    TreeMap<String, Long> excluded = withPrefix(counts, EXCLUDED);
    if (!excluded.isEmpty()) {
      notes.add(total(excluded) + " event(s) excluded: " + listing(excluded) + ".");
    }
    TreeMap<String, Long> codes = withPrefix(counts, REQUIREMENT);
    if (!codes.isEmpty()) {
      notes.add(
          "Requirements of categories without a column in the case table (read past), by"
              + " rqmnt_type_main_category_code: "
              + listing(codes)
              + ".");
    }
    if (counts.getOrDefault(SUB_CATEGORY_COLUMN, 0L) == 0) {
      notes.add(
          "The requirements file has no "
              + RQMNT_SUB_CATEGORY
              + " column, so every category 7 requirement counts as an accredited programme"
              + " (the RS66 exception could not be applied).");
    }
    return notes;
  }

  private static TreeMap<String, Long> withPrefix(Map<String, Long> counts, String prefix) {
    TreeMap<String, Long> found = new TreeMap<>();
    counts.forEach(
        (k, v) -> {
          if (k.startsWith(prefix) && v > 0) {
            found.put(k.substring(prefix.length()), v);
          }
        });
    return found;
  }

  private static long total(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Formats counts as {@code key: n; key: n}. */
  private static String listing(Map<String, Long> counts) {
    StringBuilder text = new StringBuilder();
    counts.forEach(
        (k, v) -> text.append(text.length() == 0 ? "" : "; ").append(k).append(": ").append(v));
    return text.toString();
  }

  private static String csv(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  /** A whole number written {@code 12} or {@code 12.0} (R and Parquet doubles), else null. */
  static Long wholeNumber(String text) {
    if (text == null) {
      return null;
    }
    try {
      BigDecimal value = new BigDecimal(text);
      return value.stripTrailingZeros().scale() <= 0 ? value.longValueExact() : null;
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  /** Reads a CSV part: the header, then each record with the line it starts on. */
  private static void readCsv(Path file, RowSink sink) throws IOException {
    try (Reader reader =
        new BufferedReader(
            new InputStreamReader(
                java.nio.file.Files.newInputStream(file),
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)),
            1 << 16)) {
      reader.mark(1);
      if (reader.read() != '\uFEFF') {
        reader.reset();
      }
      CSVParser parser = FORMAT.parse(reader);
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        sink.header(List.of());
        return;
      }
      sink.header(records.next().toList());
      while (true) {
        long line = parser.getCurrentLineNumber() + 1;
        if (!records.hasNext()) {
          return;
        }
        CSVRecord record = records.next();
        String[] cells = new String[record.size()];
        for (int i = 0; i < cells.length; i++) {
          cells[i] = record.get(i);
        }
        sink.row(line, cells);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
