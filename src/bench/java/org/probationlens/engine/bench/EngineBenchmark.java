package org.probationlens.engine.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.probationlens.engine.ColumnTable;
import tech.tablesaw.api.Table;

/** The pipeline on our engine, 2 threads, over cases read by the fast reader. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EngineBenchmark {
  @Param({"1000000", "10000000"})
  public int rows;

  private ColumnTable cases;
  private Table forecast;

  /** Loads the generated files once per fork. */
  @Setup
  public void load() {
    cases = BenchInputs.engineCases(BenchInputs.dir(rows), 2);
    forecast = BenchInputs.forecast(BenchInputs.dir(rows));
  }

  /** Derive quarter, year and duration; filter; group; count, sum, median, p90; join; shortfall. */
  @Benchmark
  public Table pipeline() {
    return Pipelines.engine(cases, forecast, 2);
  }
}
