package org.probationlens.inspection;

import java.util.List;
import java.util.Locale;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One inspection cycle's overall ratings counted by provider type (NPS division, CRC) and rating,
 * the whole scale kept as ordered categories.
 *
 * @param cycle the cycle, e.g. 2018-19
 * @param nps the NPS divisions' count at each rating, worst first
 * @param crc the CRCs' count at each rating, worst first
 * @param secondary how many of the ratings were found only in a secondary source
 * @param sources the ratings file's provenance
 */
public record RatingsCrossTab(
    InspectionCycle cycle, long[] nps, long[] crc, long secondary, Sources sources)
    implements Result {

  /** Copies the counts. */
  public RatingsCrossTab {
    nps = nps.clone();
    crc = crc.clone();
    int k = InspectionRating.values().length;
    if (nps.length != k || crc.length != k) {
      throw new IllegalArgumentException("need one count per rating (" + k + ")");
    }
  }

  static RatingsCrossTab of(HmipRatings ratings, InspectionCycle cycle) {
    int k = InspectionRating.values().length;
    long[] nps = new long[k];
    long[] crc = new long[k];
    for (ProviderRating r : ratings.cycle(cycle)) {
      (r.nps() ? nps : crc)[r.rating().ordinal()]++;
    }
    return new RatingsCrossTab(cycle, nps, crc, ratings.secondaryCount(cycle), ratings.sources());
  }

  /**
   * The NPS divisions' counts, worst rating first.
   *
   * @return a copy
   */
  @Override
  public long[] nps() {
    return nps.clone();
  }

  /**
   * The CRCs' counts, worst rating first.
   *
   * @return a copy
   */
  @Override
  public long[] crc() {
    return crc.clone();
  }

  @Override
  public String title() {
    return String.format(
        Locale.ROOT,
        "HMI Probation overall ratings, %s: NPS %d of %d Good or better, CRCs %d of %d",
        cycle,
        goodOrBetter(nps),
        total(nps),
        goodOrBetter(crc),
        total(crc));
  }

  static long total(long[] counts) {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return n;
  }

  static long goodOrBetter(long[] counts) {
    return counts[InspectionRating.GOOD.ordinal()] + counts[InspectionRating.OUTSTANDING.ordinal()];
  }

  @Override
  public Table table() {
    StringColumn type = StringColumn.create("provider type");
    Table t = Table.create("Ratings by provider type, " + cycle, type);
    type.append("NPS divisions").append("CRCs").append("All providers");
    for (InspectionRating r : InspectionRating.values()) {
      int i = r.ordinal();
      IntColumn c = IntColumn.create(r.label());
      c.append((int) nps[i]).append((int) crc[i]).append((int) (nps[i] + crc[i]));
      t.addColumns(c);
    }
    IntColumn all = IntColumn.create("providers rated");
    all.append((int) total(nps)).append((int) total(crc)).append((int) (total(nps) + total(crc)));
    t.addColumns(all);
    return t;
  }

  @Override
  public List<String> notes() {
    return List.of(
        "Published ratings, not estimates: every provider was inspected and rated in "
            + cycle
            + " (HMI Probation summary, PR 2019/10/ic1).",
        secondary
            + " of these ratings are recorded from a secondary report (tag 'secondary' in"
            + " data/reference/hmip_ratings.csv); the rest from HMI Probation's own press"
            + " releases.");
  }
}
