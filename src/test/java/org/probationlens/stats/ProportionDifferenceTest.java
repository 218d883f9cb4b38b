package org.probationlens.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProportionDifferenceTest {

  /**
   * Newcombe (1998), "Interval estimation for the difference between independent proportions:
   * comparison of eleven methods", Statistics in Medicine 17:873-890, Table II, method 10 (score
   * method incorporating Wilson intervals for each proportion), 95%, examples (a) to (h).
   */
  @ParameterizedTest
  @CsvSource({
    "56, 70, 48, 80, 0.0524, 0.3339",
    "9, 10, 3, 10, 0.1705, 0.8090",
    "6, 7, 2, 7, 0.0582, 0.8062",
    "5, 56, 0, 29, -0.0381, 0.1926",
    "0, 10, 0, 20, -0.1611, 0.2775",
    "0, 10, 0, 10, -0.2775, 0.2775",
    "10, 10, 0, 20, 0.6791, 1.0000",
    "10, 10, 0, 10, 0.6075, 1.0000"
  })
  void newcombeMatchesTableII(long k1, long n1, long k2, long n2, double lower, double upper) {
    ProportionDifference d = ProportionDifference.newcombe(k1, n1, k2, n2, 0.95);
    assertEquals(lower, d.lower(), 0.00005);
    assertEquals(upper, d.upper(), 0.00005);
    assertEquals((double) k1 / n1 - (double) k2 / n2, d.difference(), 1e-15);
  }

  @org.junit.jupiter.api.Test
  void printsAsAReaderWouldWriteIt() {
    // Newcombe 1998 Table II example (a): 56/70 - 48/80 = 0.8 - 0.6 = 0.200, interval 0.0524 to
    // 0.3339.
    assertEquals(
        "+0.200 (95% CI +0.052 to +0.334): 0.800 (56 of 70) minus 0.600 (48 of 80)",
        ProportionDifference.newcombe(56, 70, 48, 80, 0.95).toString());
  }

  @ParameterizedTest
  @CsvSource({"56, 70, 48, 80, true", "5, 56, 0, 29, false"})
  void excludesZeroFollowsTheLimits(long k1, long n1, long k2, long n2, boolean excludes) {
    assertEquals(excludes, ProportionDifference.newcombe(k1, n1, k2, n2, 0.95).excludesZero());
  }

  @Property
  void intervalBracketsTheDifferenceAndSwappingGroupsMirrorsIt(
      @ForAll @IntRange(min = 1, max = 500) int n1,
      @ForAll @IntRange(min = 0, max = 500) int k1,
      @ForAll @IntRange(min = 1, max = 500) int n2,
      @ForAll @IntRange(min = 0, max = 500) int k2) {
    ProportionDifference d =
        ProportionDifference.newcombe(k1 % (n1 + 1), n1, k2 % (n2 + 1), n2, 0.9);
    ProportionDifference m =
        ProportionDifference.newcombe(k2 % (n2 + 1), n2, k1 % (n1 + 1), n1, 0.9);
    assertTrue(-1 <= d.lower() && d.lower() <= d.difference());
    assertTrue(d.difference() <= d.upper() && d.upper() <= 1);
    assertEquals(-d.upper(), m.lower(), 1e-12);
    assertEquals(-d.lower(), m.upper(), 1e-12);
    assertFalse(Double.isNaN(d.lower()));
  }
}
