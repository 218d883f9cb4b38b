package org.probationlens.partners;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.probationlens.area.Cpa;
import org.probationlens.area.Geography;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.reference.ReferenceTable;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A seeded generator of SYNTHETIC third-sector referral funnels, one per CRC: organisations named
 * in its bid, referrals promised a year, people referred, started and completed. Nothing per CRC
 * was published.
 *
 * <p>Calibrated to one published figure: the organisations named in bids total {@link
 * #ORGANISATIONS_NAMED} (Clinks: "about 700"), shared among the CRCs by invented weights.
 * Everything else is invented: each named organisation was promised {@link
 * #PROMISED_PER_ORGANISATION} referrals a year; CRCs referred a share of the promise in {@link
 * #REFERRED_RANGE} (HMIP 2018: the sector "less involved than ever"); {@link #STARTED_RANGE} of
 * those referred started and {@link #COMPLETED_RANGE} of starters completed. Counts are rounded
 * rates, so a seed always gives the same table.
 */
public final class SyntheticReferrals {

  /** The generator's version, recorded in the provenance. */
  public static final String VERSION = "1";

  /** The published total of organisations named in the bids (Clinks: about 700). */
  public static final int ORGANISATIONS_NAMED = 700;

  /** The invented referrals a year promised per named organisation. */
  public static final int PROMISED_PER_ORGANISATION = 25;

  /** The invented range of the share of promised referrals made. */
  public static final List<Double> REFERRED_RANGE = List.of(0.25, 0.70);

  /** The invented range of the share of referrals that started. */
  public static final List<Double> STARTED_RANGE = List.of(0.60, 0.85);

  /** The invented range of the share of starters who completed. */
  public static final List<Double> COMPLETED_RANGE = List.of(0.50, 0.75);

  private SyntheticReferrals() {}

  /**
   * Generates one year's funnel for each of the 21 CRCs.
   *
   * @param seed the seed
   * @return columns cpa_code, crc, organisations_named, promised, referred, started, completed;
   *     SYNTHETIC provenance with generator, version and seed
   */
  public static LoadedDataset generate(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Cpa> cpas = Geography.standard().cpas();
    double[] weight = new double[cpas.size()];
    double total = 0;
    for (int i = 0; i < weight.length; i++) {
      weight[i] = 0.5 + random.nextDouble();
      total += weight[i];
    }
    int[] named = largestRemainder(weight, total, ORGANISATIONS_NAMED);
    StringColumn code = StringColumn.create("cpa_code");
    StringColumn crc = StringColumn.create("crc");
    IntColumn orgs = IntColumn.create("organisations_named");
    IntColumn promised = IntColumn.create("promised");
    IntColumn referred = IntColumn.create("referred");
    IntColumn started = IntColumn.create("started");
    IntColumn completed = IntColumn.create("completed");
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < cpas.size(); i++) {
      int p = named[i] * PROMISED_PER_ORGANISATION;
      int r = (int) Math.round(p * between(REFERRED_RANGE, random.nextDouble()));
      int s = (int) Math.round(r * between(STARTED_RANGE, random.nextDouble()));
      int c = (int) Math.round(s * between(COMPLETED_RANGE, random.nextDouble()));
      Cpa cpa = cpas.get(i);
      code.append(cpa.code());
      crc.append(cpa.crcName());
      orgs.append(named[i]);
      promised.append(p);
      referred.append(r);
      started.append(s);
      completed.append(c);
      csv.append(
          String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d%n", cpa.code(), named[i], p, r, s, c));
    }
    return new LoadedDataset(
        Table.create(
            "Synthetic third-sector referral funnel by CRC",
            code,
            crc,
            orgs,
            promised,
            referred,
            started,
            completed),
        Provenance.synthetic(
            "Synthetic third-sector referrals by CRC, one year: organisations named CALIBRATED to"
                + " the published total of about 700 (Clinks); promises, referrals, starts and"
                + " completions invented",
            SyntheticReferrals.class.getName(),
            seed,
            VERSION,
            ReferenceTable.sha256(csv.toString().getBytes(StandardCharsets.UTF_8))));
  }

  /** Whole shares of {@code target} in proportion to the weights, summing exactly to it. */
  static int[] largestRemainder(double[] weight, double total, int target) {
    int[] out = new int[weight.length];
    double[] rest = new double[weight.length];
    int sum = 0;
    for (int i = 0; i < weight.length; i++) {
      double exact = target * weight[i] / total;
      out[i] = (int) Math.floor(exact);
      rest[i] = exact - out[i];
      sum += out[i];
    }
    while (sum < target) {
      int best = 0;
      for (int i = 1; i < rest.length; i++) {
        if (rest[i] > rest[best]) {
          best = i;
        }
      }
      out[best]++;
      rest[best] = -1;
      sum++;
    }
    return out;
  }

  private static double between(List<Double> range, double u) {
    return range.get(0) + u * (range.get(1) - range.get(0));
  }
}
