package org.probationlens.partners;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ReferralFunnelTest {

  @Test
  void theOrganisationsNamedAddUpToTheSevenHundredPublished() {
    ReferralFunnel f = ReferralFunnel.of(SyntheticReferrals.generate(2014), 0.95);
    assertEquals(700, f.organisationsNamed());
    assertTrue(f.organisationsCheck().pass());
    assertEquals(22, f.table().rowCount());
    assertEquals(ReferralFunnel.ALL, f.table().stringColumn("crc").get(21));
    assertEquals(Provenance.Kind.SYNTHETIC, f.sources().kind());
  }

  @Test
  void theShortfallIntervalByHand() {
    // promised 100, referred 40: shortfall 60 of 100 = 60%; Wilson 60/100 by hand (z = 1.959964):
    // centre (0.6 + 0.019207) / 1.038415 = 0.596303, half 0.094298: 0.502003 to 0.690599.
    Table t =
        Table.create(
            "mine",
            StringColumn.create("crc", "A CRC"),
            IntColumn.create("organisations_named", new int[] {4}),
            IntColumn.create("promised", new int[] {100}),
            IntColumn.create("referred", new int[] {40}),
            IntColumn.create("started", new int[] {30}),
            IntColumn.create("completed", new int[] {20}));
    ReferralFunnel f =
        ReferralFunnel.of(new LoadedDataset(t, SyntheticReferrals.generate(1).provenance()), 0.95);
    Table out = f.table();
    assertEquals(60.0, out.doubleColumn("shortfall_percent").getDouble(0), 1e-12);
    assertEquals(50.2003, out.doubleColumn("shortfall_lower").getDouble(0), 1e-4);
    assertEquals(69.0599, out.doubleColumn("shortfall_upper").getDouble(0), 1e-4);
    assertEquals(75.0, out.doubleColumn("started_percent_of_referred").getDouble(0), 1e-12);
  }

  @Test
  void aFunnelThatWidensIsRefusedWithItsRow() {
    Table t =
        Table.create(
            "mine",
            StringColumn.create("crc", "A CRC"),
            IntColumn.create("organisations_named", new int[] {4}),
            IntColumn.create("promised", new int[] {100}),
            IntColumn.create("referred", new int[] {40}),
            IntColumn.create("started", new int[] {50}),
            IntColumn.create("completed", new int[] {20}));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ReferralFunnel.of(
                    new LoadedDataset(t, SyntheticReferrals.generate(1).provenance()), 0.95));
    assertEquals(
        "mine row 1 (A CRC): expected promised >= 1 and completed <= started <= referred; got"
            + " promised 100, referred 40, started 50, completed 20",
        e.getMessage());
  }

  @Test
  void theSameSeedGivesTheSameFunnel() {
    assertArrayEquals(
        SyntheticReferrals.generate(7).table().intColumn("referred").asIntArray(),
        SyntheticReferrals.generate(7).table().intColumn("referred").asIntArray());
  }

  @Property(tries = 100)
  void largestRemainderAlwaysAddsUpToTheTarget(
      @ForAll @IntRange(min = 1, max = 30) int parts,
      @ForAll @IntRange(min = 0, max = 5000) int target) {
    double[] w = new double[parts];
    double total = 0;
    for (int i = 0; i < parts; i++) {
      w[i] = 1 + (i * 7919 % 13);
      total += w[i];
    }
    int[] out = SyntheticReferrals.largestRemainder(w, total, target);
    assertEquals(target, java.util.Arrays.stream(out).sum());
  }
}
