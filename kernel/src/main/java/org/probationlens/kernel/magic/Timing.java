package org.probationlens.kernel.magic;

import java.util.Locale;

/**
 * The timing behind the {@code %timeit} magic: runs a piece of a cell many times and says how long
 * one run takes, as IPython's {@code %timeit} does (mean and standard deviation over several
 * repeats of many loops). Public only because the cell's own code calls it; not for analyses.
 */
public final class Timing {
  /** A repeat is made at least this long (in nanoseconds) when the loop count is chosen. */
  static final long TARGET_REPEAT_NANOS = 200_000_000L;

  /** The most loops a repeat is given when the count is chosen. */
  static final long MAX_LOOPS = 10_000_000L;

  private Timing() {}

  /**
   * Times {@code body}.
   *
   * @param body the code to time
   * @param loops runs per repeat; 0 or less to choose: the first power of ten whose repeat takes at
   *     least 0.2 s (at most ten million)
   * @param repeats how many repeats (at least 1)
   * @return one line, for example {@code 12.3 µs ± 0.41 µs per loop (mean ± std. dev. of 7 runs,
   *     10,000 loops each)}
   */
  public static String timeit(Runnable body, long loops, int repeats) {
    if (repeats < 1) {
      throw new IllegalArgumentException("%timeit -r " + repeats + ": expected at least 1 repeat");
    }
    long n = loops;
    if (n <= 0) {
      n = 1;
      while (n < MAX_LOOPS && time(body, n) < TARGET_REPEAT_NANOS) {
        n *= 10;
      }
    }
    double[] perLoop = new double[repeats];
    for (int r = 0; r < repeats; r++) {
      perLoop[r] = time(body, n) / (double) n;
    }
    return summary(perLoop, n);
  }

  private static long time(Runnable body, long loops) {
    long start = System.nanoTime();
    for (long i = 0; i < loops; i++) {
      body.run();
    }
    return System.nanoTime() - start;
  }

  /** The line for per-loop times in nanoseconds of {@code loops} loops each. */
  public static String summary(double[] perLoopNanos, long loops) {
    double mean = 0;
    for (double t : perLoopNanos) {
      mean += t;
    }
    mean /= perLoopNanos.length;
    double squares = 0;
    for (double t : perLoopNanos) {
      squares += (t - mean) * (t - mean);
    }
    // population standard deviation, as IPython's TimeitResult reports it
    double sd = Math.sqrt(squares / perLoopNanos.length);
    int runs = perLoopNanos.length;
    return duration(mean)
        + " ± "
        + duration(sd)
        + " per loop (mean ± std. dev. of "
        + runs
        + (runs == 1 ? " run, " : " runs, ")
        + String.format(Locale.ROOT, "%,d", loops)
        + (loops == 1 ? " loop each)" : " loops each)");
  }

  /** A duration in nanoseconds with three significant figures and a unit: ns, µs, ms or s. */
  public static String duration(double nanos) {
    String[] units = {"ns", "µs", "ms", "s"};
    double value = nanos;
    int unit = 0;
    while (unit < units.length - 1 && Math.abs(value) >= 1000) {
      value /= 1000;
      unit++;
    }
    String number =
        Math.abs(value) >= 100
            ? String.format(Locale.ROOT, "%.0f", value)
            : Math.abs(value) >= 10
                ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    return number + " " + units[unit];
  }
}
