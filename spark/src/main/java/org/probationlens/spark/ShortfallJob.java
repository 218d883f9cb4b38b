package org.probationlens.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.probationlens.area.Geography;
import org.probationlens.area.Level;
import org.probationlens.data.ForecastVolumes;
import org.probationlens.period.FinancialYear;
import org.probationlens.period.ReportingPeriod;
import org.probationlens.volume.VolumeVariance;
import tech.tablesaw.api.Table;

/**
 * The cluster job: CRC shortfall against forecast at every reporting level, the mix effect by CPA,
 * and the accredited-programme share by quarter, from case files too large for one machine.
 *
 * <p>Usage (the job jar is {@code spark/target/probation-lens-spark-VERSION-job.jar}):
 *
 * <pre>
 * spark-submit --class org.probationlens.spark.ShortfallJob --master spark://HOST:7077 JOB_JAR \
 *     --forecast forecast.csv [--period 2015-16] [--baseline 2014-15] [--owners-as-of 2019-03-31] \
 *     [--nps-division NTS=N04] [--out DIR] cases-1.csv [cases-2.parquet ...]
 * </pre>
 *
 * <p>{@code --master} may also be given to the job itself (for example {@code local[2]}, as {@code
 * ./lens spark-submit} does without a cluster). Each case file is validated by the core library on
 * an executor ({@link SparkCases#validated}); the forecast is read on the driver. PCC-area and
 * NPS-division figures apportion the forecast by the baseline year's shares (an assumption, stated
 * in each result's note); NPS-division figures need {@code --nps-division} for Northamptonshire,
 * whose division the standard geography leaves open. Tables go to standard output, and as CSV to
 * {@code --out} when given.
 */
public final class ShortfallJob {
  private ShortfallJob() {}

  /**
   * Entry point.
   *
   * @param args as the class description
   */
  public static void main(String[] args) {
    String master = null;
    Path forecastFile = null;
    Path out = null;
    String period = "2015-16";
    String baseline = "2014-15";
    LocalDate ownersAsOf = null;
    String[] division = null;
    List<Path> cases = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--master" -> master = args[++i];
        case "--forecast" -> forecastFile = Path.of(args[++i]);
        case "--period" -> period = args[++i];
        case "--baseline" -> baseline = args[++i];
        case "--owners-as-of" -> ownersAsOf = LocalDate.parse(args[++i]);
        case "--nps-division" -> division = args[++i].split("=", 2);
        case "--out" -> out = Path.of(args[++i]);
        default -> {
          if (args[i].startsWith("--")) {
            throw new IllegalArgumentException("unknown option " + args[i]);
          }
          cases.add(Path.of(args[i]));
        }
      }
    }
    if (forecastFile == null || cases.isEmpty()) {
      throw new IllegalArgumentException(
          "usage: ShortfallJob --forecast FILE [options] CASE_FILE...");
    }
    SparkSession spark =
        master != null
            ? LensSpark.session(master)
            : SparkSession.builder()
                .appName("probation-lens")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      Dataset<Row> data = SparkCases.validated(spark, cases).cache();
      Table forecast = ForecastVolumes.load(forecastFile).table();
      ReportingPeriod p = ReportingPeriod.of(FinancialYear.parse(period));
      Geography geography =
          division == null
              ? Geography.standard()
              : Geography.standard().assumingNpsDivision(division[0], division[1]);
      VolumeVariance variance =
          SparkVolumes.volumeVariance(data, forecast)
              .withGeography(geography)
              .apportioningForecastBy(ReportingPeriod.of(FinancialYear.parse(baseline)));
      if (ownersAsOf != null) {
        variance = variance.withOwnersAsOf(ownersAsOf);
      }
      List<Table> tables = new ArrayList<>();
      for (Level level : Level.values()) {
        if (level == Level.NPS_DIVISION && division == null) {
          System.out.println("(NPS divisions left out: give --nps-division NTS=N0x)");
          continue;
        }
        tables.add(variance.shortfall(level, p).table());
      }
      tables.add(variance.mixEffect(Level.CPA, p).table());
      tables.add(SparkAccredited.shareByQuarter(data));
      for (Table t : tables) {
        System.out.println(t.printAll());
        if (out != null) {
          write(t, out);
        }
      }
    } finally {
      spark.stop();
    }
  }

  private static void write(Table t, Path dir) {
    try {
      Files.createDirectories(dir);
      String name = t.name().replaceAll("[^A-Za-z0-9-]+", "_");
      t.write().csv(dir.resolve(name + ".csv").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
