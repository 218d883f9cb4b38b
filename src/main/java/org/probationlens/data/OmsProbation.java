package org.probationlens.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.probationlens.area.Geography;
import org.probationlens.area.Level;
import org.probationlens.area.RollUp;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.ResultTable;
import org.probationlens.provenance.Sources;
import org.probationlens.read.ColumnSpec;
import org.probationlens.read.DatasetLoader;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import org.probationlens.read.Schema;
import org.probationlens.read.Sha256;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The Ministry of Justice's Offender Management Statistics Quarterly (OMSQ) probation CSV files, as
 * a user downloads them from gov.uk: the <b>caseload</b> (people under supervision on a date) and
 * the <b>starts</b> (people starting supervision in a quarter), each a long table of counts by
 * area, supervision type and sex.
 *
 * <p>Layouts, as the MoJ's own tidyCSV R package reads them (real_layouts.md section 3): the
 * caseload has 2 note rows, then a header line, then rows of five columns <em>read by position</em>
 * as {@code probation_area, supervision_type, sex, date, value}, the date written {@code
 * dd/mm/yyyy}; the starts have 3 note rows, a header, then {@code nps_region, supervision_type,
 * sex, date, value}, the date a calendar quarter written like {@code Apr-Jun 2019} (loaded as
 * {@code 2019-Q2}). The published header text is not documented, so the header line is checked only
 * against the names known to occur (tidyCSV's five names, which the project's earlier files also
 * used, in any case and with spaces for underscores): an unknown header cell is read by position
 * and reported in the notes; a header that proves the columns are not these five (fewer than five
 * columns, text after the fifth, a known name in another position, the other OMSQ file's first
 * column) is refused. Empty columns after the fifth are accepted and dropped. The reading is in the
 * package-private {@code OmsqFile}.
 *
 * <p>Names: the MoJ's vocabularies of {@link OmsqVocabulary}: the caseload names the 21 CRCs and 7
 * NPS divisions ({@code London CRC}, {@code NPS Wales}), the starts name the 7 NPS regions ({@code
 * South West}); supervision types are the MoJ's 13 ({@code All court orders}, {@code Community
 * order}, ...); sex is {@code Male} or {@code Female} (assumed: not in the MoJ's lookup). Each
 * published misspelling the MoJ's lookup corrects ({@code Durham and Cleveland CRC}, {@code NPS
 * South West}, ...) and each variant wording ({@code YRO}) is read as the name it stands for and
 * counted in the dataset's {@link LoadedDataset#notes() notes}. Names are matched exactly (a
 * trailing space is an error, not a new area); a name outside the vocabulary is refused with the
 * closest known names. The project's earlier, invented vocabularies (the 42 PCC area names, the 35
 * probation trust names and the {@link WorkType} labels {@code Licence}, {@code Pre-release}) are
 * no longer accepted: no published file uses them.
 *
 * <p>Counts: {@code value} is a non-negative integer. Published tables may withhold a figure with
 * {@code *} or mark it not available with {@code ..}; such a cell loads as missing in {@code
 * value}, never as zero, and its marker is kept in the extra column {@code value_marker} (empty
 * where a count is present). Any other non-numeric text is a problem.
 *
 * <p>Key: one row per area, supervision type, sex and date, counting a misspelling as the name it
 * stands for; a repeated combination is refused.
 *
 * <p>Columns added: the caseload gains {@code provider} ({@code CRC} or {@code NPS}), {@code cpa}
 * (C01 to C21 for a CRC, empty for an NPS division) and {@code nps_division} (N01 to N07 for an NPS
 * division, empty for a CRC); the starts gain {@code nps_division}; both gain {@code supervision}
 * (the MoJ's spelling of the type), {@code aggregate} (true for the {@code All ...} types, which
 * contain other rows) and {@code work_type} ({@code CO} or {@code SSO} for a community or suspended
 * sentence order, empty otherwise).
 *
 * <p>Sums: an aggregate type and the types it contains count the same people. {@link
 * #rollUp(LoadedDataset, Level, String...)} never sums across supervision types when an aggregate
 * is among them, and never across dates (a caseload is a count on a day); {@link
 * #withoutAggregates(LoadedDataset)} drops the aggregates on request, with a note.
 *
 * <p>The OMSQ terminations table (Table A4.23, by NPS division and CRC area) is not read: its CSV
 * layout is not in the project's collected reference.
 */
public final class OmsProbation {

  /** The citation used when the caller gives none. */
  public static final String DEFAULT_SOURCE =
      "Ministry of Justice, Offender Management Statistics Quarterly";

  /** The licence of gov.uk statistical releases. */
  public static final String LICENCE = "Open Government Licence v3.0";

  private static final String[] MARKERS = {"*", ".."};

  /** The sexes the OMSQ tables count by (assumed: the MoJ's lookup does not list them). */
  public static final List<String> SEXES = List.of("Male", "Female");

  /**
   * The supervision types accepted, exactly as written in a file: the MoJ's 13 and the 5 variant
   * wordings its lookup maps ({@link OmsqVocabulary#supervisionTypes()}).
   */
  public static final List<String> SUPERVISION_TYPES =
      OmsqVocabulary.supervisionTypes().stream().map(OmsqVocabulary.Name::name).toList();

  /**
   * The probation areas accepted in the caseload, exactly as written: the 21 CRC and 7 NPS division
   * names and the 7 published misspellings ({@link OmsqVocabulary#probationAreas()}).
   */
  public static final List<String> PROBATION_AREAS =
      OmsqVocabulary.probationAreas().stream().map(OmsqVocabulary.Name::name).toList();

  /** The NPS regions accepted in the starts ({@link OmsqVocabulary#npsRegions()}). */
  public static final List<String> NPS_REGIONS =
      OmsqVocabulary.npsRegions().stream().map(OmsqVocabulary.Name::name).toList();

  private static final OmsqFile.Layout CASELOAD_LAYOUT =
      new OmsqFile.Layout(
          "caseload",
          2,
          List.of("probation_area", "supervision_type", "sex", "date", "value"),
          "nps_region",
          dataNames(PROBATION_AREAS));
  private static final OmsqFile.Layout STARTS_LAYOUT =
      new OmsqFile.Layout(
          "starts",
          3,
          List.of("nps_region", "supervision_type", "sex", "date", "value"),
          "probation_area",
          dataNames(NPS_REGIONS));

  private static Set<String> dataNames(List<String> first) {
    Set<String> names = new LinkedHashSet<>(first);
    names.addAll(SUPERVISION_TYPES);
    return names;
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
   * The layout of the probation caseload CSV once its header is read by position: the five columns
   * under tidyCSV's names.
   *
   * @return the schema
   */
  public static Schema caseloadSchema() {
    return CASELOAD;
  }

  /**
   * The layout of the probation starts CSV once its header is read by position; its {@code date}
   * column loads as quarter text such as {@code 2016-Q1}.
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
   * @return the caseload with PUBLISHED provenance, the file's SHA-256 and the reader's notes
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
   * @return the caseload with PUBLISHED provenance, the file's SHA-256 and the reader's notes
   * @throws DatasetValidationException listing every problem when the file is not in the layout
   */
  public static LoadedDataset caseload(Path file, String source, LocalDate publicationDate) {
    return load(
        CASELOAD, CASELOAD_LAYOUT, "Probation caseload (OMSQ)", file, source, publicationDate);
  }

  /**
   * Loads a probation starts CSV, citing {@link #DEFAULT_SOURCE} with no publication date.
   *
   * @param file the downloaded file, not null
   * @return the starts with PUBLISHED provenance, the file's SHA-256 and the reader's notes
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
   * @return the starts with PUBLISHED provenance, the file's SHA-256 and the reader's notes
   * @throws DatasetValidationException listing every problem when the file is not in the layout
   */
  public static LoadedDataset starts(Path file, String source, LocalDate publicationDate) {
    return load(STARTS, STARTS_LAYOUT, "Probation starts (OMSQ)", file, source, publicationDate);
  }

  private static LoadedDataset load(
      Schema schema,
      OmsqFile.Layout layout,
      String title,
      Path file,
      String source,
      LocalDate publicationDate) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(source, "source");
    byte[] original;
    try {
      original = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    String label = file.toString();
    OmsqFile.Prepared prepared = OmsqFile.prepare(label, original, layout);
    if (!prepared.problems().isEmpty()) {
      throw new DatasetValidationException(label, prepared.problems(), 0);
    }
    DatasetLoader.Hashed hashed;
    try {
      hashed = DatasetLoader.of(schema).readBytes(label, prepared.bytes());
    } catch (DatasetValidationException e) {
      throw withClosestNames(label, schema, e, variantRepeats(label, prepared.rows(), schema));
    }
    Table table = hashed.table();
    List<String> notes = new ArrayList<>(prepared.notes());
    boolean caseload = schema == CASELOAD;
    String areaColumn = caseload ? "probation_area" : "nps_region";
    StringColumn areas = table.stringColumn(areaColumn);
    StringColumn types = table.stringColumn("supervision_type");
    StringColumn provider = StringColumn.create("provider");
    StringColumn cpa = StringColumn.create("cpa");
    StringColumn division = StringColumn.create("nps_division");
    StringColumn supervision = StringColumn.create("supervision");
    BooleanColumn aggregate = BooleanColumn.create("aggregate");
    StringColumn workType = StringColumn.create("work_type");
    Map<String, Integer> variants = new LinkedHashMap<>();
    int aggregates = 0;
    for (int r = 0; r < table.rowCount(); r++) {
      OmsqVocabulary.Name area =
          caseload
              ? OmsqVocabulary.probationArea(areas.get(r))
              : OmsqVocabulary.npsRegion(areas.get(r));
      OmsqVocabulary.Name type = OmsqVocabulary.supervisionType(types.get(r));
      for (OmsqVocabulary.Name name : List.of(area, type)) {
        if (name.variant()) {
          variants.merge(
              "\"" + name.name() + "\" read as \"" + name.standsFor() + "\"", 1, Integer::sum);
        }
      }
      String code = area.code();
      boolean crc = code.startsWith("C");
      provider.append(crc ? ProviderType.CRC.name() : ProviderType.NPS.name());
      cpa.append(crc ? code : "");
      division.append(crc ? "" : code);
      supervision.append(type.code());
      boolean isAggregate = OmsqVocabulary.isAggregate(type.code());
      aggregates += isAggregate ? 1 : 0;
      aggregate.append(isAggregate);
      workType.append(
          switch (type.code()) {
            case "Community order" -> WorkType.CO.name();
            case "Suspended sentence order" -> WorkType.SSO.name();
            default -> "";
          });
    }
    List<Problem> problems = variantRepeats(label, prepared.rows(), schema);
    if (!problems.isEmpty()) {
      throw new DatasetValidationException(label, problems, 0);
    }
    if (caseload) {
      table.addColumns(provider, cpa, division);
    } else {
      table.addColumns(division);
    }
    table.addColumns(supervision, aggregate, workType);
    variants.forEach(
        (what, rows) ->
            notes.add(
                "Published variant "
                    + what
                    + " on "
                    + rows
                    + " row(s), as the MoJ's own lookup corrects it ("
                    + OmsqVocabulary.SOURCE
                    + ")."));
    if (aggregates > 0) {
      notes.add(
          aggregates
              + " row(s) are aggregate supervision types (All ...), which contain other rows: never"
              + " sum them with the types they contain (column aggregate;"
              + " OmsProbation.withoutAggregates drops them).");
    }
    StringColumn markers = table.stringColumn("value_marker");
    int withheld = markers.isEqualTo("*").size();
    int unavailable = markers.isEqualTo("..").size();
    if (withheld + unavailable > 0) {
      notes.add(
          withheld
              + " count(s) withheld (*) and "
              + unavailable
              + " not available (..): loaded as missing, never as zero.");
    }
    Provenance provenance =
        Provenance.published(title, source, publicationDate, LICENCE, Sha256.of(original));
    return new LoadedDataset(table, provenance, notes);
  }

  /** A copy whose date column holds yyyy-MM-dd text, so a roll-up can keep it as a key. */
  private static Table datesAsText(Table rows) {
    Table copy = rows.copy();
    StringColumn dates = StringColumn.create("date");
    rows.dateColumn("date").forEach(d -> dates.append(d.toString()));
    copy.replaceColumn("date", dates);
    return copy;
  }

  /** The loader's problems, with a name outside a vocabulary given the closest known names. */
  private static DatasetValidationException withClosestNames(
      String label, Schema schema, DatasetValidationException e, List<Problem> repeats) {
    List<Problem> out = new ArrayList<>();
    for (Problem p : e.problems()) {
      List<String> known =
          p.column() == null
              ? null
              : switch (p.column()) {
                case "probation_area" -> PROBATION_AREAS;
                case "nps_region" -> NPS_REGIONS;
                case "supervision_type" -> SUPERVISION_TYPES;
                default -> null;
              };
      if (known != null
          && !p.value().isEmpty()
          && p.expected().equals(schema.column(p.column()).expectedFor(p.value()))) {
        out.add(
            new Problem(
                p.file(),
                p.line(),
                p.column(),
                p.columnNumber(),
                p.value(),
                expectedName(p.column(), p.value(), known)));
      } else {
        out.add(p);
      }
    }
    out.addAll(repeats);
    out.sort(java.util.Comparator.comparingLong(Problem::line));
    return new DatasetValidationException(label, out, e.unlisted());
  }

  /**
   * The rows that repeat an earlier row's area, supervision type, sex and date once a published
   * variant is read as the name it stands for (an exact repeat is the loader's to report). Rows
   * with another number of fields or a name outside the vocabulary are left to the loader.
   */
  private static List<Problem> variantRepeats(
      String label, List<OmsqFile.Row> rows, Schema schema) {
    boolean caseload = schema == CASELOAD;
    String areaColumn = caseload ? "probation_area" : "nps_region";
    Map<String, OmsqFile.Row> first = new HashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (OmsqFile.Row row : rows) {
      List<String> f = row.fields();
      if (f.size() != 5) {
        continue;
      }
      OmsqVocabulary.Name area =
          caseload ? OmsqVocabulary.probationArea(f.get(0)) : OmsqVocabulary.npsRegion(f.get(0));
      OmsqVocabulary.Name type = OmsqVocabulary.supervisionType(f.get(1));
      if (area == null || type == null) {
        continue;
      }
      String key = String.join("\u0000", area.code(), type.code(), f.get(2), f.get(3));
      OmsqFile.Row before = first.putIfAbsent(key, row);
      if (before != null && !before.fields().subList(0, 4).equals(f.subList(0, 4))) {
        problems.add(
            new Problem(
                label,
                row.line(),
                areaColumn,
                1,
                f.get(0) + "," + f.get(1),
                "a unique "
                    + areaColumn
                    + ",supervision_type,sex,date, counting a published variant as the name it"
                    + " stands for (\""
                    + area.standsFor()
                    + "\", \""
                    + type.standsFor()
                    + "\"); line "
                    + before.line()
                    + " has the same"));
      }
    }
    return problems;
  }

  /**
   * What a valid name looks like, for a message about a name outside the vocabulary: for example
   * {@code a probation_area in the MoJ's OMSQ vocabulary (35 names, see OmsqVocabulary); closest:
   * "London CRC", "NPS London", "Wales CRC"}.
   */
  static String expectedName(String column, String found, List<String> known) {
    String text =
        "a "
            + column
            + " in the MoJ's OMSQ vocabulary ("
            + known.size()
            + " names, see OmsqVocabulary); closest: \""
            + String.join("\", \"", OmsqVocabulary.closest(found, known, 3))
            + "\"";
    return ColumnSpec.text(column).expectedFor(found).endsWith("spaces")
        ? text + ", with no leading or trailing spaces"
        : text;
  }

  /**
   * A loaded caseload or starts table without its aggregate supervision types ({@code All court
   * orders} and the other {@code All ...} rows), so that the specific types left can be summed
   * without counting anyone twice. The specific types do not cover release supervision, which the
   * files give only as aggregates, so their sum is not the whole caseload.
   *
   * @param dataset a table loaded by {@link #caseload} or {@link #starts}, not null
   * @return the same provenance, the specific types' rows only, and one more note saying how many
   *     rows were dropped
   * @throws IllegalArgumentException when the table has no {@code aggregate} column
   */
  public static LoadedDataset withoutAggregates(LoadedDataset dataset) {
    Table table = dataset.table();
    if (!table.columnNames().contains("aggregate")) {
      throw new IllegalArgumentException(
          "table " + table.name() + " has no aggregate column: load it with OmsProbation");
    }
    BooleanColumn aggregate = table.booleanColumn("aggregate");
    Table kept = table.where(aggregate.isFalse());
    Set<String> dropped =
        new LinkedHashSet<>(table.where(aggregate.isTrue()).stringColumn("supervision").asList());
    return new LoadedDataset(kept, dataset.provenance(), dataset.notes())
        .withNote(
            "Dropped "
                + (table.rowCount() - kept.rowCount())
                + " row(s) of aggregate supervision types on request"
                + (dropped.isEmpty() ? "" : " (" + String.join(", ", dropped) + ")")
                + "; the specific types left do not include release supervision.");
  }

  /**
   * Rolls a loaded caseload up to CPAs, CRC owners or NPS divisions with {@link Geography#rollUp},
   * one total per date (a caseload counts people on a day, so days are never summed) and per kept
   * column. A roll-up to {@link Level#CPA} or {@link Level#OWNER} reads the CRC rows (an NPS
   * division lies in no CPA; a note says how many NPS rows were left for {@link
   * Level#NPS_DIVISION}); a roll-up to owners uses the owner on each row's date.
   *
   * <p>Summing across supervision types (not keeping {@code supervision}) is refused when the rows
   * hold an aggregate type and any other type, since the aggregate contains the others: drop the
   * aggregates with {@link #withoutAggregates} or keep one type. A withheld or unavailable count
   * among the rows is refused too (the total would be unknown): filter such rows out explicitly.
   *
   * @param caseload a table loaded by {@link #caseload}, not null
   * @param to {@link Level#CPA}, {@link Level#OWNER} or {@link Level#NPS_DIVISION}
   * @param keeping further columns to total by: {@code supervision}, {@code sex}, or both
   * @return the totals (columns: the level's code, {@code date} as yyyy-MM-dd, the kept columns,
   *     {@code value}), with notes and the caseload's provenance
   * @throws IllegalArgumentException for another level, a column that cannot be kept, or a table
   *     not loaded by {@link #caseload}
   * @throws DatasetValidationException listing, by row, each aggregate type that a sum across types
   *     would double count, or each missing count
   */
  public static ResultTable rollUp(LoadedDataset caseload, Level to, String... keeping) {
    Objects.requireNonNull(caseload, "caseload");
    Objects.requireNonNull(to, "to");
    Table table = caseload.table();
    if (!table.columnNames().contains("cpa")) {
      throw new IllegalArgumentException(
          "table " + table.name() + " is not an OMSQ caseload loaded by OmsProbation.caseload");
    }
    List<String> kept = List.of(keeping);
    for (String k : kept) {
      if (!k.equals("supervision") && !k.equals("sex")) {
        throw new IllegalArgumentException(
            "can keep supervision or sex (date is always kept), not \"" + k + "\"");
      }
    }
    boolean crc =
        switch (to) {
          case CPA, OWNER -> true;
          case NPS_DIVISION -> false;
          default ->
              throw new IllegalArgumentException(
                  "an OMSQ caseload rolls up to CPA, OWNER or NPS_DIVISION, not "
                      + to
                      + ": it names CRCs and NPS divisions, not PCC areas");
        };
    StringColumn provider = table.stringColumn("provider");
    List<Problem> problems = new ArrayList<>();
    Set<String> reported = new LinkedHashSet<>();
    StringColumn supervision = table.stringColumn("supervision");
    boolean acrossTypes = !kept.contains("supervision");
    // several types among the rows this roll-up reads (one provider's), not the whole table's
    boolean mixed =
        new LinkedHashSet<>(
                    table
                        .where(provider.isEqualTo(crc ? "CRC" : "NPS"))
                        .stringColumn("supervision")
                        .asList())
                .size()
            > 1;
    String name = table.name();
    for (int r = 0; r < table.rowCount(); r++) {
      if (!provider.get(r).equals(crc ? "CRC" : "NPS")) {
        continue;
      }
      if (acrossTypes
          && mixed
          && table.booleanColumn("aggregate").get(r)
          && reported.add(supervision.get(r))) {
        problems.add(
            Problem.inTable(
                name,
                r + 1,
                "supervision",
                table.columnIndex("supervision") + 1,
                supervision.get(r),
                "only specific supervision types (or one type alone) in a sum across types: an"
                    + " aggregate contains other rows and would count people twice; drop"
                    + " aggregates with OmsProbation.withoutAggregates or keep \"supervision\""));
      }
      if (table.intColumn("value").isMissing(r)) {
        problems.add(
            Problem.inTable(
                name,
                r + 1,
                "value",
                table.columnIndex("value") + 1,
                table.stringColumn("value_marker").get(r),
                "a count: a withheld or unavailable cell makes the total unknown; filter such rows"
                    + " out explicitly if a partial total is wanted"));
      }
    }
    if (!problems.isEmpty()) {
      throw DatasetValidationException.inTable(name, "nothing was rolled up", problems, 0);
    }
    Table rows = table.where(provider.isEqualTo(crc ? "CRC" : "NPS"));
    int other = table.rowCount() - rows.rowCount();
    String key = crc ? "cpa" : "nps_division";
    Level from = crc ? Level.CPA : Level.NPS_DIVISION;
    List<String> groups = new ArrayList<>(List.of("date"));
    groups.addAll(kept);
    RollUp spec = RollUp.sum("value").keeping(groups.toArray(String[]::new));
    Geography geography = Geography.standard();
    Table result;
    if (to == Level.OWNER) {
      result = null;
      for (LocalDate date : new java.util.TreeSet<>(rows.dateColumn("date").asList())) {
        Table one =
            geography.rollUp(
                datesAsText(rows.where(rows.dateColumn("date").isEqualTo(date))),
                key,
                from,
                to,
                date,
                spec);
        result = result == null ? one : result.append(one);
      }
      if (result == null) {
        // no rows: any date gives the empty table with the right columns
        result = geography.rollUp(datesAsText(rows), key, from, to, Geography.SHARE_SALE, spec);
      }
    } else {
      result = geography.rollUp(datesAsText(rows), key, from, to, null, spec);
    }
    ResultTable out =
        new ResultTable(
            "Probation caseload (OMSQ) by " + to.columnName(),
            result,
            caseload.notes(),
            Sources.of(caseload));
    if (other > 0) {
      out =
          out.withNote(
              other
                  + " "
                  + (crc ? "NPS" : "CRC")
                  + " row(s) are not in this roll-up: "
                  + (crc
                      ? "an NPS division lies in no CPA; roll up to NPS_DIVISION for them."
                      : "a CRC is not part of an NPS division; roll up to CPA or OWNER for them."));
    }
    return out;
  }
}
