package org.probationlens.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probationlens.stats.DisclosurePolicy.TotalsShown;

class DisclosurePolicyTest {

  /** The pattern as text, one line per row: P primary, S secondary, . shown. */
  static String pattern(DisclosureOutcome o) {
    StringBuilder b = new StringBuilder();
    for (int r = 0; r < o.rows(); r++) {
      for (int c = 0; c < o.columns(); c++) {
        b.append(
            switch (o.status(r, c)) {
              case SHOWN -> '.';
              case PRIMARY -> 'P';
              case SECONDARY -> 'S';
            });
      }
      b.append('\n');
    }
    return b.toString();
  }

  /**
   * Worked by hand. Starts by CPA (rows) and work type (columns), with totals shown; threshold 10.
   *
   * <pre>
   *         A    B    C | total
   *   r0   20    4   30 |  54
   *   r1   15   25   12 |  52
   *   r2   40   18   22 |  80
   *   tot  75   47   64 | 186
   * </pre>
   *
   * Primary: (r0,B)=4. Row r0 then has one suppressed cell: its smallest other is (r0,A)=20. Column
   * B has one: its smallest other is (r2,B)=18. Column A now has one, (r0,A): smallest other
   * (r1,A)=15. Row r2 has one, (r2,B): smallest other (r2,C)=22. Row r1 has one, (r1,A): smallest
   * other (r1,C)=12. Now every row and column holds two suppressed cells, and they form one cycle
   * r0-A-r1-C-r2-B-r0, so no cell is a bridge: 1 primary, 5 secondary, totals all shown.
   */
  @Test
  void handExampleWithTotals() {
    long[][] t = {{20, 4, 30, 54}, {15, 25, 12, 52}, {40, 18, 22, 80}, {75, 47, 64, 186}};
    DisclosureOutcome o =
        DisclosurePolicy.withDefaults().protect(t, TotalsShown.LAST_ROW_AND_COLUMN);
    assertEquals("SP..\nS.S.\n.SS.\n....\n", pattern(o));
    assertEquals(1, o.primary());
    assertEquals(5, o.secondary());
    assertEquals(
        "disclosure control: 6 cells suppressed, shown as [c] (1 count under 10, and 5 more so that"
            + " totals cannot give them back)",
        o.note());
    Attacker a = new Attacker(t, TotalsShown.LAST_ROW_AND_COLUMN, o);
    assertEquals(List.of(), a.bySubtraction());
    assertEquals(List.of(), a.recoveredExactly());
    // By hand: adding 1 and subtracting 1 around the cycle gives (r0,A)=21, (r1,A)=14, (r1,C)=13,
    // (r2,C)=21, (r2,B)=19, (r0,B)=3, which fits every total (54, 52, 80; 75, 47, 64) as well as
    // the true table does, and so does going the other way (r0,B)=5.
    double[][] b = a.bounds();
    assertTrue(b[1][1] - b[1][0] >= 2, "the small count (r0,B) has a range of at least 3 values");
  }

  /** Without secondary suppression the same table gives its small count straight back. */
  @Test
  void withoutSecondarySuppressionTheSubtractionAttackWorks() {
    long[][] t = {{20, 4, 30, 54}, {15, 25, 12, 52}, {40, 18, 22, 80}, {75, 47, 64, 186}};
    DisclosureOutcome o =
        DisclosurePolicy.withDefaults()
            .withSecondarySuppression(false)
            .protect(t, TotalsShown.LAST_ROW_AND_COLUMN);
    assertEquals("disclosure control: 1 cell suppressed, shown as [c] (counts under 10)", o.note());
    Attacker a = new Attacker(t, TotalsShown.LAST_ROW_AND_COLUMN, o);
    assertEquals(1, a.bySubtraction().size());
    assertEquals(List.of("0,1=4"), a.recoveredExactly());
  }

  /**
   * Totals not shown are still taken as known (published elsewhere). Two small counts in one row
   * protect each other along the row, but each is alone in its column: the columns then need one
   * more each, and those two share a row, closing the cycle r0-A-r1-B-r0. By hand: column A's
   * smallest other is 11 (r1), column B's is 13 (r1).
   */
  @Test
  void totalsNotShownAreStillProtected() {
    long[][] t = {{3, 5, 40}, {11, 13, 50}, {30, 14, 12}};
    DisclosureOutcome o = DisclosurePolicy.withDefaults().protect(t, TotalsShown.NONE);
    assertEquals("PP.\nSS.\n...\n", pattern(o));
    assertEquals(List.of(), new Attacker(t, TotalsShown.NONE, o).recoveredExactly());
  }

  /** A shown total under the threshold is itself a small count and is suppressed. */
  @Test
  void smallTotalIsSuppressed() {
    long[][] t = {{3, 4, 7}, {20, 30, 50}, {23, 34, 57}};
    DisclosureOutcome o =
        DisclosurePolicy.withDefaults().protect(t, TotalsShown.LAST_ROW_AND_COLUMN);
    assertTrue(o.suppressed(0, 2));
    assertEquals(3, o.primary());
    assertEquals(List.of(), new Attacker(t, TotalsShown.LAST_ROW_AND_COLUMN, o).recoveredExactly());
  }

  /** One count column (shares of a national total, say): the column total is what protects. */
  @Test
  void singleColumnNeedsTwoSuppressed() {
    long[][] t = {{120}, {7}, {45}, {300}};
    DisclosureOutcome o = DisclosurePolicy.withDefaults().protect(t, TotalsShown.NONE);
    assertEquals(".\nP\nS\n.\n", pattern(o));
  }

  /**
   * One person in the whole table: every total is 0 or 1, so whatever is suppressed, the totals say
   * where the person is. The outcome says so rather than claiming protection.
   */
  @Test
  void totalsTooSmallToHideAreReportedAsExposed() {
    long[][] t = {{0, 0}, {0, 1}};
    DisclosureOutcome o = DisclosurePolicy.withDefaults().protect(t, TotalsShown.NONE);
    assertEquals("SS\nSP\n", pattern(o));
    assertTrue(o.exposed(1, 1));
    assertEquals(
        List.of("1,1=1", "0,0=0", "0,1=0", "1,0=0").stream().sorted().toList(),
        new Attacker(t, TotalsShown.NONE, o).recoveredExactly().stream().sorted().toList());
    assertTrue(
        o.note()
            .endsWith(
                "WARNING: 4 suppressed cells can still be worked out from totals that are"
                    + " themselves small: show a coarser table"),
        o.note());
  }

  @Test
  void zerosShownByDefaultAndSuppressedOnRequest() {
    long[][] t = {{0, 25}, {30, 40}};
    assertEquals(0, DisclosurePolicy.withDefaults().protect(t, TotalsShown.NONE).suppressedCount());
    DisclosureOutcome z =
        DisclosurePolicy.withDefaults().withZerosSuppressed(true).protect(t, TotalsShown.NONE);
    assertEquals(DisclosureOutcome.Cell.PRIMARY, z.status(0, 0));
    assertEquals(4, z.suppressedCount());
  }

  @Test
  void roundingToFiveHalvesUp() {
    long[][] t = {{12, 13, 107}, {22, 30, 41}};
    DisclosureOutcome o =
        DisclosurePolicy.withDefaults().withRounding(5).protect(t, TotalsShown.NONE);
    assertEquals(10, o.shown(0, 0).getAsLong());
    assertEquals(15, o.shown(0, 1).getAsLong());
    assertEquals(105, o.shown(0, 2).getAsLong());
    assertEquals(20, o.shown(1, 0).getAsLong());
    assertEquals(
        "disclosure control: no cell suppressed (counts under 10 would be); shown counts rounded"
            + " to the nearest 5, so totals may not add up",
        o.note());
  }

  @Test
  void policyIsBuiltByCopies() {
    DisclosurePolicy d = DisclosurePolicy.withDefaults();
    DisclosurePolicy p = d.withThreshold(5).withRounding(5);
    assertEquals(10, d.threshold());
    assertEquals(1, d.roundingBase());
    assertEquals(5, p.threshold());
    assertEquals(5, p.roundingBase());
    assertTrue(p.secondarySuppression());
    assertFalse(p.zerosSuppressed());
    assertEquals(
        "counts under 10 suppressed, with secondary suppression; zeros shown; no rounding",
        d.toString());
  }

  @Test
  void badInputIsRefusedWithItsLocation() {
    DisclosurePolicy d = DisclosurePolicy.withDefaults();
    assertEquals(
        "threshold must be at least 1 (the smallest count that may be shown), was 0",
        assertThrows(IllegalArgumentException.class, () -> d.withThreshold(0)).getMessage());
    assertEquals(
        "threshold 10 must be a multiple of the rounding base 3, so that no shown count rounds to"
            + " a figure under the threshold",
        assertThrows(IllegalArgumentException.class, () -> d.withRounding(3)).getMessage());
    assertEquals(
        "count at row 1, column 0 is -2; counts are never negative",
        assertThrows(
                IllegalArgumentException.class,
                () -> d.protect(new long[][] {{1, 2}, {-2, 3}}, TotalsShown.NONE))
            .getMessage());
    assertEquals(
        "total at row 0, column 2 is 9; the row's other cells sum to 10",
        assertThrows(
                IllegalArgumentException.class,
                () -> d.protect(new long[][] {{4, 6, 9}, {1, 1, 2}}, TotalsShown.LAST_COLUMN))
            .getMessage());
    assertEquals(
        "counts row 1 has 1 columns; every row must have 2",
        assertThrows(
                IllegalArgumentException.class,
                () -> d.protect(new long[][] {{4, 6}, {1}}, TotalsShown.NONE))
            .getMessage());
  }
}
