package org.probationlens.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.probationlens.engine.CaseFixtures;

/**
 * Writes the benchmark's synthetic files when they are missing: {@code DIR/rows-N/cases.csv} and
 * {@code forecast.csv}, from the tests' seeded fixture writer (made-up data in the contract's
 * format, not calibrated to published figures).
 *
 * <p>Usage: {@code BenchData DIR N [N...]}
 */
public final class BenchData {
  private BenchData() {}

  /** Entry point. */
  public static void main(String[] args) throws IOException {
    Path base = Path.of(args[0]);
    for (int i = 1; i < args.length; i++) {
      int rows = Integer.parseInt(args[i]);
      Path dir = base.resolve("rows-" + rows);
      Files.createDirectories(dir);
      if (!Files.isRegularFile(dir.resolve("forecast.csv"))) {
        CaseFixtures.writeForecast(dir.resolve("forecast.csv"), 2014L);
      }
      if (!Files.isRegularFile(dir.resolve("cases.csv"))) {
        long t0 = System.nanoTime();
        Path tmp = dir.resolve("cases.csv.tmp");
        CaseFixtures.writeCases(tmp, rows, 2014L);
        Files.move(tmp, dir.resolve("cases.csv"));
        System.out.printf(
            "bench: wrote %,d synthetic cases to %s in %.1f s%n",
            rows, dir.resolve("cases.csv"), (System.nanoTime() - t0) / 1e9);
      } else {
        System.out.printf("bench: using %s%n", dir.resolve("cases.csv"));
      }
    }
  }
}
