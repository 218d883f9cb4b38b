package org.probationlens.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ExactOrdinalTestTest {

  private static final List<String> SCALE =
      List.of("Inadequate", "Requires improvement", "Good", "Outstanding");

  @Test
  void cliffsDeltaByHandForNpsAgainstCrcs() {
    // NPS 2018-19: 0 Inadequate, 2 RI, 5 Good; CRCs: 1 Inadequate, 19 RI, 1 Good. 7 x 21 = 147
    // pairs. NPS Good (5) above CRC RI+Inadequate (20): 100 pairs; NPS RI (2) above CRC
    // Inadequate (1): 2 pairs. NPS RI below CRC Good: 2 pairs. delta = (102 - 2)/147 = 0.680272.
    double d = ExactOrdinalTest.cliffsDelta(new long[] {0, 2, 5, 0}, new long[] {1, 19, 1, 0});
    assertEquals(100.0 / 147, d, 1e-12);
  }

  @Test
  void exactPValueAgreesWithEnumeratingEverySplitOfTheProviders() {
    // Independent computation: the 28 providers' ratings (codes 0..3) split every possible way
    // into 7 "NPS" and 21 "CRC" (all C(28,7) = 1,184,040 subsets, Gosper's hack); the p-value is
    // the share of splits whose |delta| is at least the observed.
    int[] ratings = new int[28];
    int i = 0;
    long[] nps = {0, 2, 5, 0};
    long[] crc = {1, 19, 1, 0};
    for (int level = 0; level < 4; level++) {
      for (int k = 0; k < nps[level] + crc[level]; k++) {
        ratings[i++] = level;
      }
    }
    double observed = Math.abs(ExactOrdinalTest.cliffsDelta(nps, crc));
    long hits = 0;
    long all = 0;
    for (int set = (1 << 7) - 1; set < (1 << 28); ) {
      long[] a = new long[4];
      long[] b = new long[4];
      for (int j = 0; j < 28; j++) {
        if ((set & (1 << j)) != 0) {
          a[ratings[j]]++;
        } else {
          b[ratings[j]]++;
        }
      }
      all++;
      if (Math.abs(ExactOrdinalTest.cliffsDelta(a, b)) >= observed - 1e-9) {
        hits++;
      }
      int c = set & -set;
      int r = set + c;
      set = (((r ^ set) >>> 2) / c) | r;
    }
    assertEquals(1_184_040, all);
    ExactOrdinalTest t = ExactOrdinalTest.of(SCALE, nps, crc);
    assertEquals((double) hits / all, t.pTwoSided(), 1e-12);
    assertEquals(100.0 / 147, t.delta(), 1e-12);
  }

  @Property(tries = 200)
  void swappingTheGroupsFlipsDeltaAndKeepsP(
      @ForAll @IntRange(min = 0, max = 4) int a0,
      @ForAll @IntRange(min = 0, max = 4) int a1,
      @ForAll @IntRange(min = 0, max = 4) int a2,
      @ForAll @IntRange(min = 0, max = 4) int b0,
      @ForAll @IntRange(min = 1, max = 4) int b1,
      @ForAll @IntRange(min = 0, max = 4) int b2) {
    long[] a = {a0, a1, a2 + 1};
    long[] b = {b0, b1, b2};
    List<String> scale = List.of("low", "middle", "high");
    ExactOrdinalTest ab = ExactOrdinalTest.of(scale, a, b);
    ExactOrdinalTest ba = ExactOrdinalTest.of(scale, b, a);
    assertEquals(-ab.delta(), ba.delta(), 1e-12);
    assertEquals(ab.pTwoSided(), ba.pTwoSided(), 1e-9);
    assertTrue(ab.pTwoSided() > 0 && ab.pTwoSided() <= 1 + 1e-12);
  }

  @Property(tries = 200)
  void onTwoLevelsDeltaIsTheGapInShares(
      @ForAll @IntRange(min = 0, max = 8) int a,
      @ForAll @IntRange(min = 0, max = 8) int b,
      @ForAll @IntRange(min = 0, max = 8) int c,
      @ForAll @IntRange(min = 0, max = 8) int d) {
    // On two levels (no, yes) Cliff's delta is the difference in the shares answering yes:
    // P(X > Y) - P(X < Y) = pa(1 - pc) - (1 - pa)pc = pa - pc.
    if (a + b == 0 || c + d == 0 || a + c == 0 || b + d == 0) {
      return;
    }
    ExactOrdinalTest t =
        ExactOrdinalTest.of(List.of("no", "yes"), new long[] {b, a}, new long[] {d, c});
    double gap = Math.abs((double) a / (a + b) - (double) c / (c + d));
    assertEquals(gap, Math.abs(t.delta()), 1e-12);
    assertTrue(t.pTwoSided() > 0 && t.pTwoSided() <= 1 + 1e-12);
  }

  @Test
  void identicalGroupsGiveNoEffect() {
    ExactOrdinalTest t =
        ExactOrdinalTest.of(SCALE, new long[] {1, 2, 1, 0}, new long[] {1, 2, 1, 0});
    assertEquals(0.0, t.delta(), 0.0);
    assertEquals(1.0, t.pTwoSided(), 1e-12);
  }

  @Test
  void misfitCountsAreNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ExactOrdinalTest.of(SCALE, new long[] {0, 0, 0, 0}, new long[] {1, 0, 0, 0}));
    assertEquals("each group needs at least one rating; had 0 and 1", e.getMessage());
  }
}
