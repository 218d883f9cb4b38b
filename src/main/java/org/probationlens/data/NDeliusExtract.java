package org.probationlens.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.DatasetLoader;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Manifest;
import org.probationlens.read.Problem;

/**
 * Reads an nDelius extract, a directory with one CSV file per nDelius table, into the project's
 * case table: exactly the columns of {@link CaseRecords#schema()}, checked by the same schema and
 * rules as {@code cases.csv}. nDelius is the case-management system of the National Probation
 * Service and the CRCs; its tables and columns are those of the Oracle schema HMPPS publishes
 * (ministryofjustice/community-api, {@code src/main/resources/db/schema/V0_0__schema.sql}; see
 * {@code ../shared/reference/real_layouts.md} section 2, from which every rule below is taken).
 *
 * <p><b>The files.</b> {@code EVENT, DISPOSAL, RQMNT, CUSTODY, RELEASE, ORDER_MANAGER, TEAM,
 * PROBATION_AREA, R_DISPOSAL_TYPE, R_RQMNT_TYPE_MAIN_CATEGORY, R_STANDARD_REFERENCE_LIST}, each
 * {@code NAME.csv}: UTF-8, comma-separated, a header of nDelius column names (the columns {@link
 * #requiredColumns(String)} lists must be there; any others, such as the audit columns, are
 * ignored), ids as whole numbers, dates {@code YYYY-MM-DD}, flags {@code 0}/{@code 1}. Plus {@value
 * #MAPPING_FILE}, which the analyst supplies (below), and optionally a {@link Manifest}.
 *
 * <p><b>One case per event.</b> Each event that is not soft-deleted and has a disposal becomes one
 * row, in the order of {@code EVENT.csv}; its {@code case_id} is {@code K} and the {@code EVENT_ID}
 * with at least eight digits ({@code K00000042} for event 42). An event without a disposal (not
 * sentenced) is left out and counted in the notes; an event with two disposals is a problem.
 *
 * <p><b>Work type</b> (HMPPS's own rule, ministryofjustice/hmpps-allocations {@code
 * CommunityCaseTypeRule}, {@code CustodyCaseTypeRule}, {@code LicenseCaseTypeRule}): the disposal
 * type's {@code R_DISPOSAL_TYPE.SENTENCE_TYPE} {@code SP} or {@code NP} is a community sentence,
 * {@code SC} or {@code NC} a custodial one. A community sentence is a community order or a
 * suspended sentence order by its {@code DESCRIPTION}, matched exactly against {@link
 * #COURT_ORDER_DESCRIPTIONS} (descriptions seen in HMPPS test fixtures). A custodial sentence is
 * classed by its {@code CUSTODY.CUSTODIAL_STATUS_ID}'s code in {@code R_STANDARD_REFERENCE_LIST}
 * ({@link #CUSTODIAL_STATUSES}; codes from community-api {@code Custody.java}): still in custody
 * ({@code A C D R I AT}) is pre-release work, {@code P} post-sentence supervision, released ({@code
 * B T}) a licence. A custodial event is one case, classed by its status in the extract (as HMPPS
 * classes it for allocation), not one case per stage it went through. {@code -1} (migrated data)
 * says nothing of where the person is and is refused, as is any other code.
 *
 * <p><b>Dates.</b> The start: {@code DISPOSAL.DISPOSAL_DATE} for a court order and for pre-release
 * work (custody starts at sentence); the earliest {@code RELEASE.ACTUAL_RELEASE_DATE} of the
 * custody for a licence; {@code CUSTODY.PSS_START_DATE} for post-sentence supervision
 * (real_layouts.md, "when a licence starts"). The end: {@code DISPOSAL.TERMINATION_DATE} when the
 * disposal has ended, otherwise its {@code NOTIONAL_END_DATE}. The case data end on 31 December
 * 2020: a disposal terminated after that day is ONGOING there, ending on its termination date; a
 * case starting outside 1 June 2014 to 31 December 2020 is left out and counted in the notes.
 *
 * <p><b>How it ended</b>: {@code DISPOSAL.DISPOSAL_TERMINATION_REASON_ID}'s {@code
 * CODE_DESCRIPTION} in {@code R_STANDARD_REFERENCE_LIST}, matched exactly against {@link
 * #TERMINATION_DESCRIPTIONS}: the OMSQ's five published groups of court-order terminations (ran its
 * full course, terminated early for good progress: COMPLETED; failure to comply: REVOKED_BREACH;
 * conviction of an offence: REVOKED_NEW_OFFENCE; other: OTHER; FOI 105057, Table A4.23) and the two
 * descriptions seen in nDelius-derived data ({@code Expired (Normal)}, Data First; {@code Completed
 * - early good progress}, community-api test data). nDelius's own list of disposal termination
 * codes was not found, so descriptions are matched, not codes; any other is refused, listing these.
 *
 * <p><b>Requirements</b> ({@code RQMNT}, main category code from {@code
 * R_RQMNT_TYPE_MAIN_CATEGORY}): {@code rar_days} is the sum of the {@code LENGTH} of the disposal's
 * {@code F} requirements (rehabilitation activity requirement; community-api {@code
 * RequirementTypeMainCategory}), {@code upw_hours} that of its {@code W} requirements (unpaid work,
 * in hours; hmpps-probation-integration-services), and {@code accredited_programme} is true when it
 * has an {@code RM38} requirement, or a {@code 7} whose sub-category code is not {@code RS66}
 * (hmpps-probation-integration-services {@code countAccreditedProgrammeRequirements}). Requirements
 * of other main categories add to no column and are counted in the notes, as are additional
 * requirements (an empty main category), whose own reference table this reader does not read.
 * Licence conditions ({@code LIC_CONDITION}) are not read either, so a real extract's licences show
 * an accredited programme only if one is held as a requirement of the disposal.
 *
 * <p><b>Provider</b>: the {@code ORDER_MANAGER} row of the event in force on the start date, its
 * {@code PROBATION_AREA_ID}'s {@code PROBATION_AREA.CODE}: {@code C01}-{@code C21} a CRC (the CPA),
 * {@code N01}-{@code N07} an NPS division; any other code is refused. A row is in force from its
 * {@code ALLOCATION_DATE} up to the day before its {@code END_DATE} (none: still in force); so on a
 * handover day, when one row ends and the next begins, the incoming manager holds the case. This is
 * this project's choice (nDelius does not document it): a transfer takes effect on the day it is
 * made. No row in force, or two, is a problem.
 *
 * <p><b>PCC area</b>: not in nDelius. The analyst supplies {@value #MAPPING_FILE} in the extract's
 * directory, with the header {@code TEAM_CODE,PCC_AREA,SOURCE}: each allocation team's code ({@code
 * TEAM.CODE} of the order manager's {@code ALLOCATION_TEAM_ID}), the PCC area the team's cases
 * count in (a code of {@link org.probationlens.area.Geography#standard()}, such as {@code DRH}),
 * and where that assignment comes from. The sources are named in the provenance. Without the file
 * nothing is loaded; a team not in it is a problem.
 *
 * <p><b>Derived columns</b>: {@code sentence_months} is {@code DISPOSAL.LENGTH_IN_DAYS} in months
 * ({@link CaseWeight#monthsOf}: the length of a community or suspended sentence order, the
 * custodial sentence for the others, as in the synthetic generator); {@code weight} is {@link
 * CaseWeight#hundredths} of the work type and those months, the generator's own synthetic weights.
 *
 * <p><b>Provenance</b>: the kind the caller states or the {@code MANIFEST} in the directory gives
 * (as for {@code cases.csv}: a manifest must agree with a stated kind, and each {@code
 * NAME.csv.sha256} it lists must match the file's bytes); its SHA-256 is that of the listing of the
 * files read, one line {@code SHA256 NAME} each in the format of {@code sha256sum}, in name order;
 * its source names the mapping file's sources.
 *
 * <p><b>Bad input.</b> Rows with {@code SOFT_DELETED = 1} (and rows of soft-deleted events or
 * disposals) are left out and counted in the notes. Everything else that does not fit (a missing
 * table or column, a cell that is not an id, date or flag, a repeated id, a row pointing at a row
 * that is not there, a code the rules do not know) is a {@link Problem} naming the file, line,
 * column, value and what was expected, all gathered in one {@link DatasetValidationException}:
 * first those of reading the files, then those of joining them, then those the case table's own
 * schema finds in the rows built (located at the event's line of {@code EVENT.csv}).
 */
public final class NDeliusExtract {

  /** The file of the analyst's team-to-PCC-area mapping, in the extract's directory. */
  public static final String MAPPING_FILE = "PCC_AREA_BY_TEAM.csv";

  /** The tables read, each from {@code NAME.csv}, in the order they are read. */
  public static final List<String> TABLES =
      List.of(
          "EVENT",
          "DISPOSAL",
          "RQMNT",
          "CUSTODY",
          "RELEASE",
          "ORDER_MANAGER",
          "TEAM",
          "PROBATION_AREA",
          "R_DISPOSAL_TYPE",
          "R_RQMNT_TYPE_MAIN_CATEGORY",
          "R_STANDARD_REFERENCE_LIST");

  private static final Map<String, List<String>> COLUMNS = columns();

  private static Map<String, List<String>> columns() {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    columns.put("EVENT", List.of("EVENT_ID", "SOFT_DELETED"));
    columns.put(
        "DISPOSAL",
        List.of(
            "DISPOSAL_ID",
            "EVENT_ID",
            "DISPOSAL_TYPE_ID",
            "DISPOSAL_DATE",
            "LENGTH_IN_DAYS",
            "NOTIONAL_END_DATE",
            "TERMINATION_DATE",
            "DISPOSAL_TERMINATION_REASON_ID",
            "SOFT_DELETED"));
    columns.put(
        "RQMNT",
        List.of(
            "RQMNT_ID",
            "DISPOSAL_ID",
            "RQMNT_TYPE_MAIN_CATEGORY_ID",
            "RQMNT_TYPE_SUB_CATEGORY_ID",
            "LENGTH",
            "SOFT_DELETED"));
    columns.put(
        "CUSTODY",
        List.of(
            "CUSTODY_ID", "DISPOSAL_ID", "CUSTODIAL_STATUS_ID", "PSS_START_DATE", "SOFT_DELETED"));
    columns.put(
        "RELEASE", List.of("RELEASE_ID", "CUSTODY_ID", "ACTUAL_RELEASE_DATE", "SOFT_DELETED"));
    columns.put(
        "ORDER_MANAGER",
        List.of(
            "ORDER_MANAGER_ID",
            "EVENT_ID",
            "ALLOCATION_DATE",
            "END_DATE",
            "PROBATION_AREA_ID",
            "ALLOCATION_TEAM_ID",
            "SOFT_DELETED"));
    columns.put("TEAM", List.of("TEAM_ID", "CODE"));
    columns.put("PROBATION_AREA", List.of("PROBATION_AREA_ID", "CODE"));
    columns.put("R_DISPOSAL_TYPE", List.of("DISPOSAL_TYPE_ID", "DESCRIPTION", "SENTENCE_TYPE"));
    columns.put("R_RQMNT_TYPE_MAIN_CATEGORY", List.of("RQMNT_TYPE_MAIN_CATEGORY_ID", "CODE"));
    columns.put(
        "R_STANDARD_REFERENCE_LIST",
        List.of("STANDARD_REFERENCE_LIST_ID", "CODE_VALUE", "CODE_DESCRIPTION"));
    return Map.copyOf(columns);
  }

  private static final List<String> MAPPING_COLUMNS = List.of("TEAM_CODE", "PCC_AREA", "SOURCE");

  /** {@code R_DISPOSAL_TYPE.SENTENCE_TYPE} of a community sentence: statutory, non-statutory. */
  public static final Set<String> COMMUNITY_SENTENCE_TYPES = Set.of("SP", "NP");

  /** {@code R_DISPOSAL_TYPE.SENTENCE_TYPE} of a custodial sentence: statutory, non-statutory. */
  public static final Set<String> CUSTODY_SENTENCE_TYPES = Set.of("SC", "NC");

  /**
   * The disposal descriptions of a community sentence this reader knows, and the work type each is:
   * {@code ORA Community Order}, {@code CJA - Community Order}, {@code SA2020 Community Order}
   * (CO); {@code ORA Suspended Sentence Order}, {@code SA2020 Suspended Sentence Order} (SSO).
   */
  public static final Map<String, WorkType> COURT_ORDER_DESCRIPTIONS =
      ordered(
          "ORA Community Order", WorkType.CO,
          "CJA - Community Order", WorkType.CO,
          "SA2020 Community Order", WorkType.CO,
          "ORA Suspended Sentence Order", WorkType.SSO,
          "SA2020 Suspended Sentence Order", WorkType.SSO);

  /**
   * The custodial status codes ({@code R_STANDARD_REFERENCE_LIST.CODE_VALUE} of {@code
   * CUSTODY.CUSTODIAL_STATUS_ID}) and the work type each gives: {@code A} sentenced in custody,
   * {@code C} recalled, {@code D} in custody, {@code R} in custody on temporary licence, {@code I}
   * in custody at an immigration removal centre, {@code AT} auto-terminated: PRE; {@code B}
   * released on licence, {@code T} terminated: LIC; {@code P} post-sentence supervision: PSS.
   */
  public static final Map<String, WorkType> CUSTODIAL_STATUSES =
      ordered(
          "A", WorkType.PRE,
          "C", WorkType.PRE,
          "D", WorkType.PRE,
          "R", WorkType.PRE,
          "I", WorkType.PRE,
          "AT", WorkType.PRE,
          "B", WorkType.LIC,
          "T", WorkType.LIC,
          "P", WorkType.PSS);

  /**
   * The termination descriptions ({@code R_STANDARD_REFERENCE_LIST.CODE_DESCRIPTION} of {@code
   * DISPOSAL.DISPOSAL_TERMINATION_REASON_ID}) this reader knows, and the case table's {@code
   * termination_reason} for each.
   */
  public static final Map<String, String> TERMINATION_DESCRIPTIONS =
      ordered(
          "Ran its full course", "COMPLETED",
          "Expired (Normal)", "COMPLETED",
          "Terminated early for good progress", "COMPLETED",
          "Completed - early good progress", "COMPLETED",
          "Failure to comply with requirements", "REVOKED_BREACH",
          "Conviction of an offence", "REVOKED_NEW_OFFENCE",
          "Other", "OTHER");

  /** Main category of a rehabilitation activity requirement; its {@code LENGTH} is in days. */
  public static final String RAR_CATEGORY = "F";

  /** Main category of unpaid work; its {@code LENGTH} is in hours. */
  public static final String UPW_CATEGORY = "W";

  /** Main category that is always an accredited programme. */
  public static final String PROGRAMME_CATEGORY = "RM38";

  /** Main category that is an accredited programme unless its sub-category is {@code RS66}. */
  public static final String PROGRAMME_UNLESS_CATEGORY = "7";

  /** The sub-category that keeps a {@code 7} requirement from being an accredited programme. */
  public static final String NOT_PROGRAMME_SUB_CATEGORY = "RS66";

  private static final String SYNTHETIC_TITLE =
      "Synthetic case records read from an nDelius extract (one row per event with a disposal)";
  private static final String REAL_TITLE =
      "Case records read from an nDelius extract (one row per event with a disposal)";

  private NDeliusExtract() {}

  @SuppressWarnings("unchecked")
  private static <V> Map<String, V> ordered(Object... pairs) {
    Map<String, V> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (V) pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  /**
   * The columns this reader needs of one table (others in the file are ignored).
   *
   * @param table one of {@link #TABLES}, or {@code PCC_AREA_BY_TEAM} for the mapping file
   * @return the column names, not null
   * @throws IllegalArgumentException for any other name, listing the tables
   */
  public static List<String> requiredColumns(String table) {
    Objects.requireNonNull(table, "table");
    if (table.equals("PCC_AREA_BY_TEAM")) {
      return MAPPING_COLUMNS;
    }
    List<String> columns = COLUMNS.get(table);
    if (columns == null) {
      throw new IllegalArgumentException(
          "no nDelius table \"" + Problem.bounded(table) + "\" is read; expected one of " + TABLES);
    }
    return columns;
  }

  /**
   * Whether a directory looks like an nDelius extract: it holds {@code EVENT.csv}.
   *
   * @param dir a path, not null
   * @return true for a directory with an {@code EVENT.csv}
   */
  public static boolean recognises(Path dir) {
    return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve("EVENT.csv"));
  }

  /**
   * Loads an extract whose {@link Manifest} (the file {@code MANIFEST} in its directory) says what
   * it is, as the generator's output does.
   *
   * @param dir the extract's directory, not null
   * @return the case table with the provenance the manifest gives and the reader's notes
   * @throws DatasetValidationException listing every problem (see the class description)
   * @throws IllegalArgumentException when there is no manifest, naming the kind to state instead
   */
  public static LoadedDataset load(Path dir) {
    return load(dir, null);
  }

  /**
   * Loads an extract whose provenance the caller states: {@link Provenance.Kind#OFFICIAL_SENSITIVE}
   * for a real extract, {@link Provenance.Kind#SYNTHETIC} for generator output. A manifest in the
   * directory, if there is one, must agree, and its hashes of the files must match.
   *
   * @param dir the extract's directory, not null
   * @param stated OFFICIAL_SENSITIVE or SYNTHETIC; null to take the kind from the manifest
   * @return the case table (the columns of {@link CaseRecords#schema()}), its provenance, and notes
   *     saying what was left out and counted
   * @throws DatasetValidationException listing every problem (see the class description)
   * @throws IllegalArgumentException for PUBLISHED or DERIVED, or when nothing is stated and there
   *     is no manifest
   */
  public static LoadedDataset load(Path dir, Provenance.Kind stated) {
    Objects.requireNonNull(dir, "dir");
    CaseLevelFiles.requireCaseLevelKind(dir, stated);
    CaseLevelFiles.requireDirectory(dir, "the nDelius extract");
    Optional<Manifest> manifest = Manifest.beside(dir.resolve("EVENT.csv"));
    if (stated == null && manifest.isEmpty()) {
      throw new IllegalArgumentException(
          dir
              + ": no "
              + Manifest.FILE_NAME
              + " in the directory says what this extract is, so state it:"
              + " NDeliusExtract.load(dir, Provenance.Kind.OFFICIAL_SENSITIVE) for a real extract,"
              + " or NDeliusExtract.load(dir, Provenance.Kind.SYNTHETIC) for generator output");
    }
    Reading reading = new Reading(dir);
    reading.run();
    String digest = reading.digest();
    Provenance.Kind kind = stated;
    if (manifest.isPresent()) {
      for (ExtractTable table : reading.tables.values()) {
        kind = manifest.get().confirm(table.name + ".csv", table.sha256, stated);
      }
      kind = manifest.get().confirm(MAPPING_FILE, reading.mapping.sha256, stated);
    }
    String mappingSources =
        MAPPING_FILE + " (sources: " + String.join("; ", reading.mappingSources) + ")";
    Provenance provenance;
    if (kind == Provenance.Kind.SYNTHETIC) {
      provenance =
          Provenance.synthetic(
              SYNTHETIC_TITLE + "; PCC areas from " + mappingSources,
              CaseLevelFiles.GENERATOR,
              manifest.flatMap(Manifest::seed).orElse(null),
              manifest.flatMap(Manifest::generatorVersion).orElse(null),
              digest);
    } else if (kind == Provenance.Kind.OFFICIAL_SENSITIVE) {
      provenance =
          Provenance.officialSensitive(
              REAL_TITLE,
              manifest.flatMap(m -> m.value("source")).orElse(CaseLevelFiles.DEFAULT_REAL_SOURCE)
                  + "; PCC areas from "
                  + mappingSources,
              manifest.flatMap(m -> m.value("licence")).orElse(CaseLevelFiles.DEFAULT_REAL_LICENCE),
              digest);
    } else {
      throw manifest
          .get()
          .failure(
              "kind",
              String.valueOf(kind),
              "OFFICIAL_SENSITIVE or SYNTHETIC: case-level data are never " + kind);
    }
    LoadedDataset loaded = new LoadedDataset(reading.cases, provenance);
    for (String note : reading.notes()) {
      loaded = loaded.withNote(note);
    }
    return loaded;
  }

  /** One pass over one extract. */
  private static final class Reading {
    private final Path dir;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, ExtractTable> tables = new LinkedHashMap<>();
    private ExtractTable mapping;
    private final TreeSet<String> mappingSources = new TreeSet<>();
    private final Map<String, Integer> softDeleted = new LinkedHashMap<>();
    private final Map<String, Integer> ofDeletedParent = new LinkedHashMap<>();
    private int notSentenced;
    private int outsideWindow;
    private final TreeMap<String, Integer> otherRequirements = new TreeMap<>();
    private int additionalRequirements;
    private tech.tablesaw.api.Table cases;

    Reading(Path dir) {
      this.dir = dir;
    }

    private void failIfAny() {
      if (!problems.isEmpty()) {
        // a bad id read twice (as a key, then as a parent) is one problem
        List<Problem> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(problems));
        problems.clear();
        problems.addAll(distinct);
        int shown = Math.min(problems.size(), DatasetLoader.DEFAULT_MAX_PROBLEMS);
        throw new DatasetValidationException(
            dir.toString(), problems.subList(0, shown), problems.size() - shown);
      }
    }

    String digest() {
      StringBuilder listing = new StringBuilder();
      Map<String, String> byName = new TreeMap<>();
      for (ExtractTable t : tables.values()) {
        byName.put(t.name + ".csv", t.sha256);
      }
      byName.put(MAPPING_FILE, mapping.sha256);
      byName.forEach((name, sha) -> listing.append(sha).append("  ").append(name).append('\n'));
      try {
        return HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(listing.toString().getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JDK has no SHA-256", e);
      }
    }

    List<String> notes() {
      List<String> notes = new ArrayList<>();
      notes.add(
          "Read from the nDelius extract "
              + dir
              + ": one case per event with a disposal ("
              + cases.rowCount()
              + " cases); the rules are those of NDeliusExtract's documentation.");
      if (!softDeleted.isEmpty()) {
        notes.add("Soft-deleted rows left out (SOFT_DELETED = 1): " + counts(softDeleted) + ".");
      }
      if (!ofDeletedParent.isEmpty()) {
        notes.add(
            "Rows of soft-deleted events or disposals left out: " + counts(ofDeletedParent) + ".");
      }
      if (notSentenced > 0) {
        notes.add(notSentenced + " events without a disposal (not sentenced) left out.");
      }
      if (outsideWindow > 0) {
        notes.add(
            outsideWindow
                + " cases starting before "
                + CaseRecords.FIRST_START
                + " or after "
                + CaseRecords.LAST_START
                + " (outside the case data's period) left out.");
      }
      if (!otherRequirements.isEmpty()) {
        notes.add(
            "Requirements of main categories that add to no column of the case table, not"
                + " counted: "
                + counts(otherRequirements)
                + ".");
      }
      if (additionalRequirements > 0) {
        notes.add(
            additionalRequirements
                + " additional requirements (no main category; their own reference table is"
                + " not read) not counted.");
      }
      return notes;
    }

    private static String counts(Map<String, Integer> counts) {
      List<String> parts = new ArrayList<>();
      counts.forEach((k, v) -> parts.add(k + " " + v));
      return String.join(", ", parts);
    }

    void run() {
      for (String name : TABLES) {
        ExtractTable table = ExtractTable.read(dir, name, COLUMNS.get(name), problems);
        if (table != null) {
          tables.put(name, table);
        }
      }
      if (!Files.isRegularFile(dir.resolve(MAPPING_FILE))) {
        problems.add(
            new Problem(
                dir.resolve(MAPPING_FILE).toString(),
                1,
                null,
                0,
                "no such file",
                "the analyst's mapping of allocation teams to PCC areas (nDelius does not hold"
                    + " the PCC area): a CSV with the header TEAM_CODE,PCC_AREA,SOURCE, one row"
                    + " per TEAM.CODE, the PCC area's code (e.g. DRH) and where the assignment"
                    + " comes from"));
      } else {
        mapping = ExtractTable.read(dir, "PCC_AREA_BY_TEAM", MAPPING_COLUMNS, problems);
      }
      failIfAny();
      Joined joined = new Joined();
      joined.index();
      failIfAny();
      byte[] csv = joined.build();
      failIfAny();
      try {
        cases = DatasetLoader.of(CaseRecords.schema()).readBytes("cases", csv).table();
      } catch (DatasetValidationException e) {
        for (Problem p : e.problems()) {
          int row = (int) p.line() - 2; // line 1 is the header
          ExtractTable events = tables.get("EVENT");
          problems.add(
              new Problem(
                  events.label,
                  joined.eventLine.get(row),
                  p.column(),
                  p.columnNumber(),
                  p.value(),
                  p.expected()
                      + " (in the case built from this event: column "
                      + p.column()
                      + " of the case table)"));
        }
        failIfAny();
      }
    }

    /** The tables indexed by their ids, and the cases built from them. */
    private final class Joined {
      final List<Long> eventLine = new ArrayList<>();
      final Map<Long, Integer> typeRow = new HashMap<>();
      final Map<Long, Integer> mainCategoryRow = new HashMap<>();
      final Map<Long, Integer> referenceRow = new HashMap<>();
      final Map<Long, Integer> areaRow = new HashMap<>();
      final Map<Long, Integer> teamRow = new HashMap<>();
      final Map<String, String> pccOfTeam = new HashMap<>();
      final Map<Long, Integer> eventRow = new HashMap<>();
      final Set<Long> deletedEvents = new java.util.HashSet<>();
      final Map<Long, List<Integer>> disposalsOfEvent = new HashMap<>();
      final Map<Long, Integer> disposalRow = new HashMap<>();
      final Set<Long> deletedDisposals = new java.util.HashSet<>();
      final Map<Long, List<Integer>> requirementsOfDisposal = new HashMap<>();
      final Map<Long, List<Integer>> custodiesOfDisposal = new HashMap<>();
      final Map<Long, Integer> custodyRow = new HashMap<>();
      final Set<Long> deletedCustodies = new java.util.HashSet<>();
      final Map<Long, List<Integer>> releasesOfCustody = new HashMap<>();
      final Map<Long, List<Integer>> managersOfEvent = new HashMap<>();

      private ExtractTable t(String name) {
        return tables.get(name);
      }

      /** Indexes a table by its id column; a repeated or bad id is a problem. */
      private Map<Long, Integer> byId(String name, String idColumn, Map<Long, Integer> into) {
        ExtractTable table = t(name);
        for (int r = 0; r < table.size(); r++) {
          Long id = table.id(r, idColumn, true);
          if (id != null) {
            Integer first = into.putIfAbsent(id, r);
            if (first != null) {
              table.problem(
                  r,
                  idColumn,
                  table.text(r, idColumn),
                  "each " + idColumn + " once; " + id + " is already on line " + table.line(first));
            }
          }
        }
        return into;
      }

      private boolean deleted(String name, int row) {
        if (t(name).flag(row, "SOFT_DELETED")) {
          softDeleted.merge(name, 1, Integer::sum);
          return true;
        }
        return false;
      }

      /** The row of a parent id in {@code parents}, or a problem naming the table it points at. */
      private Integer parent(
          String name, int row, String column, Map<Long, Integer> parents, String target) {
        Long id = t(name).id(row, column, true);
        if (id == null) {
          return null;
        }
        Integer at = parents.get(id);
        if (at == null) {
          t(name)
              .problem(
                  row,
                  column,
                  t(name).text(row, column),
                  "the id of a row of " + target + " (no row there has it)");
        }
        return at;
      }

      void index() {
        byId("R_DISPOSAL_TYPE", "DISPOSAL_TYPE_ID", typeRow);
        byId("R_RQMNT_TYPE_MAIN_CATEGORY", "RQMNT_TYPE_MAIN_CATEGORY_ID", mainCategoryRow);
        byId("R_STANDARD_REFERENCE_LIST", "STANDARD_REFERENCE_LIST_ID", referenceRow);
        byId("PROBATION_AREA", "PROBATION_AREA_ID", areaRow);
        byId("TEAM", "TEAM_ID", teamRow);
        Set<String> pccAreas = Set.copyOf(Codes.PCC_AREAS);
        for (int r = 0; r < mapping.size(); r++) {
          String team = mapping.text(r, "TEAM_CODE");
          String pcc = mapping.text(r, "PCC_AREA");
          String source = mapping.text(r, "SOURCE");
          if (team.isEmpty()) {
            mapping.problem(r, "TEAM_CODE", team, "a team code (TEAM.CODE); required");
          } else if (pccOfTeam.putIfAbsent(team, pcc) != null) {
            mapping.problem(r, "TEAM_CODE", team, "each team once");
          }
          if (!pccAreas.contains(pcc)) {
            mapping.problem(r, "PCC_AREA", pcc, "one of the 42 PCC area codes " + Codes.PCC_AREAS);
          }
          if (source.isBlank()) {
            mapping.problem(
                r, "SOURCE", source, "where this team's PCC area comes from (e.g. a team list)");
          } else {
            mappingSources.add(source);
          }
        }
        ExtractTable events = t("EVENT");
        byId("EVENT", "EVENT_ID", eventRow);
        for (int r = 0; r < events.size(); r++) {
          if (deleted("EVENT", r)) {
            Long id = events.id(r, "EVENT_ID", false);
            deletedEvents.add(id);
          }
        }
        ExtractTable disposals = t("DISPOSAL");
        byId("DISPOSAL", "DISPOSAL_ID", disposalRow);
        for (int r = 0; r < disposals.size(); r++) {
          Long id = disposals.id(r, "DISPOSAL_ID", false);
          Integer event = parent("DISPOSAL", r, "EVENT_ID", eventRow, "EVENT.csv (EVENT_ID)");
          if (deleted("DISPOSAL", r)) {
            deletedDisposals.add(id);
          } else if (event != null) {
            Long eventId = disposals.id(r, "EVENT_ID", true);
            if (deletedEvents.contains(eventId)) {
              ofDeletedParent.merge("DISPOSAL", 1, Integer::sum);
              deletedDisposals.add(id);
            } else {
              disposalsOfEvent.computeIfAbsent(eventId, k -> new ArrayList<>()).add(r);
            }
          }
        }
        children(
            "RQMNT",
            "DISPOSAL_ID",
            disposalRow,
            deletedDisposals,
            "DISPOSAL.csv (DISPOSAL_ID)",
            requirementsOfDisposal,
            null);
        byId("CUSTODY", "CUSTODY_ID", custodyRow);
        children(
            "CUSTODY",
            "DISPOSAL_ID",
            disposalRow,
            deletedDisposals,
            "DISPOSAL.csv (DISPOSAL_ID)",
            custodiesOfDisposal,
            deletedCustodies);
        children(
            "RELEASE",
            "CUSTODY_ID",
            custodyRow,
            deletedCustodies,
            "CUSTODY.csv (CUSTODY_ID)",
            releasesOfCustody,
            null);
        children(
            "ORDER_MANAGER",
            "EVENT_ID",
            eventRow,
            deletedEvents,
            "EVENT.csv (EVENT_ID)",
            managersOfEvent,
            null);
        byId("RQMNT", "RQMNT_ID", new HashMap<>());
        byId("RELEASE", "RELEASE_ID", new HashMap<>());
        byId("ORDER_MANAGER", "ORDER_MANAGER_ID", new HashMap<>());
      }

      /**
       * Groups a child table's rows by their parent's id: soft-deleted rows, and rows of a deleted
       * parent, are left out and counted; a parent id that is not there is a problem.
       */
      private void children(
          String name,
          String column,
          Map<Long, Integer> parents,
          Set<Long> deletedParents,
          String target,
          Map<Long, List<Integer>> into,
          Set<Long> deletedOut) {
        ExtractTable table = t(name);
        String idColumn = COLUMNS.get(name).get(0);
        for (int r = 0; r < table.size(); r++) {
          Integer at = parent(name, r, column, parents, target);
          boolean gone = deleted(name, r);
          Long parentId = at == null ? null : table.id(r, column, false);
          if (!gone && at != null && deletedParents.contains(parentId)) {
            ofDeletedParent.merge(name, 1, Integer::sum);
            gone = true;
          }
          if (gone) {
            if (deletedOut != null) {
              deletedOut.add(table.id(r, idColumn, false));
            }
          } else if (at != null) {
            into.computeIfAbsent(parentId, k -> new ArrayList<>()).add(r);
          }
        }
      }

      /** A reference list row's column for an id in another table's cell, or null (a problem). */
      private String reference(String name, int row, String column, String wanted) {
        ExtractTable table = t(name);
        Long id = table.id(row, column, true);
        if (id == null) {
          return null;
        }
        Integer at = referenceRow.get(id);
        if (at == null) {
          table.problem(
              row,
              column,
              table.text(row, column),
              "the id of a row of R_STANDARD_REFERENCE_LIST.csv (no row there has it)");
          return null;
        }
        return t("R_STANDARD_REFERENCE_LIST").text(at, wanted);
      }

      byte[] build() {
        ExtractTable events = t("EVENT");
        ExtractTable disposals = t("DISPOSAL");
        StringBuilder csv = new StringBuilder(events.size() * 96);
        csv.append(CaseRecords.schema().header()).append('\n');
        for (int e = 0; e < events.size(); e++) {
          Long eventId = events.id(e, "EVENT_ID", false);
          if (eventId == null || deletedEvents.contains(eventId)) {
            continue;
          }
          List<Integer> ds = disposalsOfEvent.getOrDefault(eventId, List.of());
          if (ds.isEmpty()) {
            notSentenced++;
            continue;
          }
          if (ds.size() > 1) {
            disposals.problem(
                ds.get(1),
                "EVENT_ID",
                disposals.text(ds.get(1), "EVENT_ID"),
                "one disposal per event; event "
                    + eventId
                    + " already has the disposal on line "
                    + disposals.line(ds.get(0)));
            continue;
          }
          String row = caseOf(events, e, eventId, ds.get(0));
          if (row != null) {
            csv.append(row).append('\n');
            eventLine.add(events.line(e));
          }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
      }

      /** The case table's row for one event, or null (left out and counted, or a problem). */
      private String caseOf(ExtractTable events, int e, long eventId, int d) {
        ExtractTable disposals = t("DISPOSAL");
        ExtractTable types = t("R_DISPOSAL_TYPE");
        long disposalId = disposals.id(d, "DISPOSAL_ID", false);
        Integer type = parent("DISPOSAL", d, "DISPOSAL_TYPE_ID", typeRow, "R_DISPOSAL_TYPE.csv");
        if (type == null) {
          return null;
        }
        String sentenceType = types.text(type, "SENTENCE_TYPE");
        String description = types.text(type, "DESCRIPTION");
        WorkType work;
        LocalDate start;
        if (COMMUNITY_SENTENCE_TYPES.contains(sentenceType)) {
          work = COURT_ORDER_DESCRIPTIONS.get(description);
          if (work == null) {
            types.problem(
                type,
                "DESCRIPTION",
                description,
                "for a community sentence (SENTENCE_TYPE "
                    + sentenceType
                    + "), one of the descriptions known: "
                    + COURT_ORDER_DESCRIPTIONS.keySet()
                    + " (used by the disposal on line "
                    + disposals.line(d)
                    + " of DISPOSAL.csv)");
            return null;
          }
          start = disposals.date(d, "DISPOSAL_DATE", true);
        } else if (CUSTODY_SENTENCE_TYPES.contains(sentenceType)) {
          List<Integer> custodies = custodiesOfDisposal.getOrDefault(disposalId, List.of());
          if (custodies.size() != 1) {
            disposals.problem(
                d,
                "DISPOSAL_ID",
                disposals.text(d, "DISPOSAL_ID"),
                "exactly one CUSTODY row for a custodial disposal (SENTENCE_TYPE "
                    + sentenceType
                    + "); found "
                    + custodies.size());
            return null;
          }
          int c = custodies.get(0);
          ExtractTable custody = t("CUSTODY");
          String status = reference("CUSTODY", c, "CUSTODIAL_STATUS_ID", "CODE_VALUE");
          if (status == null) {
            return null;
          }
          work = CUSTODIAL_STATUSES.get(status);
          if (work == null) {
            custody.problem(
                c,
                "CUSTODIAL_STATUS_ID",
                custody.text(c, "CUSTODIAL_STATUS_ID") + " (code " + status + ")",
                "the id of a custodial status code known: "
                    + CUSTODIAL_STATUSES.keySet()
                    + ("-1".equals(status) ? " (-1, migrated data, says nothing of custody)" : ""));
            return null;
          }
          start = custodialStart(work, d, c);
        } else {
          types.problem(
              type,
              "SENTENCE_TYPE",
              sentenceType,
              "one of the sentence types known: SP, NP (community), SC, NC (custody); used by the"
                  + " disposal on line "
                  + disposals.line(d)
                  + " of DISPOSAL.csv");
          return null;
        }
        if (start == null) {
          return null;
        }
        if (start.isBefore(CaseRecords.FIRST_START) || start.isAfter(CaseRecords.LAST_START)) {
          outsideWindow++;
          return null;
        }
        LocalDate terminated = disposals.date(d, "TERMINATION_DATE", false);
        LocalDate end;
        String reason;
        if (terminated == null) {
          end = disposals.date(d, "NOTIONAL_END_DATE", true);
          reason = "ONGOING";
        } else if (terminated.isAfter(CaseRecords.LAST_START)) {
          end = terminated;
          reason = "ONGOING";
        } else {
          end = terminated;
          String described =
              reference("DISPOSAL", d, "DISPOSAL_TERMINATION_REASON_ID", "CODE_DESCRIPTION");
          if (described == null) {
            return null;
          }
          reason = TERMINATION_DESCRIPTIONS.get(described);
          if (reason == null) {
            disposals.problem(
                d,
                "DISPOSAL_TERMINATION_REASON_ID",
                disposals.text(d, "DISPOSAL_TERMINATION_REASON_ID") + " (" + described + ")",
                "the id of a termination reason described as one of those known: "
                    + TERMINATION_DESCRIPTIONS.keySet());
            return null;
          }
        }
        Long days = disposals.id(d, "LENGTH_IN_DAYS", true);
        int[] requirements = requirements(disposalId);
        String[] provider = provider(events, e, eventId, start);
        if (end == null || days == null || requirements == null || provider == null) {
          return null;
        }
        int months = CaseWeight.monthsOf(days);
        int weight = months >= 1 ? CaseWeight.hundredths(work, months) : 0;
        StringBuilder row = new StringBuilder(96).append('K');
        String digits = Long.toString(eventId);
        row.append("0".repeat(Math.max(0, 8 - digits.length()))).append(digits);
        for (Object cell :
            new Object[] {
              provider[0],
              provider[1],
              provider[2],
              work.name(),
              start,
              end,
              months,
              requirements[0],
              requirements[1],
              requirements[2] == 1
            }) {
          row.append(',').append(cell);
        }
        row.append(',').append(reason).append(',').append(weight / 100).append('.');
        return row.append(weight % 100 < 10 ? "0" : "").append(weight % 100).toString();
      }

      private LocalDate custodialStart(WorkType work, int d, int c) {
        ExtractTable custody = t("CUSTODY");
        switch (work) {
          case PRE:
            return t("DISPOSAL").date(d, "DISPOSAL_DATE", true);
          case PSS:
            return custody.date(c, "PSS_START_DATE", true);
          default:
            long custodyId = custody.id(c, "CUSTODY_ID", false);
            LocalDate first = null;
            ExtractTable releases = t("RELEASE");
            for (int r : releasesOfCustody.getOrDefault(custodyId, List.of())) {
              LocalDate released = releases.date(r, "ACTUAL_RELEASE_DATE", true);
              if (released != null && (first == null || released.isBefore(first))) {
                first = released;
              }
            }
            if (first == null) {
              custody.problem(
                  c,
                  "CUSTODY_ID",
                  custody.text(c, "CUSTODY_ID"),
                  "a RELEASE row with its ACTUAL_RELEASE_DATE for a custody whose status says"
                      + " released (licence)");
            }
            return first;
        }
      }

      /** RAR days, UPW hours, and 1 for an accredited programme; null after a problem. */
      private int[] requirements(long disposalId) {
        ExtractTable rqmnt = t("RQMNT");
        ExtractTable categories = t("R_RQMNT_TYPE_MAIN_CATEGORY");
        int rar = 0;
        int upw = 0;
        int programme = 0;
        boolean ok = true;
        for (int q : requirementsOfDisposal.getOrDefault(disposalId, List.of())) {
          if (rqmnt.text(q, "RQMNT_TYPE_MAIN_CATEGORY_ID").isEmpty()) {
            additionalRequirements++;
            continue;
          }
          Integer at =
              parent(
                  "RQMNT",
                  q,
                  "RQMNT_TYPE_MAIN_CATEGORY_ID",
                  mainCategoryRow,
                  "R_RQMNT_TYPE_MAIN_CATEGORY.csv");
          if (at == null) {
            ok = false;
            continue;
          }
          String code = categories.text(at, "CODE");
          if (code.equals(RAR_CATEGORY) || code.equals(UPW_CATEGORY)) {
            Long length = rqmnt.id(q, "LENGTH", true);
            if (length == null || length > 10_000) {
              if (length != null) {
                rqmnt.problem(q, "LENGTH", rqmnt.text(q, "LENGTH"), "a length of at most 10000");
              }
              ok = false;
            } else if (code.equals(RAR_CATEGORY)) {
              rar += length.intValue();
            } else {
              upw += length.intValue();
            }
          } else if (code.equals(PROGRAMME_CATEGORY)) {
            programme = 1;
          } else if (code.equals(PROGRAMME_UNLESS_CATEGORY)) {
            String sub =
                rqmnt.text(q, "RQMNT_TYPE_SUB_CATEGORY_ID").isEmpty()
                    ? ""
                    : reference("RQMNT", q, "RQMNT_TYPE_SUB_CATEGORY_ID", "CODE_VALUE");
            if (sub == null) {
              ok = false;
            } else if (!sub.equals(NOT_PROGRAMME_SUB_CATEGORY)) {
              programme = 1;
            }
          } else {
            otherRequirements.merge(code, 1, Integer::sum);
          }
        }
        return ok ? new int[] {rar, upw, programme} : null;
      }

      /** Provider type, provider code, PCC area on the start date; null after a problem. */
      private String[] provider(ExtractTable events, int e, long eventId, LocalDate on) {
        ExtractTable managers = t("ORDER_MANAGER");
        List<Integer> holding = new ArrayList<>();
        for (int m : managersOfEvent.getOrDefault(eventId, List.of())) {
          LocalDate from = managers.date(m, "ALLOCATION_DATE", true);
          LocalDate to = managers.date(m, "END_DATE", false);
          if (from != null && !from.isAfter(on) && (to == null || to.isAfter(on))) {
            holding.add(m);
          }
        }
        if (holding.size() != 1) {
          if (holding.isEmpty()) {
            events.problem(
                e,
                "EVENT_ID",
                events.text(e, "EVENT_ID"),
                "an ORDER_MANAGER row of this event in force on the case's start date "
                    + on
                    + " (ALLOCATION_DATE on or before it, END_DATE after it or empty)");
          } else {
            managers.problem(
                holding.get(1),
                "ALLOCATION_DATE",
                managers.text(holding.get(1), "ALLOCATION_DATE"),
                "one order manager in force on the case's start date "
                    + on
                    + "; the row on line "
                    + managers.line(holding.get(0))
                    + " is in force then too");
          }
          return null;
        }
        int m = holding.get(0);
        Integer area =
            parent("ORDER_MANAGER", m, "PROBATION_AREA_ID", areaRow, "PROBATION_AREA.csv");
        Integer team = parent("ORDER_MANAGER", m, "ALLOCATION_TEAM_ID", teamRow, "TEAM.csv");
        if (area == null || team == null) {
          return null;
        }
        String code = t("PROBATION_AREA").text(area, "CODE");
        String type;
        if (Codes.CPAS.contains(code)) {
          type = ProviderType.CRC.name();
        } else if (Codes.NPS_DIVISIONS.contains(code)) {
          type = ProviderType.NPS.name();
        } else {
          managers.problem(
              m,
              "PROBATION_AREA_ID",
              managers.text(m, "PROBATION_AREA_ID") + " (code " + code + ")",
              "the id of a provider whose PROBATION_AREA.CODE is a CRC's CPA C01..C21 or an NPS"
                  + " division N01..N07");
          return null;
        }
        String teamCode = t("TEAM").text(team, "CODE");
        String pcc = pccOfTeam.get(teamCode);
        if (pcc == null) {
          managers.problem(
              m,
              "ALLOCATION_TEAM_ID",
              managers.text(m, "ALLOCATION_TEAM_ID") + " (team " + teamCode + ")",
              "a team listed in " + MAPPING_FILE + " (its TEAM_CODE column)");
          return null;
        }
        return new String[] {type, code, pcc};
      }
    }
  }
}
