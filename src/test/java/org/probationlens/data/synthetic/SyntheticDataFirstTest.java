package org.probationlens.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.probationlens.data.CaseRecords;
import org.probationlens.data.DataFirstFiles;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.DatasetValidationException;
import tech.tablesaw.api.Table;

/**
 * Round trip through the Data First layout: generate, write the layout, read it back with {@link
 * DataFirstFiles}, and get the project's case table cell by cell, on several seeds and sizes.
 */
class SyntheticDataFirstTest {

  @TempDir Path dir;

  /** Asserts that two case tables hold the same columns and cells, in the same order. */
  static void assertSameCases(Table expected, Table actual) {
    assertEquals(expected.columnNames(), actual.columnNames());
    assertEquals(expected.rowCount(), actual.rowCount(), "rows");
    for (int c = 0; c < expected.columnCount(); c++) {
      assertEquals(expected.column(c).type(), actual.column(c).type(), expected.column(c).name());
      for (int r = 0; r < expected.rowCount(); r++) {
        Object e = expected.column(c).get(r);
        Object a = actual.column(c).get(r);
        if (!e.equals(a)) {
          throw new AssertionError(
              "row " + (r + 1) + ", column " + expected.column(c).name() + ": " + e + " != " + a);
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}, {1} rows")
  @CsvSource({"2014, 10000", "7, 23000", "123456789, 41000"})
  void csvRoundTripGivesTheSameCaseTable(long seed, long rows) throws IOException {
    Path generated = dir.resolve("generated");
    CaseGenerator.standard()
        .generate(generated, new GeneratorSettings(seed, rows), ProgressListener.none());
    Path layout = dir.resolve("datafirst");
    SyntheticDataFirst.writeCsv(generated, layout);

    Table expected =
        CaseRecords.load(generated.resolve("cases.csv"), Provenance.Kind.SYNTHETIC).table();
    LoadedDataset read = DataFirstFiles.load(layout);
    assertSameCases(expected, read.table());
    assertEquals(Provenance.Kind.SYNTHETIC, read.provenance().kind());
    assertEquals(seed, read.provenance().seed());
    // every 997th case's row is written twice: rows / 997 duplicates, collapsed and counted
    long duplicates = rows / 997;
    assertTrue(
        read.notes()
            .contains(
                duplicates
                    + " flat-file row(s) repeated an event_id_hash with the same values in every"
                    + " column this reader uses, and were collapsed into the first."),
        read.notes().toString());
    assertTrue(
        read.notes().get(2).startsWith("Read " + (rows + duplicates) + " flat-file rows (" + rows),
        read.notes().get(2));
  }

  @Test
  void theManifestRefusesSyntheticFilesStatedRealAndFilesChangedSinceWritten() throws IOException {
    Path generated = dir.resolve("generated");
    CaseGenerator.standard()
        .generate(generated, new GeneratorSettings(11, 10_000), ProgressListener.none());
    Path layout = dir.resolve("datafirst");
    SyntheticDataFirst.writeCsv(generated, layout);
    DatasetValidationException real =
        assertThrows(
            DatasetValidationException.class,
            () -> DataFirstFiles.load(layout, Provenance.Kind.OFFICIAL_SENSITIVE));
    assertEquals(layout.resolve("MANIFEST").toString(), real.file());
    assertEquals("synthetic", real.problems().get(0).column());
    assertEquals(
        "the kind the caller stated, OFFICIAL_SENSITIVE; the manifest says these files are"
            + " SYNTHETIC",
        real.problems().get(0).expected());
    // one RAR length changed to 999 days (more than any generated) after the manifest was written
    Path rq = layout.resolve("rqmnts.csv");
    Files.writeString(rq, Files.readString(rq).replaceFirst(",F,,(.*),(\\d+)\n", ",F,,$1,999\n"));
    DatasetValidationException changed =
        assertThrows(DatasetValidationException.class, () -> DataFirstFiles.load(layout));
    assertEquals("rqmnts.csv.sha256", changed.problems().get(0).column());
  }

  @Test
  void parquetPartsWithoutTheParquetModuleAreRefusedNamingIt() throws IOException {
    Files.writeString(dir.resolve("moj_probation_flatfile_01.parquet"), "");
    Files.writeString(dir.resolve("moj_probation_rqmnts_01.parquet"), "");
    SyntheticDataFirst.writeLookup(dir);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DataFirstFiles.load(dir, Provenance.Kind.SYNTHETIC));
    assertEquals(
        dir
            + ": holds Data First Parquet parts, and no Parquet reader is on the class path; add"
            + " the probation-lens-parquet module (the kernel has it) and use"
            + " org.probationlens.parquet.DataFirstParquet.load, or convert the parts to"
            + " flatfile.csv and rqmnts.csv",
        e.getMessage());
  }

  @Test
  void syntheticLsoaCodesCannotBeMistakenForRealOnes() throws IOException {
    Path lookup = SyntheticDataFirst.writeLookup(dir);
    List<String> lines = Files.readAllLines(lookup);
    assertEquals("lsoa11cd,pcc_area", lines.get(0));
    // 42 PCC areas, 4 LSOAs each
    assertEquals(1 + 42 * 4, lines.size());
    for (String line : lines.subList(1, lines.size())) {
      String code = line.split(",")[0];
      // real LSOA 2011 codes are E01 or W01 and six digits
      assertTrue(code.matches("X01[0-9]{6}"), code);
    }
  }
}
