package org.probationlens.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The attack of issue 26 on single tables, repeated against the cell key method: random count grids
 * (250 in {@code ./lens test}; {@code -Dattack.grids=1000} for the 1,000, about four
 * minutes) (2x2 to 8x12, with zeros, ones and counts just under and over 10), each shown with its
 * row, column and grand totals, every figure perturbed by the sum of its records' keys. A reader
 * who knows the perturbation table bounds every true count by linear programming over all the shown
 * figures, with what a shown 0 says (0 to 4 people) included. It must never pin a count down to one
 * value.
 */
class CellKeyAttackTest {

  private static final CellKeyMethod METHOD = CellKeyMethod.standard();

  /** A count as in the grids: many zeros and small counts, some around 10, some large. */
  private static long count(SplittableRandom r) {
    int kind = r.nextInt(10);
    return switch (kind) {
      case 0, 1 -> 0;
      case 2 -> 1;
      case 3 -> 2 + r.nextInt(8);
      case 4, 5 -> 9 + r.nextInt(3);
      default -> 12 + r.nextInt(190);
    };
  }

  @Test
  void noCountInRandomGridsIsRecoveredByLinearProgrammingOverCellsAndTotals() {
    SplittableRandom r = new SplittableRandom(26);
    RecordKeys keys = RecordKeys.withSecret("attack test");
    int cells = 0;
    int small = 0;
    long smallWidths = 0;
    int narrowest = Integer.MAX_VALUE;
    int grids = Integer.getInteger("attack.grids", 250);
    for (int g = 0; g < grids; g++) {
      int rows = 2 + r.nextInt(7);
      int cols = 2 + r.nextInt(11);
      long[][] truth = new long[rows][cols];
      long[][] keySum = new long[rows][cols];
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          truth[i][j] = count(r);
          for (int k = 0; k < truth[i][j]; k++) {
            keySum[i][j] += keys.key(g + "/" + i + "/" + j + "/" + k);
          }
        }
      }
      // what the table shows: every cell, each row and column total and the grand total,
      // each perturbed by the keys of the records it counts
      IntervalAttack attack = new IntervalAttack(rows * cols);
      long grand = 0;
      long grandKeys = 0;
      int[] all = new int[rows * cols];
      for (int i = 0; i < rows; i++) {
        long rowTotal = 0;
        long rowKeys = 0;
        int[] row = new int[cols];
        for (int j = 0; j < cols; j++) {
          int v = i * cols + j;
          all[v] = v;
          row[j] = v;
          attack.sees(METHOD, METHOD.perturb(truth[i][j], keySum[i][j]), v);
          rowTotal += truth[i][j];
          rowKeys += keySum[i][j];
        }
        attack.sees(METHOD, METHOD.perturb(rowTotal, rowKeys), row);
        grand += rowTotal;
        grandKeys += rowKeys;
      }
      for (int j = 0; j < cols; j++) {
        long colTotal = 0;
        long colKeys = 0;
        int[] col = new int[rows];
        for (int i = 0; i < rows; i++) {
          col[i] = i * cols + j;
          colTotal += truth[i][j];
          colKeys += keySum[i][j];
        }
        attack.sees(METHOD, METHOD.perturb(colTotal, colKeys), col);
      }
      attack.sees(METHOD, METHOD.perturb(grand, grandKeys), all);
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          double[] range = attack.range(i * cols + j);
          String where = "grid " + g + " cell " + i + "," + j + " true " + truth[i][j];
          assertTrue(
              range[0] <= truth[i][j] + 1e-7 && truth[i][j] <= range[1] + 1e-7,
              where + ": the attack's range " + range[0] + ".." + range[1] + " misses the truth");
          long values = IntervalAttack.wholeValues(range);
          assertTrue(
              values >= 2, where + ": recovered exactly, range " + range[0] + ".." + range[1]);
          cells++;
          narrowest = (int) Math.min(narrowest, values);
          if (truth[i][j] >= 1 && truth[i][j] <= 9) {
            small++;
            smallWidths += values;
          }
        }
      }
    }
    System.out.printf(
        "cell key attack: %d cells in %d grids, none recovered; narrowest range %d values;"
            + " counts of 1 to 9: %d, mean range %.1f values%n",
        cells, grids, narrowest, small, smallWidths / (double) small);
    assertEquals(2, Math.min(narrowest, 2), "the narrowest range holds at least two values");
  }
}
