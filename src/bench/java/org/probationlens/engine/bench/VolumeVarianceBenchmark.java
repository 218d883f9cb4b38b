package org.probationlens.engine.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.probationlens.area.Level;
import org.probationlens.engine.Aggregate;
import org.probationlens.engine.CaseCsv;
import org.probationlens.engine.ColumnTable;
import org.probationlens.engine.Filter;
import org.probationlens.period.FinancialYear;
import org.probationlens.period.ReportingPeriod;
import org.probationlens.volume.Shortfall;
import org.probationlens.volume.VolumeVariance;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.dates.PackedLocalDate;

/**
 * The heavy lifting of {@link VolumeVariance}: CRC starts in 2015-16 counted and weighted by CPA
 * and work type, over cases read with Tablesaw's CSV reader. {@code handWrittenPass} is the pass
 * over the Tablesaw columns that VolumeVariance made before it used the engine (kept here as the
 * baseline, one thread); {@code enginePass} the same aggregation on the engine (all processors);
 * {@code firstShortfall} the public call on a new analysis, which first copies the six columns into
 * the engine; {@code shortfall} the same call on an analysis that has made that copy; {@code
 * firstShortfallOverCaseCsv} the call on a new analysis over cases read by {@link CaseCsv} ({@code
 * VolumeVariance.of(ColumnTable, Table)}), which needs no copy.
 *
 * <p>Not run by {@code ./lens bench}. After it has generated {@code out/bench/rows-1000000}: {@code
 * mvn -B -Pbench -DskipTests test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test}, then {@code java -cp
 * target/test-classes:target/classes:$(cat target/bench-classpath.txt) org.openjdk.jmh.Main
 * VolumeVarianceBenchmark -f 1 -jvmArgsAppend -Xmx4g}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class VolumeVarianceBenchmark {
  private static final ReportingPeriod PERIOD = ReportingPeriod.of(FinancialYear.of(2015));
  private static final String[] COLUMNS = {
    "provider_type", "provider_code", "pcc_area", "work_type", "start_date", "weight"
  };

  @Param({"1000000"})
  public int rows;

  private Table cases;
  private Table forecast;
  private ColumnTable engineCases;
  private ColumnTable fastReadCases;
  private VolumeVariance warm;

  /** Reads the generated files once per fork; copies the cases into the engine once. */
  @Setup
  public void load() {
    cases = BenchInputs.tablesawCases(BenchInputs.dir(rows));
    forecast = BenchInputs.forecast(BenchInputs.dir(rows));
    engineCases = ColumnTable.fromTablesaw(cases.selectColumns(COLUMNS));
    fastReadCases = CaseCsv.read(BenchInputs.dir(rows).resolve("cases.csv"));
    warm = VolumeVariance.of(cases, forecast);
    warm.shortfall(Level.CPA, PERIOD);
  }

  /** The pass VolumeVariance made before: packed dates, keys in small hash maps. */
  @Benchmark
  public Map<String, Map<String, double[]>> handWrittenPass() {
    int from = PackedLocalDate.pack(PERIOD.start());
    int to = PackedLocalDate.pack(PERIOD.end());
    Map<String, Map<String, double[]>> sums = new HashMap<>();
    StringColumn providerType = cases.stringColumn("provider_type");
    StringColumn key = cases.stringColumn("provider_code");
    StringColumn type = cases.stringColumn("work_type");
    DateColumn start = cases.dateColumn("start_date");
    NumericColumn<?> weight = cases.numberColumn("weight");
    for (int i = 0; i < cases.rowCount(); i++) {
      if (!"CRC".equals(providerType.get(i))) {
        continue;
      }
      if (start.isMissing(i)) {
        throw new IllegalArgumentException("cases row " + (i + 1) + ": no start_date");
      }
      int d = start.getIntInternal(i);
      if (d < from || d > to) {
        continue;
      }
      if (weight.isMissing(i)) {
        throw new IllegalArgumentException("cases row " + (i + 1) + ": no weight");
      }
      double[] v =
          sums.computeIfAbsent(key.get(i), k -> new HashMap<>())
              .computeIfAbsent(type.get(i), t -> new double[2]);
      v[0] += 1;
      v[1] += weight.getDouble(i);
    }
    return sums;
  }

  /** The same aggregation on the engine, as VolumeVariance now makes it. */
  @Benchmark
  public Table enginePass() {
    return Aggregate.of(engineCases)
        .where(Filter.equalTo("provider_type", "CRC"))
        .where(Filter.between("start_date", PERIOD.start(), PERIOD.end()))
        .by("provider_code", "work_type")
        .count()
        .sum("weight")
        .run();
  }

  /** The public call on a new analysis: the copy into the engine included. */
  @Benchmark
  public Shortfall firstShortfall() {
    return VolumeVariance.of(cases, forecast).shortfall(Level.CPA, PERIOD);
  }

  /** The public call on a new analysis over cases the fast reader read: no copy to make. */
  @Benchmark
  public Shortfall firstShortfallOverCaseCsv() {
    return VolumeVariance.of(fastReadCases, forecast).shortfall(Level.CPA, PERIOD);
  }

  /** The whole public call (forecast, join, shortfall, rank) on an analysis already copied. */
  @Benchmark
  public Shortfall shortfall() {
    return warm.shortfall(Level.CPA, PERIOD);
  }
}
