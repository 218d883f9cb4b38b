package org.probationlens.engine;

/**
 * Cuts rows into fixed-size chunks. The chunk size is a constant, so the cut depends on the row
 * count only, never on the number of threads.
 */
final class Chunks {
  private Chunks() {}

  static final int SIZE = 1 << 16;

  static int count(int rows) {
    return Math.max(1, (rows + SIZE - 1) / SIZE);
  }

  static int start(int chunk, int rows) {
    return Math.min(rows, chunk * SIZE);
  }

  static int end(int chunk, int rows) {
    return Math.min(rows, (chunk + 1) * SIZE);
  }
}
