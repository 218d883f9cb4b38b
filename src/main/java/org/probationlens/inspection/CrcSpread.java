package org.probationlens.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How variable are the CRCs? The spread of the 21 CRCs' overall ratings over the four-point scale
 * in one cycle, each level with the CRCs at it, beside what the press releases quote of their
 * domain ratings (where a CRC's ten standards can range from Inadequate to Outstanding under one
 * overall rating), and the CRCs rated again in the next cycle.
 *
 * @param cycle the cycle
 * @param crcs the CRCs' ratings in that cycle, by name
 * @param later the same CRCs' ratings in the next cycle, where published
 * @param sources the ratings file's provenance
 */
public record CrcSpread(
    InspectionCycle cycle, List<ProviderRating> crcs, List<ProviderRating> later, Sources sources)
    implements Result {

  /** Copies the lists. */
  public CrcSpread {
    crcs = List.copyOf(crcs);
    later = List.copyOf(later);
    if (crcs.isEmpty()) {
      throw new IllegalArgumentException("no CRC ratings for " + cycle);
    }
  }

  static CrcSpread of(HmipRatings ratings, InspectionCycle cycle) {
    List<ProviderRating> crcs = ratings.cycle(cycle).stream().filter(r -> !r.nps()).toList();
    List<String> codes = crcs.stream().map(ProviderRating::code).toList();
    List<ProviderRating> later =
        ratings.ratings().stream()
            .filter(r -> !r.nps() && codes.contains(r.code()) && r.cycle().compareTo(cycle) > 0)
            .toList();
    return new CrcSpread(cycle, crcs, later, ratings.sources());
  }

  /**
   * The number of CRCs at each rating, worst first.
   *
   * @return counts, one per {@link InspectionRating}
   */
  public long[] counts() {
    long[] c = new long[InspectionRating.values().length];
    crcs.forEach(r -> c[r.rating().ordinal()]++);
    return c;
  }

  /**
   * The CRCs whose quoted domain ratings include a standard rated with the given label.
   *
   * @param rating the domain rating looked for, e.g. Outstanding
   * @return the CRCs, by name
   */
  public List<ProviderRating> quotingDomain(InspectionRating rating) {
    return crcs.stream().filter(r -> r.domainRatingsReported().contains(rating.label())).toList();
  }

  @Override
  public String title() {
    long[] c = counts();
    return String.format(
        Locale.ROOT,
        "CRC ratings, %s: %d Requires improvement, %d Good, %d Inadequate, %d Outstanding",
        cycle,
        c[1],
        c[2],
        c[0],
        c[3]);
  }

  @Override
  public Table table() {
    StringColumn level = StringColumn.create("overall rating");
    IntColumn n = IntColumn.create("CRCs");
    DoubleColumn share = DoubleColumn.create("share of CRCs (%)");
    StringColumn which = StringColumn.create("CRCs at this rating");
    long[] c = counts();
    for (int i = c.length - 1; i >= 0; i--) {
      InspectionRating r = InspectionRating.values()[i];
      level.append(r.label());
      n.append((int) c[i]);
      share.append(Math.round(1000.0 * c[i] / crcs.size()) / 10.0);
      String names =
          crcs.stream()
              .filter(p -> p.rating() == r)
              .map(ProviderRating::provider)
              .collect(Collectors.joining("; "));
      which.append(names.isEmpty() ? "none" : names);
    }
    return Table.create("Spread of CRC ratings, " + cycle, level, n, share, which);
  }

  @Override
  public List<String> notes() {
    List<String> notes = new ArrayList<>();
    notes.add(
        "On the overall rating the CRCs barely spread: the four-point scale is coarse, and most"
            + " CRCs sit on one level. The variation shows inside providers, in the ten standards.");
    notes.add(
        "Press releases quote a standard rated Outstanding for "
            + names(quotingDomain(InspectionRating.OUTSTANDING))
            + ", and one rated Inadequate for "
            + names(quotingDomain(InspectionRating.INADEQUATE))
            + " (as quoted; the full grid of standards is not in the reference data).");
    for (ProviderRating r : later) {
      ProviderRating before =
          crcs.stream().filter(p -> p.code().equals(r.code())).findFirst().orElseThrow();
      notes.add(
          String.format(
              Locale.ROOT,
              "%s %s: %s (was %s in %s).",
              r.provider(),
              r.cycle(),
              r.rating().label(),
              before.rating().label(),
              cycle));
    }
    return notes;
  }

  private static String names(List<ProviderRating> list) {
    return list.isEmpty()
        ? "no CRC"
        : list.stream().map(ProviderRating::provider).collect(Collectors.joining(", "));
  }
}
