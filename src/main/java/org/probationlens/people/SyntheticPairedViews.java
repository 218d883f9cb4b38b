package org.probationlens.people;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.probationlens.inspection.HmipRatings;
import org.probationlens.inspection.ProviderRating;
import org.probationlens.provenance.Provenance;
import org.probationlens.reference.ReferenceTable;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A seeded generator of SYNTHETIC paired judgements, service user against inspector, for cases no
 * one has published. Calibrated to what was published: the inspector's ratings follow the shares of
 * HMI Probation's 2018-19 overall ratings of the 28 providers ({@code
 * data/reference/hmip_ratings.csv}: mostly "Requires improvement"), an assumption that a case looks
 * like its provider. The user's view is the inspector's rating moved by a step drawn from {@link
 * #USER_SHIFT} (invented): users mostly rate their supervision one point higher, the Chief
 * Inspector's "not reporting much change" set against "what the Inspectorate is seeing".
 *
 * <p>The same seed and size give the same cases on any machine (one {@link SplittableRandom}, drawn
 * in a fixed order). Bump {@link #VERSION} whenever that changes.
 */
public final class SyntheticPairedViews {

  /** The generator's version, recorded in the provenance. */
  public static final String VERSION = "1";

  /**
   * The invented chances that the user's view is 1 below, equal to, 1 above and 2 above the
   * inspector's rating (clipped to the scale).
   */
  public static final List<Double> USER_SHIFT = List.of(0.10, 0.35, 0.45, 0.10);

  private SyntheticPairedViews() {}

  /**
   * The published shares of HMI Probation's 2018-19 overall ratings, worst first, from {@code
   * data/reference/hmip_ratings.csv}.
   *
   * @return four shares summing to 1, in {@link CaseRating} order
   */
  public static double[] inspectorMargin() {
    // the one schema of hmip_ratings.csv (codes, ratings, one row per provider and cycle)
    double[] share = new double[CaseRating.values().length];
    int n = 0;
    for (ProviderRating r : HmipRatings.standard().cycle(HmipRatings.FULL_CYCLE)) {
      share[CaseRating.ofLabel(r.rating().label()).ordinal()]++;
      n++;
    }
    for (int i = 0; i < share.length; i++) {
      share[i] /= n;
    }
    return share;
  }

  /**
   * Generates the pairs.
   *
   * @param cases the number of cases, 1 to 1,000,000
   * @param seed the seed
   * @return the pairs, with SYNTHETIC provenance naming this generator, its version and the seed
   * @throws IllegalArgumentException if {@code cases} is out of range
   */
  public static PairedViews generate(int cases, long seed) {
    if (cases < 1 || cases > 1_000_000) {
      throw new IllegalArgumentException("cases must be 1 to 1,000,000; was " + cases);
    }
    double[] margin = inspectorMargin();
    SplittableRandom random = new SplittableRandom(seed);
    String[] ids = new String[cases];
    String[] user = new String[cases];
    String[] inspector = new String[cases];
    StringBuilder csv = new StringBuilder("case_id,user_view,inspector_rating\n");
    CaseRating[] r = CaseRating.values();
    for (int i = 0; i < cases; i++) {
      int ins = draw(margin, random.nextDouble());
      int shift =
          draw(USER_SHIFT.stream().mapToDouble(Double::doubleValue).toArray(), random.nextDouble())
              - 1;
      int usr = Math.max(0, Math.min(r.length - 1, ins + shift));
      ids[i] = String.format(Locale.ROOT, "S%06d", i + 1);
      user[i] = r[usr].label();
      inspector[i] = r[ins].label();
      csv.append(ids[i]).append(',').append(user[i]).append(',').append(inspector[i]).append('\n');
    }
    Table t =
        Table.create(
            "Synthetic paired views (service user against inspector)",
            StringColumn.create("case_id", ids),
            StringColumn.create("user_view", user),
            StringColumn.create("inspector_rating", inspector));
    Provenance p =
        Provenance.synthetic(
            "Synthetic paired judgements of "
                + cases
                + " cases: service user's view against inspector's rating; inspector margin"
                + " calibrated to HMIP's 2018-19 ratings "
                + Arrays.toString(round(margin))
                + ", user shift invented "
                + USER_SHIFT,
            SyntheticPairedViews.class.getName(),
            seed,
            VERSION,
            ReferenceTable.sha256(csv.toString().getBytes(StandardCharsets.UTF_8)));
    return new PairedViews(t, p);
  }

  private static int draw(double[] shares, double u) {
    double c = 0;
    for (int i = 0; i < shares.length; i++) {
      c += shares[i];
      if (u < c) {
        return i;
      }
    }
    return shares.length - 1;
  }

  private static double[] round(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.round(v[i] * 1000) / 1000.0;
    }
    return out;
  }
}
