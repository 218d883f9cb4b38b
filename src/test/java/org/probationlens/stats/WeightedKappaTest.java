package org.probationlens.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WeightedKappaTest {

  /**
   * Husbands' and wives' ratings of "sex is fun" (Hout, Duncan and Sobel 1987; Agresti 1990,
   * Categorical Data Analysis, Table 10.5), shipped with R as {@code vcd::SexualFun}: rows the
   * husband (Never fun, Fairly often, Very often, Always fun), columns the wife.
   */
  static final long[][] SEXUAL_FUN = {
    {7, 7, 2, 3},
    {2, 8, 3, 7},
    {1, 5, 4, 9},
    {2, 8, 9, 14}
  };

  // R 4.2.2, vcd 1.4.11, options(digits = 10):
  //   unclass(Kappa(SexualFun))$Unweighted  -> value 0.12933025404  ASE 0.06859853248
  //   unclass(Kappa(SexualFun))$Weighted    -> value 0.23738062756  ASE 0.07831633478
  // (Equal-Spacing)
  //   unclass(Kappa(SexualFun, weights = "Fleiss-Cohen"))$Weighted
  //                                         -> value 0.33204558625  ASE 0.09729752196
  //   confint(Kappa(SexualFun, weights = "Fleiss-Cohen"))
  //     Unweighted -0.005120399013 0.2637809071
  //     Weighted    0.141345947423 0.5227452251
  //   print(Kappa(SexualFun)) gives z 1.885 (unweighted) and 3.031 (weighted): vcd's z is
  //   value / ASE, with the non-null ASE, which is not our null-SE z (checked below by hand).

  @Test
  void unweightedKappaMatchesVcd() {
    WeightedKappa k = WeightedKappa.of(SEXUAL_FUN, AgreementWeights.NONE, 0.95);
    assertEquals(0.12933025404, k.kappa(), 1e-10);
    assertEquals(0.06859853248, k.standardError(), 1e-10);
    assertEquals(-0.005120399013, k.lower(), 1e-9);
    assertEquals(0.2637809071, k.upper(), 1e-9);
    assertEquals(91, k.cases());
  }

  @Test
  void linearWeightedKappaMatchesVcdEqualSpacing() {
    WeightedKappa k = WeightedKappa.of(SEXUAL_FUN, AgreementWeights.LINEAR, 0.95);
    assertEquals(0.23738062756, k.kappa(), 1e-10);
    assertEquals(0.07831633478, k.standardError(), 1e-10);
  }

  @Test
  void quadraticWeightedKappaMatchesVcdFleissCohen() {
    WeightedKappa k = WeightedKappa.of(SEXUAL_FUN, AgreementWeights.QUADRATIC, 0.95);
    assertEquals(0.33204558625, k.kappa(), 1e-10);
    assertEquals(0.09729752196, k.standardError(), 1e-10);
    assertEquals(0.141345947423, k.lower(), 1e-9);
    assertEquals(0.5227452251, k.upper(), 1e-9);
    assertEquals("quadratic-weighted kappa 0.332 (95% CI 0.141 to 0.523; 91 cases)", k.toString());
  }

  @Test
  void aTwoByTwoKappaByHand() {
    // {{20, 5}, {10, 15}}, n = 50: po = 35/50 = 0.70; margins rows 0.5, 0.5, columns 0.6, 0.4;
    // pe = 0.5*0.6 + 0.5*0.4 = 0.50; kappa = (0.70 - 0.50) / 0.50 = 0.40.
    // Null SE (Fleiss, Levin & Paik 2003, eq. 18.13 for two categories):
    // var0 = [pe + pe² - Σ p_i. p_.i (p_i. + p_.i)] / (n (1 - pe)²)
    //      = [0.5 + 0.25 - (0.3 * 1.1 + 0.2 * 0.9)] / (50 * 0.25) = 0.24 / 12.5 = 0.0192
    WeightedKappa k =
        WeightedKappa.of(new long[][] {{20, 5}, {10, 15}}, AgreementWeights.NONE, 0.95);
    assertEquals(0.70, k.observedAgreement(), 1e-12);
    assertEquals(0.50, k.expectedAgreement(), 1e-12);
    assertEquals(0.40, k.kappa(), 1e-12);
    assertEquals(Math.sqrt(0.0192), k.nullStandardError(), 1e-12);
    assertEquals(0.40 / Math.sqrt(0.0192), k.z(), 1e-10);
  }

  @Test
  void perfectAgreementIsOne() {
    WeightedKappa k =
        WeightedKappa.of(
            new long[][] {{5, 0, 0}, {0, 7, 0}, {0, 0, 3}}, AgreementWeights.QUADRATIC, 0.95);
    assertEquals(1.0, k.kappa(), 1e-12);
    assertEquals(0.0, k.standardError(), 1e-12);
  }

  @Test
  void badTablesAreRefusedWithTheirPlace() {
    IllegalArgumentException notSquare =
        assertThrows(
            IllegalArgumentException.class,
            () -> WeightedKappa.of(new long[][] {{1, 2}, {3}}, AgreementWeights.LINEAR, 0.95));
    assertEquals("the table must be square (2 x 2); row 2 has 1 cells", notSquare.getMessage());
    IllegalArgumentException negative =
        assertThrows(
            IllegalArgumentException.class,
            () -> WeightedKappa.of(new long[][] {{1, 2}, {-3, 4}}, AgreementWeights.LINEAR, 0.95));
    assertEquals("count at row 2, column 1 is -3; expected a count >= 0", negative.getMessage());
    IllegalArgumentException oneCategory =
        assertThrows(
            IllegalArgumentException.class,
            () -> WeightedKappa.of(new long[][] {{9, 0}, {0, 0}}, AgreementWeights.NONE, 0.95));
    assertTrue(oneCategory.getMessage().startsWith("kappa is undefined"));
  }

  @Property(tries = 200)
  void kappaLiesBetweenMinusOneAndOneAndInsideItsInterval(
      @ForAll @IntRange(min = 0, max = 40) int a,
      @ForAll @IntRange(min = 0, max = 40) int b,
      @ForAll @IntRange(min = 0, max = 40) int c,
      @ForAll @IntRange(min = 0, max = 40) int d,
      @ForAll @IntRange(min = 1, max = 40) int e,
      @ForAll @IntRange(min = 1, max = 40) int f) {
    long[][] t = {{e, a, b}, {c, f, d}, {b, a, e}};
    for (AgreementWeights w : AgreementWeights.values()) {
      WeightedKappa k = WeightedKappa.of(t, w, 0.9);
      assertTrue(k.kappa() >= -1 - 1e-9 && k.kappa() <= 1 + 1e-9, k.toString());
      assertTrue(k.lower() <= k.kappa() && k.kappa() <= k.upper(), k.toString());
    }
  }

  @Property(tries = 200)
  void swappingTheRatersLeavesKappaUnchanged(
      @ForAll @IntRange(min = 1, max = 30) int a,
      @ForAll @IntRange(min = 0, max = 30) int b,
      @ForAll @IntRange(min = 0, max = 30) int c,
      @ForAll @IntRange(min = 1, max = 30) int d) {
    long[][] t = {{a, b, 1}, {c, d, 2}, {3, b, a}};
    long[][] transposed = {{a, c, 3}, {b, d, b}, {1, 2, a}};
    for (AgreementWeights w : AgreementWeights.values()) {
      assertEquals(
          WeightedKappa.of(t, w, 0.95).kappa(),
          WeightedKappa.of(transposed, w, 0.95).kappa(),
          1e-12);
      assertEquals(
          WeightedKappa.of(t, w, 0.95).standardError(),
          WeightedKappa.of(transposed, w, 0.95).standardError(),
          1e-12);
    }
  }
}
