package org.probationlens.engine;

/**
 * The aggregation's inner loops, one small method per array type and access shape (rows in a run,
 * or rows listed in a selection vector). Hand-written rather than generic so that each loop is
 * compiled for its own types alone: one loop shared by every query shape is compiled for the mix of
 * shapes it met first, and a query that runs after others of another shape then runs slower than it
 * does alone.
 */
final class Kernels {
  private Kernels() {}

  /** Sets or adds {@code codes[first + k] * stride} to {@code ids[k]}, k in [0, n). */
  static void keys(int[] codes, int stride, int first, int n, int[] ids, boolean add) {
    if (add) {
      for (int k = 0; k < n; k++) {
        ids[k] += codes[first + k] * stride;
      }
    } else {
      for (int k = 0; k < n; k++) {
        ids[k] = codes[first + k] * stride;
      }
    }
  }

  /** Sets or adds {@code codes[sel[k]] * stride} to {@code ids[k]}, k in [0, n). */
  static void keys(int[] codes, int stride, int[] sel, int n, int[] ids, boolean add) {
    if (add) {
      for (int k = 0; k < n; k++) {
        ids[k] += codes[sel[k]] * stride;
      }
    } else {
      for (int k = 0; k < n; k++) {
        ids[k] = codes[sel[k]] * stride;
      }
    }
  }

  /** As {@link #keys(int[], int, int, int, int[], boolean)} for byte codes. */
  static void keys(byte[] codes, int stride, int first, int n, int[] ids, boolean add) {
    if (add) {
      for (int k = 0; k < n; k++) {
        ids[k] += codes[first + k] * stride;
      }
    } else {
      for (int k = 0; k < n; k++) {
        ids[k] = codes[first + k] * stride;
      }
    }
  }

  /** As {@link #keys(int[], int, int[], int, int[], boolean)} for byte codes. */
  static void keys(byte[] codes, int stride, int[] sel, int n, int[] ids, boolean add) {
    if (add) {
      for (int k = 0; k < n; k++) {
        ids[k] += codes[sel[k]] * stride;
      }
    } else {
      for (int k = 0; k < n; k++) {
        ids[k] = codes[sel[k]] * stride;
      }
    }
  }

  /** Keys read from a date through a day-to-code map (a quarter), rows in a run. */
  static void keys(
      int[] days, int[] codeOfDay, int base, int stride, int first, int n, int[] ids, boolean add) {
    if (add) {
      for (int k = 0; k < n; k++) {
        ids[k] += codeOfDay[days[first + k] - base] * stride;
      }
    } else {
      for (int k = 0; k < n; k++) {
        ids[k] = codeOfDay[days[first + k] - base] * stride;
      }
    }
  }

  /** Keys read from a date through a day-to-code map (a quarter), selected rows. */
  static void keys(
      int[] days, int[] codeOfDay, int base, int stride, int[] sel, int n, int[] ids, boolean add) {
    if (add) {
      for (int k = 0; k < n; k++) {
        ids[k] += codeOfDay[days[sel[k]] - base] * stride;
      }
    } else {
      for (int k = 0; k < n; k++) {
        ids[k] = codeOfDay[days[sel[k]] - base] * stride;
      }
    }
  }

  /** Lists the rows of [from, to) whose id is not negative in {@code sel}, without a branch. */
  static int kept(int[] gid, int from, int to, int[] sel) {
    int n = 0;
    for (int i = from; i < to; i++) {
      sel[n] = i;
      n += (gid[i] >>> 31) ^ 1;
    }
    return n;
  }

  /** {@code ids[k] = gid[first + k]} (no selection) or {@code gid[sel[k]]}, k in [0, n). */
  static void gather(int[] gid, int[] sel, int first, int n, int[] ids) {
    if (sel == null) {
      System.arraycopy(gid, first, ids, 0, n);
    } else {
      for (int k = 0; k < n; k++) {
        ids[k] = gid[sel[k]];
      }
    }
  }

  /** Counts each of {@code ids[0..n)}. */
  static void count(int[] ids, int n, int[] counts) {
    for (int k = 0; k < n; k++) {
      counts[ids[k]]++;
    }
  }

  /** Adds {@code v[first + k]} to {@code acc[ids[k]]}, k in [0, n), in order. */
  static void sum(double[] v, int first, int[] ids, int n, double[] acc) {
    for (int k = 0; k < n; k++) {
      acc[ids[k]] += v[first + k];
    }
  }

  /** Adds {@code v[sel[k]]} to {@code acc[ids[k]]}, k in [0, n), in order. */
  static void sum(double[] v, int[] sel, int[] ids, int n, double[] acc) {
    for (int k = 0; k < n; k++) {
      acc[ids[k]] += v[sel[k]];
    }
  }

  /** As {@link #sum(double[], int, int[], int, double[])} for whole numbers. */
  static void sum(int[] v, int first, int[] ids, int n, double[] acc) {
    for (int k = 0; k < n; k++) {
      acc[ids[k]] += v[first + k];
    }
  }

  /** As {@link #sum(double[], int[], int[], int, double[])} for whole numbers. */
  static void sum(int[] v, int[] sel, int[] ids, int n, double[] acc) {
    for (int k = 0; k < n; k++) {
      acc[ids[k]] += v[sel[k]];
    }
  }

  /** Adds the days {@code end - start} of rows {@code first + k}, k in [0, n), in order. */
  static void sum(int[] end, int[] start, int first, int[] ids, int n, double[] acc) {
    for (int k = 0; k < n; k++) {
      int i = first + k;
      acc[ids[k]] += end[i] - start[i];
    }
  }

  /** Adds the days {@code end - start} of rows {@code sel[k]}, k in [0, n), in order. */
  static void sum(int[] end, int[] start, int[] sel, int[] ids, int n, double[] acc) {
    for (int k = 0; k < n; k++) {
      int i = sel[k];
      acc[ids[k]] += end[i] - start[i];
    }
  }

  /**
   * Lists rows {@code first + k} (no selection) or {@code sel[k]}, k in [0, n), at {@code
   * out[at..]}.
   */
  static void rows(int[] sel, int first, int n, int[] out, int at) {
    if (sel == null) {
      for (int k = 0; k < n; k++) {
        out[at + k] = first + k;
      }
    } else {
      System.arraycopy(sel, 0, out, at, n);
    }
  }

  /**
   * Gathers the values of kept rows by group: entry j in [from, from + n) is row {@code rows[j]}
   * (or j itself when {@code rows} is null) of group {@code ids[j]}, written at {@code
   * out[at[group]++]}. Negative zero is written as zero, as the sorted definition of a quantile
   * compares it equal.
   */
  static void gather(double[] v, int[] ids, int[] rows, int from, int n, int[] at, double[] out) {
    if (rows == null) {
      for (int j = from; j < from + n; j++) {
        out[at[ids[j]]++] = v[j] == 0 ? 0.0 : v[j];
      }
    } else {
      for (int j = from; j < from + n; j++) {
        double x = v[rows[j]];
        out[at[ids[j]]++] = x == 0 ? 0.0 : x;
      }
    }
  }

  /** As {@link #gather(double[], int[], int[], int, int, int[], double[])} for whole numbers. */
  static void gather(int[] v, int[] ids, int[] rows, int from, int n, int[] at, int[] out) {
    if (rows == null) {
      for (int j = from; j < from + n; j++) {
        out[at[ids[j]]++] = v[j];
      }
    } else {
      for (int j = from; j < from + n; j++) {
        out[at[ids[j]]++] = v[rows[j]];
      }
    }
  }

  /** As {@link #gather(int[], int[], int[], int, int, int[], int[])} for days end - start. */
  static void gather(
      int[] end, int[] start, int[] ids, int[] rows, int from, int n, int[] at, int[] out) {
    if (rows == null) {
      for (int j = from; j < from + n; j++) {
        out[at[ids[j]]++] = end[j] - start[j];
      }
    } else {
      for (int j = from; j < from + n; j++) {
        int i = rows[j];
        out[at[ids[j]]++] = end[i] - start[i];
      }
    }
  }

  /** As {@link #sum(int[], int, int[], int, double[])} for whole numbers held in shorts. */
  static void sum(short[] v, int first, int[] ids, int n, double[] acc) {
    for (int k = 0; k < n; k++) {
      acc[ids[k]] += v[first + k];
    }
  }

  /** As {@link #sum(int[], int[], int[], int, double[])} for whole numbers held in shorts. */
  static void sum(short[] v, int[] sel, int[] ids, int n, double[] acc) {
    for (int k = 0; k < n; k++) {
      acc[ids[k]] += v[sel[k]];
    }
  }

  /** As {@link #sum(int[], int, int[], int, double[])} for whole numbers held in bytes. */
  static void sum(byte[] v, int first, int[] ids, int n, double[] acc) {
    for (int k = 0; k < n; k++) {
      acc[ids[k]] += v[first + k];
    }
  }

  /** As {@link #sum(int[], int[], int[], int, double[])} for whole numbers held in bytes. */
  static void sum(byte[] v, int[] sel, int[] ids, int n, double[] acc) {
    for (int k = 0; k < n; k++) {
      acc[ids[k]] += v[sel[k]];
    }
  }

  /** As {@link #gather(int[], int[], int[], int, int, int[], int[])} for values held in shorts. */
  static void gather(short[] v, int[] ids, int[] rows, int from, int n, int[] at, int[] out) {
    if (rows == null) {
      for (int j = from; j < from + n; j++) {
        out[at[ids[j]]++] = v[j];
      }
    } else {
      for (int j = from; j < from + n; j++) {
        out[at[ids[j]]++] = v[rows[j]];
      }
    }
  }

  /** As {@link #gather(int[], int[], int[], int, int, int[], int[])} for values held in bytes. */
  static void gather(byte[] v, int[] ids, int[] rows, int from, int n, int[] at, int[] out) {
    if (rows == null) {
      for (int j = from; j < from + n; j++) {
        out[at[ids[j]]++] = v[j];
      }
    } else {
      for (int j = from; j < from + n; j++) {
        out[at[ids[j]]++] = v[rows[j]];
      }
    }
  }
}
