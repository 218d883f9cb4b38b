package org.probationlens.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import org.probationlens.stats.FixedSampleTest;
import org.probationlens.stats.SequentialProbabilityRatio;
import org.probationlens.stats.SequentialProbabilityRatio.OperatingPoint;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * When to stop reviewing a provider's cases: Wald's sequential probability ratio test, looked at
 * after every case, against the fixed-size sample with the same aims and against the naive rule of
 * stopping as soon as a 95% interval clears the boundary, each run on simulated providers whose
 * true share of sufficient cases is p0, p1 or midway; and the sequential rule again with the number
 * of cases capped at the fixed sample's size (Wald's truncated test, deciding by the sign of the
 * likelihood ratio at the cap), to show what a cap does to its errors. The simulation is seeded, so
 * the same inputs give the same figures. What is exact and what is simulated: the fixed samples'
 * sizes and error rates are exact binomial; the sequential rules' chances of each decision are
 * computed exactly as well ({@link SequentialProbabilityRatio#exactUpperShare}) and also simulated,
 * with the cases they review; the naive rule is simulated only. The fixed sample sized by the
 * normal approximation is shown beside the exact one with its exact errors. None is published.
 *
 * @param rule the sequential rule, not null
 * @param fixed the fixed-size test with the same p0, p1, α and β, sized exactly ({@link
 *     FixedSampleTest#of}), not null
 * @param approximate the fixed-size test sized by the normal approximation ({@link
 *     FixedSampleTest#normalApproximation}), not null
 * @param runs the providers simulated at each true share
 * @param seed the seed
 * @param sequential the rule's operating points at p0, midway and p1
 * @param capped the operating points of the rule capped at {@code fixed.cases()} cases, simulated
 *     with the same seeds as {@code sequential} (so a run differs only where it reaches the cap)
 * @param naive the naive rule's operating points at p0, midway and p1
 */
public record StoppingRuleStudy(
    SequentialProbabilityRatio rule,
    FixedSampleTest fixed,
    FixedSampleTest approximate,
    int runs,
    long seed,
    List<OperatingPoint> sequential,
    List<OperatingPoint> capped,
    List<OperatingPoint> naive)
    implements Result {

  /** Copies the lists. */
  public StoppingRuleStudy {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(fixed, "fixed");
    Objects.requireNonNull(approximate, "approximate");
    sequential = List.copyOf(sequential);
    capped = List.copyOf(capped);
    naive = List.copyOf(naive);
    if (sequential.size() != 3 || capped.size() != 3 || naive.size() != 3) {
      throw new IllegalArgumentException("need operating points at p0, midway and p1");
    }
  }

  /**
   * Simulates the rules.
   *
   * @param design the boundaries p0 and p1, the errors allowed, the most cases reviewed, the
   *     providers simulated at each true share and the seed, not null
   * @return the study, not null
   */
  public static StoppingRuleStudy simulate(StoppingRuleDesign design) {
    Objects.requireNonNull(design, "design");
    double p0 = design.p0();
    double p1 = design.p1();
    double alpha = design.alpha();
    double beta = design.beta();
    int maxCases = design.maxCases();
    int runs = design.runs();
    long seed = design.seed();
    SequentialProbabilityRatio rule = new SequentialProbabilityRatio(p0, p1, alpha, beta, maxCases);
    FixedSampleTest fixed = FixedSampleTest.of(p0, p1, alpha, beta);
    FixedSampleTest approximate = FixedSampleTest.normalApproximation(p0, p1, alpha, beta);
    SequentialProbabilityRatio cappedRule = rule.withMaxCases(fixed.cases());
    double mid = (p0 + p1) / 2;
    List<OperatingPoint> seq = new ArrayList<>();
    List<OperatingPoint> capped = new ArrayList<>();
    List<OperatingPoint> naive = new ArrayList<>();
    long s = seed;
    for (double p : new double[] {p0, mid, p1}) {
      capped.add(cappedRule.simulate(p, runs, s));
      seq.add(rule.simulate(p, runs, s++));
      naive.add(rule.simulateNaive(mid, 0.95, p, runs, s++));
    }
    return new StoppingRuleStudy(rule, fixed, approximate, runs, seed, seq, capped, naive);
  }

  /**
   * The sequential rule capped at the exactly sized fixed sample's number of cases.
   *
   * @return the rule with {@code maxCases} equal to {@code fixed().cases()}
   */
  public SequentialProbabilityRatio cappedRule() {
    return rule.withMaxCases(fixed.cases());
  }

  /**
   * The capped rule's exact chance of finding sufficient a provider whose true share is p0.
   *
   * @return an exact probability
   */
  public double cappedAlpha() {
    return cappedRule().exactUpperShare(rule.p0());
  }

  /**
   * The capped rule's exact chance of finding insufficient a provider whose true share is p1.
   *
   * @return an exact probability
   */
  public double cappedBeta() {
    return 1 - cappedRule().exactUpperShare(rule.p1());
  }

  /**
   * The sequential rule's exact chance (with its own limit of cases) of finding sufficient a
   * provider whose true share is p0.
   *
   * @return an exact probability
   */
  public double exactSequentialAlpha() {
    return rule.exactUpperShare(rule.p0());
  }

  /**
   * The sequential rule's exact chance (with its own limit of cases) of finding insufficient a
   * provider whose true share is p1.
   *
   * @return an exact probability
   */
  public double exactSequentialBeta() {
    return 1 - rule.exactUpperShare(rule.p1());
  }

  /**
   * The sequential rule's chance of finding sufficient a provider whose true share is p0 (its type
   * I error).
   *
   * @return a simulated share
   */
  public double sequentialAlpha() {
    return sequential.get(0).upperShare();
  }

  /**
   * The sequential rule's chance of finding insufficient a provider whose true share is p1.
   *
   * @return a simulated share
   */
  public double sequentialBeta() {
    return 1 - sequential.get(2).upperShare();
  }

  @Override
  public String title() {
    return String.format(
        Locale.ROOT,
        "When to stop: sequential review (errors %.3f and %.3f, %.0f and %.0f cases on average)"
            + " against a fixed %d-case sample",
        sequentialAlpha(),
        sequentialBeta(),
        sequential.get(0).meanCases(),
        sequential.get(2).meanCases(),
        fixed.cases());
  }

  @Override
  public Table table() {
    StringColumn name = StringColumn.create("rule");
    DoubleColumn truth = DoubleColumn.create("true share sufficient (%)");
    DoubleColumn found = DoubleColumn.create("found sufficient (% of providers, simulated)");
    DoubleColumn exact = DoubleColumn.create("found sufficient (%, exact)");
    DoubleColumn clear = DoubleColumn.create("stopped on the evidence (% of providers)");
    DoubleColumn mean = DoubleColumn.create("cases reviewed, mean");
    IntColumn median = IntColumn.create("median");
    IntColumn p90 = IntColumn.create("90th percentile");
    String seqName =
        String.format(
            Locale.ROOT,
            "Sequential (Wald SPRT, look after every case, stop by %d)",
            rule.maxCases());
    String cappedName =
        String.format(
            Locale.ROOT,
            "Sequential capped at the fixed sample's %d cases (sign of the ratio at the cap)",
            fixed.cases());
    String naiveName = "Naive: 95% interval clears midpoint, after every case";
    String fixedName =
        String.format(
            Locale.ROOT,
            "Fixed: %d cases, sufficient if %d or more (exact binomial size)",
            fixed.cases(),
            fixed.critical());
    String approximateName =
        String.format(
            Locale.ROOT,
            "Fixed: %d cases, sufficient if %d or more (normal-approximation size)",
            approximate.cases(),
            approximate.critical());
    Table table =
        Table.create(
            "Stopping rules compared", name, truth, found, exact, clear, mean, median, p90);
    for (int i = 0; i < 3; i++) {
      add(table, seqName, sequential.get(i), rule.exactUpperShare(sequential.get(i).trueShare()));
    }
    SequentialProbabilityRatio cappedRule = cappedRule();
    for (int i = 0; i < 3; i++) {
      OperatingPoint o = capped.get(i);
      add(table, cappedName, o, cappedRule.exactUpperShare(o.trueShare()));
    }
    for (FixedSampleTest f : List.of(fixed, approximate)) {
      for (OperatingPoint o : sequential) {
        name.append(f == fixed ? fixedName : approximateName);
        truth.append(round1(o.trueShare() * 100));
        found.append(Double.NaN);
        exact.append(round1(f.upperShareAt(o.trueShare()) * 100));
        clear.append(Double.NaN);
        mean.append(f.cases());
        median.append(f.cases());
        p90.append(f.cases());
      }
    }
    for (int i = 0; i < 3; i++) {
      add(table, naiveName, naive.get(i), Double.NaN);
    }
    return table;
  }

  /** A row for a simulated rule; {@code exactShare} is NaN for one not computed exactly. */
  private static void add(Table table, String rule, OperatingPoint o, double exactShare) {
    table.stringColumn(0).append(rule);
    table.doubleColumn(1).append(round1(o.trueShare() * 100));
    table.doubleColumn(2).append(round1(o.upperShare() * 100));
    table.doubleColumn(3).append(round1(exactShare * 100));
    table.doubleColumn(4).append(round1(o.decisiveShare() * 100));
    table.doubleColumn(5).append(round1(o.meanCases()));
    table.intColumn(6).append(o.medianCases());
    table.intColumn(7).append(o.p90Cases());
  }

  /** Rounded to one decimal; NaN (not computed) stays NaN. */
  private static double round1(double v) {
    return Double.isNaN(v) ? v : Math.round(v * 10) / 10.0;
  }

  @Override
  public List<String> notes() {
    return List.of(
        String.format(
            Locale.ROOT,
            "At a true share of %s, a provider should be found insufficient: the sequential rule"
                + " wrongly found it sufficient in %.1f%% of %d simulated providers (aim %.0f%%);"
                + " the naive rule in %.1f%%.",
            Format.percent(rule.p0()),
            sequentialAlpha() * 100,
            runs,
            rule.alpha() * 100,
            naive.get(0).upperShare() * 100),
        String.format(
            Locale.ROOT,
            "At %s it should be found sufficient: the sequential rule missed %.1f%% (aim %.0f%%),"
                + " reviewing %.1f cases on average against the fixed sample's %d. Computed"
                + " exactly, its errors are %.1f%% and %.1f%%.",
            Format.percent(rule.p1()),
            sequentialBeta() * 100,
            rule.beta() * 100,
            sequential.get(2).meanCases(),
            fixed.cases(),
            exactSequentialAlpha() * 100,
            exactSequentialBeta() * 100),
        String.format(
            Locale.ROOT,
            "The fixed sample is sized exactly with the binomial: %d cases, sufficient if %d or"
                + " more, with exact errors %.1f%% and %.1f%% (aims %.0f%% and %.0f%%). The normal"
                + " approximation would give %d cases (sufficient if %d or more), whose exact"
                + " errors are %.1f%% and %.1f%%.",
            fixed.cases(),
            fixed.critical(),
            fixed.exactAlpha() * 100,
            fixed.exactBeta() * 100,
            rule.alpha() * 100,
            rule.beta() * 100,
            approximate.cases(),
            approximate.critical(),
            approximate.exactAlpha() * 100,
            approximate.exactBeta() * 100),
        String.format(
            Locale.ROOT,
            "Capping the sequential rule at the fixed sample's %d cases, and deciding by the sign"
                + " of the likelihood ratio where no boundary was crossed (Wald's truncated test),"
                + " raises its exact errors to %.1f%% and %.1f%% (aims %.0f%% and %.0f%%); %.1f%% of"
                + " providers midway reach the cap (simulated).",
            fixed.cases(),
            cappedAlpha() * 100,
            cappedBeta() * 100,
            rule.alpha() * 100,
            rule.beta() * 100,
            (1 - capped.get(1).decisiveShare()) * 100),
        String.format(
            Locale.ROOT,
            "Midway (%s) either decision is acceptable, but the naive rule there claims an interval"
                + " clear of the share in %.1f%% of providers, against the 5%% a single look at a"
                + " 95%% interval allows: looking after every case inflates its error.",
            Format.percent((rule.p0() + rule.p1()) / 2),
            naive.get(1).decisiveShare() * 100),
        "Each case is judged sufficient independently with the true share; real case reviews are"
            + " triangulated with other evidence and cases may cluster by office or officer.");
  }

  @Override
  public Sources sources() {
    return Format.inputs(
        String.format(
            Locale.ROOT,
            "Simulated providers (seed %d, %d runs per share); boundaries %s and %s, errors %s"
                + " and %s are user inputs",
            seed,
            runs,
            Format.percent(rule.p0()),
            Format.percent(rule.p1()),
            Format.percent(rule.alpha()),
            Format.percent(rule.beta())));
  }
}
