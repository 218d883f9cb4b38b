package org.probationlens.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.probationlens.area.Geography;
import org.probationlens.area.PccArea;
import org.probationlens.data.CaseRecords;
import org.probationlens.data.ForecastVolumes;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** Case and forecast files in the shared contracts, and the tables read from them. */
record SampleData(Path casesCsv, Path forecastCsv, Table cases, Table forecast) {

  /** The committed synthetic sample, {@code data/sample}, through the validating loaders. */
  static SampleData committed() {
    Path dir = Path.of(System.getProperty("lens.projectDir", ".")).resolve("data/sample");
    Path c = dir.resolve("cases.csv");
    Path f = dir.resolve("forecast.csv");
    return new SampleData(c, f, CaseRecords.load(c).table(), ForecastVolumes.load(f).table());
  }

  /**
   * The committed sample copied away from its MANIFEST into {@code dir} and loaded as real,
   * unpublished records: what an analyst's own extract looks like to the library.
   *
   * @return the cases and the forecast, both stated OFFICIAL_SENSITIVE
   */
  static org.probationlens.provenance.LoadedDataset[] statedReal(Path dir) throws IOException {
    Path sample = Path.of(System.getProperty("lens.projectDir", ".")).resolve("data/sample");
    Files.copy(sample.resolve("cases.csv"), dir.resolve("cases.csv"));
    Files.copy(sample.resolve("forecast.csv"), dir.resolve("forecast.csv"));
    var real = org.probationlens.provenance.Provenance.Kind.OFFICIAL_SENSITIVE;
    return new org.probationlens.provenance.LoadedDataset[] {
      CaseRecords.load(dir.resolve("cases.csv"), real),
      ForecastVolumes.load(dir.resolve("forecast.csv"), real)
    };
  }

  /** A seeded random set: every PCC area, all five work types, 2014-06-01 to 2020-12-31. */
  static SampleData random(Path dir, int rows, long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    List<PccArea> areas = Geography.standard().pccAreas();
    String[] types = {"CO", "SSO", "LIC", "PSS", "PRE"};
    StringBuilder cases =
        new StringBuilder(
            "case_id,provider_type,provider_code,pcc_area," + "work_type,start_date,weight\n");
    long first = LocalDate.of(2014, 6, 1).toEpochDay();
    long days = LocalDate.of(2020, 12, 31).toEpochDay() - first + 1;
    for (int i = 0; i < rows; i++) {
      PccArea a = areas.get(r.nextInt(areas.size()));
      boolean crc = r.nextDouble() < 0.7;
      String code = crc ? a.cpaCode() : "N0" + (1 + r.nextInt(7));
      cases.append(
          String.format(
              Locale.ROOT,
              "K%08d,%s,%s,%s,%s,%s,%.2f%n",
              i,
              crc ? "CRC" : "NPS",
              code,
              a.code(),
              types[r.nextInt(types.length)],
              LocalDate.ofEpochDay(first + r.nextLong(days)),
              0.2 + r.nextInt(300) / 100.0));
    }
    StringBuilder forecast =
        new StringBuilder("cpa_code,financial_year,work_type,forecast_count,forecast_weighted\n");
    for (var cpa : Geography.standard().cpas()) {
      for (int y = 2014; y <= 2020; y++) {
        for (String t : types) {
          forecast.append(
              String.format(
                  Locale.ROOT,
                  "%s,%d-%02d,%s,%d,%.2f%n",
                  cpa.code(),
                  y,
                  (y + 1) % 100,
                  t,
                  10 + r.nextInt(30),
                  20 + r.nextInt(6000) / 100.0));
        }
      }
    }
    Path c = dir.resolve("cases.csv");
    Path f = dir.resolve("forecast.csv");
    Files.writeString(c, cases);
    Files.writeString(f, forecast);
    Table ct =
        Table.read()
            .usingOptions(
                CsvReadOptions.builder(c.toFile())
                    .columnTypes(
                        new ColumnType[] {
                          ColumnType.STRING,
                          ColumnType.STRING,
                          ColumnType.STRING,
                          ColumnType.STRING,
                          ColumnType.STRING,
                          ColumnType.LOCAL_DATE,
                          ColumnType.DOUBLE
                        }));
    Table ft =
        Table.read()
            .usingOptions(
                CsvReadOptions.builder(f.toFile())
                    .columnTypes(
                        new ColumnType[] {
                          ColumnType.STRING,
                          ColumnType.STRING,
                          ColumnType.STRING,
                          ColumnType.INTEGER,
                          ColumnType.DOUBLE
                        }));
    return new SampleData(c, f, ct, ft);
  }
}
