package org.probationlens.engine.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.probationlens.engine.ColumnTable;
import tech.tablesaw.api.Table;

/**
 * Runs the pipeline once in each contender over the same files and stops the benchmark (exit 1)
 * unless the three answers agree: group keys and counts exactly, our quantiles exactly equal to
 * DuckDB's {@code quantile_cont}, Tablesaw's (Commons Math R-7) to 1e-12, sums and shortfalls to
 * 1e-9 relative.
 *
 * <p>Usage: {@code PipelineCheck N [N...]} with {@code -Dlens.bench.dir=DIR}.
 */
public final class PipelineCheck {
  private PipelineCheck() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    boolean ok = true;
    for (String arg : args) {
      int rows = Integer.parseInt(arg);
      Path dir = BenchInputs.dir(rows);
      Table forecast = BenchInputs.forecast(dir);
      List<ShortfallRow> engine;
      {
        ColumnTable cases = BenchInputs.engineCases(dir, 2);
        engine = Pipelines.engineRows(Pipelines.engine(cases, forecast, 2));
      }
      List<ShortfallRow> duck;
      try (Connection connection = BenchInputs.duckdb(dir, 2)) {
        duck = Pipelines.duckdb(connection);
      }
      List<ShortfallRow> tablesaw;
      {
        Table cases = BenchInputs.tablesawCases(dir);
        tablesaw = Pipelines.tablesawRows(Pipelines.tablesaw(cases, forecast));
      }
      String d1 = Pipelines.difference("engine", engine, "duckdb", duck, true);
      String d2 = Pipelines.difference("engine", engine, "tablesaw", tablesaw, false);
      if (d1 == null && d2 == null) {
        System.out.printf(
            "check %,d rows: engine, DuckDB and Tablesaw agree on all %d groups" + " (e.g. %s)%n",
            rows, engine.size(), engine.isEmpty() ? "-" : engine.get(0));
      } else {
        ok = false;
        System.out.printf("check %,d rows FAILED: %s%n", rows, d1 != null ? d1 : d2);
      }
    }
    if (!ok) {
      System.exit(1);
    }
  }
}
