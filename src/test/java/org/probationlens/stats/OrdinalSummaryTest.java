package org.probationlens.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrdinalSummaryTest {
  private static final List<String> AGREE =
      List.of("strongly disagree", "disagree", "neither", "agree", "strongly agree");

  @Test
  void summarisesTwentyAnswersAsWorkedByHand() {
    // Answers: 2 strongly disagree, 3 disagree, 5 neither, 7 agree, 3 strongly agree (n = 20).
    // Cumulative counts 2, 5, 10, 17, 20.
    // Lower median: the 10th answer (rank (20+1)/2 = 10), which is "neither".
    // Median interval: P(Bin(20, 1/2) <= 5) = 21700/1048576 = 0.0207 <= 0.025, and
    // P(Bin(20, 1/2) <= 6) = 60460/1048576 = 0.0577 > 0.025, so r = 6: ranks 6 and 15, i.e.
    // "neither" to "agree". (Gardner & Altman, Statistics with Confidence, 2nd ed., Table 18.4
    // gives ranks 6 and 15 for n = 20 at 95%.)
    // Top box (agree or strongly agree): 10/20; Wilson 95% = 0.5 -+ 1.959964 * sqrt(0.0125 +
    // 0.0024015) / 1.1920730 = 0.5 -+ 0.2006 -> 0.2993 to 0.7007.
    OrdinalSummary s = OrdinalSummary.of("AWARE", AGREE, new long[] {2, 3, 5, 7, 3}, 3, 0.95);
    assertEquals(20, s.respondents());
    assertEquals("neither", s.medianLevel());
    assertEquals(2, s.median());
    assertEquals(2, s.medianLower());
    assertEquals(3, s.medianUpper());
    assertEquals(0.5, s.topBox().estimate());
    assertEquals(0.2993, s.topBox().lower(), 0.00005);
    assertEquals(0.7007, s.topBox().upper(), 0.00005);
    assertEquals(7.0 / 20, s.shares().get(3).estimate());
  }

  /** Order-statistic ranks for a 95% median interval, Gardner & Altman Table 18.4. */
  @ParameterizedTest
  @CsvSource({"6, 1", "10, 2", "20, 6", "30, 10", "50, 18", "5, 0"})
  void medianRanksMatchThePublishedTable(long n, int rank) {
    assertEquals(rank, OrdinalSummary.medianRank(n, 0.95));
  }

  @Test
  void tooFewAnswersForAMedianIntervalGiveTheWholeScale() {
    OrdinalSummary s = OrdinalSummary.of("AWARE", AGREE, new long[] {0, 0, 3, 2, 0}, 3, 0.95);
    assertEquals(0, s.medianLower());
    assertEquals(4, s.medianUpper());
  }

  @Test
  void refusesCountsThatDoNotFitTheLevels() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OrdinalSummary.of("AWARE", AGREE, new long[] {1, 2, 3}, 3, 0.95));
    assertEquals("counts must have one entry per level (5), had 3", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OrdinalSummary.of("AWARE", AGREE, new long[] {0, 0, 0, 0, 0}, 3, 0.95));
    assertEquals("item 'AWARE' has no answers", e.getMessage());
  }

  @Property
  void medianLiesInsideItsIntervalAndSharesSumToOne(
      @ForAll @Size(5) List<@IntRange(min = 0, max = 400) Integer> raw) {
    long[] counts = raw.stream().mapToLong(Integer::longValue).toArray();
    counts[2] += 1;
    OrdinalSummary s = OrdinalSummary.of("ITEM", AGREE, counts, 3, 0.95);
    assertTrue(s.medianLower() <= s.median() && s.median() <= s.medianUpper());
    double total = s.shares().stream().mapToDouble(Proportion::estimate).sum();
    assertEquals(1.0, total, 1e-9);
  }
}
