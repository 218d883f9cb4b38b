package org.probationlens.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RankCorrelationTest {

  @Test
  void fiveUnitsWorkedByHand() {
    // x ranks 1..5, y ranks 2,1,4,3,5: d = -1,1,-1,1,0, sum d^2 = 4,
    // rho = 1 - 6*4 / (5*(25-1)) = 1 - 24/120 = 0.8.
    // Fisher z = atanh(0.8) = 1.098612; se = 1.03/sqrt(2) = 0.728320;
    // z -+ 1.959964*0.728320 = 1.098612 -+ 1.427481 -> tanh(-0.328869) = -0.317504,
    // tanh(2.526093) = 0.987291.
    RankCorrelation r =
        RankCorrelation.spearman(
            new double[] {10, 20, 30, 40, 50}, new double[] {2, 1, 4, 3, 5}, 0.95);
    assertEquals(0.8, r.rho(), 1e-12);
    assertEquals(-0.317504, r.lower(), 1e-5);
    assertEquals(0.987291, r.upper(), 1e-5);
    assertEquals("rho = 0.800 (95% CI -0.318 to 0.987; 5 units)", r.toString());
  }

  @Test
  void tiesGetTheirAverageRank() {
    // x = 1, 2, 2, 3 -> ranks 1, 2.5, 2.5, 4; y = 1, 2, 3, 4 -> ranks 1..4.
    // Pearson on ranks: mean 2.5 both; sum dx*dy = (-1.5)(-1.5)+0+0+(1.5)(1.5) = 4.5;
    // sum dx^2 = 4.5, sum dy^2 = 5 -> rho = 4.5 / sqrt(4.5*5) = 0.948683.
    RankCorrelation r =
        RankCorrelation.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4}, 0.95);
    assertEquals(0.948683, r.rho(), 1e-6);
  }

  @Test
  void refusesConstantOrUnpairedMeasures() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                RankCorrelation.spearman(
                    new double[] {1, 1, 1, 1}, new double[] {1, 2, 3, 4}, 0.95));
    assertEquals("a measure is the same for every unit; nothing to rank", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                RankCorrelation.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3}, 0.95));
    assertEquals("x and y must pair up, but have 4 and 3 values", e.getMessage());
  }

  @Property
  void intervalBracketsRhoAndRhoIsSymmetric(
      @ForAll @Size(min = 4, max = 40) double[] x,
      @ForAll @DoubleRange(min = -1, max = 1) double noise) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = i * noise + (i % 3);
    }
    boolean constant = true;
    for (double v : x) {
      constant &= v == x[0] || Double.isNaN(v);
    }
    if (constant || java.util.Arrays.stream(x).anyMatch(Double::isNaN)) {
      return;
    }
    if (java.util.Arrays.stream(y).allMatch(v -> v == y[0])) {
      return;
    }
    RankCorrelation r = RankCorrelation.spearman(x, y, 0.95);
    RankCorrelation s = RankCorrelation.spearman(y, x, 0.95);
    assertTrue(-1 <= r.lower() && r.lower() <= r.rho() && r.rho() <= r.upper() && r.upper() <= 1);
    assertEquals(r.rho(), s.rho(), 1e-12);
  }
}
