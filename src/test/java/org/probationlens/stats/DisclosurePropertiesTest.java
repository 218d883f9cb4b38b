package org.probationlens.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.probationlens.stats.DisclosurePolicy.TotalsShown;

/**
 * Over random tables of counts (many of them small, some zero), with or without shown totals:
 * nothing under the threshold is shown, and a reader with every row and column total recovers no
 * suppressed cell, by subtraction or by linear programming.
 */
class DisclosurePropertiesTest {

  record Case(long[][] table, TotalsShown totals, DisclosurePolicy policy) {}

  @Provide
  Arbitrary<Case> tables() {
    Arbitrary<Long> cell =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(0, 0)),
            net.jqwik.api.Tuple.of(4, Arbitraries.longs().between(1, 9)),
            net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(10, 200)));
    Arbitrary<long[][]> inner =
        Combinators.combine(
                Arbitraries.integers().between(1, 6), Arbitraries.integers().between(1, 6))
            .flatAs((r, c) -> cell.array(long[].class).ofSize(c).array(long[][].class).ofSize(r));
    Arbitrary<DisclosurePolicy> policy =
        Combinators.combine(
                Arbitraries.of(5, 10), Arbitraries.of(true, false), Arbitraries.of(1, 5))
            .as(
                (t, z, b) ->
                    DisclosurePolicy.withDefaults()
                        .withThreshold(t)
                        .withZerosSuppressed(z)
                        .withRounding(b));
    return Combinators.combine(inner, Arbitraries.of(TotalsShown.values()), policy)
        .as((t, s, p) -> new Case(withTotals(t, s), s, p));
  }

  static long[][] withTotals(long[][] inner, TotalsShown totals) {
    int r = inner.length;
    int c = inner[0].length;
    int rr = r + (totals.row() ? 1 : 0);
    int cc = c + (totals.column() ? 1 : 0);
    long[][] t = new long[rr][cc];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        t[i][j] = inner[i][j];
        if (totals.column()) {
          t[i][c] += inner[i][j];
        }
        if (totals.row()) {
          t[r][j] += inner[i][j];
        }
        if (totals.row() && totals.column()) {
          t[r][c] += inner[i][j];
        }
      }
    }
    return t;
  }

  @Property(tries = 400)
  void nothingUnderTheThresholdIsShown(@ForAll("tables") Case k) {
    DisclosureOutcome o = k.policy().protect(k.table(), k.totals());
    for (int r = 0; r < o.rows(); r++) {
      for (int c = 0; c < o.columns(); c++) {
        long v = k.table()[r][c];
        if (k.policy().isSmall(v)) {
          assertTrue(o.suppressed(r, c), "small count " + v + " at " + r + "," + c + " shown");
        }
        if (!o.suppressed(r, c)) {
          long shown = o.shown(r, c).getAsLong();
          assertTrue(
              shown == 0 || shown >= k.policy().threshold(),
              "shown " + shown + " at " + r + "," + c);
        }
      }
    }
  }

  /**
   * Every cell the reader recovers exactly is one the outcome reports as exposed (its totals are
   * too small for any suppression to hide it), and the note then warns; with zeros shown and no
   * suppressed zero, nothing at all is recovered.
   */
  @Property(tries = 500)
  void totalsGiveNoSuppressedCellBack(@ForAll("tables") Case k) {
    DisclosureOutcome o = k.policy().protect(k.table(), k.totals());
    Attacker a = new Attacker(k.table(), k.totals(), o);
    String where = java.util.Arrays.deepToString(k.table()) + " " + k.totals() + " " + k.policy();
    for (String cell : a.recoveredExactly()) {
      String[] rc = cell.split("[,=]");
      assertTrue(
          o.exposed(Integer.parseInt(rc[0]), Integer.parseInt(rc[1])),
          "recovered " + cell + " not reported as exposed: " + where);
    }
    for (int[] cell : a.bySubtraction()) {
      assertTrue(o.exposed(cell[0], cell[1]), "subtraction gave " + cell[0] + "," + cell[1]);
    }
    if (o.exposedCount() > 0) {
      assertTrue(o.note().contains("WARNING"), o.note());
    }
  }

  /** Where every row and column total is at least the threshold, nothing is exposed. */
  @Property(tries = 500)
  void largeTotalsMeanNothingIsRecovered(@ForAll("tables") Case k) {
    long[][] inner = inner(k);
    long t = k.policy().threshold();
    for (long[] row : inner) {
      net.jqwik.api.Assume.that(inner[0].length < 2 || java.util.Arrays.stream(row).sum() >= t);
    }
    for (int c = 0; c < inner[0].length; c++) {
      final int cc = c;
      net.jqwik.api.Assume.that(
          inner.length < 2 || java.util.Arrays.stream(inner).mapToLong(r -> r[cc]).sum() >= t);
    }
    DisclosureOutcome o = k.policy().protect(k.table(), k.totals());
    Attacker a = new Attacker(k.table(), k.totals(), o);
    assertEquals(List.of(), a.recoveredExactly(), java.util.Arrays.deepToString(k.table()));
    assertEquals(0, o.exposedCount());
  }

  static long[][] inner(Case k) {
    int r = k.table().length - (k.totals().row() ? 1 : 0);
    int c = k.table()[0].length - (k.totals().column() ? 1 : 0);
    long[][] out = new long[r][c];
    for (int i = 0; i < r; i++) {
      out[i] = java.util.Arrays.copyOf(k.table()[i], c);
    }
    return out;
  }
}
