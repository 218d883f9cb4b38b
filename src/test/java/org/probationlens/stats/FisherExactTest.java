package org.probationlens.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FisherExactTest {

  /** Every table with the margins of [[a, b], [c, d]], in exact integers. */
  private static double enumerated(int a, int b, int c, int d, boolean twoSided) {
    int row1 = a + b;
    int col1 = a + c;
    int n = a + b + c + d;
    BigInteger total = binom(n, row1);
    BigInteger observed = binom(col1, a).multiply(binom(n - col1, row1 - a));
    BigInteger sum = BigInteger.ZERO;
    for (int x = Math.max(0, row1 - (n - col1)); x <= Math.min(row1, col1); x++) {
      BigInteger w = binom(col1, x).multiply(binom(n - col1, row1 - x));
      if (twoSided ? w.compareTo(observed) <= 0 : x >= a) {
        sum = sum.add(w);
      }
    }
    return sum.doubleValue() / total.doubleValue();
  }

  private static BigInteger binom(int n, int k) {
    BigInteger r = BigInteger.ONE;
    for (int i = 0; i < k; i++) {
      r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
    }
    return r;
  }

  @Test
  void npsAgainstCrcsGoodOrBetterByHand() {
    // 2018-19 HMIP ratings: NPS 5 of 7 Good, CRCs 1 of 21. Margins 7 / 21, 6 Good / 22 not.
    // P(x) = C(6,x) C(22,7-x) / C(28,7), C(28,7) = 1,184,040:
    //   x=0 170,544; 1 447,678; 2 395,010; 3 146,300; 4 23,100; 5 1,386; 6 22.
    // Tables no more likely than x=5: x=5 and x=6, (1,386 + 22) / 1,184,040 = 0.00118915.
    FisherExact f = FisherExact.test(5, 2, 1, 20);
    assertEquals(1408.0 / 1184040, f.pTwoSided(), 1e-12);
    assertEquals(1408.0 / 1184040, f.pGreater(), 1e-12);
    assertEquals(1 - 22.0 / 1184040, f.pLess(), 1e-12);
    assertTrue(f.rejects(0.01));
  }

  @Property
  void agreesWithFullEnumeration(
      @ForAll @IntRange(min = 0, max = 12) int a,
      @ForAll @IntRange(min = 0, max = 12) int b,
      @ForAll @IntRange(min = 0, max = 12) int c,
      @ForAll @IntRange(min = 0, max = 12) int d) {
    if (a + b == 0 || c + d == 0 || a + c == 0 || b + d == 0) {
      return;
    }
    FisherExact f = FisherExact.test(a, b, c, d);
    assertEquals(enumerated(a, b, c, d, true), f.pTwoSided(), 1e-9);
    assertEquals(enumerated(a, b, c, d, false), f.pGreater(), 1e-9);
  }

  @Test
  void anEmptyMarginIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FisherExact.test(0, 0, 3, 4));
    assertEquals(
        "every row and column of the table needs a case; rows 0 and 7, columns 3 and 4",
        e.getMessage());
  }
}
