package org.probationlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.data.CaseRecords;
import org.probationlens.data.DataFirstFiles;
import org.probationlens.provenance.Provenance;
import tech.tablesaw.api.Table;

class DataCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(boolean terminal, String... args) {
    return DataCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        terminal);
  }

  private String firstErrorLine() {
    return err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
  }

  @Test
  void badArgumentsGiveAClearErrorAndStatusTwo() {
    assertEquals(DataCommand.USAGE, run(false, "--rows", "10M"));
    assertEquals(
        "lens data: --rows '10M' is not valid; expected a whole number from 10000 to 999999999"
            + " (digits only)",
        firstErrorLine());
    err.reset();
    assertEquals(DataCommand.USAGE, run(false, "--rows", "500"));
    assertEquals(
        "lens data: --rows 500 is out of range; expected a whole number from 10000 to 999999999"
            + " (digits only)",
        firstErrorLine());
    err.reset();
    assertEquals(DataCommand.USAGE, run(false, "--seed"));
    assertEquals("lens data: --seed needs a value", firstErrorLine());
    err.reset();
    assertEquals(DataCommand.USAGE, run(false, "--seed", "1.5"));
    assertEquals(
        "lens data: --seed '1.5' is not valid; expected a whole number (a 64-bit signed integer)",
        firstErrorLine());
    err.reset();
    assertEquals(DataCommand.USAGE, run(false, "--seed", "9223372036854775808"));
    assertEquals(
        "lens data: --seed 9223372036854775808 is out of range; expected a whole number from"
            + " -9223372036854775808 to 9223372036854775807",
        firstErrorLine());
    err.reset();
    assertEquals(DataCommand.USAGE, run(false, "--rows", "20000", "--rows=30000"));
    assertEquals("lens data: --rows given twice", firstErrorLine());
    err.reset();
    assertEquals(DataCommand.USAGE, run(false, "--out-dir", "x"));
    assertEquals(
        "lens data: unknown argument '--out-dir'; expected --rows, --seed, --out, --ndelius,"
            + " --parquet or --data-first",
        firstErrorLine());
  }

  @Test
  void anOutputPathThatIsAFileIsRefused(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertEquals(DataCommand.USAGE, run(false, "--out", file.toString()));
    assertEquals(
        "lens data: --out " + file + " exists and is not a directory; expected a directory",
        firstErrorLine());
  }

  @Test
  void writesTheFilesWithOneProgressLinePerTenPercentWhenNotATerminal(@TempDir Path dir) {
    assertEquals(
        DataCommand.OK, run(false, "--rows=12000", "--seed", "-3", "--out", dir.toString()));
    for (String file : List.of("cases.csv", "forecast.csv", "MANIFEST")) {
      assertTrue(Files.isRegularFile(dir.resolve(file)), file);
    }
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(
        List.of(
            "lens data: generating 12,000 SYNTHETIC rows, seed -3, into " + dir,
            "lens data: 10% (1,200 of 12,000 rows)",
            "lens data: 20% (2,400 of 12,000 rows)",
            "lens data: 30% (3,600 of 12,000 rows)",
            "lens data: 40% (4,800 of 12,000 rows)",
            "lens data: 50% (6,000 of 12,000 rows)",
            "lens data: 60% (7,200 of 12,000 rows)",
            "lens data: 70% (8,400 of 12,000 rows)",
            "lens data: 80% (9,600 of 12,000 rows)",
            "lens data: 90% (10,800 of 12,000 rows)",
            "lens data: 100% (12,000 of 12,000 rows)"),
        lines);
    String summary = out.toString(StandardCharsets.UTF_8);
    assertTrue(summary.startsWith("synthetic data written"), summary);
    // the CPA values are 6 and 36 up to forecasts rounded to hundredths of a weighted unit
    assertTrue(
        summary.matches(
            "(?s).*2015-16 CRC shortfall against forecast across CPAs: (5\\.9[5-9]|6\\.0[0-5])% to"
                + " (35\\.9[5-9]|36\\.0[0-5])%.*"),
        summary);
    // and 16 and 48 in April-June 2017 (NAO HC 676), up to the same rounding
    assertTrue(
        summary.matches(
            "(?s).*Q1 2017-18 CRC shortfall against forecast across CPAs: (15\\.9[5-9]|16\\.0[0-5])%"
                + " to (47\\.9[5-9]|48\\.0[0-5])% \\(synthetic per CPA; published range 16% to 48%,"
                + " NAO HC 676\\).*"),
        summary);
  }

  @Test
  void writesTheSameCasesInTheDataFirstLayoutAsCsvAndParquet(@TempDir Path dir) {
    Path generated = dir.resolve("gen");
    Path dataFirst = dir.resolve("datafirst");
    assertEquals(
        DataCommand.OK,
        run(
            false,
            "--rows",
            "10000",
            "--out",
            generated.toString(),
            "--data-first",
            dataFirst.toString()));
    Table cases =
        CaseRecords.load(generated.resolve("cases.csv"), Provenance.Kind.SYNTHETIC).table();
    for (Path layout : List.of(dataFirst.resolve("csv"), dataFirst.resolve("parquet"))) {
      Table read = DataFirstFiles.load(layout).table();
      assertEquals(cases.rowCount(), read.rowCount(), layout.toString());
      for (int c = 0; c < cases.columnCount(); c++) {
        for (int r = 0; r < cases.rowCount(); r++) {
          assertEquals(cases.column(c).get(r), read.column(c).get(r), layout + " row " + r);
        }
      }
    }
    assertTrue(Files.isRegularFile(dataFirst.resolve("parquet/moj_probation_flatfile_01.parquet")));
    assertTrue(
        out.toString(StandardCharsets.UTF_8)
            .contains(
                "the same cases in the MoJ Data First layout (SYNTHETIC, LSOA codes X01...):"));
  }

  @Test
  void drawsABarInPlaceOnATerminal() {
    DataCommand.Progress bar =
        new DataCommand.Progress(new PrintStream(err, true, StandardCharsets.UTF_8), true);
    bar.progress(0, 200);
    bar.progress(1, 200);
    bar.progress(100, 200);
    bar.progress(200, 200);
    String drawn = err.toString(StandardCharsets.UTF_8);
    assertEquals(3, drawn.chars().filter(c -> c == '\r').count(), drawn);
    assertTrue(drawn.contains("\r[###############---------------]  50%  100 / 200 rows"), drawn);
    assertTrue(drawn.contains("\r[##############################] 100%  200 / 200 rows"), drawn);
    assertTrue(drawn.endsWith("\n"), drawn);
  }

  @Test
  void withNdeliusTheSameCasesAreWrittenAsAnExtractThatReadsBack(@TempDir Path dir) {
    assertEquals(DataCommand.OK, run(false, "--out", dir.toString(), "--ndelius"));
    Path extract = dir.resolve("ndelius");
    assertTrue(
        out.toString(StandardCharsets.UTF_8)
            .contains(
                "  " + extract + "  the same cases as an nDelius extract (with its MANIFEST)"));
    org.probationlens.provenance.LoadedDataset read =
        org.probationlens.data.NDeliusExtract.load(extract);
    assertEquals(10_000, read.table().rowCount());
    assertEquals(org.probationlens.provenance.Provenance.Kind.SYNTHETIC, read.provenance().kind());
  }

  @Test
  void withParquetTheSameCasesAreWrittenAsParquetThatReadsBackCellByCell(@TempDir Path dir) {
    assertEquals(DataCommand.OK, run(false, "--out", dir.toString(), "--parquet"));
    Path parquet = dir.resolve("cases.parquet");
    assertTrue(
        out.toString(StandardCharsets.UTF_8)
            .contains("  " + parquet + "  the same cases in Parquet"));
    Table fromCsv = org.probationlens.engine.CaseCsv.read(dir.resolve("cases.csv")).toTablesaw();
    Table fromParquet = org.probationlens.parquet.CaseParquet.read(parquet).toTablesaw();
    assertEquals(10_000, fromParquet.rowCount());
    for (String column : fromCsv.columnNames()) {
      assertEquals(fromCsv.column(column).asList(), fromParquet.column(column).asList(), column);
    }
    err.reset();
    assertEquals(DataCommand.USAGE, run(false, "--parquet", "--parquet"));
    assertEquals("lens data: --parquet given twice", firstErrorLine());
  }
}
