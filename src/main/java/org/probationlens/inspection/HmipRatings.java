package org.probationlens.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.probationlens.area.Geography;
import org.probationlens.data.ProviderType;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.Table;

/**
 * HM Inspectorate of Probation's published overall ratings of the probation providers: all 28 (21
 * CRCs and 7 NPS divisions) in the 2018-19 cycle, and the 2019-20 ratings published before
 * inspections were suspended in March 2020. Read from {@code data/reference/hmip_ratings.csv}
 * (validated: codes, ratings, one row per provider and cycle), every row with its source. Nothing
 * here is synthetic. Immutable.
 *
 * <pre>{@code
 * HmipRatings r = HmipRatings.standard();
 * InspectionCycle cycle = InspectionCycle.parse("2018-19");
 * r.npsAgainstCrc(cycle);   // 5 of 7 NPS divisions Good against 1 of 21 CRCs, exact tests
 * }</pre>
 */
public final class HmipRatings {

  /** The cycle in which every provider was inspected and rated. */
  public static final InspectionCycle FULL_CYCLE = InspectionCycle.parse("2018-19");

  private final List<ProviderRating> ratings;
  private final Provenance provenance;

  private HmipRatings(List<ProviderRating> ratings, Provenance provenance) {
    this.ratings = List.copyOf(ratings);
    this.provenance = provenance;
  }

  /**
   * The ratings shipped in {@code data/reference/hmip_ratings.csv}.
   *
   * @return the ratings, not null
   * @throws org.probationlens.read.DatasetValidationException if the shipped file is malformed
   */
  public static HmipRatings standard() {
    return of(ReferenceTables.ratings());
  }

  /**
   * Ratings read from a file laid out as {@code data/reference/hmip_ratings.csv} (for example a
   * user's copy with later ratings added), validated row by row.
   *
   * @param file the CSV file, not null
   * @return the ratings, not null
   * @throws org.probationlens.read.DatasetValidationException naming file, line, column and value
   */
  public static HmipRatings load(java.nio.file.Path file) {
    return of(ReferenceTables.ratings(file));
  }

  private static HmipRatings of(LoadedDataset d) {
    Table t = d.table();
    List<ProviderRating> list = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      String domain = t.stringColumn("domain_ratings_reported").get(i);
      list.add(
          new ProviderRating(
              t.stringColumn("provider_code").get(i),
              t.stringColumn("provider").get(i),
              ProviderType.NPS.name().equals(t.stringColumn("provider_type").get(i)),
              InspectionCycle.parse(t.stringColumn("cycle").get(i)),
              InspectionRating.parse(t.stringColumn("overall_rating").get(i)),
              t.stringColumn("published").get(i),
              domain == null ? "" : domain,
              t.stringColumn("source").get(i),
              t.stringColumn("tag").get(i)));
    }
    return new HmipRatings(list, d.provenance());
  }

  /**
   * Every rating, in file order.
   *
   * @return the ratings, unmodifiable
   */
  public List<ProviderRating> ratings() {
    return ratings;
  }

  /**
   * The ratings of one cycle, providers by name.
   *
   * @param cycle the cycle, e.g. 2018-19, not null
   * @return the ratings, not empty
   * @throws IllegalArgumentException if the cycle has no ratings
   */
  public List<ProviderRating> cycle(InspectionCycle cycle) {
    Objects.requireNonNull(cycle, "cycle");
    List<ProviderRating> out =
        ratings.stream()
            .filter(r -> r.cycle().equals(cycle))
            .sorted(Comparator.comparing(ProviderRating::provider))
            .toList();
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "no ratings for cycle '"
              + cycle
              + "'; cycles: "
              + ratings.stream().map(ProviderRating::cycle).distinct().toList());
    }
    return out;
  }

  /**
   * Where the ratings came from.
   *
   * @return the provenance of the ratings file, not null
   */
  public Provenance provenance() {
    return provenance;
  }

  Sources sources() {
    return Sources.of(provenance);
  }

  /**
   * How many ratings of a cycle were found only in a secondary source.
   *
   * @param cycle the cycle
   * @return the count of rows tagged {@code secondary}
   */
  public long secondaryCount(InspectionCycle cycle) {
    return cycle(cycle).stream().filter(r -> r.tag().equals("secondary")).count();
  }

  /**
   * The ratings of a cycle counted by provider type and rating.
   *
   * @param cycle the cycle, e.g. 2018-19, not null
   * @return the cross-tabulation, not null
   */
  public RatingsCrossTab crossTab(InspectionCycle cycle) {
    return RatingsCrossTab.of(this, cycle);
  }

  /**
   * NPS divisions against CRCs: Good or better with Fisher's exact test and the difference with
   * Newcombe's interval; the whole scale with an exact ordinal test and Cliff's delta.
   *
   * @param cycle the cycle, e.g. 2018-19, not null
   * @return the comparison, not null
   */
  public NpsAgainstCrc npsAgainstCrc(InspectionCycle cycle) {
    return NpsAgainstCrc.of(this, cycle);
  }

  /**
   * How the 21 CRCs' overall ratings spread over the scale, and what the press releases say of
   * their domain ratings.
   *
   * @param cycle the cycle, e.g. 2018-19, not null
   * @return the spread, not null
   */
  public CrcSpread crcSpread(InspectionCycle cycle) {
    return CrcSpread.of(this, cycle);
  }

  /**
   * The domain (standard) ratings the sources quoted, provider by provider, and what is missing.
   *
   * @param cycle the cycle, e.g. 2018-19, not null
   * @return the partial record, not null
   */
  public DomainRatings domainRatings(InspectionCycle cycle) {
    return DomainRatings.of(this, cycle);
  }

  /**
   * The CRC ratings rolled up to their owners on a date, with an exact test of owner against owner.
   *
   * @param geography the geography giving owners, not null
   * @param asOf the date ownership is taken at (outside February 2019, when Working Links' three
   *     CRCs passed to Seetec), not null
   * @param cycle the cycle, e.g. 2018-19, not null
   * @return the roll-up, not null
   */
  public RatingsByOwner byOwner(Geography geography, LocalDate asOf, InspectionCycle cycle) {
    return RatingsByOwner.of(this, geography, asOf, cycle);
  }

  /**
   * The ratings each police/PCC area inherits from its CRC and its NPS division.
   *
   * @param geography the geography giving areas, not null
   * @param cycle the cycle, e.g. 2018-19, not null
   * @return one row per area, not null
   */
  public RatingsByPccArea byPccArea(Geography geography, InspectionCycle cycle) {
    return RatingsByPccArea.of(this, geography, cycle);
  }

  /**
   * What each reporting unit (PCC area, CPA, owner, NPS division) tells a reader: how many units,
   * how many independent judgements lie behind them, and how many look Good or better.
   *
   * @param geography the geography, not null
   * @param asOf the date ownership is taken at, not null
   * @param cycle the cycle, e.g. 2018-19, not null
   * @return the comparison of units, not null
   */
  public ReportingUnits reportingUnits(Geography geography, LocalDate asOf, InspectionCycle cycle) {
    return ReportingUnits.of(this, geography, asOf, cycle);
  }

  /**
   * The 2018-19 counts of this file's ratings (one per provider, from each provider's press
   * release) checked against the cycle totals HMI Probation published in its summary (PR
   * 2019/10/ic1), registered in {@code data/reference/published_figures.csv}.
   *
   * @return four checks (Outstanding, Good, Requires improvement, Inadequate), not null
   */
  public org.probationlens.reference.FigureChecks checkAgainstSummary() {
    var registry = org.probationlens.reference.PublishedFigures.standard();
    long[] c = new long[InspectionRating.values().length];
    cycle(FULL_CYCLE).forEach(r -> c[r.rating().ordinal()]++);
    // the 28 providers' own ratings (each from its own press release) counted, against the totals
    // of HMIP's separate summary: independent inputs, so a match is a reproduction
    Sources basis = sources();
    return org.probationlens.reference.FigureChecks.of(
        registry.check("hmip_2018_19_outstanding", c[3], basis),
        registry.check("hmip_2018_19_good", c[2], basis),
        registry.check("hmip_2018_19_requires_improvement", c[1], basis),
        registry.check("hmip_2018_19_inadequate", c[0], basis));
  }

  @Override
  public String toString() {
    return "HmipRatings[" + ratings.size() + " ratings]";
  }
}
