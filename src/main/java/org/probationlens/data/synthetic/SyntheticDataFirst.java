package org.probationlens.data.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.probationlens.area.Geography;
import org.probationlens.area.PccArea;
import org.probationlens.data.CaseRecords;
import org.probationlens.data.DataFirstFiles;
import org.probationlens.data.WorkType;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.Manifest;
import org.probationlens.read.Sha256;
import tech.tablesaw.api.Table;

/**
 * The generator's synthetic cases written in the layout of the MoJ's Data First probation files, so
 * that {@link DataFirstFiles} (and the Parquet and Spark readers) can be tested, demonstrated and
 * timed on files of that shape: a flat file (one row per case, as one nDelius event and its
 * disposal), a requirements file (one row per RAR, unpaid-work or accredited-programme
 * requirement), a synthetic LSOA lookup and a {@code MANIFEST} saying all of it is synthetic.
 *
 * <p>Each case of {@code cases.csv} becomes the row that {@link DataFirstFiles} reads back to the
 * same case, cell by cell: {@code event_id_hash} is the case id ({@code K} and 8 digits, unlike any
 * real hash); the provider is written as its nDelius description; the work type as a disposal
 * description of its period ({@code CJA -} forms before 1 February 2015, {@code ORA} forms after,
 * {@code SA2020} forms from 1 December 2020) and, for custody, an nDelius custodial status ({@code
 * D} pre-release, {@code B} licence, {@code P} post-sentence supervision); {@code length_in_days}
 * is the sentence months times 365.25 / 12, rounded; an ONGOING case has no termination date; the
 * reasons are written in the OMSQ's words (a completed case every fifth one as terminated early for
 * good progress). Every 997th case's flat-file row is written twice, identically, as the real files
 * repeat some events, so that readers meet duplicates. Home areas are synthetic LSOA codes {@code
 * X01} and six digits ({@link #LSOA_PREFIX}; real LSOA 2011 codes start {@code E01} or {@code W01},
 * and no ONS code starts with X), four per PCC area, listed in the synthetic lookup.
 */
public final class SyntheticDataFirst {
  private SyntheticDataFirst() {}

  /** The prefix of every synthetic LSOA code: no real LSOA code (E01, W01) starts so. */
  public static final String LSOA_PREFIX = "X01";

  /** Synthetic LSOAs per PCC area. */
  static final int LSOAS_PER_AREA = 4;

  /** How often a flat-file row is written twice (every this many cases). */
  static final int DUPLICATE_EVERY = 997;

  /** The lookup's source, as the synthetic manifest states it. */
  public static final String LOOKUP_SOURCE =
      "Probation Lens synthetic LSOA lookup (SYNTHETIC: codes "
          + LSOA_PREFIX
          + " and 6 digits, "
          + LSOAS_PER_AREA
          + " per PCC area; not real LSOAs)";

  /** The flat file's columns as written. */
  public static final List<String> FLAT_FILE_HEADER =
      List.of(
          "estimated_offender_id",
          "event_id_hash",
          "referral_date",
          "disposal_date",
          "disposal_termination_date",
          "disposal_termination_reason_desc",
          "length",
          "length_in_days",
          "disposal_type_description",
          DataFirstFiles.CUSTODIAL_STATUS,
          "probation_area_desc",
          "lsoa_residence");

  /** The requirements file's columns as written. */
  public static final List<String> RQMNTS_HEADER =
      List.of(
          "estimated_offender_id",
          "event_id_hash",
          "rqmnt_type_main_category_code",
          DataFirstFiles.RQMNT_SUB_CATEGORY,
          "rqmnt_type_main_category_desc",
          "rqmnt_start_date",
          "length");

  private static final LocalDate ORA = LocalDate.of(2015, 2, 1);
  private static final LocalDate SA2020 = LocalDate.of(2020, 12, 1);

  /** Receives the rows of the layout, in order, as text cells (null for an empty cell). */
  public interface Sink {

    /**
     * One flat-file row, in the order of {@link #FLAT_FILE_HEADER}.
     *
     * @param cells the cells, not null
     * @throws IOException when it cannot be written
     */
    void flatRow(String[] cells) throws IOException;

    /**
     * One requirements row, in the order of {@link #RQMNTS_HEADER}.
     *
     * @param cells the cells, not null
     * @throws IOException when it cannot be written
     */
    void rqmntRow(String[] cells) throws IOException;
  }

  /**
   * Turns a case table into the layout's rows.
   *
   * @param cases the cases, with {@link CaseRecords#schema()}'s columns, not null
   * @param sink receives the rows, not null
   * @throws IOException when the sink cannot write
   */
  public static void rows(Table cases, Sink sink) throws IOException {
    rows(cases, 0, cases.rowCount(), sink);
  }

  /**
   * Turns the cases {@code from} (inclusive) to {@code to} (exclusive) of a case table into the
   * layout's rows, exactly as {@link #rows(Table, Sink)} writes them (a writer of parts calls it
   * once per part).
   *
   * @param cases the cases, with {@link CaseRecords#schema()}'s columns, not null
   * @param from the first row, 0-based
   * @param to the row after the last
   * @param sink receives the rows, not null
   * @throws IOException when the sink cannot write
   */
  public static void rows(Table cases, int from, int to, Sink sink) throws IOException {
    Objects.requireNonNull(cases, "cases");
    Objects.requireNonNull(sink, "sink");
    if (from < 0 || to > cases.rowCount() || from > to) {
      throw new IllegalArgumentException(
          "rows " + from + " to " + to + " of a table of " + cases.rowCount());
    }
    Map<String, String> areaOf = new HashMap<>();
    DataFirstFiles.providerAreas().forEach((description, code) -> areaOf.put(code, description));
    Map<String, Integer> areaIndex = areaIndex();
    for (int r = from; r < to; r++) {
      String id = cases.stringColumn("case_id").get(r);
      WorkType type = WorkType.valueOf(cases.stringColumn("work_type").get(r));
      LocalDate start = cases.dateColumn("start_date").get(r);
      LocalDate end = cases.dateColumn("end_date").get(r);
      int months = cases.intColumn("sentence_months").get(r);
      String reason = cases.stringColumn("termination_reason").get(r);
      boolean ongoing = reason.equals("ONGOING");
      String person = "SYN" + id.substring(1);
      String[] flat = {
        person,
        id,
        start.toString(),
        start.toString(),
        ongoing ? null : end.toString(),
        ongoing ? null : reasonText(reason, r),
        Integer.toString(months),
        Long.toString(Math.round(months * (365.25 / 12))),
        description(type, start, months),
        custodialStatus(type),
        areaOf.get(cases.stringColumn("provider_code").get(r)),
        lsoa(areaIndex.get(cases.stringColumn("pcc_area").get(r)), r)
      };
      sink.flatRow(flat);
      if ((r + 1) % DUPLICATE_EVERY == 0) {
        sink.flatRow(flat.clone());
      }
      int rar = cases.intColumn("rar_days").get(r);
      if (rar > 0) {
        sink.rqmntRow(
            new String[] {
              person,
              id,
              "F",
              null,
              "Rehabilitation Activity Requirement (RAR)",
              start.toString(),
              Integer.toString(rar)
            });
      }
      int upw = cases.intColumn("upw_hours").get(r);
      if (upw > 0) {
        sink.rqmntRow(
            new String[] {
              person, id, "W", null, "Unpaid Work", start.toString(), Integer.toString(upw)
            });
      }
      if (cases.booleanColumn("accredited_programme").get(r)) {
        sink.rqmntRow(
            new String[] {
              person,
              id,
              r % 2 == 0 ? "RM38" : "7",
              null,
              "Accredited Programme",
              start.toString(),
              null
            });
      }
    }
  }

  private static String reasonText(String reason, int row) {
    return switch (reason) {
      case "COMPLETED" ->
          row % 5 == 0 ? "Terminated early for good progress" : "Ran its full course";
      case "REVOKED_BREACH" -> "Failure to comply with requirements";
      case "REVOKED_NEW_OFFENCE" -> "Conviction of an offence";
      case "OTHER" -> "Other";
      default -> throw new IllegalArgumentException("no termination text for " + reason);
    };
  }

  private static String description(WorkType type, LocalDate start, int months) {
    String era = start.isBefore(ORA) ? "CJA - " : start.isBefore(SA2020) ? "ORA " : "SA2020 ";
    return switch (type) {
      case CO -> era + "Community Order";
      case SSO -> era + "Suspended Sentence Order";
      case PSS -> "ORA Adult Custody (inc PSS)";
      case LIC, PRE ->
          start.isBefore(ORA)
              ? "CJA - Std Determinate Custody"
              : months < 24 ? "ORA Adult Custody (inc PSS)" : "ORA Adult Custody (not PSS)";
    };
  }

  private static String custodialStatus(WorkType type) {
    return switch (type) {
      case CO, SSO -> null;
      case PRE -> "D";
      case LIC -> "B";
      case PSS -> "P";
    };
  }

  /** The PCC areas in the order of their codes, numbered from 1. */
  private static Map<String, Integer> areaIndex() {
    Map<String, Integer> index = new LinkedHashMap<>();
    List<PccArea> areas =
        Geography.standard().pccAreas().stream()
            .sorted(Comparator.comparing(PccArea::code))
            .toList();
    for (int i = 0; i < areas.size(); i++) {
      index.put(areas.get(i).code(), i + 1);
    }
    return index;
  }

  private static String lsoa(int area, int row) {
    return String.format("%s%02d%04d", LSOA_PREFIX, area, row % LSOAS_PER_AREA + 1);
  }

  /**
   * Writes the synthetic lookup {@value DataFirstFiles#LOOKUP}: every synthetic LSOA with its PCC
   * area.
   *
   * @param dir the directory, not null
   * @return the file written
   * @throws IOException when it cannot be written
   */
  public static Path writeLookup(Path dir) throws IOException {
    Path file = dir.resolve(DataFirstFiles.LOOKUP);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("lsoa11cd,pcc_area\n");
      for (Map.Entry<String, Integer> e : areaIndex().entrySet()) {
        for (int i = 0; i < LSOAS_PER_AREA; i++) {
          out.write(lsoa(e.getValue(), i) + "," + e.getKey() + "\n");
        }
      }
    }
    return file;
  }

  /**
   * Writes a directory's {@code MANIFEST} for synthetic Data First files: synthetic, the
   * generator's seed and version, the lookup's source, and the SHA-256 of every file.
   *
   * @param dir the directory holding the files, not null
   * @param seed the generator's seed
   * @param version the generator's version, not blank
   * @param rows the cases written
   * @param files the files to list, in the directory, not null
   * @throws IOException when it cannot be written
   */
  public static void writeManifest(Path dir, long seed, String version, long rows, List<Path> files)
      throws IOException {
    StringBuilder text = new StringBuilder();
    text.append(
            "# Probation Lens synthetic case-level data in the MoJ Data First probation layout.\n")
        .append(
            "# SYNTHETIC: every row was invented by a seeded generator; no row describes a real")
        .append(" person.\n")
        .append("# The LSOA codes (")
        .append(LSOA_PREFIX)
        .append("...) are synthetic too: no real LSOA code starts so.\n")
        .append("synthetic=true\n")
        .append("generator=")
        .append(SyntheticDataFirst.class.getName())
        .append('\n')
        .append("generator_version=")
        .append(version)
        .append('\n')
        .append("seed=")
        .append(seed)
        .append('\n')
        .append("rows=")
        .append(rows)
        .append('\n')
        .append("layout=data_first\n")
        .append(DataFirstFiles.LOOKUP_SOURCE_KEY)
        .append('=')
        .append(LOOKUP_SOURCE)
        .append('\n');
    for (Path file : files) {
      text.append(file.getFileName()).append(".sha256=").append(Sha256.of(file)).append('\n');
    }
    Files.writeString(dir.resolve(Manifest.FILE_NAME), text.toString(), StandardCharsets.UTF_8);
  }

  /**
   * Writes the cases of a generator run ({@code cases.csv} and its {@code MANIFEST}, as {@link
   * CaseGenerator#generate} leaves them) as CSV in the Data First layout: {@value
   * DataFirstFiles#FLAT_FILE_CSV}, {@value DataFirstFiles#RQMNTS_CSV}, the synthetic lookup and a
   * {@code MANIFEST}, in {@code out} (created if needed; another directory than the run's, since
   * both have a {@code MANIFEST}).
   *
   * @param generated the generator's directory, not null
   * @param out where to write, not null
   * @throws IOException when a file cannot be read or written
   */
  public static void writeCsv(Path generated, Path out) throws IOException {
    Run run = Run.of(generated, out);
    Path flat = out.resolve(DataFirstFiles.FLAT_FILE_CSV);
    Path rqmnts = out.resolve(DataFirstFiles.RQMNTS_CSV);
    try (Writer f =
            new BufferedWriter(Files.newBufferedWriter(flat, StandardCharsets.UTF_8), 1 << 16);
        Writer q =
            new BufferedWriter(Files.newBufferedWriter(rqmnts, StandardCharsets.UTF_8), 1 << 16)) {
      f.write(String.join(",", FLAT_FILE_HEADER) + "\n");
      q.write(String.join(",", RQMNTS_HEADER) + "\n");
      rows(
          run.cases(),
          new Sink() {
            @Override
            public void flatRow(String[] cells) throws IOException {
              line(f, cells);
            }

            @Override
            public void rqmntRow(String[] cells) throws IOException {
              line(q, cells);
            }
          });
    }
    Path lookup = writeLookup(out);
    writeManifest(
        out, run.seed(), run.version(), run.cases().rowCount(), List.of(flat, rqmnts, lookup));
  }

  private static void line(Writer out, String[] cells) throws IOException {
    StringBuilder line = new StringBuilder(160);
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      String cell = cells[i];
      if (cell == null) {
        continue;
      }
      if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0) {
        line.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        line.append(cell);
      }
    }
    out.write(line.append('\n').toString());
  }

  /**
   * A generator run read back: its cases (validated, synthetic) and its seed and version.
   *
   * @param cases the case table
   * @param seed the seed its manifest records
   * @param version the generator version its manifest records
   */
  public record Run(Table cases, long seed, String version) {

    /**
     * Reads the run in {@code generated}, refusing to write into the same directory.
     *
     * @param generated the generator's directory, not null
     * @param out the directory to be written, not null
     * @return the run
     * @throws IOException when {@code out} cannot be created
     */
    public static Run of(Path generated, Path out) throws IOException {
      Objects.requireNonNull(generated, "generated");
      Objects.requireNonNull(out, "out");
      if (generated.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
        throw new IllegalArgumentException(
            out + ": write the Data First layout to another directory than the generator's");
      }
      var loaded = CaseRecords.load(generated.resolve("cases.csv"), Provenance.Kind.SYNTHETIC);
      Files.createDirectories(out);
      return new Run(
          loaded.table(),
          loaded.provenance().seed() == null ? 0 : loaded.provenance().seed(),
          loaded.provenance().generatorVersion() == null
              ? CaseGenerator.VERSION
              : loaded.provenance().generatorVersion());
    }
  }
}
