package org.probationlens.engine;

import java.util.Arrays;

/** Order statistics and quantiles of a slice of an array, in linear expected time. */
final class Select {
  private Select() {}

  /**
   * Rearranges {@code a[from, to)} so that {@code a[from + k]} holds the value of rank k (0-based)
   * with nothing larger before it and nothing smaller after it, and returns that value.
   */
  static double kth(double[] a, int from, int to, int k) {
    int lo = from;
    int hi = to - 1;
    int target = from + k;
    int budget = 2 * (32 - Integer.numberOfLeadingZeros(to - from)) + 8;
    while (hi > lo) {
      if (budget-- == 0) {
        // Unlucky pivots: fall back to sorting what is left (introselect).
        Arrays.sort(a, lo, hi + 1);
        return a[target];
      }
      double pivot = medianOfThree(a[lo], a[lo + ((hi - lo) >>> 1)], a[hi]);
      // Three-way partition: [lo, lt) < pivot, [lt, gt] == pivot, (gt, hi] > pivot.
      int lt = lo;
      int gt = hi;
      int i = lo;
      while (i <= gt) {
        double v = a[i];
        if (v < pivot) {
          a[i++] = a[lt];
          a[lt++] = v;
        } else if (v > pivot) {
          a[i] = a[gt];
          a[gt--] = v;
        } else {
          i++;
        }
      }
      if (target < lt) {
        hi = lt - 1;
      } else if (target > gt) {
        lo = gt + 1;
      } else {
        return pivot;
      }
    }
    return a[target];
  }

  private static double medianOfThree(double x, double y, double z) {
    return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
  }

  /**
   * Returns the q-quantile of {@code a[from, to)} (not empty) by linear interpolation between the
   * closest ranks: h = (n - 1) q, the result is x[floor h] + (h - floor h) (x[ceil h] - x[floor h])
   * over the sorted values x. This is R's type 7, NumPy's default and DuckDB's {@code
   * quantile_cont}. The slice is reordered.
   */
  static double quantile(double[] a, int from, int to, double q, boolean sorted) {
    int n = to - from;
    double h = (double) (n - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = (int) Math.ceil(h);
    double low = sorted ? a[from + lo] : kth(a, from, to, lo);
    if (lo == hi) {
      return low;
    }
    double high;
    if (sorted) {
      high = a[from + hi];
    } else {
      // After kth, everything after position lo is >= low; the next rank is their minimum.
      high = Double.POSITIVE_INFINITY;
      for (int i = from + lo + 1; i < to; i++) {
        high = Math.min(high, a[i]);
      }
    }
    double d = h - lo;
    return low * (1 - d) + high * d;
  }
}
