package org.probationlens.inspection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import org.probationlens.stats.SampleSize;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A stratified case sample for one provider: the caseload split into strata (HMI Probation's case
 * sample specifications stratify by sex, sentence type, risk-of-serious-harm level and office),
 * cases allocated to each, and the precision of the provider-wide share. Proportional allocation
 * gives each stratum its share of the caseload; a boosted allocation gives a small stratum (women)
 * more, so that a finding about it alone is usable, at some cost to the provider-wide margin.
 *
 * <p>The design effect is the variance of the stratified estimate, Σ W<sub>h</sub>² p<sub>h</sub>q
 * <sub>h</sub>/n<sub>h</sub>, over that of a simple random sample of the same total, pq/n (Kish,
 * Survey Sampling, 1965, section 4.2; no finite-population correction). Below 1, stratifying helps;
 * above 1, the allocation costs precision overall.
 *
 * @param strata the strata, with their caseload shares (summing to 1) and expected shares
 * @param allocation the cases reviewed in each stratum, in the order of {@code strata}
 * @param confidence the confidence level, strictly between 0 and 1
 * @param proportional whether the allocation is proportional to the caseload
 */
public record StratifiedPlan(
    List<Stratum> strata, List<Long> allocation, double confidence, boolean proportional)
    implements Result {

  /**
   * One stratum of the caseload.
   *
   * @param name what the stratum is, e.g. "women", not blank
   * @param caseloadShare its share of the caseload, strictly between 0 and 1
   * @param expectedShare the share of its cases expected to meet the standard, in (0, 1)
   */
  public record Stratum(String name, double caseloadShare, double expectedShare) {
    /** Validates the stratum. */
    public Stratum {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a stratum needs a name");
      }
      if (!(caseloadShare > 0 && caseloadShare <= 1) || !(expectedShare > 0 && expectedShare < 1)) {
        throw new IllegalArgumentException(
            "stratum "
                + name
                + ": caseloadShare must be in (0, 1] and expectedShare in (0, 1),"
                + " were "
                + caseloadShare
                + " and "
                + expectedShare);
      }
    }
  }

  /** Validates and copies. */
  public StratifiedPlan {
    strata = List.copyOf(strata);
    allocation = List.copyOf(allocation);
    if (strata.isEmpty() || strata.size() != allocation.size()) {
      throw new IllegalArgumentException(
          "need one allocation per stratum; "
              + strata.size()
              + " strata, "
              + allocation.size()
              + " allocations");
    }
    Set<String> names = new LinkedHashSet<>();
    double total = 0;
    for (int i = 0; i < strata.size(); i++) {
      if (!names.add(strata.get(i).name())) {
        throw new IllegalArgumentException("stratum " + strata.get(i).name() + " appears twice");
      }
      if (allocation.get(i) < 1) {
        throw new IllegalArgumentException(
            "stratum " + strata.get(i).name() + " needs at least 1 case, had " + allocation.get(i));
      }
      total += strata.get(i).caseloadShare();
    }
    if (Math.abs(total - 1) > 1e-9) {
      throw new IllegalArgumentException("caseload shares must sum to 1, summed to " + total);
    }
    SampleSize.z(confidence);
  }

  /**
   * Proportional allocation of {@code total} cases (largest remainders, each stratum at least 1).
   *
   * @param total the cases to review, at least the number of strata
   * @param confidence the confidence level, strictly between 0 and 1
   * @param strata the strata, caseload shares summing to 1
   * @return the plan, not null
   */
  public static StratifiedPlan proportional(long total, double confidence, List<Stratum> strata) {
    Objects.requireNonNull(strata, "strata");
    if (total < strata.size()) {
      throw new IllegalArgumentException(
          "total must be at least the number of strata (" + strata.size() + "), was " + total);
    }
    long[] n = new long[strata.size()];
    double[] rest = new double[n.length];
    long used = 0;
    for (int i = 0; i < n.length; i++) {
      double exact = total * strata.get(i).caseloadShare();
      n[i] = Math.max(1, (long) Math.floor(exact));
      rest[i] = exact - Math.floor(exact);
      used += n[i];
    }
    while (used < total) {
      int best = 0;
      for (int i = 1; i < n.length; i++) {
        if (rest[i] > rest[best]) {
          best = i;
        }
      }
      n[best]++;
      rest[best] = -1;
      used++;
    }
    List<Long> allocation = new ArrayList<>();
    for (long v : n) {
      allocation.add(v);
    }
    return new StratifiedPlan(strata, allocation, confidence, true);
  }

  /**
   * A given allocation, for example boosting women's cases.
   *
   * @param allocation cases per stratum, in the order of {@code strata}, each at least 1
   * @param confidence the confidence level, strictly between 0 and 1
   * @param strata the strata, caseload shares summing to 1
   * @return the plan, not null
   */
  public static StratifiedPlan allocated(
      List<Long> allocation, double confidence, List<Stratum> strata) {
    return new StratifiedPlan(strata, allocation, confidence, false);
  }

  /**
   * The cases reviewed in total.
   *
   * @return the sum of the allocation
   */
  public long total() {
    return allocation.stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The provider-wide expected share, Σ W<sub>h</sub>p<sub>h</sub>.
   *
   * @return a share in (0, 1)
   */
  public double overallShare() {
    double p = 0;
    for (Stratum s : strata) {
      p += s.caseloadShare() * s.expectedShare();
    }
    return p;
  }

  /**
   * The variance of the stratified estimate of the provider-wide share.
   *
   * @return Σ W<sub>h</sub>² p<sub>h</sub>q<sub>h</sub>/n<sub>h</sub>
   */
  public double variance() {
    double v = 0;
    for (int i = 0; i < strata.size(); i++) {
      Stratum s = strata.get(i);
      v +=
          s.caseloadShare()
              * s.caseloadShare()
              * s.expectedShare()
              * (1 - s.expectedShare())
              / allocation.get(i);
    }
    return v;
  }

  /**
   * The design effect against a simple random sample of the same total.
   *
   * @return the variance over pq/n
   */
  public double designEffect() {
    double p = overallShare();
    return variance() / (p * (1 - p) / total());
  }

  /**
   * The margin of the provider-wide share.
   *
   * @return z·sqrt(variance)
   */
  public double margin() {
    return SampleSize.z(confidence) * Math.sqrt(variance());
  }

  /**
   * The margin of a finding about one stratum alone.
   *
   * @param index the stratum's position
   * @return z·sqrt(p<sub>h</sub>q<sub>h</sub>/n<sub>h</sub>)
   */
  public double stratumMargin(int index) {
    Stratum s = strata.get(index);
    return SampleSize.z(confidence)
        * Math.sqrt(s.expectedShare() * (1 - s.expectedShare()) / allocation.get(index));
  }

  @Override
  public String title() {
    return String.format(
        Locale.ROOT,
        "%s stratified sample of %d cases: provider-wide ±%.1f points, design effect %.2f",
        proportional ? "Proportional" : "Boosted",
        total(),
        margin() * 100,
        designEffect());
  }

  @Override
  public Table table() {
    StringColumn name = StringColumn.create("stratum");
    DoubleColumn share = DoubleColumn.create("share of caseload (%)");
    LongColumn cases = LongColumn.create("cases reviewed");
    DoubleColumn expected = DoubleColumn.create("expected share meeting the standard (%)");
    DoubleColumn margin = DoubleColumn.create("margin for this stratum alone (± points)");
    for (int i = 0; i < strata.size(); i++) {
      Stratum s = strata.get(i);
      name.append(s.name());
      share.append(Math.round(s.caseloadShare() * 1000) / 10.0);
      cases.append(allocation.get(i));
      expected.append(Math.round(s.expectedShare() * 1000) / 10.0);
      margin.append(Math.round(stratumMargin(i) * 1000) / 10.0);
    }
    name.append("whole provider");
    share.append(100.0);
    cases.append(total());
    expected.append(Math.round(overallShare() * 1000) / 10.0);
    margin.append(Math.round(margin() * 1000) / 10.0);
    return Table.create("Stratified sample", name, share, cases, expected, margin);
  }

  @Override
  public List<String> notes() {
    return List.of(
        String.format(
            Locale.ROOT,
            "Design effect %.3f: the provider-wide estimate has the variance of a simple random"
                + " sample of %.0f cases (effective sample size).",
            designEffect(),
            total() / designEffect()),
        "No finite-population correction; confidence "
            + Format.percent(confidence)
            + " is a user input, not HMI Probation's stated method.");
  }

  @Override
  public Sources sources() {
    List<String> a = new ArrayList<>();
    for (Stratum s : strata) {
      a.add(
          String.format(
              Locale.ROOT,
              "Stratum %s: %s of the caseload, expected share %s (user inputs)",
              s.name(),
              Format.percent(s.caseloadShare()),
              Format.percent(s.expectedShare())));
    }
    return Format.inputs(a.toArray(String[]::new));
  }
}
