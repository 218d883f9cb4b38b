package org.probationlens.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class LoadedDatasetTest {

  static final Table CASES = Table.create("cases", StringColumn.create("case_id", "K1", "K2"));
  static final String NOTE = "2 events at Altcourse (HMP) excluded: not a CPA or NPS division.";

  @Test
  void theNotesOfRealRecordsCountPeopleAndAreNotWrittenOut() {
    LoadedDataset real =
        new LoadedDataset(
            CASES,
            Provenance.officialSensitive("extract", "a CRC", "agreement", "a".repeat(64)),
            List.of(NOTE));
    assertFalse(real.toString().contains("Altcourse"), real.toString());
    assertTrue(real.toString().contains("The reader made 1 note"), real.toString());
    assertEquals(List.of(NOTE), real.notes());
  }

  @Test
  void theNotesOfSyntheticRecordsAreWrittenOut() {
    LoadedDataset synthetic =
        new LoadedDataset(
            CASES,
            Provenance.synthetic("cases", "generator", 1L, "2", "b".repeat(64)),
            List.of(NOTE));
    assertTrue(synthetic.toString().endsWith("Notes: " + NOTE), synthetic.toString());
  }
}
