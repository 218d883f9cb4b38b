package org.probationlens.engine.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.format.DateTimeFormatter;
import java.util.StringJoiner;
import org.probationlens.data.CaseRecords;
import org.probationlens.engine.CaseCsv;
import org.probationlens.engine.ColumnTable;
import org.probationlens.read.ColumnSpec;
import org.probationlens.read.Schema;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** Where the benchmark's generated files are and how each contender loads them. */
final class BenchInputs {
  private BenchInputs() {}

  /**
   * The case columns with their DuckDB types, as {@code read_csv}'s {@code columns} option takes
   * them ({@code {'case_id': 'VARCHAR', ..., 'weight': 'DOUBLE'}}), from {@link
   * CaseRecords#schema()}.
   */
  static final String CASE_COLUMNS = duckColumns(CaseRecords.schema());

  static final String FORECAST_COLUMNS =
      "{'cpa_code': 'VARCHAR', 'financial_year': 'VARCHAR', 'work_type': 'VARCHAR',"
          + " 'forecast_count': 'BIGINT', 'forecast_weighted': 'DOUBLE'}";

  private static String duckColumns(Schema schema) {
    StringJoiner columns = new StringJoiner(", ", "{", "}");
    for (ColumnSpec column : schema.columns()) {
      columns.add("'" + column.name() + "': '" + duckType(column.type()) + "'");
    }
    return columns.toString();
  }

  private static String duckType(ColumnType type) {
    if (type.equals(ColumnType.STRING)) {
      return "VARCHAR";
    } else if (type.equals(ColumnType.LOCAL_DATE)) {
      return "DATE";
    } else if (type.equals(ColumnType.INTEGER)) {
      return "INTEGER";
    } else if (type.equals(ColumnType.BOOLEAN)) {
      return "BOOLEAN";
    } else if (type.equals(ColumnType.DOUBLE)) {
      return "DOUBLE";
    }
    throw new IllegalArgumentException("no DuckDB type for the column type " + type);
  }

  /** The folder of the files for a size: {@code $lens.bench.dir/rows-N}. */
  static Path dir(int rows) {
    Path base = Path.of(System.getProperty("lens.bench.dir", "out/bench"));
    Path dir = base.resolve("rows-" + rows);
    if (!Files.isRegularFile(dir.resolve("cases.csv"))) {
      throw new IllegalStateException(
          dir.resolve("cases.csv") + " is missing; run ./lens bench, which generates it");
    }
    return dir;
  }

  static ColumnTable engineCases(Path dir, int threads) {
    return CaseCsv.read(dir.resolve("cases.csv"), threads);
  }

  static Table forecast(Path dir) {
    return Table.read()
        .csv(
            CsvReadOptions.builder(dir.resolve("forecast.csv").toFile())
                .columnTypes(
                    new ColumnType[] {
                      ColumnType.STRING,
                      ColumnType.STRING,
                      ColumnType.STRING,
                      ColumnType.DOUBLE,
                      ColumnType.DOUBLE
                    })
                .build());
  }

  /**
   * Idiomatic Tablesaw load: explicit column types (those of {@link CaseRecords#schema()}) and ISO
   * dates; the unused case_id skipped.
   */
  static Table tablesawCases(Path dir) {
    ColumnType[] types =
        CaseRecords.schema().columns().stream()
            .map(c -> c.name().equals("case_id") ? ColumnType.SKIP : c.type())
            .toArray(ColumnType[]::new);
    return Table.read()
        .csv(
            CsvReadOptions.builder(dir.resolve("cases.csv").toFile())
                .dateFormat(DateTimeFormatter.ISO_LOCAL_DATE)
                .columnTypes(types)
                .build());
  }

  /** An in-memory DuckDB with tables cases and forecast loaded, limited to {@code threads}. */
  static Connection duckdb(Path dir, int threads) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET threads = " + threads);
      statement.execute("SET preserve_insertion_order = false");
      statement.execute(duckLoad("cases", dir.resolve("cases.csv"), CASE_COLUMNS));
      statement.execute(duckLoad("forecast", dir.resolve("forecast.csv"), FORECAST_COLUMNS));
    }
    return connection;
  }

  static String duckLoad(String table, Path file, String columns) {
    return "CREATE OR REPLACE TABLE "
        + table
        + " AS SELECT * FROM read_csv('"
        + file.toAbsolutePath()
        + "', header = true, delim = ',', quote = '', columns = "
        + columns
        + ")";
  }
}
