package org.probationlens.engine;

import java.util.Arrays;

/**
 * Exact quantiles of a slice of an array in linear time: whole numbers in a range no wider than
 * twice their count (such as durations in days of thousands of cases) by counting each value;
 * otherwise by selection (Hoare's quickselect with a median-of-three pivot, falling back to sorting
 * after too many unlucky pivots).
 *
 * <p>Quantiles are by linear interpolation between the closest ranks: with n values sorted as x, h
 * = (n - 1) q and d = h - floor h, the q-quantile is (1 - d) x[floor h] + d x[ceil h]. This is R's
 * type 7, NumPy's default and DuckDB's {@code quantile_cont}, evaluated in the same floating-point
 * order as DuckDB 1.4 so that results match it to the last bit.
 */
final class Select {
  private Select() {}

  /**
   * Computes the quantiles {@code qs} of {@code a[from, to)} (not empty) into {@code out}; the
   * slice is reordered. Ranks are selected in ascending order, each in what is left to the right of
   * the previous one, so several quantiles cost little more than one.
   */
  static void quantiles(int[] a, int from, int to, double[] qs, double[] out) {
    int n = to - from;
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int i = from; i < to; i++) {
      min = Math.min(min, a[i]);
      max = Math.max(max, a[i]);
    }
    long range = (long) max - min + 1;
    if (range <= HISTOGRAM_SPREAD * n && range <= HISTOGRAM_LIMIT) {
      byHistogram(a, from, to, qs, out, min, (int) range);
      return;
    }
    int[] ranks = ranks(qs, n);
    int floor = from;
    for (int rank : ranks) {
      select(a, floor, to - 1, from + rank);
      floor = from + rank + 1;
    }
    for (int i = 0; i < qs.length; i++) {
      double h = (double) (n - 1) * qs[i];
      int lo = (int) Math.floor(h);
      int hi = (int) Math.ceil(h);
      out[i] = interpolate(a[from + lo], a[from + hi], h - lo);
    }
  }

  private static final int HISTOGRAM_LIMIT = 1 << 16;

  /**
   * Counting is used when the range of the values is at most this many times their count: it costs
   * one predictable step per value and per value of the range, where each selection pass costs a
   * mispredicted branch per value about every other value (planned lengths in days of a few hundred
   * cases span about four times their count).
   */
  private static final long HISTOGRAM_SPREAD = 8;

  private static final ThreadLocal<int[]> HISTOGRAM = ThreadLocal.withInitial(() -> new int[0]);

  /**
   * Quantiles of whole numbers in a narrow range (no wider than twice their count): count each
   * value, then walk the counts to the ranks needed. Linear, without moving the values.
   */
  private static void byHistogram(
      int[] a, int from, int to, double[] qs, double[] out, int min, int range) {
    int[] counts = HISTOGRAM.get();
    if (counts.length < range) {
      counts = new int[Math.max(range, counts.length * 2)];
      HISTOGRAM.set(counts);
    }
    for (int i = from; i < to; i++) {
      counts[a[i] - min]++;
    }
    int n = to - from;
    int[] ranks = ranks(qs, n);
    int[] valueOfRank = new int[ranks.length];
    int seen = 0;
    int r = 0;
    for (int v = 0; v < range && r < ranks.length; v++) {
      seen += counts[v];
      while (r < ranks.length && ranks[r] < seen) {
        valueOfRank[r++] = v + min;
      }
    }
    java.util.Arrays.fill(counts, 0, range, 0);
    for (int i = 0; i < qs.length; i++) {
      double h = (double) (n - 1) * qs[i];
      int lo = (int) Math.floor(h);
      int hi = (int) Math.ceil(h);
      out[i] =
          interpolate(
              valueOfRank[java.util.Arrays.binarySearch(ranks, lo)],
              valueOfRank[java.util.Arrays.binarySearch(ranks, hi)],
              h - lo);
    }
  }

  /** As {@link #quantiles(int[], int, int, double[], double[])} for decimals. */
  static void quantiles(double[] a, int from, int to, double[] qs, double[] out) {
    int n = to - from;
    int[] ranks = ranks(qs, n);
    int floor = from;
    for (int rank : ranks) {
      select(a, floor, to - 1, from + rank);
      floor = from + rank + 1;
    }
    for (int i = 0; i < qs.length; i++) {
      double h = (double) (n - 1) * qs[i];
      int lo = (int) Math.floor(h);
      int hi = (int) Math.ceil(h);
      out[i] = interpolate(a[from + lo], a[from + hi], h - lo);
    }
  }

  private static double interpolate(double low, double high, double d) {
    return d == 0 ? low : low * (1 - d) + high * d;
  }

  /** The distinct ranks needed (floor and ceiling of each h), ascending. */
  private static int[] ranks(double[] qs, int n) {
    int[] ranks = new int[qs.length * 2];
    for (int i = 0; i < qs.length; i++) {
      double h = (double) (n - 1) * qs[i];
      ranks[2 * i] = (int) Math.floor(h);
      ranks[2 * i + 1] = (int) Math.ceil(h);
    }
    Arrays.sort(ranks);
    int unique = 0;
    for (int i = 0; i < ranks.length; i++) {
      if (i == 0 || ranks[i] != ranks[i - 1]) {
        ranks[unique++] = ranks[i];
      }
    }
    return Arrays.copyOf(ranks, unique);
  }

  /**
   * Rearranges {@code a[lo, hi]} (inclusive) so that {@code a[k]} holds the value that would be
   * there if the range were sorted, nothing larger before it and nothing smaller after it.
   */
  static void select(int[] a, int lo, int hi, int k) {
    int budget = 2 * (32 - Integer.numberOfLeadingZeros(hi - lo + 1)) + 8;
    while (hi > lo) {
      if (hi - lo < 16) {
        insertionSort(a, lo, hi);
        return;
      }
      if (budget-- == 0) {
        Arrays.sort(a, lo, hi + 1);
        return;
      }
      int mid = (lo + hi) >>> 1;
      if (a[mid] < a[lo]) {
        swap(a, mid, lo);
      }
      if (a[hi] < a[lo]) {
        swap(a, hi, lo);
      }
      if (a[hi] < a[mid]) {
        swap(a, hi, mid);
      }
      int pivot = a[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          int t = a[i];
          a[i++] = a[j];
          a[j--] = t;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  /** As {@link #select(int[], int, int, int)} for decimals (no NaN). */
  static void select(double[] a, int lo, int hi, int k) {
    int budget = 2 * (32 - Integer.numberOfLeadingZeros(hi - lo + 1)) + 8;
    while (hi > lo) {
      if (hi - lo < 16) {
        insertionSort(a, lo, hi);
        return;
      }
      if (budget-- == 0) {
        Arrays.sort(a, lo, hi + 1);
        return;
      }
      int mid = (lo + hi) >>> 1;
      if (a[mid] < a[lo]) {
        swap(a, mid, lo);
      }
      if (a[hi] < a[lo]) {
        swap(a, hi, lo);
      }
      if (a[hi] < a[mid]) {
        swap(a, hi, mid);
      }
      double pivot = a[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double t = a[i];
          a[i++] = a[j];
          a[j--] = t;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  private static void insertionSort(int[] a, int lo, int hi) {
    for (int i = lo + 1; i <= hi; i++) {
      int v = a[i];
      int j = i - 1;
      while (j >= lo && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }

  private static void insertionSort(double[] a, int lo, int hi) {
    for (int i = lo + 1; i <= hi; i++) {
      double v = a[i];
      int j = i - 1;
      while (j >= lo && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
