package org.probationlens.inspection;

import java.util.ArrayList;
import java.util.List;
import org.probationlens.area.Geography;
import org.probationlens.data.ProviderType;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.ColumnSpec;
import org.probationlens.read.DatasetLoader;
import org.probationlens.read.Schema;

/** The layouts and provenance of the reference tables the inspection results read. */
final class ReferenceTables {
  static final String LICENCE = "Open Government Licence v3.0";

  /**
   * The row tags, in a fixed order: a {@code Set.of} iterates in an order that changes from one JVM
   * run to the next, which made the expected text of a bad tag change with it.
   */
  static final List<String> TAGS = org.probationlens.reference.ReferenceTable.TAGS;

  private ReferenceTables() {}

  /**
   * The providers inspected, by code: the 21 CRC contract package areas (C01..C21), then the 7 NPS
   * divisions (N01..N07), as {@link Geography#standard()} lists them.
   */
  static List<String> providerCodes() {
    List<String> codes = new ArrayList<>();
    Geography geography = Geography.standard();
    geography.cpas().forEach(cpa -> codes.add(cpa.code()));
    geography.npsDivisions().forEach(division -> codes.add(division.code()));
    return codes;
  }

  static final Schema RATINGS =
      Schema.builder("hmip_ratings")
          .columns(
              ColumnSpec.code("provider_code", providerCodes()),
              ColumnSpec.text("provider"),
              ColumnSpec.code("provider_type", ProviderType.codes()),
              ColumnSpec.code("cycle", List.of("2018-19", "2019-20")),
              ColumnSpec.code("overall_rating", InspectionRating.labels()),
              ColumnSpec.text("published"),
              ColumnSpec.text("domain_ratings_reported").optional(),
              ColumnSpec.text("source"),
              ColumnSpec.code("tag", TAGS))
          .primaryKey("provider_code", "cycle")
          .build();

  static final Schema SERVICE_LEVELS =
      Schema.builder("crc_service_levels")
          .columns(
              ColumnSpec.text("code"),
              ColumnSpec.text("name"),
              ColumnSpec.text("definition").optional(),
              ColumnSpec.text("threshold").optional(),
              ColumnSpec.text("framework").optional(),
              ColumnSpec.text("source"),
              ColumnSpec.code("tag", TAGS))
          .primaryKey("code")
          .build();

  static final Schema SERVICE_LEVEL_SERIES =
      Schema.builder("crc_service_levels_national_quarterly")
          .columns(
              ColumnSpec.text("measure_code"),
              ColumnSpec.text("geography"),
              ColumnSpec.text("quarter"),
              ColumnSpec.text("quarter_label"),
              ColumnSpec.decimal("percent", 0, 100),
              ColumnSpec.text("source"),
              ColumnSpec.code("tag", TAGS))
          .primaryKey("measure_code", "quarter")
          .build();

  static LoadedDataset ratings() {
    return DatasetLoader.of(RATINGS)
        .loadResource("data/reference/hmip_ratings.csv", RATINGS_SOURCE);
  }

  static LoadedDataset ratings(java.nio.file.Path file) {
    return DatasetLoader.of(RATINGS).load(file, RATINGS_SOURCE);
  }

  private static final java.util.function.Function<String, Provenance> RATINGS_SOURCE =
      sha ->
          Provenance.published(
              "HM Inspectorate of Probation overall ratings of the 21 CRCs and 7 NPS"
                  + " divisions (data/reference/hmip_ratings.csv)",
              "HMI Probation press releases, one per provider (each row cites its own);"
                  + " cycle totals in PR 2019/10/ic1",
              null,
              LICENCE,
              sha);

  static LoadedDataset serviceLevels() {
    return DatasetLoader.of(SERVICE_LEVELS)
        .loadResource(
            "data/reference/crc_service_levels.csv",
            sha ->
                Provenance.published(
                    "CRC contract service-level definitions, Schedule 9 after the 2017 variation"
                        + " (data/reference/crc_service_levels.csv)",
                    "data.justice.gov.uk/probation/crc-performance",
                    null,
                    LICENCE,
                    sha));
  }

  static LoadedDataset serviceLevelSeries() {
    return DatasetLoader.of(SERVICE_LEVEL_SERIES)
        .loadResource(
            "data/reference/crc_service_levels_national_quarterly.csv",
            sha ->
                Provenance.published(
                    "CRC service levels, national (all CRCs) quarterly percentages"
                        + " (data/reference/crc_service_levels_national_quarterly.csv)",
                    "data.justice.gov.uk/probation/crc-performance",
                    null,
                    LICENCE,
                    sha));
  }

  /** The provenance of one figure of {@code data/reference/published_figures.csv}. */
  static Provenance publishedFigure(org.probationlens.reference.PublishedFigure f) {
    return Provenance.published(
        f.description()
            + " ("
            + f.period()
            + "; data/reference/published_figures.csv, "
            + f.id()
            + ")",
        f.source(),
        null,
        LICENCE,
        org.probationlens.read.Sha256.ofResources("data/reference/published_figures.csv"));
  }

  /** The cases HMI Probation analysed in its 2018-19 inspections ("nearly 6,000"), registered. */
  static org.probationlens.reference.PublishedFigure casesAnalysed2018To19() {
    return org.probationlens.reference.PublishedFigures.standard()
        .figure("hmip_2018_19_cases_analysed");
  }

  /**
   * The provenance of the geography tables a roll-up reads (derived crosswalk, published owners).
   */
  static Provenance geography() {
    return Provenance.derived(
        "Police/PCC areas, CPAs, NPS divisions and CRC owners"
            + " (data/reference/pcc_areas.csv, cpa_ownership.csv)",
        "nDelius area codes; CPA membership from each CPA's name; owners from NAO and HMI"
            + " Probation (see data/reference/SOURCES.md)",
        LICENCE,
        org.probationlens.read.Sha256.ofResources(
            "data/reference/pcc_areas.csv", "data/reference/cpa_ownership.csv"));
  }
}
