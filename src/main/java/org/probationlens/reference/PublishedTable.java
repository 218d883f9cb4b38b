package org.probationlens.reference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.probationlens.area.Geography;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.read.ColumnSpec;
import org.probationlens.read.Rule;
import org.probationlens.read.Schema;
import tech.tablesaw.api.Table;

/**
 * The published tables collected after the first reference tables ({@code
 * ../shared/reference/published_more.md}): the NPS national service levels, victim liaison
 * caseloads and staffing by NPS division, serious further offences, the probation workforce, the
 * workforce cuts by CRC and the per-CRC payment-by-results facts. Each is a CSV in {@code
 * data/reference}, every row with its source and tag, read through {@link ReferenceTable} against
 * its schema, so that its provenance is PUBLISHED and names the file (see {@code
 * data/reference/SOURCES.md}).
 *
 * <pre>{@code
 * LoadedDataset vlo = PublishedTable.VICTIM_LIAISON.load();
 * double london2016 = PublishedTable.VICTIM_LIAISON.value(vlo.table(), "vlo_caseload_N07_2016_11");
 * }</pre>
 */
public enum PublishedTable {

  /**
   * NPS service levels, national quarterly percentages, April-June 2017 to January-March 2019, laid
   * out as the CRC series ({@code crc_service_levels_national_quarterly.csv}): data.justice.gov.uk
   * "NPS performance" (community performance quarterly MI).
   */
  NPS_SERVICE_LEVELS(
      "nps_service_levels_national_quarterly.csv",
      "NPS service levels, national (all NPS divisions) quarterly percentages",
      Schema.builder("nps_service_levels_national_quarterly")
          .columns(
              ColumnSpec.text("measure_code"),
              ColumnSpec.text("geography"),
              ColumnSpec.text("quarter"),
              ColumnSpec.text("quarter_label"),
              ColumnSpec.decimal("percent", 0, 100),
              ColumnSpec.text("source"),
              ColumnSpec.code("tag", ReferenceTable.TAGS))
          .primaryKey("measure_code", "quarter")
          .rules(
              Rule.of(
                  "quarter",
                  "a calendar quarter written yyyy-Qn",
                  row -> Quarters.PATTERN.matcher(row.text("quarter")).matches()),
              Rule.of(
                  "measure_code",
                  "an NPS measure code (NPS SLnnn)",
                  row -> row.text("measure_code").startsWith("NPS SL")))
          .build()),

  /**
   * National NPS and CRC service-level snapshots of 2015-16 and July-September 2016 (how many
   * levels had robust data and met target, CO/SSO completions, CRC measures against target), as a
   * blog summarised the NAO's April 2016 report and the CPQ release.
   */
  SERVICE_LEVEL_SNAPSHOTS(
      "service_level_snapshots.csv",
      "NPS and CRC service-level snapshots, 2015-16 and Jul-Sep 2016, as reported",
      findings(
          "service_level_snapshots",
          ColumnSpec.text("period"),
          ColumnSpec.code("provider", List.of("NPS", "CRC", "NPS and CRC")))),

  /**
   * Average victim liaison officer (VLO) caseloads by NPS division in November 2016 and November
   * 2017, and the Victim Contact Scheme's staffing (VLOs, administrative posts, budget) since 2014:
   * PQ 129248.
   */
  VICTIM_LIAISON(
      "victim_liaison.csv",
      "Victim liaison officer caseloads by NPS division and Victim Contact Scheme staffing",
      findings(
          "victim_liaison",
          ColumnSpec.code("nps_division_code", divisionCodes()).optional(),
          ColumnSpec.text("period"))),

  /**
   * Serious further offences: SFO reviews by year, murder charges of people supervised by CRCs and
   * by the NPS, SFO murder convictions by index sentence, and licence recalls per week in 2014.
   */
  SERIOUS_FURTHER_OFFENCES(
      "serious_further_offences.csv",
      "Serious further offences, murder charges and convictions, and recalls, as published",
      findings(
          "serious_further_offences",
          ColumnSpec.text("period"),
          ColumnSpec.code(
              "provider",
              List.of("all probation", "probation trusts", "NPS", "CRC", "NPS and CRC")))),

  /**
   * The probation workforce: staff in post (FTE) of the probation trusts 2010-2013, the NPS
   * 2014-2017 and December 2020, the CRCs in June 2014 (not collected after the share sale),
   * sickness, training places and the December 2020 probation officer and PSO figures.
   */
  WORKFORCE(
      "workforce.csv",
      "Probation workforce: staff in post, sickness and training, as published",
      findings(
          "workforce",
          ColumnSpec.isoDate("as_at").optional(),
          ColumnSpec.text("period").optional(),
          ColumnSpec.text("population"))),

  /** Staff cuts and redundancies announced by CRC owners, 2015-2018, by CRC where published. */
  CRC_WORKFORCE_CUTS(
      "crc_workforce_cuts.csv",
      "Staff cuts and redundancies in the CRCs, by CRC or owner, as reported",
      Schema.builder("crc_workforce_cuts")
          .columns(
              ColumnSpec.text("id"),
              ColumnSpec.text("date"),
              ColumnSpec.code("crc_code", crcCodes()).optional(),
              ColumnSpec.code("owner_code", ownerCodes()).optional(),
              ColumnSpec.text("scope_as_published"),
              ColumnSpec.text("measure"),
              ColumnSpec.code("value_kind", ReferenceTable.VALUE_KINDS),
              ColumnSpec.decimal("value", 0, Double.MAX_VALUE).optional(),
              ColumnSpec.text("unit").optional(),
              ColumnSpec.decimal("percent", 0, 100).optional(),
              ColumnSpec.text("value_as_published"),
              ColumnSpec.text("source"),
              ColumnSpec.code("tag", ReferenceTable.TAGS),
              ColumnSpec.text("note").optional())
          .primaryKey("id")
          .rules(ReferenceTable.publishedDate("date"))
          .build()),

  /**
   * Per-CRC payment-by-results and reoffending facts reported in text (which CRCs met both targets
   * in the first year, baselines, the best and worst CRCs), with the national counts reported
   * beside them.
   */
  CRC_PBR_FACTS(
      "crc_pbr_facts.csv",
      "Payment by results and reoffending, per-CRC facts as reported",
      findings(
          "crc_pbr_facts",
          ColumnSpec.text("cohort"),
          ColumnSpec.code("crc_code", crcCodes()).optional())),

  /**
   * Lists of the CRCs' owners published by others than the Ministry of Justice, each owner as the
   * list names it, read as one of the project's owner codes (the reading explained in {@code
   * note}), with the number of CRCs listed: Napo's list of the eight employer groups, March 2018.
   */
  OWNER_LISTINGS(
      "owner_listings.csv",
      "Owners of the CRCs as listed by others, with the project's reading of each name",
      Schema.builder("owner_listings")
          .columns(
              ColumnSpec.text("listing"),
              ColumnSpec.text("date"),
              ColumnSpec.text("owner_as_published"),
              ColumnSpec.code("owner_code", ownerCodes()),
              ColumnSpec.integer("crcs", 1, 21),
              ColumnSpec.text("source"),
              ColumnSpec.code("tag", ReferenceTable.TAGS),
              ColumnSpec.text("note").optional())
          .primaryKey("listing", "owner_code")
          .rules(ReferenceTable.publishedDate("date"))
          .build());

  /**
   * Holds the quarter pattern, which enum constants cannot reach as a static field of their own.
   */
  private static final class Quarters {
    static final Pattern PATTERN = Pattern.compile("20\\d\\d-Q[1-4]");
  }

  private final String file;
  private final String title;
  private final Schema schema;

  PublishedTable(String file, String title, Schema schema) {
    this.file = file;
    this.title = title;
    this.schema = schema;
  }

  /**
   * The layout of a findings table: {@code id}, the table's own scope columns, then {@code measure,
   * value_kind, value, unit, value_as_published, source, tag, note}; {@code value} is required
   * unless the value kind is {@code qualitative} (a finding published in words).
   */
  private static Schema findings(String name, ColumnSpec... scope) {
    List<ColumnSpec> columns = new ArrayList<>();
    columns.add(ColumnSpec.text("id"));
    columns.addAll(List.of(scope));
    columns.addAll(
        List.of(
            ColumnSpec.text("measure"),
            ColumnSpec.code("value_kind", ReferenceTable.VALUE_KINDS),
            ColumnSpec.decimal("value", -Double.MAX_VALUE, Double.MAX_VALUE).optional(),
            ColumnSpec.text("unit").optional(),
            ColumnSpec.text("value_as_published"),
            ColumnSpec.text("source"),
            ColumnSpec.code("tag", ReferenceTable.TAGS),
            ColumnSpec.text("note").optional()));
    return Schema.builder(name)
        .columns(columns.toArray(ColumnSpec[]::new))
        .primaryKey("id")
        .build();
  }

  private static List<String> crcCodes() {
    return Geography.standard().cpas().stream().map(c -> c.code()).toList();
  }

  private static List<String> divisionCodes() {
    return Geography.standard().npsDivisions().stream().map(d -> d.code()).toList();
  }

  private static List<String> ownerCodes() {
    return Geography.standard().owners().stream().map(o -> o.code()).toList();
  }

  /**
   * The file's name in {@code data/reference}.
   *
   * @return e.g. {@code victim_liaison.csv}
   */
  public String file() {
    return file;
  }

  /**
   * What the table holds, as its provenance titles it.
   *
   * @return the title, not null
   */
  public String title() {
    return title;
  }

  /**
   * The table's layout: columns, types, codes, key and rules.
   *
   * @return the schema, not null
   */
  public Schema schema() {
    return schema;
  }

  /**
   * The table shipped in the jar, validated, with PUBLISHED provenance naming the file.
   *
   * @return the table and its provenance, not null
   * @throws org.probationlens.read.DatasetValidationException naming file, line, column, value and
   *     what was expected when a row breaks the schema
   */
  public LoadedDataset load() {
    return ReferenceTable.read(file, title, schema);
  }

  /**
   * A user's copy of the table (for example with later figures added), laid out as the shipped one
   * and validated against the same schema.
   *
   * @param path the CSV file, not null
   * @return the table and its provenance, not null
   * @throws org.probationlens.read.DatasetValidationException naming file, line, column, value and
   *     what was expected when a row breaks the schema
   */
  public LoadedDataset load(Path path) {
    return ReferenceTable.load(Objects.requireNonNull(path, "path"), title, schema);
  }

  /**
   * The number in the {@code value} column of the row with this id, in a table of this kind.
   *
   * @param table a table loaded by {@link #load()} or {@link #load(Path)}, not null
   * @param id the row's id, not null
   * @return the value
   * @throws IllegalStateException naming the file and id when there is no such row, or the row
   *     holds no number
   */
  public double value(Table table, String id) {
    return ReferenceTable.number(table, "value", row(table, id));
  }

  /**
   * The index of the row with this id.
   *
   * @param table a table of this kind, not null
   * @param id the row's id, not null
   * @return the 0-based row index
   * @throws IllegalStateException naming the file and id when there is no such row
   */
  public int row(Table table, String id) {
    Objects.requireNonNull(id, "id");
    for (int i = 0; i < table.rowCount(); i++) {
      if (table.stringColumn("id").get(i).equals(id)) {
        return i;
      }
    }
    throw new IllegalStateException("data/reference/" + file + " has no row with id '" + id + "'");
  }
}
