package org.probationlens.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.probationlens.data.CaseRecords;
import org.probationlens.data.NDeliusExtract;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import tech.tablesaw.api.Table;

/**
 * Generate, write as nDelius tables, read back: the case table must equal the one {@link
 * CaseRecords#load} reads from the generator's own {@code cases.csv}, cell by cell, on several
 * seeds and sizes.
 */
class NDeliusRoundTripTest {

  @ParameterizedTest(name = "seed {0}, {1} rows")
  @CsvSource({"2014, 10000", "7, 12345", "-42, 30000"})
  void theExtractReadsBackToTheSameCaseTable(long seed, long rows, @TempDir Path dir)
      throws Exception {
    GenerationResult generated =
        CaseGenerator.standard()
            .generate(dir.resolve("csv"), new GeneratorSettings(seed, rows), (d, t) -> {});
    Path extract = NDeliusTables.write(generated, dir.resolve("ndelius"));

    Table expected = CaseRecords.load(generated.casesFile(), seed, CaseGenerator.VERSION).table();
    LoadedDataset read = NDeliusExtract.load(extract);
    Table actual = read.table();

    assertEquals(expected.columnNames(), actual.columnNames());
    assertEquals(expected.rowCount(), actual.rowCount());
    for (int c = 0; c < expected.columnCount(); c++) {
      assertEquals(expected.column(c).type(), actual.column(c).type(), expected.column(c).name());
      for (int r = 0; r < expected.rowCount(); r++) {
        assertEquals(
            expected.column(c).getString(r),
            actual.column(c).getString(r),
            "row " + r + ", column " + expected.column(c).name());
      }
    }
    assertEquals(Provenance.Kind.SYNTHETIC, read.provenance().kind());
    assertEquals(seed, read.provenance().seed());
    assertEquals(CaseGenerator.VERSION, read.provenance().generatorVersion());
    assertTrue(
        read.provenance().title().contains(NDeliusTables.MAPPING_SOURCE),
        read.provenance().title());
    // the writer's planted soft-deleted rows are left out and counted, never silently
    long managersDeleted = 0;
    long ghosts = 0;
    for (int r = 0; r < expected.rowCount(); r++) {
      long id = Long.parseLong(expected.stringColumn("case_id").get(r).substring(1));
      managersDeleted += id % 50 == 0 ? 1 : 0;
      ghosts += id % 97 == 0 ? 1 : 0;
    }
    String notes = String.join("\n", read.notes());
    assertTrue(
        notes.contains(
            "Soft-deleted rows left out (SOFT_DELETED = 1): EVENT "
                + ghosts
                + ", ORDER_MANAGER "
                + managersDeleted
                + "."),
        notes);
    assertTrue(
        notes.contains(
            "Rows of soft-deleted events or disposals left out: DISPOSAL " + ghosts + "."),
        notes);
  }

  @org.junit.jupiter.api.Test
  void aDirectoryIsRecognisedAsAnExtractByTheCaseLoader(@TempDir Path dir) throws Exception {
    GenerationResult generated =
        CaseGenerator.standard()
            .generate(dir.resolve("csv"), GeneratorSettings.defaults(), (d, t) -> {});
    Path extract = NDeliusTables.write(generated, dir.resolve("ndelius"));
    LoadedDataset viaLayout =
        CaseRecords.load(extract, org.probationlens.data.CaseLayout.of("auto", extract));
    LoadedDataset recognised = CaseRecords.load(extract);
    assertEquals(10_000, viaLayout.table().rowCount());
    assertEquals(viaLayout.provenance(), recognised.provenance());
  }
}
