package org.probationlens.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.probationlens.data.ForecastVolumes;
import org.probationlens.engine.CaseCsv;
import tech.tablesaw.api.Table;

/**
 * The benchmark's five queries run where an analyst runs them: inside the Jupyter kernel as {@code
 * ./lens notebook} installs it (its kernelspec's JVM flags, a fresh heap, nothing pre-touched),
 * the core engine beside DuckDB (JDBC) added to the same kernel. {@code scripts/kernel_engine_bench.py}
 * starts the kernel, adds the benchmark's classes and DuckDB with {@code %classpath add}, and calls
 * {@link #run(String, int)} from a cell; {@code ./lens bench} prints its table under the tuned
 * one. Needs no Spark: only {@link Suite.Core} and {@link Suite.Duck}.
 */
public final class InKernel {

  /** Timed runs of each query, after the answer check and two warm-up rounds. */
  public static final int TIMED = 9;

  private InKernel() {}

  /**
   * The same run outside the kernel, in whatever JVM runs this (for comparing JVM flags with the
   * kernel's, and for {@code scripts/bench_stability.py}'s tuned runs): {@code InKernel DIR}.
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: InKernel DIR (a folder of cases.csv, forecast.csv)");
    }
    System.out.print(run(args[0], 2));
  }

  /**
   * Loads the cases twice into each engine, checks DuckDB's answers against the core's, then times
   * each query {@link #TIMED} times (medians), and says all of it with the ratios.
   *
   * @param dir a benchmark folder holding {@code cases.csv} and {@code forecast.csv}
   * @param threads threads for each engine
   * @return the report, one line a figure
   * @throws Exception if a file cannot be read or the engines disagree
   */
  public static String run(String dir, int threads) throws Exception {
    Path cases = Path.of(dir).resolve("cases.csv");
    Table forecast = ForecastVolumes.load(Path.of(dir).resolve("forecast.csv")).table();
    StringBuilder out = new StringBuilder();
    double[] coreLoads = new double[2];
    double[] duckLoads = new double[2];
    Suite.Core core = null;
    Suite.Duck duck = null;
    int rows = 0;
    for (int round = 0; round < 2; round++) {
      if (core != null) {
        core.close();
        duck.close();
        core = null;
        duck = null;
        System.gc();
      }
      long t0 = System.nanoTime();
      org.probationlens.engine.ColumnTable table = CaseCsv.read(cases, threads);
      rows = table.rowCount();
      core = new Suite.Core(table, forecast, threads);
      coreLoads[round] = (System.nanoTime() - t0) / 1e6;
      t0 = System.nanoTime();
      duck = new Suite.Duck(cases, forecast, threads);
      duckLoads[round] = (System.nanoTime() - t0) / 1e6;
    }
    out.append(
        String.format(
            Locale.ROOT,
            "in the kernel, %,d rows: load core %.0f ms (first %.0f), DuckDB %.0f ms (first %.0f):"
                + " %.2f of DuckDB's time; the core's first load %.2fx a later one%n",
            rows,
            coreLoads[1],
            coreLoads[0],
            duckLoads[1],
            duckLoads[0],
            coreLoads[1] / duckLoads[1],
            coreLoads[0] / coreLoads[1]));
    double logSum = 0;
    try {
      for (int q = 1; q <= Suite.NAMES.length; q++) {
        Map<String, double[]> expected = core.run(q);
        String diff = Suite.difference(expected, duck.run(q));
        if (diff != null) {
          throw new IllegalStateException("query " + q + ": DuckDB disagrees with the core: " + diff);
        }
        double c = median(core, q);
        double d = median(duck, q);
        logSum += Math.log(d / c);
        out.append(
            String.format(
                Locale.ROOT,
                "in the kernel, query %d (%s): core %.1f ms, DuckDB %.1f ms: %.1fx%n",
                q,
                Suite.NAMES[q - 1],
                c,
                d,
                d / c));
      }
    } finally {
      core.close();
      duck.close();
    }
    out.append(
        String.format(
            Locale.ROOT,
            "in the kernel: geometric mean %.1fx DuckDB over the %d queries (medians of %d after 2"
                + " warm-up rounds)%n",
            Math.exp(logSum / Suite.NAMES.length),
            Suite.NAMES.length,
            TIMED));
    return out.toString();
  }

  private static double median(Suite.Contender c, int q) throws Exception {
    c.run(q);
    c.run(q);
    double[] t = new double[TIMED];
    for (int i = 0; i < TIMED; i++) {
      long t0 = System.nanoTime();
      c.run(q);
      t[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(t);
    return t[TIMED / 2];
  }
}
