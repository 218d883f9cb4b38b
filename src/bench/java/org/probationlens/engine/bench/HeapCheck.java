package org.probationlens.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import org.probationlens.engine.ColumnTable;
import tech.tablesaw.api.Table;

/**
 * Peak heap for N rows: reads the cases with the fast reader and runs the engine pipeline, then
 * prints the live heap with the data loaded and the peak heap (the sum of each heap pool's own
 * peak, an upper bound on the true peak). Run it under {@code -Xmx1536m}: finishing at all shows
 * the work fits in 1.5 GiB.
 *
 * <p>Usage: {@code HeapCheck N} with {@code -Dlens.bench.dir=DIR}.
 */
public final class HeapCheck {
  private HeapCheck() {}

  /** Entry point. */
  public static void main(String[] args) {
    int rows = Integer.parseInt(args[0]);
    Path dir = BenchInputs.dir(rows);
    long t0 = System.nanoTime();
    ColumnTable cases = BenchInputs.engineCases(dir, 2);
    long t1 = System.nanoTime();
    Table forecast = BenchInputs.forecast(dir);
    Table result = Pipelines.engine(cases, forecast, 2);
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    long live = runtime.totalMemory() - runtime.freeMemory();
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        "heap %,d rows: read in %.2f s; %d groups; live heap with the cases loaded %.0f MiB;"
            + " peak heap <= %.0f MiB (max heap %.0f MiB)%n",
        cases.rowCount(),
        (t1 - t0) / 1e9,
        result.rowCount(),
        live / 1048576.0,
        peak / 1048576.0,
        runtime.maxMemory() / 1048576.0);
  }
}
