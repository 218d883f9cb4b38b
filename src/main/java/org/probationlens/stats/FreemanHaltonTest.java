package org.probationlens.stats;

import java.util.Arrays;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * The Freeman-Halton extension of Fisher's exact test to an r × c table: whether ratings are
 * distributed alike across several groups (the CRCs of each owner), exact for tables where most
 * cells hold 0 or 1 and a chi-square test cannot be used.
 *
 * <p>Every table with the observed row and column totals is enumerated; each has probability (∏
 * row! · ∏ col!) / (N! · ∏ cell!) (Freeman and Halton 1951, Biometrika 38:141-149). The p-value is
 * the total probability of the tables no more likely than the one observed (within a relative
 * 10<sup>-7</sup>, as R's {@code fisher.test} counts ties). Enumeration stops with an error beyond
 * {@link #MAX_TABLES} tables rather than run for hours.
 *
 * @param table the observed counts, rows by columns
 * @param tables how many tables with these margins were enumerated
 * @param pValue the exact p-value, in (0, 1]
 */
public record FreemanHaltonTest(long[][] table, long tables, double pValue) {

  /** The most tables {@link #of(long[][])} will enumerate. */
  public static final long MAX_TABLES = 50_000_000L;

  /** Validates and copies the table. */
  public FreemanHaltonTest {
    table = copy(table);
    if (tables < 1 || !(pValue > 0 && pValue <= 1 + 1e-12)) {
      throw new IllegalArgumentException(
          "tables must be at least 1 and p in (0, 1], were " + tables + " and " + pValue);
    }
  }

  /**
   * Tests an r × c table of counts.
   *
   * @param counts rows by columns, at least 2 × 2, rectangular, none negative; empty rows and
   *     columns are dropped before testing (they carry no information)
   * @return the test, not null
   * @throws IllegalArgumentException if the table is too small, ragged or negative, or has more
   *     than {@link #MAX_TABLES} tables with its margins
   */
  public static FreemanHaltonTest of(long[][] counts) {
    long[][] t = copy(counts);
    if (t.length < 2 || t[0].length < 2) {
      throw new IllegalArgumentException("the table must be at least 2 x 2");
    }
    int c = t[0].length;
    for (long[] row : t) {
      if (row.length != c) {
        throw new IllegalArgumentException(
            "every row needs " + c + " counts: " + Arrays.toString(row));
      }
      for (long v : row) {
        if (v < 0) {
          throw new IllegalArgumentException(
              "counts must not be negative: " + Arrays.toString(row));
        }
      }
    }
    long[] rows =
        Arrays.stream(t).mapToLong(r -> Arrays.stream(r).sum()).filter(v -> v > 0).toArray();
    long[] cols = new long[c];
    for (long[] row : t) {
      for (int j = 0; j < c; j++) {
        cols[j] += row[j];
      }
    }
    cols = Arrays.stream(cols).filter(v -> v > 0).toArray();
    long n = Arrays.stream(rows).sum();
    if (rows.length < 2 || cols.length < 2) {
      // all cases in one row or one column: every table with these margins is the observed one
      return new FreemanHaltonTest(counts, 1, 1.0);
    }
    double constant = -logFactorial(n);
    for (long r : rows) {
      constant += logFactorial(r);
    }
    for (long k : cols) {
      constant += logFactorial(k);
    }
    double observed = constant;
    for (long[] row : t) {
      for (long v : row) {
        observed -= logFactorial(v);
      }
    }
    Walk w = new Walk(rows, cols, constant, observed);
    w.row(0, cols.clone(), 0.0);
    return new FreemanHaltonTest(counts, w.tables, Math.min(1, w.p));
  }

  /** Fills the table row by row, each row as every split of its total under the columns left. */
  private static final class Walk {
    final long[] rows;
    final double constant;
    final double limit;
    long tables;
    double p;
    final long[] cell;

    Walk(long[] rows, long[] cols, double constant, double observed) {
      this.rows = rows;
      this.constant = constant;
      this.limit = observed + Math.log1p(1e-7);
      this.cell = new long[cols.length];
    }

    void row(int i, long[] colsLeft, double logCells) {
      if (i == rows.length - 1) {
        double lp = logCells;
        for (long v : colsLeft) {
          lp += logFactorial(v);
        }
        double logP = constant - lp;
        if (++tables > MAX_TABLES) {
          throw new IllegalArgumentException(
              "more than " + MAX_TABLES + " tables share these margins; use a simulated p-value");
        }
        if (logP <= limit) {
          p += Math.exp(logP);
        }
        return;
      }
      split(i, 0, rows[i], colsLeft, logCells);
    }

    void split(int i, int j, long left, long[] colsLeft, double logCells) {
      int c = colsLeft.length;
      if (j == c - 1) {
        if (left > colsLeft[j]) {
          return;
        }
        colsLeft[j] -= left;
        row(i + 1, colsLeft, logCells + logFactorial(left));
        colsLeft[j] += left;
        return;
      }
      long rest = 0;
      for (int k = j + 1; k < c; k++) {
        rest += colsLeft[k];
      }
      for (long v = Math.max(0, left - rest); v <= Math.min(colsLeft[j], left); v++) {
        colsLeft[j] -= v;
        split(i, j + 1, left - v, colsLeft, logCells + logFactorial(v));
        colsLeft[j] += v;
      }
    }
  }

  private static double logFactorial(long n) {
    return CombinatoricsUtils.factorialLog(Math.toIntExact(n));
  }

  private static long[][] copy(long[][] t) {
    long[][] out = new long[t.length][];
    for (int i = 0; i < t.length; i++) {
      out[i] = t[i].clone();
    }
    return out;
  }

  /**
   * The observed counts.
   *
   * @return a copy, rows by columns
   */
  @Override
  public long[][] table() {
    return copy(table);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FreemanHaltonTest f
        && Arrays.deepEquals(table, f.table)
        && tables == f.tables
        && Double.compare(pValue, f.pValue) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(table) * 31 + Long.hashCode(tables);
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "Freeman-Halton exact p = %.4g over %d tables for %s",
        pValue,
        tables,
        Arrays.deepToString(table));
  }
}
