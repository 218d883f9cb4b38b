package org.probationlens.engine.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.probationlens.engine.CaseCsv;
import org.probationlens.engine.ColumnTable;

/**
 * Loading {@code cases.csv} into memory, 2 threads each: our fast reader (which also validates
 * every value, rule and the uniqueness of case_id) against DuckDB's {@code read_csv} into an
 * in-memory table with the column types given (which checks types only).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoadBenchmark {
  @Param({"10000000"})
  public int rows;

  private Path file;
  private Connection connection;

  /** Opens DuckDB once per fork. */
  @Setup
  public void open() throws SQLException {
    file = BenchInputs.dir(rows).resolve("cases.csv");
    connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET threads = 2");
      statement.execute("SET preserve_insertion_order = false");
    }
  }

  /** Closes DuckDB. */
  @TearDown
  public void close() throws SQLException {
    connection.close();
  }

  /** Our reader: parse, dictionary-encode, validate. */
  @Benchmark
  public ColumnTable engine() {
    return CaseCsv.read(file, 2);
  }

  /** DuckDB: CREATE TABLE AS SELECT * FROM read_csv(...). */
  @Benchmark
  public int duckdb() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      return statement.executeUpdate(BenchInputs.duckLoad("cases", file, BenchInputs.CASE_COLUMNS));
    }
  }
}
