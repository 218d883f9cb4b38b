package org.probationlens.inspection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.probationlens.area.Geography;
import org.probationlens.area.PccArea;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The ratings each of the 42 police/PCC areas inherits in one cycle: its CRC's (a CRC covers one to
 * four areas) and its NPS division's. An inspection reported by PCC area would show 42 lines drawn
 * from at most 28 judgements; where an area's NPS division is uncertain (Northamptonshire: Midlands
 * or South East and Eastern) both candidates' ratings are shown.
 *
 * @param cycle the cycle
 * @param rows one per area, by area name
 * @param sources the ratings' and the geography's provenance
 */
public record RatingsByPccArea(InspectionCycle cycle, List<AreaRatings> rows, Sources sources)
    implements Result {

  /**
   * One area's inherited ratings.
   *
   * @param area the police/PCC area's name
   * @param crc its CRC's name
   * @param crcRating its CRC's rating
   * @param npsDivision its NPS division's name, or the candidates' names when uncertain
   * @param npsRating its NPS division's rating, or the candidates' ratings when uncertain
   * @param npsUncertain whether the published sources leave the division open
   */
  public record AreaRatings(
      String area,
      String crc,
      InspectionRating crcRating,
      String npsDivision,
      String npsRating,
      boolean npsUncertain) {}

  /** Copies the rows. */
  public RatingsByPccArea {
    rows = List.copyOf(rows);
  }

  static RatingsByPccArea of(HmipRatings ratings, Geography geo, InspectionCycle cycle) {
    Objects.requireNonNull(geo, "geography");
    Map<String, ProviderRating> byCode = new LinkedHashMap<>();
    ratings.cycle(cycle).forEach(r -> byCode.put(r.code(), r));
    List<AreaRatings> rows = new ArrayList<>();
    for (PccArea a : geo.pccAreas()) {
      ProviderRating crc = require(byCode, a.cpaCode(), cycle);
      List<String> divisions = a.npsDivisionCandidates();
      String names =
          divisions.stream()
              .map(d -> geo.npsDivision(d).name())
              .collect(Collectors.joining(" or "));
      String npsRatings =
          divisions.stream()
              .map(d -> require(byCode, d, cycle).rating().label())
              .collect(Collectors.joining(" or "));
      rows.add(
          new AreaRatings(
              a.name(), crc.provider(), crc.rating(), names, npsRatings, a.npsDivisionUncertain()));
    }
    rows.sort(java.util.Comparator.comparing(AreaRatings::area));
    return new RatingsByPccArea(
        cycle, rows, ratings.sources().and(Sources.of(ReferenceTables.geography())));
  }

  private static ProviderRating require(
      Map<String, ProviderRating> byCode, String code, InspectionCycle c) {
    ProviderRating r = byCode.get(code);
    if (r == null) {
      throw new IllegalArgumentException("no " + c + " rating for provider " + code);
    }
    return r;
  }

  @Override
  public String title() {
    long crcs = rows.stream().map(AreaRatings::crc).distinct().count();
    return String.format(
        Locale.ROOT,
        "Ratings by police/PCC area, %s: %d areas inherit %d CRC ratings",
        cycle,
        rows.size(),
        crcs);
  }

  @Override
  public Table table() {
    StringColumn area = StringColumn.create("police/PCC area");
    StringColumn crc = StringColumn.create("CRC");
    StringColumn crcRating = StringColumn.create("CRC rating");
    StringColumn nps = StringColumn.create("NPS division");
    StringColumn npsRating = StringColumn.create("NPS division rating");
    for (AreaRatings r : rows) {
      area.append(r.area());
      crc.append(r.crc());
      crcRating.append(r.crcRating().label());
      nps.append(r.npsDivision() + (r.npsUncertain() ? " (uncertain)" : ""));
      npsRating.append(r.npsRating());
    }
    return Table.create("Ratings by PCC area, " + cycle, area, crc, crcRating, nps, npsRating);
  }

  @Override
  public List<String> notes() {
    List<String> uncertain =
        rows.stream().filter(AreaRatings::npsUncertain).map(AreaRatings::area).toList();
    return List.of(
        "No rating was made for a PCC area: every line is its CRC's and its NPS division's rating,"
            + " repeated for each area they cover.",
        uncertain.isEmpty()
            ? "Every area's NPS division is known."
            : "NPS division not settled by the published sources for: "
                + String.join(", ", uncertain)
                + "; both candidates' ratings are shown.");
  }
}
