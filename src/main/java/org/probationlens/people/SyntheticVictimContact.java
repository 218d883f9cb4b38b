package org.probationlens.people;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.probationlens.area.Geography;
import org.probationlens.area.NpsDivision;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.reference.ReferenceTable;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A seeded generator of SYNTHETIC statutory victim contact counts for an inspection sample in each
 * NPS division: cases with a victim eligible for the Victim Contact Scheme, victims offered it,
 * victims who took it up, and those contacted within the time the scheme requires. No division's
 * counts were published.
 *
 * <p>Calibrated to one published finding: in NPS London (2019) victims were not offered the scheme
 * in "more than a fifth" of inspected cases, so London's offer rate is set to {@link
 * #LONDON_OFFERED} (not offered 25%, by construction above the published 20%). Everything else is
 * invented: the other divisions' offer rates are drawn from {@link #OTHER_OFFERED_RANGE} (HMIP
 * found their victim work "good or outstanding"), take-up from {@link #TAKE_UP_RANGE} and contact
 * in time from {@link #IN_TIME_RANGE} (London at the low end). Counts are rounded rates, so a given
 * seed and sample size always give the same table.
 */
public final class SyntheticVictimContact {

  /** The generator's version, recorded in the provenance. */
  public static final String VERSION = "1";

  /** London's share of eligible victims offered the scheme (calibrated: not offered 25% > 20%). */
  public static final double LONDON_OFFERED = 0.75;

  /** The invented range of the other divisions' offer rates. */
  public static final List<Double> OTHER_OFFERED_RANGE = List.of(0.88, 0.97);

  /** The invented range of the share of offered victims who took the scheme up. */
  public static final List<Double> TAKE_UP_RANGE = List.of(0.40, 0.60);

  /** The invented range of the share of those who took it up who were contacted in time. */
  public static final List<Double> IN_TIME_RANGE = List.of(0.70, 0.95);

  private SyntheticVictimContact() {}

  /**
   * Generates the counts.
   *
   * @param eligiblePerDivision inspected cases with an eligible victim in each division, 10 to
   *     100,000
   * @param seed the seed
   * @return columns nps_division_code, nps_division, eligible, offered, took_up, contacted_in_time;
   *     SYNTHETIC provenance with generator, version and seed
   */
  public static LoadedDataset generate(int eligiblePerDivision, long seed) {
    if (eligiblePerDivision < 10 || eligiblePerDivision > 100_000) {
      throw new IllegalArgumentException(
          "eligiblePerDivision must be 10 to 100,000; was " + eligiblePerDivision);
    }
    SplittableRandom random = new SplittableRandom(seed);
    StringColumn code = StringColumn.create("nps_division_code");
    StringColumn name = StringColumn.create("nps_division");
    IntColumn eligible = IntColumn.create("eligible");
    IntColumn offered = IntColumn.create("offered");
    IntColumn tookUp = IntColumn.create("took_up");
    IntColumn inTime = IntColumn.create("contacted_in_time");
    StringBuilder csv = new StringBuilder();
    for (NpsDivision d : Geography.standard().npsDivisions()) {
      boolean london = d.code().equals("N07");
      double offerRate =
          london ? LONDON_OFFERED : between(OTHER_OFFERED_RANGE, random.nextDouble());
      double takeUp = between(TAKE_UP_RANGE, random.nextDouble());
      double timely = london ? IN_TIME_RANGE.get(0) : between(IN_TIME_RANGE, random.nextDouble());
      int n = eligiblePerDivision;
      int o = (int) Math.round(offerRate * n);
      int t = (int) Math.round(takeUp * o);
      int c = (int) Math.round(timely * t);
      code.append(d.code());
      name.append(d.name());
      eligible.append(n);
      offered.append(o);
      tookUp.append(t);
      inTime.append(c);
      csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d%n", d.code(), n, o, t, c));
    }
    Table table =
        Table.create(
            "Synthetic victim contact by NPS division",
            code,
            name,
            eligible,
            offered,
            tookUp,
            inTime);
    return new LoadedDataset(
        table,
        Provenance.synthetic(
            "Synthetic statutory victim contact counts, "
                + eligiblePerDivision
                + " inspected cases with an eligible victim per NPS division; London calibrated to"
                + " 'more than a fifth' not offered (HMIP May 2019), all else invented",
            SyntheticVictimContact.class.getName(),
            seed,
            VERSION,
            ReferenceTable.sha256(csv.toString().getBytes(StandardCharsets.UTF_8))));
  }

  private static double between(List<Double> range, double u) {
    return range.get(0) + u * (range.get(1) - range.get(0));
  }
}
