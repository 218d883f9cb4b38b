package org.probationlens.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.probationlens.data.CaseRecords;
import org.probationlens.data.ForecastVolumes;
import org.probationlens.data.synthetic.CaseGenerator;
import org.probationlens.data.synthetic.GeneratorSettings;
import org.probationlens.data.synthetic.ProgressListener;
import org.probationlens.engine.CaseCsv;
import org.probationlens.parquet.CaseParquet;
import org.probationlens.read.ColumnSpec;
import org.probationlens.spark.LensSpark;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * One benchmark, four engines, one run: the core engine, DuckDB (JDBC), Spark local[2] and
 * idiomatic Tablesaw on the five queries of {@link Suite}, over the project's generated cases
 * (seed 2014) at each size given, all with 2 threads. Before anything is timed, each engine's
 * answer to each query is compared cell by cell with the core engine's (keys exactly, numbers to
 * 1e-9 relative) and the run stops if any differs. Then each query runs untimed to warm up and
 * timed several times; the median is reported (the core and DuckDB for at least 2 s and 1 s, so
 * that both are in their steady state; Spark and Tablesaw a few runs, see {@link #WARM_MS}).
 * Loading (not in the query times) is timed too: the core's validating {@code CaseCsv.read}
 * against DuckDB's {@code read_csv} into a table, after one untimed load of each; once for the file
 * as generated (case_id ascending, which the core's duplicate check can take as proof that the
 * identifiers differ) and once for the same lines in a random order, which it must hash.
 *
 * <p>From {@link #CORE_AND_DUCKDB_ONLY} rows (the 100-million-case run) only the core and DuckDB
 * run: Spark local[2] would take hours and Tablesaw's table does not fit the heap; the shuffled
 * load is left out too (shuffling means holding every line as a string). At every size the Parquet
 * load is timed as well (the core's {@code CaseParquet.read} against DuckDB's {@code read_parquet},
 * {@code DIR/rows-N/cases.parquet} written from the CSV when missing), and the memory each engine
 * holds the cases in is measured: the core's live heap after a collection, DuckDB's {@code
 * duckdb_memory()} and whether it spilled to disk ({@code duckdb_temporary_files()}). After the
 * last size, time against rows for both engines is printed, with each tenfold step's growth, and
 * drawn as a log-log chart ({@link ScalingChart}, {@code DIR/scaling.svg}).
 *
 * <p>Usage: {@code FourEngines DIR ROWS [ROWS...]}; data in {@code DIR/rows-N}, made when missing.
 */
public final class FourEngines {
  private FourEngines() {}

  /** From this many rows, only the core and DuckDB run, and no shuffled copy is made. */
  static final int CORE_AND_DUCKDB_ONLY = 50_000_000;

  /** Threads for every engine in the benchmark, and for {@link LoadLoop}. */
  static final int THREADS = 2;

  /**
   * The fewest warm-up and timed runs per engine, in the order core, DuckDB, Spark, Tablesaw; the
   * check run comes first and is untimed.
   */
  private static final int[][] RUNS = {{3, 7}, {2, 5}, {0, 2}, {0, 2}};

  /**
   * For the core and DuckDB, each query also warms up for at least this long, and is timed until at
   * least {@link #TIMED_MS} have passed (at most {@link #MAX_TIMED} runs), so that both are measured
   * in their steady state, as JMH measures: a JVM needs its JIT compiler to have compiled the hot
   * code (thousands of calls), which a few runs of a 3 ms query do not give it; DuckDB's native
   * code needs no such warm-up but gets the same. Spark and Tablesaw keep their few runs, each of
   * which takes seconds, so that one run of the benchmark stays within about half an hour.
   */
  private static final long WARM_MS = 2_000;

  private static final long TIMED_MS = 1_000;
  private static final int MAX_TIMED = 201;

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    Path base = Path.of(args[0]);
    int[] sizes = Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray();
    Map<Integer, double[][]> medians = new LinkedHashMap<>();
    Map<Integer, double[]> loads = new LinkedHashMap<>();
    Map<Integer, double[]> parquetLoads = new LinkedHashMap<>();
    Map<Integer, String> memory = new LinkedHashMap<>();
    SparkSession spark = LensSpark.session("local[" + THREADS + "]");
    spark.sparkContext().setLogLevel("WARN");
    try {
      for (int rows : sizes) {
        Path dir = base.resolve("rows-" + rows);
        if (!Files.isRegularFile(dir.resolve("cases.csv"))) {
          System.out.printf("bench: generating %,d synthetic cases in %s%n", rows, dir);
          CaseGenerator.standard()
              .generate(dir, new GeneratorSettings(2014, rows), ProgressListener.none());
        }
        boolean large = rows >= CORE_AND_DUCKDB_ONLY;
        StringBuilder held = new StringBuilder();
        double[] inOrder = loads(dir, large ? 2 : 4, held);
        double[] shuffled =
            large
                ? new double[] {Double.NaN, Double.NaN}
                : loads(shuffled(dir, base.resolve("shuffled-" + rows)), 4, null);
        loads.put(rows, new double[] {inOrder[0], inOrder[1], shuffled[0], shuffled[1]});
        parquetLoads.put(rows, parquetLoads(dir, large ? 2 : 3));
        memory.put(rows, held.toString());
        medians.put(rows, run(spark, dir, rows));
      }
    } finally {
      spark.stop();
    }
    report(medians, loads, parquetLoads, memory);
    String scaling = ScalingChart.table(medians, loads, parquetLoads);
    System.out.print(scaling);
    if (medians.size() >= 2) {
      Path svg = base.resolve("scaling.svg");
      Files.writeString(svg, ScalingChart.svg(medians, loads), StandardCharsets.UTF_8);
      System.out.printf("%nthe log-log chart of time against rows: %s%n", svg);
    }
  }

  /**
   * Parquet load times in ms, as {@link #loads} (the first of {@code runs} untimed, the median of
   * the rest): {core CaseParquet.read, DuckDB read_parquet into a table}. The file is written from
   * the CSV by {@code CaseParquet.write} when missing.
   */
  private static double[] parquetLoads(Path dir, int runs) throws Exception {
    Path parquet = dir.resolve("cases.parquet");
    if (!Files.isRegularFile(parquet)) {
      System.out.printf("bench: writing %s from %s%n", parquet, dir.resolve("cases.csv"));
      Path part = dir.resolve("cases.parquet.part");
      CaseParquet.write(CaseCsv.read(dir.resolve("cases.csv"), THREADS), part);
      Files.move(part, parquet, StandardCopyOption.REPLACE_EXISTING);
      System.gc();
    }
    double[] core = new double[runs];
    double[] duck = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      CaseParquet.read(parquet);
      core[i] = (System.nanoTime() - t0) / 1e6;
      System.gc();
      try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
          Statement st = db.createStatement()) {
        Suite.settings(st, THREADS);
        long t1 = System.nanoTime();
        st.execute(
            "CREATE TABLE cases AS SELECT * FROM read_parquet('" + parquet.toAbsolutePath() + "')");
        duck[i] = (System.nanoTime() - t1) / 1e6;
      }
    }
    return new double[] {median(Arrays.copyOfRange(core, 1, runs)), median(Arrays.copyOfRange(duck, 1, runs))};
  }

  private static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /**
   * What DuckDB holds the cases in, on the connection that has just loaded them: its own count of
   * its memory ({@code duckdb_memory()}), its memory limit, and the bytes it wrote to temporary
   * files, if any.
   */
  private static String duckDbMemory(Statement st, int rows) throws SQLException {
    long used;
    long temporary;
    try (java.sql.ResultSet rs =
        st.executeQuery(
            "SELECT sum(memory_usage_bytes), sum(temporary_storage_bytes) FROM duckdb_memory()")) {
      rs.next();
      used = rs.getLong(1);
      temporary = rs.getLong(2);
    }
    long files;
    try (java.sql.ResultSet rs =
        st.executeQuery("SELECT count(*), coalesce(sum(size), 0) FROM duckdb_temporary_files()")) {
      rs.next();
      files = rs.getLong(1);
      temporary = Math.max(temporary, rs.getLong(2));
    }
    String limit;
    try (java.sql.ResultSet rs = st.executeQuery("SELECT current_setting('memory_limit')")) {
      rs.next();
      limit = rs.getString(1);
    }
    return String.format(
        Locale.ROOT,
        "DuckDB: %.1f bytes a case (%,.0f MiB by duckdb_memory(), memory_limit %s), %s%n",
        used / (double) rows,
        used / 1048576.0,
        limit,
        temporary == 0 && files == 0
            ? "nothing spilled to temporary files"
            : String.format(
                Locale.ROOT,
                "spilled %,.0f MiB to %d temporary file(s)",
                temporary / 1048576.0,
                files));
  }

  private static long liveHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  /** Medians [engine][query] in ms, after checking every engine against the core. */
  private static double[][] run(SparkSession spark, Path dir, int rows) throws Exception {
    Path cases = dir.resolve("cases.csv");
    Table forecast = ForecastVolumes.load(dir.resolve("forecast.csv")).table();
    double[][] ms = new double[4][Suite.NAMES.length];
    List<Map<String, double[]>> reference = new ArrayList<>();
    String only = System.getProperty("lens.bench.only");
    for (int e = 0; e < 4; e++) {
      if (only != null && e > 0 && e != Integer.parseInt(only)
          || rows >= CORE_AND_DUCKDB_ONLY && e >= 2) {
        ms[e] = null;
        continue;
      }
      // big runs: fewer timed runs of the slow engines (Spark, Tablesaw), so that one run of the
      // whole benchmark stays within about half an hour on 2 cores
      // (the check run before them is their warm-up)
      int timed = rows >= 5_000_000 && e >= 2 ? 1 : RUNS[e][1];
      try (Suite.Contender c = contender(e, spark, cases, forecast)) {
        for (int q = 1; q <= Suite.NAMES.length; q++) {
          Map<String, double[]> answer = c.run(q);
          if (e == 0) {
            reference.add(answer);
          } else {
            String diff = Suite.difference(reference.get(q - 1), answer);
            if (diff != null) {
              throw new IllegalStateException(
                  String.format(
                      "%,d rows, query %d (%s): %s disagrees with the core engine: %s",
                      rows, q, Suite.NAMES[q - 1], c.name(), diff));
            }
          }
          boolean steady = e < 2;
          long warmUntil = System.nanoTime() + (steady ? WARM_MS : 0) * 1_000_000;
          int warm = 0;
          while (warm < RUNS[e][0] || System.nanoTime() < warmUntil) {
            c.run(q);
            warm++;
          }
          double[] t = new double[steady ? MAX_TIMED : timed];
          int n = 0;
          long timedUntil = System.nanoTime() + (steady ? TIMED_MS : 0) * 1_000_000;
          while (n < t.length && (n < timed || System.nanoTime() < timedUntil)) {
            long t0 = System.nanoTime();
            c.run(q);
            t[n++] = (System.nanoTime() - t0) / 1e6;
          }
          t = Arrays.copyOf(t, n);
          Arrays.sort(t);
          ms[e][q - 1] = t[t.length / 2];
          System.out.printf(
              Locale.ROOT,
              "bench: %,d rows, %s, query %d: %.1f ms (median of %d after %d warm-up runs;"
                  + " fastest %.1f, slowest %.1f; %s groups agree)%n",
              rows,
              c.name(),
              q,
              ms[e][q - 1],
              t.length,
              warm,
              t[0],
              t[t.length - 1],
              reference.get(q - 1).size());
        }
      }
      System.gc();
    }
    return ms;
  }

  private static Suite.Contender contender(int e, SparkSession spark, Path cases, Table forecast)
      throws Exception {
    return switch (e) {
      case 0 -> new Suite.Core(CaseCsv.read(cases, THREADS), forecast, THREADS);
      case 1 -> new Suite.Duck(cases, forecast, THREADS);
      case 2 -> new Suite.OnSpark(spark, cases, forecast);
      default -> new Suite.Saw(tablesaw(cases), forecast);
    };
  }

  /** Idiomatic Tablesaw load: explicit column types (those of CaseRecords.schema()) and ISO dates. */
  static Table tablesaw(Path cases) throws IOException {
    return Table.read()
        .csv(
            CsvReadOptions.builder(cases.toFile())
                .dateFormat(DateTimeFormatter.ISO_LOCAL_DATE)
                .columnTypes(
                    CaseRecords.schema().columns().stream()
                        .map(ColumnSpec::type)
                        .toArray(ColumnType[]::new))
                .build());
  }

  /**
   * {@code into/cases.csv}, made when missing: the lines of {@code dir/cases.csv} after its header in
   * a random order (seed 2014), so that the case identifiers are not ascending.
   */
  private static Path shuffled(Path dir, Path into) throws Exception {
    Path file = into.resolve("cases.csv");
    if (!Files.isRegularFile(file)) {
      System.out.printf("bench: writing %s, the lines of %s shuffled%n", file, dir.resolve("cases.csv"));
      List<String> lines = Files.readAllLines(dir.resolve("cases.csv"), StandardCharsets.UTF_8);
      List<String> body = lines.subList(1, lines.size());
      Collections.shuffle(body, new Random(2014));
      Files.createDirectories(into);
      Path part = into.resolve("cases.csv.part");
      try (BufferedWriter out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
        for (String line : lines) {
          out.write(line);
          out.write('\n');
        }
      }
      Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return into;
  }

  /**
   * Load times in ms, medians of {@code runs - 1} after one untimed load of each (the file then in
   * the page cache for both, the core's reader compiled): {core CaseCsv.read (validated), DuckDB
   * read_csv}. With {@code memory} not null, the last load of each engine also says there what it
   * holds the cases in: the core's live heap after a full collection with the cases loaded, less
   * before (taken outside the timed part), and DuckDB's {@link #duckDbMemory}.
   */
  private static double[] loads(Path dir, int runs, StringBuilder memory) throws Exception {
    Path cases = dir.resolve("cases.csv");
    double[] core = new double[runs];
    double[] duck = new double[runs];
    for (int i = 0; i < runs; i++) {
      boolean measure = memory != null && i == runs - 1;
      long before = measure ? liveHeap() : 0;
      long t0 = System.nanoTime();
      org.probationlens.engine.ColumnTable table = CaseCsv.read(cases, THREADS);
      core[i] = (System.nanoTime() - t0) / 1e6;
      if (measure) {
        long held = liveHeap() - before;
        memory.append(
            String.format(
                Locale.ROOT,
                "core: %.1f bytes a case (%,.0f MiB of live heap); ",
                held / (double) table.rowCount(),
                held / 1048576.0));
      }
      int rows = table.rowCount();
      table = null;
      try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
          Statement st = db.createStatement()) {
        Suite.settings(st, THREADS);
        long t1 = System.nanoTime();
        Suite.loadCases(st, cases);
        duck[i] = (System.nanoTime() - t1) / 1e6;
        if (measure) {
          memory.append(duckDbMemory(st, rows));
        }
      }
      System.gc();
    }
    return new double[] {
      median(Arrays.copyOfRange(core, 1, runs)), median(Arrays.copyOfRange(duck, 1, runs))
    };
  }



  private static final String[] ENGINES = {
    "core engine", "DuckDB 2.0.0.1 (JDBC)", "Spark 4.0.1 local[2]", "Tablesaw 0.44.4"
  };

  private static void report(
      Map<Integer, double[][]> medians,
      Map<Integer, double[]> loads,
      Map<Integer, double[]> parquetLoads,
      Map<Integer, String> memory) {
    StringBuilder out = new StringBuilder();
    for (var entry : medians.entrySet()) {
      int rows = entry.getKey();
      double[][] ms = entry.getValue();
      out.append(String.format(Locale.ROOT, "%n%,d generated cases, 2 threads each; median ms (x = engine's time / core's)%n%n", rows));
      out.append("| query | core engine | DuckDB (JDBC) | Spark local[2] | Tablesaw |\n");
      out.append("|---|---|---|---|---|\n");
      for (int q = 0; q < Suite.NAMES.length; q++) {
        out.append("| ").append(q + 1).append(". ").append(Suite.NAMES[q]);
        out.append(String.format(Locale.ROOT, " | %,.1f", ms[0][q]));
        for (int e = 1; e < 4; e++) {
          out.append(
              ms[e] == null
                  ? " | not run"
                  : String.format(Locale.ROOT, " | %,.1f (%.1fx)", ms[e][q], ms[e][q] / ms[0][q]));
        }
        out.append(" |\n");
      }
      out.append("| geometric mean");
      double core = geomean(ms[0]);
      out.append(String.format(Locale.ROOT, " | %,.1f", core));
      for (int e = 1; e < 4; e++) {
        if (ms[e] == null) {
          out.append(" | not run");
          continue;
        }
        double g = geomean(ms[e]);
        out.append(String.format(Locale.ROOT, " | %,.1f (%.1fx)", g, g / core));
      }
      out.append(" |\n");
      double[] l = loads.get(rows);
      out.append(
          String.format(
              Locale.ROOT,
              "%nload of cases.csv: core CaseCsv.read (validated) %,.0f ms, DuckDB read_csv into a table %,.0f ms: %.2f of DuckDB's time%n",
              l[0],
              l[1],
              l[0] / l[1]));
      out.append(
          Double.isNaN(l[2])
              ? "(Spark, Tablesaw and the shuffled load are not run from "
                  + String.format(Locale.ROOT, "%,d", CORE_AND_DUCKDB_ONLY)
                  + " rows: Spark local[2] would take hours, Tablesaw's table does not fit the heap)\n"
              : String.format(
                  Locale.ROOT,
                  "the same lines shuffled (case_id not ascending): core %,.0f ms, DuckDB %,.0f ms: %.2f of DuckDB's time%n",
                  l[2],
                  l[3],
                  l[2] / l[3]));
      double[] p = parquetLoads.get(rows);
      out.append(
          String.format(
              Locale.ROOT,
              "load of cases.parquet: core CaseParquet.read (validated as the CSV) %,.0f ms, DuckDB read_parquet into a table %,.0f ms: %.2f of DuckDB's time%n",
              p[0],
              p[1],
              p[0] / p[1]));
      out.append("memory with the cases loaded: ").append(memory.get(rows));
    }
    Map<Integer, double[][]> withSpark = new LinkedHashMap<>();
    medians.forEach((rows, ms) -> {
      if (ms[2] != null) {
        withSpark.put(rows, ms);
      }
    });
    if (withSpark.size() >= 2) {
      out.append(crossover(withSpark));
    }
    System.out.print(out);
  }

  /**
   * Where Spark would overtake one machine, per query: from the two sizes, fit time = fixed +
   * per-row x rows for Spark and for the core; assume Spark's per-row part spreads perfectly over
   * W machines like this one (optimistic for Spark) and the core stays on one; solve for rows.
   */
  private static String crossover(Map<Integer, double[][]> medians) {
    Integer[] sizes = medians.keySet().toArray(new Integer[0]);
    int n1 = sizes[0];
    int n2 = sizes[sizes.length - 1];
    double[][] a = medians.get(n1);
    double[][] b = medians.get(n2);
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%nSpark crossover (estimated from %,d and %,d rows: time = fixed + per-row x rows for each;"
                + " Spark's per-row part divided by W machines of 2 cores, the core on one):%n%n",
            n1,
            n2));
    out.append("| query | core per 1M rows | Spark per 1M rows (2 cores) | Spark fixed | W = 10 | W = 100 |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (int q = 0; q < Suite.NAMES.length; q++) {
      double coreSlope = (b[0][q] - a[0][q]) / (n2 - n1);
      double coreFixed = a[0][q] - coreSlope * n1;
      double sparkSlope = (b[2][q] - a[2][q]) / (n2 - n1);
      double sparkFixed = a[2][q] - sparkSlope * n1;
      out.append(
          String.format(
              Locale.ROOT,
              "| %d | %.1f ms | %.1f ms | %.0f ms | %s | %s |%n",
              q + 1,
              coreSlope * 1e6,
              sparkSlope * 1e6,
              sparkFixed,
              rowsWhere(coreFixed, coreSlope, sparkFixed, sparkSlope / 10),
              rowsWhere(coreFixed, coreSlope, sparkFixed, sparkSlope / 100)));
    }
    out.append(
        "\n(one machine also stops where the cases no longer fit its memory: the core holds them in"
            + " about 36 bytes a case (see the memory lines above), so 64 GB of heap holds over a"
            + " billion, though the fast reader takes at most 2 GB of case ids, about 200 million of"
            + " ten bytes)\n");
    return out.toString();
  }

  private static String rowsWhere(double c0, double c1, double s0, double s1) {
    if (c1 <= s1) {
      return "never (the core's per-row cost is lower)";
    }
    double n = (s0 - c0) / (c1 - s1);
    return n <= 0 ? "at once" : String.format(Locale.ROOT, "%,.0f million rows", n / 1e6);
  }

  private static double geomean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += Math.log(v);
    }
    return Math.exp(s / x.length);
  }
}
