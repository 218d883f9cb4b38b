package org.probationlens.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import org.probationlens.stats.SampleSize;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * An inspection's case sample for one provider, planned for the share of cases that meet a standard
 * (for example the share of cases where the assessment was sufficient): how many cases to review
 * for a margin at a confidence level, drawn at random without replacement from the provider's
 * caseload, or the margin a given number of cases gives. Cochran's formulas with the
 * finite-population correction ({@link SampleSize}).
 *
 * <p>The confidence level and margin are the user's choice. HM Inspectorate of Probation's own
 * values were not confirmed in the stored sources (the 80% / ±5% sometimes quoted is unverified),
 * and this plan never states them as HMI Probation's.
 *
 * @param design the expected share, the confidence level and the caseload sampled from, not null
 * @param sample the cases reviewed, 1 to the caseload
 * @param margin the margin (half-width) that sample gives, in [0, 1)
 */
public record SamplePlan(SampleDesign design, long sample, double margin) implements Result {

  /** Validates the plan; the margin must be the one {@code sample} gives. */
  public SamplePlan {
    Objects.requireNonNull(design, "design");
    double expected = margin(design, sample);
    if (Math.abs(margin - expected) > 1e-9) {
      throw new IllegalArgumentException(
          "margin must be the one " + sample + " cases give, " + expected + "; was " + margin);
    }
  }

  /**
   * The smallest sample that meets a margin.
   *
   * @param design the expected share (0.5 when nothing is known: the largest sample), the
   *     confidence level and the caseload, not null
   * @param margin the half-width wanted, strictly between 0 and 1 (0.05 for ±5 points)
   * @return the plan, not null
   * @throws IllegalArgumentException quoting the margin when it is not strictly between 0 and 1
   */
  public static SamplePlan forProportion(SampleDesign design, double margin) {
    long n =
        SampleSize.forMargin(
            design.expectedShare(), margin, design.confidence(), design.caseload());
    return ofSample(design, n);
  }

  /**
   * The margin of a given sample.
   *
   * @param design the expected (or found) share, the confidence level and the caseload, not null
   * @param sample the cases reviewed, 1 to the caseload
   * @return the plan, not null
   * @throws IllegalArgumentException quoting the sample when it is under 1 or over the caseload
   */
  public static SamplePlan ofSample(SampleDesign design, long sample) {
    return new SamplePlan(design, sample, margin(design, sample));
  }

  private static double margin(SampleDesign design, long sample) {
    return SampleSize.margin(
        sample, design.expectedShare(), design.confidence(), design.caseload());
  }

  /**
   * The cost of reviewing the sample.
   *
   * @param perCase the cost of reviewing one case, in pounds, at least 0
   * @return {@code sample × perCase}
   */
  public double cost(double perCase) {
    if (!(perCase >= 0) || Double.isInfinite(perCase)) {
      throw new IllegalArgumentException("perCase must be a cost of at least 0, was " + perCase);
    }
    return sample * perCase;
  }

  /**
   * This plan with the sample multiplied by {@code factor} (rounded, at most the caseload).
   *
   * @param factor how many times the sample, positive (3 for "three times bigger")
   * @return the plan for the larger (or smaller) sample, not null
   */
  public SamplePlan scaled(double factor) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("factor must be positive, was " + factor);
    }
    long n = Math.max(1, Math.min(design.caseload(), Math.round(sample * factor)));
    return ofSample(design, n);
  }

  /**
   * Precision against cost: this sample and its multiples, each with its margin and cost. Without a
   * finite caseload, tripling the sample triples the cost and divides the margin by sqrt(3).
   *
   * @param perCase the cost of reviewing one case, in pounds, at least 0
   * @param factors the multiples of this sample to show, each positive, at least one
   * @return the curve, not null
   */
  public PrecisionCurve precisionAgainstCost(double perCase, double... factors) {
    if (factors.length == 0) {
      throw new IllegalArgumentException("give at least one factor, e.g. 1, 2, 3");
    }
    List<SamplePlan> plans = new ArrayList<>();
    for (double f : factors) {
      plans.add(scaled(f));
    }
    cost(perCase);
    return new PrecisionCurve(this, plans, perCase);
  }

  /**
   * How many cases of a subgroup (women, say, about one in ten of those supervised) a sample of
   * this size holds, and how precise a finding about them alone is.
   *
   * @param subgroup the subgroup's name, e.g. "women", not blank
   * @param share the subgroup's share of the caseload, strictly between 0 and 1
   * @param shareSource where that share comes from, e.g. "HMI Probation women's thematic, Sept
   *     2016: 1 in 10 supervised offenders are women", not blank
   * @param targetMargin the margin wanted for a finding about the subgroup, strictly between 0 and
   *     1
   * @return the subgroup's precision, not null
   */
  public SubgroupPrecision subgroup(
      String subgroup, double share, String shareSource, double targetMargin) {
    return SubgroupPrecision.of(this, subgroup, share, shareSource, targetMargin, null);
  }

  /**
   * As {@link #subgroup(String, double, String, double)}, with the subgroup's share taken from a
   * published figure in percent (for women: {@code
   * PublishedFigures.standard().figure("women_share_supervised")}, 1 in 10, HMI Probation's women's
   * thematic, Sept 2016), its source carried into the result.
   *
   * @param subgroup the subgroup's name, not blank
   * @param share the published share, a point in percent, not null
   * @param targetMargin the margin wanted for a finding about the subgroup
   * @return the subgroup's precision, not null
   */
  public SubgroupPrecision subgroup(
      String subgroup, org.probationlens.reference.PublishedFigure share, double targetMargin) {
    if (share.kind() != org.probationlens.reference.PublishedFigure.Kind.POINT
        || !share.unit().equals("percent")) {
      throw new IllegalArgumentException(
          "figure " + share.id() + " must be a point in percent, was " + share.valueText());
    }
    return SubgroupPrecision.of(
        this,
        subgroup,
        share.high() / 100,
        share.description() + ", " + share.period() + " (published: " + share.source() + ")",
        targetMargin,
        ReferenceTables.publishedFigure(share));
  }

  @Override
  public String title() {
    return String.format(
        Locale.ROOT,
        "Case sample for one provider: %d cases give ±%.1f points at %s confidence",
        sample,
        margin * 100,
        Format.percent(design.confidence()));
  }

  @Override
  public Table table() {
    StringColumn what = StringColumn.create("quantity");
    StringColumn value = StringColumn.create("value");
    what.append("Caseload sampled from");
    value.append(design.finite() ? Format.count(design.caseload()) : "not limited (no correction)");
    what.append("Share expected to meet the standard");
    value.append(Format.percent(design.expectedShare()));
    what.append("Confidence level (user input)");
    value.append(Format.percent(design.confidence()));
    what.append("Cases reviewed");
    value.append(Format.count(sample));
    what.append("Margin (half-width of the interval)");
    value.append(String.format(Locale.ROOT, "±%.1f percentage points", margin * 100));
    what.append("Sampling fraction");
    value.append(design.finite() ? Format.percent((double) sample / design.caseload()) : "0%");
    return Table.create("Case sample plan", what, value);
  }

  @Override
  public List<String> notes() {
    List<String> notes = new ArrayList<>();
    notes.add(
        "Cochran's formula with the finite-population correction: margin = z·sqrt(p(1-p)/n ·"
            + " (N-n)/(N-1)); cases drawn at random, without replacement, from the caseload.");
    notes.add(
        "HMI Probation's own confidence level and margin are not confirmed in the published"
            + " sources held here; the values above are inputs, not HMI Probation's.");
    return notes;
  }

  @Override
  public Sources sources() {
    return Format.inputs(
        String.format(
            Locale.ROOT,
            "Expected share %s, confidence %s and caseload %s are inputs chosen by the user",
            Format.percent(design.expectedShare()),
            Format.percent(design.confidence()),
            design.finite() ? Format.count(design.caseload()) : "unlimited"));
  }

  /** A margin as a column of percentage points. */
  static DoubleColumn points(String name, List<SamplePlan> plans) {
    DoubleColumn c = DoubleColumn.create(name);
    plans.forEach(p -> c.append(Math.round(p.margin() * 1000) / 10.0));
    return c;
  }
}
