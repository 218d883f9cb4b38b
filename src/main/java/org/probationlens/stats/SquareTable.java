package org.probationlens.stats;

import java.util.Arrays;

/**
 * Checks for a square table of paired judgements: rows are the first rater's category (for example
 * the service user's view), columns the second's (the inspector's), cells the number of cases.
 * Package-private: the public types take {@code long[][]} and name the table in their messages.
 */
final class SquareTable {
  private SquareTable() {}

  /**
   * A deep copy of a validated k x k table (k >= 2) of non-negative counts with a positive total.
   */
  static long[][] copyOf(long[][] counts, int minimumSize) {
    if (counts == null) {
      throw new IllegalArgumentException("the table of paired judgements is null");
    }
    int k = counts.length;
    if (k < minimumSize) {
      throw new IllegalArgumentException(
          "the table of paired judgements must be at least "
              + minimumSize
              + " x "
              + minimumSize
              + "; it has "
              + k
              + " rows");
    }
    long[][] copy = new long[k][];
    long total = 0;
    for (int i = 0; i < k; i++) {
      if (counts[i] == null || counts[i].length != k) {
        throw new IllegalArgumentException(
            "the table must be square ("
                + k
                + " x "
                + k
                + "); row "
                + (i + 1)
                + " has "
                + (counts[i] == null ? "no" : String.valueOf(counts[i].length))
                + " cells");
      }
      for (int j = 0; j < k; j++) {
        if (counts[i][j] < 0) {
          throw new IllegalArgumentException(
              "count at row "
                  + (i + 1)
                  + ", column "
                  + (j + 1)
                  + " is "
                  + counts[i][j]
                  + "; expected a count >= 0");
        }
        total += counts[i][j];
      }
      copy[i] = Arrays.copyOf(counts[i], k);
    }
    if (total == 0) {
      throw new IllegalArgumentException("the table has no cases (every count is 0)");
    }
    return copy;
  }

  static long total(long[][] t) {
    long n = 0;
    for (long[] row : t) {
      for (long c : row) {
        n += c;
      }
    }
    return n;
  }
}
