package org.probationlens.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.probationlens.area.Cpa;
import org.probationlens.area.Geography;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import org.probationlens.stats.FreemanHaltonTest;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The CRC ratings of one cycle rolled up to the organisations that owned the CRCs on a date: what
 * an inspection by owner would have told a reader (an owner of six CRCs gets one line), and an
 * exact test (Freeman-Halton) of whether ratings differ between owners.
 *
 * @param cycle the cycle
 * @param asOf the date ownership is taken at
 * @param owners owner name to its CRCs' ratings, owners with most CRCs first
 * @param test the exact test of owner against owner
 * @param sources the ratings' and the geography's provenance
 */
public record RatingsByOwner(
    InspectionCycle cycle,
    LocalDate asOf,
    Map<String, List<ProviderRating>> owners,
    FreemanHaltonTest test,
    Sources sources)
    implements Result {

  /** Copies the map. */
  public RatingsByOwner {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(test, "test");
    Map<String, List<ProviderRating>> copy = new LinkedHashMap<>();
    owners.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    owners = java.util.Collections.unmodifiableMap(copy);
  }

  static RatingsByOwner of(
      HmipRatings ratings, Geography geo, LocalDate asOf, InspectionCycle cycle) {
    Objects.requireNonNull(geo, "geography");
    Map<String, ProviderRating> byCode = new LinkedHashMap<>();
    ratings.cycle(cycle).stream().filter(r -> !r.nps()).forEach(r -> byCode.put(r.code(), r));
    List<Map.Entry<String, List<ProviderRating>>> entries = new ArrayList<>();
    for (Map.Entry<String, List<Cpa>> e : geo.cpasByOwner(asOf).entrySet()) {
      List<ProviderRating> list = new ArrayList<>();
      for (Cpa c : e.getValue()) {
        ProviderRating r = byCode.get(c.code());
        if (r == null) {
          throw new IllegalArgumentException(
              "no " + cycle + " rating for " + c.code() + " (" + c.crcName() + ")");
        }
        list.add(r);
      }
      list.sort(Comparator.comparing(ProviderRating::provider));
      entries.add(Map.entry(geo.owner(e.getKey()).name(), list));
    }
    entries.sort(
        Comparator.comparing((Map.Entry<String, List<ProviderRating>> e) -> -e.getValue().size())
            .thenComparing(Map.Entry::getKey));
    Map<String, List<ProviderRating>> owners = new LinkedHashMap<>();
    entries.forEach(e -> owners.put(e.getKey(), e.getValue()));
    int k = InspectionRating.values().length;
    long[][] table = new long[owners.size()][k];
    int i = 0;
    for (List<ProviderRating> list : owners.values()) {
      for (ProviderRating r : list) {
        table[i][r.rating().ordinal()]++;
      }
      i++;
    }
    return new RatingsByOwner(
        cycle,
        asOf,
        owners,
        FreemanHaltonTest.of(table),
        ratings.sources().and(Sources.of(ReferenceTables.geography())));
  }

  /**
   * What one owner-level line would say: the rating every CRC of the owner shares, or "mixed".
   *
   * @param crcs the owner's CRCs' ratings
   * @return e.g. "Requires improvement (all 6)" or "mixed: 1 Good, 4 Requires improvement"
   */
  static String ownerJudgement(List<ProviderRating> crcs) {
    Map<InspectionRating, Long> counts = new LinkedHashMap<>();
    for (int i = InspectionRating.values().length - 1; i >= 0; i--) {
      InspectionRating r = InspectionRating.values()[i];
      long n = crcs.stream().filter(p -> p.rating() == r).count();
      if (n > 0) {
        counts.put(r, n);
      }
    }
    if (counts.size() == 1) {
      InspectionRating only = counts.keySet().iterator().next();
      return crcs.size() == 1 ? only.label() : only.label() + " (all " + crcs.size() + ")";
    }
    return "mixed: "
        + counts.entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey().label())
            .collect(Collectors.joining(", "));
  }

  @Override
  public String title() {
    return String.format(
        Locale.ROOT,
        "CRC ratings by owner, %s (owners as of %s): %d owners, exact test p = %.2f",
        cycle,
        asOf,
        owners.size(),
        test.pValue());
  }

  @Override
  public Table table() {
    StringColumn owner = StringColumn.create("owner");
    IntColumn n = IntColumn.create("CRCs");
    StringColumn line = StringColumn.create("one owner-level line would read");
    StringColumn crcs = StringColumn.create("its CRCs");
    owners.forEach(
        (name, list) -> {
          owner.append(name);
          n.append(list.size());
          line.append(ownerJudgement(list));
          crcs.append(
              list.stream()
                  .map(r -> r.provider() + " (" + r.rating().label() + ")")
                  .collect(Collectors.joining("; ")));
        });
    return Table.create("Ratings by owner, " + cycle, owner, n, line, crcs);
  }

  @Override
  public List<String> notes() {
    return List.of(
        String.format(
            Locale.ROOT,
            "Owner against owner, Freeman-Halton exact test over %d tables with these margins: p ="
                + " %.3f. With one rating per CRC and nearly all Requires improvement, the ratings"
                + " cannot tell owners apart.",
            test.tables(),
            test.pValue()),
        "Ownership is as of "
            + asOf
            + ". Working Links' three CRCs (Wales; Bristol, Gloucs,"
            + " Somerset & Wilts; Dorset, Devon & Cornwall) passed to Seetec in February 2019, in"
            + " the middle of the cycle; the day is not published.",
        "An owner-level line hides what its CRCs differ on: Purple Futures' five include the only"
            + " CRC rated Good; Working Links' three the only one rated Inadequate.");
  }
}
