package org.probationlens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probationlens.spark.Tables.assertSameTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.area.Geography;
import org.probationlens.area.Level;
import org.probationlens.data.ForecastVolumes;
import org.probationlens.data.synthetic.CaseGenerator;
import org.probationlens.data.synthetic.GeneratorSettings;
import org.probationlens.data.synthetic.ProgressListener;
import org.probationlens.engine.CaseCsv;
import org.probationlens.innovation.AccreditedProgrammes;
import org.probationlens.parquet.DataFirstParquet;
import org.probationlens.period.FinancialYear;
import org.probationlens.period.ReportingPeriod;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.volume.VolumeVariance;
import tech.tablesaw.api.Table;

/**
 * Spark (local[2]) reading the Data First Parquet parts the generator writes, against the core on
 * the same cases: every case, the notes, and every shortfall and accredited-programme share.
 */
class SparkDataFirstTest {
  private static SparkSession spark;
  @TempDir static Path dir;

  private static final Geography GEO = Geography.standard().assumingNpsDivision("NTS", "N04");
  private static final ReportingPeriod FY1415 = ReportingPeriod.of(FinancialYear.parse("2014-15"));
  private static final ReportingPeriod FY1516 = ReportingPeriod.of(FinancialYear.parse("2015-16"));

  @BeforeAll
  static void start() {
    spark = LensSpark.session("local[2]");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void givesTheCoresCasesNotesAndFigures() throws IOException {
    Path generated = dir.resolve("generated");
    CaseGenerator.standard()
        .generate(generated, new GeneratorSettings(3, 20_000), ProgressListener.none());
    Path parts = dir.resolve("parts");
    DataFirstParquet.write(generated, parts, 3);

    SparkDataFirst.Result read = SparkDataFirst.read(spark, parts, 4);
    LoadedDataset core = DataFirstParquet.load(parts);
    // the core's notes after its two about the files: the same counts, summed over partitions
    assertEquals(core.notes().subList(2, core.notes().size()), read.notes());
    assertTrue(read.notes().get(1).startsWith("20 flat-file row(s) repeated"), read.notes().get(1));

    // every case, in case_id order on both sides
    List<Row> rows = new ArrayList<>(read.cases().collectAsList());
    rows.sort(Comparator.comparing(r -> r.getString(0)));
    Table expected = core.table().sortAscendingOn("case_id");
    assertEquals(expected.rowCount(), rows.size());
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < expected.columnCount(); c++) {
        assertEquals(expected.column(c).get(r), rows.get(r).get(c), "row " + r + ", column " + c);
      }
    }

    Table forecast = ForecastVolumes.load(generated.resolve("forecast.csv")).table();
    VolumeVariance onCore =
        VolumeVariance.of(CaseCsv.read(generated.resolve("cases.csv")), forecast)
            .withGeography(GEO)
            .apportioningForecastBy(FY1415);
    VolumeVariance onSpark =
        SparkVolumes.volumeVariance(read.cases(), forecast)
            .withGeography(GEO)
            .apportioningForecastBy(FY1415);
    for (Level level : Level.values()) {
      assertSameTable(
          onCore.shortfall(level, FY1516).table(), onSpark.shortfall(level, FY1516).table());
      assertSameTable(
          onCore.shortfallByWorkType(level, FY1516).table(),
          onSpark.shortfallByWorkType(level, FY1516).table());
    }
    assertSameTable(
        AccreditedProgrammes.shareByQuarter(core.table()),
        SparkAccredited.shareByQuarter(read.cases()));
    read.cases().unpersist();
  }

  @Test
  void aLookupWithoutAStatedSourceIsRefused() throws IOException {
    Path generated = dir.resolve("generated-small");
    CaseGenerator.standard()
        .generate(generated, new GeneratorSettings(4, 10_000), ProgressListener.none());
    Path parts = dir.resolve("unsourced");
    DataFirstParquet.write(generated, parts, 1);
    Files.writeString(parts.resolve("MANIFEST"), "synthetic=true\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SparkDataFirst.read(spark, parts, 2));
    assertTrue(
        e.getMessage().startsWith(parts + ": the source of lsoa_pcc_lookup.csv is not stated"),
        e.getMessage());
  }
}
