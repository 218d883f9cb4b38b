package org.probationlens.data.synthetic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The synthetic 2015-16 volume shortfall of each contract package area (CPA): by how much the
 * weighted volume of the CPA's CRC cases starting in financial year 2015-16 falls short of the
 * volume its contract was let on.
 *
 * <p>Published: CRC volumes were "6% to 36% lower than MoJ predicted" (PAC HC 484, 2016-17, ch.2).
 * Not published: which CRC had which shortfall (commercially sensitive, PQ 157215). So the values
 * here are synthetic. The rule: the {@code n} CPAs get the {@code n} evenly spaced values {@code 6
 * + 30 i / (n - 1)} percent, {@code i = 0..n-1} (so exactly 6% to 36%). NOMS told the PAC the fall
 * was more pronounced in rural than urban areas, so the metropolitan CPAs (those containing a
 * metropolitan county or Greater London) take the lowest values and the others the highest; within
 * each group the order is shuffled by the seed.
 *
 * <p>Definition, used throughout the project: shortfall % = (forecast_weighted - actual_weighted) /
 * forecast_weighted * 100, where actual_weighted is the sum of {@code weight} over the CPA's CRC
 * cases with {@code start_date} from 1 April 2015 to 31 March 2016, and forecast_weighted is the
 * sum of the CPA's {@code forecast_weighted} for financial year 2015-16 over all work types.
 */
public final class ShortfallPlan {

  /** The smallest shortfall, in percent (PAC HC 484: "6% to 36% lower"). */
  public static final double LOWEST_PERCENT = 6.0;

  /** The largest shortfall, in percent (PAC HC 484: "6% to 36% lower"). */
  public static final double HIGHEST_PERCENT = 36.0;

  private static final long SHUFFLE_SALT = 0x5EED_0015_0016L;

  private final Map<String, Double> percentByCpa;

  private ShortfallPlan(Map<String, Double> percentByCpa) {
    this.percentByCpa = percentByCpa;
  }

  /**
   * Spreads 6% to 36% over the CPAs by the rule in the class description.
   *
   * @param cpaCodes the CPA codes, at least two, no duplicates
   * @param metropolitanCpas the CPA codes classed metropolitan; each must be in {@code cpaCodes}
   * @param seed the generator seed; it fixes the order within each group
   * @return the plan
   */
  public static ShortfallPlan spread(
      List<String> cpaCodes, Set<String> metropolitanCpas, long seed) {
    Objects.requireNonNull(cpaCodes, "cpaCodes");
    Objects.requireNonNull(metropolitanCpas, "metropolitanCpas");
    TreeSet<String> all = new TreeSet<>(cpaCodes);
    if (all.size() != cpaCodes.size()) {
      throw new IllegalArgumentException("cpaCodes has duplicates: " + cpaCodes);
    }
    if (all.size() < 2) {
      throw new IllegalArgumentException(
          "cpaCodes has " + all.size() + " codes; expected at least 2 to span 6% to 36%");
    }
    for (String metro : new TreeSet<>(metropolitanCpas)) {
      if (!all.contains(metro)) {
        throw new IllegalArgumentException(
            "metropolitan CPA " + metro + " is not among the CPAs " + all);
      }
    }
    List<String> metro = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (String code : all) {
      (metropolitanCpas.contains(code) ? metro : other).add(code);
    }
    SplittableRandom random = new SplittableRandom(seed ^ SHUFFLE_SALT);
    shuffle(metro, random);
    shuffle(other, random);
    List<String> ordered = new ArrayList<>(metro);
    ordered.addAll(other);
    int n = ordered.size();
    Map<String, Double> byCode = new LinkedHashMap<>();
    for (String code : all) {
      int rank = ordered.indexOf(code);
      byCode.put(code, LOWEST_PERCENT + (HIGHEST_PERCENT - LOWEST_PERCENT) * rank / (n - 1));
    }
    return new ShortfallPlan(Collections.unmodifiableMap(byCode));
  }

  /** Fisher-Yates, drawing from {@code random} in a fixed order. */
  private static void shuffle(List<String> list, SplittableRandom random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = (int) Math.floor(random.nextDouble() * (i + 1));
      Collections.swap(list, i, j);
    }
  }

  /**
   * The synthetic 2015-16 shortfall of one CPA, in percent.
   *
   * @param cpaCode a CPA code of this plan
   * @return a value from 6 to 36
   */
  public double percent(String cpaCode) {
    Double value = percentByCpa.get(cpaCode);
    if (value == null) {
      throw new IllegalArgumentException(
          "no shortfall planned for CPA '" + cpaCode + "'; known: " + percentByCpa.keySet());
    }
    return value;
  }

  /** Every CPA's synthetic 2015-16 shortfall in percent, in CPA code order; unmodifiable. */
  public Map<String, Double> byCpa() {
    return percentByCpa;
  }
}
