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
import tech.tablesaw.api.Table;

/** The pipeline in idiomatic Tablesaw 0.44.4 (where, summarize(...).by(...), joinOn). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TablesawBenchmark {
  @Param({"1000000", "10000000"})
  public int rows;

  private Table cases;
  private Table forecast;

  /** Reads the generated files with Tablesaw's CSV reader once per fork. */
  @Setup
  public void load() {
    cases = BenchInputs.tablesawCases(BenchInputs.dir(rows));
    forecast = BenchInputs.forecast(BenchInputs.dir(rows));
  }

  /** The same pipeline, written as a Tablesaw user would. */
  @Benchmark
  public Table pipeline() {
    return Pipelines.tablesaw(cases, forecast);
  }
}
