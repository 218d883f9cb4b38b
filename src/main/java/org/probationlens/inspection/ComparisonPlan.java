package org.probationlens.inspection;

import java.util.List;
import java.util.Locale;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import org.probationlens.stats.SampleSize;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * The case sample each of two providers needs for a difference in the share of cases meeting a
 * standard to be detected: a two-sided test at level α with the given power, the size R's {@code
 * power.prop.test} gives ({@link SampleSize#perGroupForDifference}), and the same for smaller and
 * larger gaps so a reader sees how fast the sample grows as the gap narrows.
 *
 * @param p1 one provider's expected share, strictly between 0 and 1
 * @param p2 the other's, strictly between 0 and 1, different
 * @param alpha the two-sided significance level
 * @param power the power wanted
 * @param perProvider the cases each provider needs, rounded up
 */
public record ComparisonPlan(double p1, double p2, double alpha, double power, long perProvider)
    implements Result {

  /** Validates the plan against the formula. */
  public ComparisonPlan {
    long expected = (long) Math.ceil(SampleSize.perGroupForDifference(p1, p2, alpha, power) - 1e-9);
    if (perProvider != expected) {
      throw new IllegalArgumentException(
          "perProvider must be " + expected + " for these inputs, was " + perProvider);
    }
  }

  /**
   * The plan for telling apart two providers expected at these shares, at the conventional
   * two-sided 5% level ({@code power.prop.test}'s default {@code sig.level}) and 80% power; change
   * either with {@link #withAlpha(double)} and {@link #withPower(double)}.
   *
   * @param p1 one provider's expected share, strictly between 0 and 1
   * @param p2 the other's, strictly between 0 and 1, different
   * @return the plan, not null
   * @throws IllegalArgumentException quoting the share when either is not strictly between 0 and 1,
   *     or when they are equal
   */
  public static ComparisonPlan between(double p1, double p2) {
    return of(p1, p2, 0.05, 0.80);
  }

  /**
   * This plan at another significance level, its cases recomputed.
   *
   * @param level the two-sided significance level, strictly between 0 and 1, e.g. 0.05
   * @return the changed plan, not null
   * @throws IllegalArgumentException quoting the level when it is not strictly between 0 and 1
   */
  public ComparisonPlan withAlpha(double level) {
    return of(p1, p2, level, power);
  }

  /**
   * This plan with another power, its cases recomputed.
   *
   * @param wanted the power wanted, strictly between 0 and 1, e.g. 0.8
   * @return the changed plan, not null
   * @throws IllegalArgumentException quoting the power when it is not strictly between 0 and 1
   */
  public ComparisonPlan withPower(double wanted) {
    return of(p1, p2, alpha, wanted);
  }

  private static ComparisonPlan of(double p1, double p2, double alpha, double power) {
    return new ComparisonPlan(
        p1,
        p2,
        alpha,
        power,
        (long) Math.ceil(SampleSize.perGroupForDifference(p1, p2, alpha, power) - 1e-9));
  }

  @Override
  public String title() {
    return String.format(
        Locale.ROOT,
        "To tell %s from %s (%s power, two-sided %s level): %d cases per provider",
        Format.percent(p1),
        Format.percent(p2),
        Format.percent(power),
        Format.percent(alpha),
        perProvider);
  }

  @Override
  public Table table() {
    DoubleColumn gap = DoubleColumn.create("gap between providers (points)");
    DoubleColumn other = DoubleColumn.create("second provider's share (%)");
    LongColumn n = LongColumn.create("cases per provider");
    double step = Math.abs(p1 - p2);
    double sign = Math.signum(p2 - p1);
    for (double g : new double[] {step / 2, step, step * 1.5, step * 2}) {
      double q = p1 + sign * g;
      if (!(q > 0 && q < 1)) {
        continue;
      }
      gap.append(Math.round(g * 1000) / 10.0);
      other.append(Math.round(q * 1000) / 10.0);
      n.append((long) Math.ceil(SampleSize.perGroupForDifference(p1, q, alpha, power) - 1e-9));
    }
    return Table.create("Cases to tell two providers apart", gap, other, n);
  }

  @Override
  public List<String> notes() {
    return List.of(
        "Normal approximation for two independent shares, as R's power.prop.test (strict = FALSE);"
            + " halving the gap roughly quadruples the cases.",
        "The first provider's share is " + Format.percent(p1) + " in every row.");
  }

  @Override
  public Sources sources() {
    return Format.inputs(
        String.format(
            Locale.ROOT,
            "Shares %s and %s, level %s and power %s are user inputs",
            Format.percent(p1),
            Format.percent(p2),
            Format.percent(alpha),
            Format.percent(power)));
  }
}
