package org.probationlens.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.probationlens.data.synthetic.CaseGenerator;
import org.probationlens.data.synthetic.GeneratorSettings;
import org.probationlens.data.synthetic.ProgressListener;
import org.probationlens.engine.FastPath;

/**
 * Writes the benchmark's synthetic files when they are missing, with the project's calibrated
 * generator (the same as {@code ./lens data --rows N --seed 2014 --out DIR/rows-N}): made-up cases,
 * never real ones. Then checks that the fast reader takes them itself, so the load benchmark times
 * the fast path rather than the validating loader it hands other files to.
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
      if (!Files.isRegularFile(dir.resolve("cases.csv"))
          || !Files.isRegularFile(dir.resolve("forecast.csv"))) {
        long t0 = System.nanoTime();
        CaseGenerator.standard()
            .generate(dir, new GeneratorSettings(2014, rows), ProgressListener.none());
        System.out.printf(
            "bench: generated %,d synthetic cases (%s) in %s in %.1f s%n",
            rows,
            CaseGenerator.command(new GeneratorSettings(2014, rows)),
            dir,
            (System.nanoTime() - t0) / 1e9);
      } else {
        System.out.printf("bench: using %s%n", dir.resolve("cases.csv"));
      }
      String refusal = FastPath.refusal(dir.resolve("cases.csv"));
      if (refusal != null) {
        throw new IllegalStateException(
            "the fast reader does not take " + dir.resolve("cases.csv") + ": " + refusal);
      }
    }
  }
}
