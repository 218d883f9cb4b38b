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
 * The synthetic volume shortfalls of each contract package area (CPA): by how much the weighted
 * volume of the CPA's CRC cases falls short of the volume its contract was let on, in financial
 * year 2015-16 and in the first quarter of 2017-18.
 *
 * <p>Published: CRC volumes were "6% to 36% lower than MoJ predicted" in 2015-16 (PAC HC 484,
 * 2016-17, ch.2), and in Q1 2017-18 "volumes of paid activity" were 16% to 48% below the original
 * expectation (NAO HC 676, December 2017). Not published: which CRC had which shortfall
 * (commercially sensitive, PQ 157215). So the values here are synthetic. The rule for 2015-16: the
 * {@code n} CPAs get the {@code n} evenly spaced values {@code 6 + 30 i / (n - 1)} percent, {@code
 * i = 0..n-1} (so exactly 6% to 36%). NOMS told the PAC the fall was more pronounced in rural than
 * urban areas, so the metropolitan CPAs (those containing a metropolitan county or Greater London)
 * take the lowest values and the others the highest; within each group the order is shuffled by the
 * seed. For Q1 2017-18 each CPA keeps its rank: the CPA with the {@code i}-th smallest 2015-16
 * shortfall gets {@code 16 + 32 i / (n - 1)} percent (so exactly 16% to 48%). Keeping the order is
 * a choice, not a finding: no per-CRC figure of either period was published, and it is the simplest
 * assumption (an area that fell short most early on goes on falling short most).
 *
 * <p>Definition, used throughout the project: shortfall % = (forecast_weighted - actual_weighted) /
 * forecast_weighted * 100, where actual_weighted is the sum of {@code weight} over the CPA's CRC
 * cases with {@code start_date} in the period (1 April 2015 to 31 March 2016; 1 April to 30 June
 * 2017), and forecast_weighted is the sum of the CPA's {@code forecast_weighted} over all work
 * types for the financial year containing the period, times the period's share of that year's days
 * (all of 2015-16; 91 / 365 of 2017-18).
 */
public final class ShortfallPlan {

  /** The smallest shortfall, in percent (PAC HC 484: "6% to 36% lower"). */
  public static final double LOWEST_PERCENT = 6.0;

  /** The largest shortfall, in percent (PAC HC 484: "6% to 36% lower"). */
  public static final double HIGHEST_PERCENT = 36.0;

  /** The smallest Q1 2017-18 shortfall, in percent (NAO HC 676: "16% to 48%" below). */
  public static final double Q1_2017_18_LOWEST_PERCENT = 16.0;

  /** The largest Q1 2017-18 shortfall, in percent (NAO HC 676: "16% to 48%" below). */
  public static final double Q1_2017_18_HIGHEST_PERCENT = 48.0;

  private static final long SHUFFLE_SALT = 0x5EED_0015_0016L;

  private final Map<String, Double> percentByCpa;
  private final Map<String, Double> q1201718PercentByCpa;

  private ShortfallPlan(Map<String, Double> percentByCpa, Map<String, Double> q1201718ByCpa) {
    this.percentByCpa = percentByCpa;
    this.q1201718PercentByCpa = q1201718ByCpa;
  }

  /**
   * Spreads 6% to 36% (2015-16) and 16% to 48% (Q1 2017-18) over the CPAs by the rule in the class
   * description.
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
    Map<String, Double> q1ByCode = new LinkedHashMap<>();
    for (String code : all) {
      int rank = ordered.indexOf(code);
      byCode.put(code, LOWEST_PERCENT + (HIGHEST_PERCENT - LOWEST_PERCENT) * rank / (n - 1));
      q1ByCode.put(
          code,
          Q1_2017_18_LOWEST_PERCENT
              + (Q1_2017_18_HIGHEST_PERCENT - Q1_2017_18_LOWEST_PERCENT) * rank / (n - 1));
    }
    return new ShortfallPlan(
        Collections.unmodifiableMap(byCode), Collections.unmodifiableMap(q1ByCode));
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

  /**
   * The synthetic Q1 2017-18 (April to June 2017) shortfall of one CPA, in percent.
   *
   * @param cpaCode a CPA code of this plan
   * @return a value from 16 to 48
   */
  public double q1201718Percent(String cpaCode) {
    percent(cpaCode); // the same message for an unknown code
    return q1201718PercentByCpa.get(cpaCode);
  }

  /** Every CPA's synthetic Q1 2017-18 shortfall in percent, in CPA code order; unmodifiable. */
  public Map<String, Double> q1201718ByCpa() {
    return q1201718PercentByCpa;
  }
}
