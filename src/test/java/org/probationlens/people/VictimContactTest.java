package org.probationlens.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.reference.FigureCheck;
import tech.tablesaw.api.Table;

class VictimContactTest {

  @Test
  void londonIsCalibratedAboveAFifthAndTheCheckSaysSo() {
    // 60 eligible cases: London offered round(0.75 * 60) = 45, not offered 15 of 60 = 25%.
    // Wilson 15/60 by hand: 0.157765 to 0.372321.
    LoadedDataset counts = SyntheticVictimContact.generate(60, 2014);
    VictimContact v = VictimContact.of(counts, 0.95);
    assertEquals(0.25, v.londonNotOffered().estimate(), 1e-12);
    assertEquals(0.157765, v.londonNotOffered().lower(), 1e-6);
    assertEquals(0.372321, v.londonNotOffered().upper(), 1e-6);
    FigureCheck check = v.londonCheck();
    assertTrue(check.pass());
    assertEquals("more than 20 percent", check.figure().valueText());
    assertEquals(Provenance.Kind.SYNTHETIC, v.sources().kind());
    assertEquals(7, v.table().rowCount());
  }

  @Test
  void aLondonAtOrBelowAFifthWouldFail() {
    LoadedDataset counts = SyntheticVictimContact.generate(60, 2014);
    Table t = counts.table();
    t.intColumn("offered").set(6, 50); // London (last division): 10 of 60 not offered = 16.7%
    VictimContact v = VictimContact.of(new LoadedDataset(t, counts.provenance()), 0.95);
    assertFalse(v.londonCheck().pass());
  }

  @Test
  void publishedFindingsArePublished() {
    var f = VictimContact.published();
    assertEquals(Provenance.Kind.PUBLISHED, f.sources().kind());
    assertEquals("more than a fifth", f.table().stringColumn("value_as_published").get(0));
  }
}
