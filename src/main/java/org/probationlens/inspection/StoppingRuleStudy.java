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
 * true share of sufficient cases is p0, p1 or midway. The simulation is seeded, so the same inputs
 * give the same figures; every figure is simulated (or, for the fixed sample, exact binomial), none
 * is published.
 *
 * @param rule the sequential rule, not null
 * @param fixed the fixed-size test with the same p0, p1, α and β, not null
 * @param runs the providers simulated at each true share
 * @param seed the seed
 * @param sequential the rule's operating points at p0, midway and p1
 * @param naive the naive rule's operating points at p0, midway and p1
 */
public record StoppingRuleStudy(
    SequentialProbabilityRatio rule,
    FixedSampleTest fixed,
    int runs,
    long seed,
    List<OperatingPoint> sequential,
    List<OperatingPoint> naive)
    implements Result {

  /** Copies the lists. */
  public StoppingRuleStudy {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(fixed, "fixed");
    sequential = List.copyOf(sequential);
    naive = List.copyOf(naive);
    if (sequential.size() != 3 || naive.size() != 3) {
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
    double mid = (p0 + p1) / 2;
    List<OperatingPoint> seq = new ArrayList<>();
    List<OperatingPoint> naive = new ArrayList<>();
    long s = seed;
    for (double p : new double[] {p0, mid, p1}) {
      seq.add(rule.simulate(p, runs, s++));
      naive.add(rule.simulateNaive(mid, 0.95, p, runs, s++));
    }
    return new StoppingRuleStudy(rule, fixed, runs, seed, seq, naive);
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
    DoubleColumn found = DoubleColumn.create("found sufficient (% of providers)");
    DoubleColumn clear = DoubleColumn.create("stopped on the evidence (% of providers)");
    DoubleColumn mean = DoubleColumn.create("cases reviewed, mean");
    IntColumn median = IntColumn.create("median");
    IntColumn p90 = IntColumn.create("90th percentile");
    String seqName =
        String.format(
            Locale.ROOT,
            "Sequential (Wald SPRT, look after every case, stop by %d)",
            rule.maxCases());
    String naiveName = "Naive: 95% interval clears midpoint, after every case";
    String fixedName =
        String.format(
            Locale.ROOT,
            "Fixed: %d cases, sufficient if %d or more (exact)",
            fixed.cases(),
            fixed.critical());
    for (int i = 0; i < 3; i++) {
      add(name, truth, found, clear, mean, median, p90, seqName, sequential.get(i));
    }
    for (OperatingPoint o : sequential) {
      name.append(fixedName);
      truth.append(round1(o.trueShare() * 100));
      found.append(round1(fixed.upperShareAt(o.trueShare()) * 100));
      clear.append(Double.NaN);
      mean.append(fixed.cases());
      median.append(fixed.cases());
      p90.append(fixed.cases());
    }
    for (int i = 0; i < 3; i++) {
      add(name, truth, found, clear, mean, median, p90, naiveName, naive.get(i));
    }
    return Table.create("Stopping rules compared", name, truth, found, clear, mean, median, p90);
  }

  private static void add(
      StringColumn name,
      DoubleColumn truth,
      DoubleColumn found,
      DoubleColumn clear,
      DoubleColumn mean,
      IntColumn median,
      IntColumn p90,
      String rule,
      OperatingPoint o) {
    name.append(rule);
    truth.append(round1(o.trueShare() * 100));
    found.append(round1(o.upperShare() * 100));
    clear.append(round1(o.decisiveShare() * 100));
    mean.append(round1(o.meanCases()));
    median.append(o.medianCases());
    p90.append(o.p90Cases());
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
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
                + " reviewing %.1f cases on average against the fixed sample's %d.",
            Format.percent(rule.p1()),
            sequentialBeta() * 100,
            rule.beta() * 100,
            sequential.get(2).meanCases(),
            fixed.cases()),
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
