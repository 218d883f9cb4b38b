package org.probationlens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probationlens.spark.Tables.assertSameTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.probationlens.area.Geography;
import org.probationlens.area.Level;
import org.probationlens.data.ForecastVolumes;
import org.probationlens.data.synthetic.CaseGenerator;
import org.probationlens.data.synthetic.GeneratorSettings;
import org.probationlens.data.synthetic.ProgressListener;
import org.probationlens.engine.CaseCsv;
import org.probationlens.engine.ColumnTable;
import org.probationlens.innovation.AccreditedProgrammes;
import org.probationlens.parquet.CaseParquet;
import org.probationlens.period.FinancialYear;
import org.probationlens.period.ReportingPeriod;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.volume.VolumeVariance;
import tech.tablesaw.api.Table;

/**
 * Spark (local[2]) against the core engine on the same generated cases: every cell of every
 * shortfall (all levels, all work types, three periods), mix effect and accredited-programme share,
 * for several seeds and sizes. The core engine is the reference: its figures are themselves checked
 * against DuckDB and hand calculations in the core's tests.
 */
class SparkVolumesTest {
  private static SparkSession spark;
  @TempDir static Path dir;

  private static final ReportingPeriod FY1415 = ReportingPeriod.of(FinancialYear.parse("2014-15"));
  private static final List<ReportingPeriod> PERIODS =
      List.of(
          ReportingPeriod.of(FinancialYear.parse("2015-16")),
          new ReportingPeriod("2017-Q2", LocalDate.of(2017, 4, 1), LocalDate.of(2017, 6, 30)),
          // across the change of owners in February 2019
          ReportingPeriod.of(FinancialYear.parse("2018-19")));
  private static final Geography GEO = Geography.standard().assumingNpsDivision("NTS", "N04");

  @BeforeAll
  static void start() {
    spark = LensSpark.session("local[2]");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static Path generate(long seed, long rows) {
    Path out = dir.resolve("seed-" + seed + "-rows-" + rows);
    if (!Files.exists(out.resolve("cases.csv"))) {
      try {
        CaseGenerator.standard()
            .generate(out, new GeneratorSettings(seed, rows), ProgressListener.none());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return out;
  }

  @ParameterizedTest(name = "seed {0}, {1} cases")
  @CsvSource({"1, 10000", "2, 30000", "3, 60000"})
  void everyCellEqualsTheCoreEngine(long seed, long rows) {
    Path data = generate(seed, rows);
    Table forecast = ForecastVolumes.load(data.resolve("forecast.csv")).table();
    ColumnTable cases = CaseCsv.read(data.resolve("cases.csv"));
    Dataset<Row> sparkCases =
        SparkCases.validated(spark, List.of(data.resolve("cases.csv"))).cache();
    assertEquals(rows, sparkCases.count());

    VolumeVariance core =
        VolumeVariance.of(cases, forecast).withGeography(GEO).apportioningForecastBy(FY1415);
    VolumeVariance onSpark =
        SparkVolumes.volumeVariance(sparkCases, forecast)
            .withGeography(GEO)
            .apportioningForecastBy(FY1415);
    int compared = 0;
    for (ReportingPeriod period : PERIODS) {
      for (Level level : Level.values()) {
        assertSameTable(
            core.shortfall(level, period).table(), onSpark.shortfall(level, period).table());
        assertSameTable(
            core.shortfallByWorkType(level, period).table(),
            onSpark.shortfallByWorkType(level, period).table());
        assertSameTable(
            core.mixEffect(level, period).table(), onSpark.mixEffect(level, period).table());
        compared += 3;
      }
      // owners as of a date the caller gives, not the period's end
      LocalDate asOf = LocalDate.of(2018, 6, 30);
      assertSameTable(
          core.withOwnersAsOf(asOf).shortfall(Level.OWNER, period).table(),
          onSpark.withOwnersAsOf(asOf).shortfall(Level.OWNER, period).table());
      compared++;
    }
    assertSameTable(
        AccreditedProgrammes.shareByQuarter(cases.toTablesaw()),
        SparkAccredited.shareByQuarter(sparkCases));
    assertEquals(3 * 16 + 1, compared + 1);
    sparkCases.unpersist();
  }

  @Test
  void parquetFilesGiveTheSameAnswersAsTheCsv() {
    Path data = generate(1, 10000);
    Path parquet = dir.resolve("cases-1.parquet");
    CaseParquet.write(CaseCsv.read(data.resolve("cases.csv")), parquet);
    Table forecast = ForecastVolumes.load(data.resolve("forecast.csv")).table();
    ReportingPeriod fy = PERIODS.get(0);
    Table fromCsv =
        SparkVolumes.volumeVariance(
                SparkCases.validated(spark, List.of(data.resolve("cases.csv"))), forecast)
            .shortfall(Level.CPA, fy)
            .table();
    Table fromParquet =
        SparkVolumes.volumeVariance(SparkCases.validated(spark, List.of(parquet)), forecast)
            .shortfall(Level.CPA, fy)
            .table();
    assertSameTable(fromCsv, fromParquet);
  }

  @Test
  void manyFilesAreOneTable() throws IOException {
    // the same cases split into two files: the same answers as one file
    Path data = generate(1, 10000);
    List<String> lines = Files.readAllLines(data.resolve("cases.csv"));
    Path a = dir.resolve("part-a.csv");
    Path b = dir.resolve("part-b.csv");
    Files.write(a, (String.join("\n", lines.subList(0, 5001)) + "\n").getBytes());
    List<String> rest = new ArrayList<>(List.of(lines.get(0)));
    rest.addAll(lines.subList(5001, lines.size()));
    Files.write(b, (String.join("\n", rest) + "\n").getBytes());
    Table forecast = ForecastVolumes.load(data.resolve("forecast.csv")).table();
    ReportingPeriod fy = PERIODS.get(0);
    assertSameTable(
        VolumeVariance.of(CaseCsv.read(data.resolve("cases.csv")), forecast)
            .shortfall(Level.CPA, fy)
            .table(),
        SparkVolumes.volumeVariance(SparkCases.validated(spark, List.of(a, b)), forecast)
            .shortfall(Level.CPA, fy)
            .table());
  }

  @Test
  void aFileTheLibraryRefusesFailsTheJobWithTheLibrarysMessage() throws IOException {
    Path data = generate(1, 10000);
    List<String> lines =
        new ArrayList<>(Files.readAllLines(data.resolve("cases.csv")).subList(0, 50));
    lines.set(7, lines.get(7).replaceFirst(",(CRC|NPS),", ",crc,"));
    Path bad = dir.resolve("bad.csv");
    Files.write(bad, (String.join("\n", lines) + "\n").getBytes());
    DatasetValidationException core =
        assertThrows(DatasetValidationException.class, () -> CaseCsv.read(bad));
    Exception onSpark =
        assertThrows(Exception.class, () -> SparkCases.validated(spark, List.of(bad)).count());
    String first = core.problems().get(0).describe();
    assertTrue(first.startsWith("line 8, column 2 (provider_type)"), first);
    assertTrue(onSpark.getMessage().contains(first), onSpark.getMessage());
  }
}
