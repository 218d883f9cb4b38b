package org.probationlens.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.probationlens.area.Geography;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Inspect by PCC area, by CRC contract area or by owner? For one cycle's published ratings, what
 * each reporting unit tells a reader: how many units there are, how many independent judgements lie
 * behind them, how many units carry one uniform rating and how many look Good or better. A PCC area
 * inherits its CRC's rating; an owner of six CRCs gets one line that may hide a mixture.
 *
 * @param cycle the cycle
 * @param asOf the date ownership is taken at
 * @param byArea the ratings by PCC area
 * @param byOwner the ratings by owner
 * @param crcs the CRCs' ratings
 * @param nps the NPS divisions' ratings
 */
public record ReportingUnits(
    InspectionCycle cycle,
    LocalDate asOf,
    RatingsByPccArea byArea,
    RatingsByOwner byOwner,
    List<ProviderRating> crcs,
    List<ProviderRating> nps)
    implements Result {

  /** Copies the lists. */
  public ReportingUnits {
    Objects.requireNonNull(byArea, "byArea");
    Objects.requireNonNull(byOwner, "byOwner");
    crcs = List.copyOf(crcs);
    nps = List.copyOf(nps);
  }

  static ReportingUnits of(
      HmipRatings ratings, Geography geo, LocalDate asOf, InspectionCycle cycle) {
    List<ProviderRating> all = ratings.cycle(cycle);
    return new ReportingUnits(
        cycle,
        asOf,
        RatingsByPccArea.of(ratings, geo, cycle),
        RatingsByOwner.of(ratings, geo, asOf, cycle),
        all.stream().filter(r -> !r.nps()).toList(),
        all.stream().filter(ProviderRating::nps).toList());
  }

  @Override
  public String title() {
    return "What each reporting unit tells a reader, " + cycle + " ratings";
  }

  @Override
  public Table table() {
    StringColumn unit = StringColumn.create("reporting unit");
    IntColumn units = IntColumn.create("units");
    IntColumn judgements = IntColumn.create("CRC judgements behind them");
    IntColumn uniform = IntColumn.create("units with one uniform CRC rating");
    IntColumn good = IntColumn.create("units whose CRC rating is Good or better");
    StringColumn reads = StringColumn.create("what a reader sees");

    List<RatingsByPccArea.AreaRatings> areas = byArea.rows();
    unit.append("Police/PCC area");
    units.append(areas.size());
    judgements.append(
        (int) areas.stream().map(RatingsByPccArea.AreaRatings::crc).distinct().count());
    uniform.append(areas.size());
    good.append((int) areas.stream().filter(a -> a.crcRating().goodOrBetter()).count());
    reads.append(
        "Each area repeats its CRC's rating: more lines, no more judgements; a four-area CRC"
            + " counts four times");

    unit.append("CRC contract package area");
    units.append(crcs.size());
    judgements.append(crcs.size());
    uniform.append(crcs.size());
    good.append((int) crcs.stream().filter(r -> r.rating().goodOrBetter()).count());
    reads.append("One judgement per contract: the unit the contract, and HMI Probation, rated");

    unit.append("Owner (as of " + asOf + ")");
    units.append(byOwner.owners().size());
    judgements.append(crcs.size());
    uniform.append(
        (int)
            byOwner.owners().values().stream()
                .filter(l -> l.stream().map(ProviderRating::rating).distinct().count() == 1)
                .count());
    good.append(
        (int)
            byOwner.owners().values().stream()
                .filter(l -> l.stream().allMatch(r -> r.rating().goodOrBetter()))
                .count());
    reads.append(
        "Fewer lines; an owner's line averages away its best and worst CRC (the only Good and"
            + " the only Inadequate CRC sit inside mixed owners)");
    return Table.create("Reporting units", unit, units, judgements, uniform, good, reads);
  }

  @Override
  public List<String> notes() {
    long npsGood = nps.stream().filter(r -> r.rating().goodOrBetter()).count();
    return List.of(
        String.format(
            Locale.ROOT,
            "The NPS side is the same at any unit: %d divisions, %d rated Good or better; a PCC"
                + " area inherits its division's rating too.",
            nps.size(),
            npsGood),
        "Ratings were made for the 21 CRCs and 7 NPS divisions as whole organisations from April"
            + " 2018; the 2016-17 Quality & Impact inspections reported on police/PCC areas"
            + " (facts.md section 1).");
  }

  @Override
  public Sources sources() {
    return byArea.sources().and(byOwner.sources());
  }
}
