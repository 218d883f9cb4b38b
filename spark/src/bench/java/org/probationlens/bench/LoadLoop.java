package org.probationlens.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import org.probationlens.engine.CaseCsv;

/**
 * Loads one case file again and again in the JVM it is started in, to show what the JVM's flags do
 * to loading (the four-engine benchmark times it in a fixed, pre-touched heap only). Each load is
 * followed by {@code System.gc()}, as in the benchmark. Arguments: the {@code cases.csv}, the
 * number of loads, and {@code core} (the validating {@link CaseCsv#read(Path, int)}, 2 threads) or
 * {@code duckdb} ({@code read_csv} into a table on one in-memory connection, 2 threads, the table
 * dropped before each load). Prints each load's time and nothing else; run it with {@code
 * /usr/bin/time} to see the system time and page faults.
 */
public final class LoadLoop {
  private LoadLoop() {}

  /** Entry point: {@code LoadLoop CASES.csv LOADS core|duckdb}. */
  public static void main(String[] args) throws Exception {
    if (args.length != 3 || !(args[2].equals("core") || args[2].equals("duckdb"))) {
      throw new IllegalArgumentException(
          "usage: LoadLoop CASES.csv LOADS core|duckdb (got " + String.join(" ", args) + ")");
    }
    Path cases = Path.of(args[0]).toAbsolutePath();
    int loads = Integer.parseInt(args[1]);
    if (args[2].equals("core")) {
      for (int i = 0; i < loads; i++) {
        long t0 = System.nanoTime();
        int rows = CaseCsv.read(cases, FourEngines.THREADS).rowCount();
        report("core CaseCsv.read", i, rows, t0);
        System.gc();
      }
      return;
    }
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement()) {
      Suite.settings(st, FourEngines.THREADS);
      for (int i = 0; i < loads; i++) {
        st.execute("DROP TABLE IF EXISTS cases");
        long t0 = System.nanoTime();
        Suite.loadCases(st, cases);
        report("DuckDB read_csv", i, -1, t0);
        System.gc();
      }
    }
  }

  private static void report(String what, int i, int rows, long t0) {
    System.out.printf(
        Locale.ROOT,
        "%s, load %d: %.0f ms%s%n",
        what,
        i + 1,
        (System.nanoTime() - t0) / 1e6,
        rows < 0 ? "" : String.format(Locale.ROOT, " (%,d rows)", rows));
  }
}
