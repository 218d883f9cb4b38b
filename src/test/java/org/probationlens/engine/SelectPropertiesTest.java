package org.probationlens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Selection against the definition worked on a fully sorted copy: x sorted, h = (n - 1) q, d = h -
 * floor h, quantile = (1 - d) x[floor h] + d x[ceil h] (or x[h] when d = 0).
 */
class SelectPropertiesTest {

  private static double bySorting(double[] sorted, double q) {
    double h = (double) (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = (int) Math.ceil(h);
    double d = h - lo;
    return d == 0 ? sorted[lo] : sorted[lo] * (1 - d) + sorted[hi] * d;
  }

  @Property(tries = 500)
  void intQuantilesEqualTheSortedDefinition(
      @ForAll @Size(min = 1, max = 300) List<@IntRange(min = -50, max = 50) Integer> values,
      @ForAll @DoubleRange(min = 0, max = 1) double q1,
      @ForAll @DoubleRange(min = 0, max = 1) double q2) {
    int[] a = values.stream().mapToInt(Integer::intValue).toArray();
    double[] sorted = values.stream().mapToDouble(Integer::doubleValue).sorted().toArray();
    // Padding either side must be left alone.
    int[] padded = new int[a.length + 4];
    System.arraycopy(a, 0, padded, 2, a.length);
    padded[0] = padded[1] = padded[padded.length - 1] = padded[padded.length - 2] = 999;
    double[] out = new double[3];
    Select.quantiles(padded, 2, 2 + a.length, new double[] {q1, 0.5, q2}, out);
    assertEquals(bySorting(sorted, q1), out[0]);
    assertEquals(bySorting(sorted, 0.5), out[1]);
    assertEquals(bySorting(sorted, q2), out[2]);
    assertEquals(
        List.of(999, 999, 999, 999),
        List.of(padded[0], padded[1], padded[padded.length - 2], padded[padded.length - 1]));
    int[] middle = Arrays.copyOfRange(padded, 2, 2 + a.length);
    Arrays.sort(middle);
    assertEquals(
        Arrays.toString(Arrays.stream(sorted).mapToInt(v -> (int) v).toArray()),
        Arrays.toString(middle));
  }

  @Property(tries = 300)
  void doubleQuantilesEqualTheSortedDefinition(
      @ForAll @Size(min = 1, max = 300) List<@DoubleRange(min = -1e3, max = 1e3) Double> values,
      @ForAll @DoubleRange(min = 0, max = 1) double q) {
    double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
    double[] sorted = a.clone();
    Arrays.sort(sorted);
    double[] out = new double[1];
    Select.quantiles(a, 0, a.length, new double[] {q}, out);
    assertEquals(bySorting(sorted, q), out[0]);
  }
}
