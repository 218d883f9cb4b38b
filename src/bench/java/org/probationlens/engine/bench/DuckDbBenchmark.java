package org.probationlens.engine.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
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

/** The pipeline as one SQL query on in-process DuckDB (JDBC), {@code SET threads = 2}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DuckDbBenchmark {
  @Param({"1000000", "10000000"})
  public int rows;

  private Connection connection;

  /** Loads the generated files into in-memory DuckDB tables once per fork. */
  @Setup
  public void load() throws SQLException {
    connection = BenchInputs.duckdb(BenchInputs.dir(rows), 2);
  }

  /** Closes the database. */
  @TearDown
  public void close() throws SQLException {
    connection.close();
  }

  /** The same pipeline in SQL, every result row fetched over JDBC. */
  @Benchmark
  public List<ShortfallRow> pipeline() throws SQLException {
    return Pipelines.duckdb(connection);
  }
}
