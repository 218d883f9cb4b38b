package org.probationlens.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.probationlens.data.CaseRecords;
import org.probationlens.data.DataFirstFiles;
import org.probationlens.data.synthetic.CaseGenerator;
import org.probationlens.data.synthetic.GeneratorSettings;
import org.probationlens.data.synthetic.ProgressListener;
import org.probationlens.data.synthetic.SyntheticDataFirst;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import tech.tablesaw.api.Table;

/**
 * The Data First Parquet parts: generated, written, read back to the project's case table cell by
 * cell; and parts DuckDB writes (lengths as doubles, as R writes them, and names without the {@code
 * .parquet} ending, as the MoJ's are read in a fellow's code) read the same.
 */
class DataFirstParquetTest {
  @TempDir Path dir;

  private Path generate(long seed, long rows) throws IOException {
    Path generated = dir.resolve("generated");
    CaseGenerator.standard()
        .generate(generated, new GeneratorSettings(seed, rows), ProgressListener.none());
    return generated;
  }

  private static Table expected(Path generated) {
    return CaseRecords.load(generated.resolve("cases.csv"), Provenance.Kind.SYNTHETIC).table();
  }

  static void assertSameCases(Table expected, Table actual) {
    assertEquals(expected.columnNames(), actual.columnNames());
    assertEquals(expected.rowCount(), actual.rowCount(), "rows");
    for (int c = 0; c < expected.columnCount(); c++) {
      assertEquals(expected.column(c).type(), actual.column(c).type(), expected.column(c).name());
      for (int r = 0; r < expected.rowCount(); r++) {
        if (!expected.column(c).get(r).equals(actual.column(c).get(r))) {
          throw new AssertionError(
              "row "
                  + (r + 1)
                  + ", column "
                  + expected.column(c).name()
                  + ": "
                  + expected.column(c).get(r)
                  + " != "
                  + actual.column(c).get(r));
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}, {1} rows, {2} parts")
  @CsvSource({"2014, 10000, 3", "99, 26000, 2", "5, 12000, 1"})
  void partsRoundTripToTheSameCaseTable(long seed, long rows, int parts) throws IOException {
    Path generated = generate(seed, rows);
    Path out = dir.resolve("parts");
    DataFirstParquet.write(generated, out, parts);
    assertEquals(
        parts,
        Files.list(out)
            .filter(p -> p.getFileName().toString().startsWith("moj_probation_flatfile_"))
            .count());
    LoadedDataset read = DataFirstParquet.load(out);
    assertSameCases(expected(generated), read.table());
    assertEquals(Provenance.Kind.SYNTHETIC, read.provenance().kind());
    // the library's own entry point finds this module's reader on the class path
    assertSameCases(read.table(), DataFirstFiles.load(out, Provenance.Kind.SYNTHETIC).table());
  }

  @Test
  void partsDuckDbWritesAreReadTheSame() throws Exception {
    Path generated = generate(2014, 10_000);
    Path csv = dir.resolve("csv");
    SyntheticDataFirst.writeCsv(generated, csv);
    Path parts = dir.resolve("duck");
    Files.createDirectories(parts);
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement()) {
      // lengths as DOUBLE (R's numeric), dates as DATE, no .parquet ending on the names
      String flat =
          "SELECT * REPLACE (CAST(length AS DOUBLE) AS length, CAST(length_in_days AS DOUBLE) AS"
              + " length_in_days) FROM read_csv('"
              + csv.resolve("flatfile.csv")
              + "', header = true, all_varchar = false)";
      st.execute(
          "COPY ("
              + flat
              + " WHERE event_id_hash < 'K00005000') TO '"
              + parts.resolve("moj_probation_flatfile_01")
              + "' (FORMAT PARQUET)");
      st.execute(
          "COPY ("
              + flat
              + " WHERE event_id_hash >= 'K00005000') TO '"
              + parts.resolve("moj_probation_flatfile_02")
              + "' (FORMAT PARQUET)");
      st.execute(
          "COPY (SELECT * REPLACE (CAST(length AS DOUBLE) AS length) FROM read_csv('"
              + csv.resolve("rqmnts.csv")
              + "', header = true, types = {'rqmnt_type_main_category_code': 'VARCHAR',"
              + " 'rqmnt_type_sub_category_code': 'VARCHAR'})) TO '"
              + parts.resolve("moj_probation_rqmnts_01")
              + "' (FORMAT PARQUET)");
    }
    Files.copy(csv.resolve("lsoa_pcc_lookup.csv"), parts.resolve("lsoa_pcc_lookup.csv"));
    Files.writeString(
        parts.resolve("MANIFEST"),
        "synthetic=true\nlsoa_pcc_lookup.source=" + SyntheticDataFirst.LOOKUP_SOURCE + "\n");
    assertSameCases(expected(generated), DataFirstParquet.load(parts).table());
  }

  @Test
  void aBadCellIsLocatedByPartAndRow() throws Exception {
    Path generated = generate(2014, 10_000);
    Path csv = dir.resolve("csv");
    SyntheticDataFirst.writeCsv(generated, csv);
    Path parts = dir.resolve("bad");
    Files.createDirectories(parts);
    Path part = parts.resolve("moj_probation_flatfile_01.parquet");
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement()) {
      // the third row's description made unknown; rows kept in file order
      st.execute(
          "COPY (SELECT * REPLACE (CASE WHEN event_id_hash = 'K00000003' THEN 'Community"
              + " Sentence' ELSE disposal_type_description END AS disposal_type_description)"
              + " FROM read_csv('"
              + csv.resolve("flatfile.csv")
              + "', header = true) WHERE event_id_hash <= 'K00000010') TO '"
              + part
              + "' (FORMAT PARQUET)");
      st.execute(
          "COPY (SELECT * FROM read_csv('"
              + csv.resolve("rqmnts.csv")
              + "', header = true, types = {'rqmnt_type_main_category_code': 'VARCHAR'}) WHERE"
              + " event_id_hash <= 'K00000010') TO '"
              + parts.resolve("moj_probation_rqmnts_01.parquet")
              + "' (FORMAT PARQUET)");
    }
    Files.copy(csv.resolve("lsoa_pcc_lookup.csv"), parts.resolve("lsoa_pcc_lookup.csv"));
    Files.writeString(parts.resolve("MANIFEST"), "lsoa_pcc_lookup.source=test\n");
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class,
            () -> DataFirstParquet.load(parts, Provenance.Kind.SYNTHETIC));
    assertEquals(1, e.problems().size(), e.getMessage());
    Problem p = e.problems().get(0);
    assertEquals(Problem.Origin.TABLE, p.origin());
    assertEquals(part.toString(), p.file());
    assertEquals(3, p.line());
    assertEquals("disposal_type_description", p.column());
    // the ninth column of the flat file as the generator writes it
    assertEquals(9, p.columnNumber());
    assertEquals("Community Sentence", p.value());
  }
}
