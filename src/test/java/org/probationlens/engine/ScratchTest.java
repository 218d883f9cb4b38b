package org.probationlens.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ScratchTest {

  @Test
  void aReleasedArrayIsLentAgainOnceAndShortRequestsAreNotPooled() {
    // longer than any array another test leaves in the pool, so that only this one fits
    int length = 3_000_000;
    int[] big = Scratch.ints(length);
    assertTrue(big.length >= length);
    Scratch.release(big);
    Scratch.release(big); // a second release must not make it lendable twice
    int[] again = Scratch.ints(length - 1);
    assertTrue(again == big, "the free array long enough is lent");
    int[] other = Scratch.ints(length - 1);
    assertTrue(other != big, "an array lent out is not lent again before it is released");
    Scratch.release(again);
    Scratch.release(other);
    assertEquals(10, Scratch.ints(10).length, "short arrays are allocated to size");
  }

  /**
   * Quantiles gathered into lent arrays full of junk from an earlier user: every element read must
   * have been written by this run. 200,000 cases, row i with value i / 2, and only the even rows
   * kept by a filter (so the kept rows are listed too): the kept values are 0, 1, ..., 99,999 once
   * each, grouped by parity.
   */
  @Test
  void quantilesAreRightWhenTheLentArraysHoldJunk() {
    int rows = 200_000;
    String[] group = new String[rows];
    String[] keep = new String[rows];
    int[] value = new int[rows];
    for (int i = 0; i < rows; i++) {
      int v = i / 2;
      value[i] = v;
      group[i] = v % 2 == 0 ? "a" : "b";
      keep[i] = i % 2 == 0 ? "yes" : "no";
    }
    Table table =
        Table.create(
            "junk",
            StringColumn.create("g", group),
            StringColumn.create("keep", keep),
            IntColumn.create("v", value));
    for (int k = 0; k < 6; k++) {
      int[] junk = new int[rows * 2];
      Arrays.fill(junk, 1_000_000_007);
      Scratch.release(junk);
    }
    Table result =
        Aggregate.of(table)
            .where(Filter.equalTo("keep", "yes"))
            .by("g")
            .count()
            .median("v")
            .quantile("v", 0.9)
            .quantile("v", 1)
            .threads(2)
            .run();
    assertEquals(List.of("a", "b"), result.stringColumn("g").asList());
    assertArrayEquals(new int[] {50_000, 50_000}, result.intColumn("count").asIntArray());
    // a = {2j : j = 0..49,999}: median h = 49,999 * 0.5 = 24,999.5 -> 2 * 24,999.5 = 49,999;
    //   p90 h = 49,999 * 0.9 = 44,999.1 -> 2 * 44,999.1 = 89,998.2; p100 = 99,998.
    // b = {2j + 1}: each of a's plus one.
    assertArrayEquals(
        new double[] {49_999, 50_000}, result.doubleColumn("median_v").asDoubleArray(), 1e-9);
    assertArrayEquals(
        new double[] {89_998.2, 89_999.2}, result.doubleColumn("p90_v").asDoubleArray(), 1e-9);
    assertArrayEquals(
        new double[] {99_998, 99_999}, result.doubleColumn("p100_v").asDoubleArray(), 0);
  }
}
