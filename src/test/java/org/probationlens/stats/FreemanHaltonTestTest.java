package org.probationlens.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FreemanHaltonTestTest {

  @Test
  void aTwoByTwoTableGivesFishersP() {
    // Freeman-Halton on a 2 x 2 table is Fisher's exact test: 1,408 / 1,184,040 (see
    // FisherExactTest for the hand enumeration).
    FreemanHaltonTest t = FreemanHaltonTest.of(new long[][] {{5, 2}, {1, 20}});
    assertEquals(1408.0 / 1184040, t.pValue(), 1e-12);
    assertEquals(7, t.tables());
  }

  @Test
  void oneGoodAndOneInadequateAmongThreeGroupsByHand() {
    // Rows: groups of 2, 2 and 1 providers; columns Good / RI / Inadequate with totals 1, 3, 1.
    // Observed: group 1 {Good, RI}, group 2 {RI, RI}, group 3 {Inadequate}.
    // With these margins, a table is fixed by where the Good and the Inadequate fall. Probability
    // of a table = prod(row!) prod(col!) / (N! prod(cell!)) = (2!2!1!)(1!3!1!) / (5! prod cell!)
    //   = 24 / (120 prod cell!) = 0.2 / prod(cell!).
    // Good and Inadequate in different rows, neither in the same row twice: cells are all 0/1
    // except an RI count of 2 when a row of 2 holds no Good or Inadequate -> prod = 2, P = 0.1;
    // otherwise every row of 2 holds one of them -> prod = 1, P = 0.2.
    // Placements (row of Good, row of Inadequate), weighted by which provider: Good can go in
    // rows 1, 2, 3 (2, 2, 1 ways of 5 seats), likewise Inadequate in a different seat.
    // Tables: (G,I) in rows (1,2),(2,1): P 0.2 each; (1,3),(3,1),(2,3),(3,2): P 0.1 each;
    // (1,1),(2,2): Good and Inadequate together, RI 0 in that row and 2 in the other row of 2:
    // prod = 2, P = 0.1 each. Total = 0.4 + 0.4 + 0.2 = 1. Observed (1,3) has P = 0.1, so
    // p = every table with P <= 0.1 = 0.6.
    FreemanHaltonTest t = FreemanHaltonTest.of(new long[][] {{1, 1, 0}, {0, 2, 0}, {0, 0, 1}});
    assertEquals(0.6, t.pValue(), 1e-12);
    assertEquals(8, t.tables());
  }

  @Property(tries = 300)
  void onTwoByTwoTablesItAgreesWithFisher(
      @ForAll @IntRange(min = 0, max = 10) int a,
      @ForAll @IntRange(min = 0, max = 10) int b,
      @ForAll @IntRange(min = 0, max = 10) int c,
      @ForAll @IntRange(min = 0, max = 10) int d) {
    if (a + b == 0 || c + d == 0 || a + c == 0 || b + d == 0) {
      return;
    }
    assertEquals(
        FisherExact.test(a, b, c, d).pTwoSided(),
        FreemanHaltonTest.of(new long[][] {{a, b}, {c, d}}).pValue(),
        1e-9);
  }
}
