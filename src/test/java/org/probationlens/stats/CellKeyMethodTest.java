package org.probationlens.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellKeyMethodTest {

  @Test
  void aThreePointTableIsFixedByItsConstraintsAlone() {
    // D = 1, V = 0.5, js = 0: deviations -1, 0, 1 with mean 0 and variance 0.5 leave one answer,
    // worked by hand: p(-1) = p(1) = 0.5 / 2 = 0.25, p(0) = 1 - 0.5 = 0.5.
    CellKeyMethod m = CellKeyMethod.of(1, 0.5, 0);
    for (long n = 1; n <= 10; n++) {
      assertEquals(0.25, m.transitionProbability(n, n - 1), 1e-9);
      assertEquals(0.5, m.transitionProbability(n, n), 1e-9);
      assertEquals(0.25, m.transitionProbability(n, n + 1), 1e-9);
      assertEquals(0.0, m.transitionProbability(n, n + 2));
    }
    assertEquals(1.0, m.transitionProbability(0, 0));
    assertEquals(0.0, m.transitionProbability(0, 1));
  }

  @Test
  void everyRowOfTheStandardTableIsUnbiasedWithTheStatedVarianceAndNeverShowsOneOrTwo() {
    CellKeyMethod m = CellKeyMethod.standard();
    for (long n = 1; n <= 40; n++) {
      double total = 0;
      double mean = 0;
      double var = 0;
      for (long to = 0; to <= n + 10; to++) {
        double p = m.transitionProbability(n, to);
        if (to == 1 || to == 2 || Math.abs(to - n) > 4) {
          assertEquals(0.0, p, n + " shown as " + to);
        }
        total += p;
        mean += p * (to - n);
        var += p * (to - n) * (to - n);
      }
      assertEquals(1.0, total, 1e-9, "row " + n);
      assertEquals(0.0, mean, 1e-9, "row " + n);
      assertEquals(2.5, var, 1e-9, "row " + n);
    }
  }

  @Test
  void eachRowHasTheMaximumEntropyForm() {
    // Under mean and variance constraints the entropy is largest for p(d) ∝ exp(a d + b d²), so
    // log p is a quadratic in d: its second differences over evenly spaced deviations are equal.
    CellKeyMethod m = CellKeyMethod.standard();
    long n = 30;
    double[] second = new double[7];
    for (int d = -3; d <= 3; d++) {
      double lo = Math.log(m.transitionProbability(n, n + d - 1));
      double mid = Math.log(m.transitionProbability(n, n + d));
      double hi = Math.log(m.transitionProbability(n, n + d + 1));
      second[d + 3] = hi - 2 * mid + lo;
    }
    for (double s : second) {
      assertEquals(second[0], s, 1e-9);
    }
    assertTrue(second[0] < 0, "log p is concave: " + second[0]);
  }

  @Test
  void theSameRecordsGetTheSameNoiseAndTheNoiseFollowsTheTable() {
    CellKeyMethod m = CellKeyMethod.standard();
    assertEquals(m.perturb(17, 123_456), m.perturb(17, 123_456));
    assertEquals(m.perturb(17, 123_456), m.perturb(17, 123_456 + CellKeyMethod.KEY_RANGE));
    assertEquals(0, m.perturb(0, 999));
    SplittableRandom random = new SplittableRandom(7);
    int trials = 200_000;
    int[] seen = new int[9];
    for (int t = 0; t < trials; t++) {
      long shown = m.perturb(50, random.nextLong(Long.MAX_VALUE));
      seen[(int) (shown - 50 + 4)]++;
    }
    for (int d = -4; d <= 4; d++) {
      double expected = m.transitionProbability(50, 50 + d);
      assertEquals(expected, seen[d + 4] / (double) trials, 0.004, "deviation " + d);
    }
  }

  @Test
  void aShownZeroMayStandForUpToFourPeople() {
    CellKeyMethod m = CellKeyMethod.standard();
    assertArrayEquals(new long[] {0, 1, 2, 3, 4}, m.possibleTrueCounts(0));
    assertArrayEquals(new long[] {1, 2, 3, 4, 5, 6, 7}, m.possibleTrueCounts(3));
    assertArrayEquals(new long[] {}, m.possibleTrueCounts(1));
  }

  @Test
  void parametersThatCannotGiveAnUnbiasedTableAreRefusedSayingWhy() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CellKeyMethod.of(4, 1.0, 2));
    assertTrue(e.getMessage().contains("for a count of 1"), e.getMessage());
    assertTrue(e.getMessage().contains("[0, 3, 4, 5]"), e.getMessage());
    assertTrue(e.getMessage().contains("strictly between 2.0 and 4.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> CellKeyMethod.of(2, 0.5, 2));
    assertTrue(e.getMessage().contains("js must be from 0 to D - 1 = 1"), e.getMessage());
  }

  @Test
  void describesItsParametersInWords() {
    assertEquals(
        "cell key method (ONS Census 2021): counts moved by at most 4, noise variance 2.5, 1 and 2"
            + " never shown, the same records always given the same noise",
        CellKeyMethod.standard().describe());
  }

  @Test
  void recordKeysAreFixedSpreadAndDependOnTheSecretOnly(@TempDir Path home) throws Exception {
    RecordKeys a = RecordKeys.withSecret("one");
    RecordKeys b = RecordKeys.withSecret("one");
    RecordKeys c = RecordKeys.withSecret("two");
    assertEquals(a.key("K1"), b.key("K1"));
    assertNotEquals(a.key("K1"), c.key("K1"));
    // The installation's secret is made once and then read back: the same keys in a later run.
    Path file = home.resolve(".probation-lens/record-key-secret");
    RecordKeys made = RecordKeys.fromFile(file);
    assertTrue(Files.readString(file).strip().matches("[0-9a-f]{64}"));
    assertEquals(made.key("K9"), RecordKeys.fromFile(file).key("K9"));
    assertEquals(
        "rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    Files.writeString(file, "not a secret");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> RecordKeys.fromFile(file));
    assertTrue(e.getMessage().contains("expected the 64 hex digits"), e.getMessage());
    int[] buckets = new int[16];
    for (int i = 0; i < 160_000; i++) {
      int k = a.key("K" + i);
      assertTrue(k >= 0 && k < CellKeyMethod.KEY_RANGE);
      buckets[k >>> 16]++;
    }
    for (int n : buckets) {
      assertTrue(n > 9_500 && n < 10_500, "bucket of " + n);
    }
  }
}
