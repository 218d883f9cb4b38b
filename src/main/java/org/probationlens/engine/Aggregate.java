package org.probationlens.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * A grouped aggregation of case-level data, built fluently and run in parallel: for example the
 * starts, weighted volume and median and 90th-percentile planned length of CRC cases by area, work
 * type and quarter.
 *
 * <pre>{@code
 * Table t = Aggregate.of(cases.withQuarter("quarter", "start_date")
 *                              .withDaysBetween("duration_days", "start_date", "end_date"))
 *     .where(Filter.equalTo("provider_type", "CRC"))
 *     .by("pcc_area", "work_type", "quarter")
 *     .count().sum("weight").median("duration_days").quantile("duration_days", 0.9)
 *     .run();
 * }</pre>
 *
 * <p>Each step returns a new, immutable {@code Aggregate}. The result has one row per group that
 * has at least one case after the filters, sorted by the key columns (each in natural string
 * order), with the key columns first and then one column per measure in the order asked. Results do
 * not depend on the number of threads: the rows are cut into pieces by their count alone, and
 * partial sums are added in a fixed order.
 *
 * <p>Quantiles are exact, by linear interpolation between the closest ranks (R type 7, DuckDB
 * {@code quantile_cont}). Keys must be category columns; measures numeric (whole-number, decimal or
 * boolean) columns; distinct counts take any column but text.
 */
public final class Aggregate {

  /** The kinds of measure. */
  enum Kind {
    COUNT,
    SUM,
    WEIGHTED_SUM,
    MEAN,
    MIN,
    MAX,
    QUANTILE,
    DISTINCT
  }

  /** One measure asked for. */
  record Measure(Kind kind, String column, String weight, double q, String name) {
    Measure renamed(String newName) {
      return new Measure(kind, column, weight, q, newName);
    }
  }

  private final ColumnTable table;
  private final List<Filter> filters;
  private final List<String> keys;
  private final List<Measure> measures;
  private final int threads;

  private Aggregate(
      ColumnTable table,
      List<Filter> filters,
      List<String> keys,
      List<Measure> measures,
      int threads) {
    this.table = table;
    this.filters = List.copyOf(filters);
    this.keys = List.copyOf(keys);
    this.measures = List.copyOf(measures);
    this.threads = threads;
  }

  /**
   * Starts an aggregation of a table of cases, with no filter, no key (one group: the whole table),
   * no measure, on all available processors.
   */
  public static Aggregate of(ColumnTable table) {
    Objects.requireNonNull(table, "table");
    return new Aggregate(table, List.of(), List.of(), List.of(), Parallel.defaultThreads());
  }

  /**
   * Starts an aggregation of a Tablesaw table, copied first by {@link ColumnTable#fromTablesaw}.
   */
  public static Aggregate of(Table table) {
    return of(ColumnTable.fromTablesaw(table));
  }

  /** Keeps only the cases meeting a condition (several {@code where}s all apply). */
  public Aggregate where(Filter filter) {
    Objects.requireNonNull(filter, "filter");
    List<Filter> more = new ArrayList<>(filters);
    more.add(filter);
    return new Aggregate(table, more, keys, measures, threads);
  }

  /**
   * Groups by one or more category columns (added after any named before), e.g. {@code
   * by("pcc_area", "work_type")}.
   */
  public Aggregate by(String... columns) {
    List<String> more = new ArrayList<>(keys);
    for (String column : columns) {
      table.category(column);
      if (more.contains(column)) {
        throw new IllegalArgumentException("key column " + column + " is named twice");
      }
      more.add(column);
    }
    return new Aggregate(table, filters, more, measures, threads);
  }

  /** Adds the number of cases in each group, column {@code count}. */
  public Aggregate count() {
    return add(new Measure(Kind.COUNT, null, null, Double.NaN, "count"));
  }

  /** Adds the sum of a numeric column, e.g. the weighted volume {@code sum("weight")}. */
  public Aggregate sum(String column) {
    return add(new Measure(Kind.SUM, numeric(column), null, Double.NaN, "sum_" + column));
  }

  /**
   * Adds the sum of a column times a weight column, e.g. weighted RAR days: the sum over cases of
   * {@code rar_days * weight}. Column {@code wsum_<column>_<weight>}.
   */
  public Aggregate weightedSum(String column, String weight) {
    return add(
        new Measure(
            Kind.WEIGHTED_SUM,
            numeric(column),
            numeric(weight),
            Double.NaN,
            "wsum_" + column + "_" + weight));
  }

  /** Adds the mean of a numeric column, column {@code mean_<column>}. */
  public Aggregate mean(String column) {
    return add(new Measure(Kind.MEAN, numeric(column), null, Double.NaN, "mean_" + column));
  }

  /** Adds the smallest value of a numeric column, column {@code min_<column>}. */
  public Aggregate min(String column) {
    return add(new Measure(Kind.MIN, numeric(column), null, Double.NaN, "min_" + column));
  }

  /** Adds the largest value of a numeric column, column {@code max_<column>}. */
  public Aggregate max(String column) {
    return add(new Measure(Kind.MAX, numeric(column), null, Double.NaN, "max_" + column));
  }

  /** Adds the exact median of a numeric column, column {@code median_<column>}. */
  public Aggregate median(String column) {
    return add(new Measure(Kind.QUANTILE, numeric(column), null, 0.5, "median_" + column));
  }

  /**
   * Adds an exact quantile of a numeric column by linear interpolation (DuckDB {@code
   * quantile_cont}), column {@code p<100q>_<column>}, e.g. {@code p90_duration_days}.
   *
   * @param q the probability, in [0, 1]
   */
  public Aggregate quantile(String column, double q) {
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("quantile of " + column + ": q=" + q + ", expected 0..1");
    }
    String percent = java.math.BigDecimal.valueOf(q * 100).stripTrailingZeros().toPlainString();
    return add(new Measure(Kind.QUANTILE, numeric(column), null, q, "p" + percent + "_" + column));
  }

  /**
   * Adds the number of distinct values of a column in each group, e.g. the number of areas a
   * provider worked in. Column {@code distinct_<column>}.
   */
  public Aggregate distinctCount(String column) {
    Col col = table.column(column);
    if (col instanceof Col.Text) {
      throw new IllegalArgumentException(
          "distinct count of " + column + ": text columns are not counted; use a category column");
    }
    return add(new Measure(Kind.DISTINCT, column, null, Double.NaN, "distinct_" + column));
  }

  /** Renames the measure added last, e.g. {@code sum("weight").as("weighted_volume")}. */
  public Aggregate as(String name) {
    Objects.requireNonNull(name, "name");
    if (measures.isEmpty()) {
      throw new IllegalStateException("as(" + name + ") needs a measure before it");
    }
    List<Measure> more = new ArrayList<>(measures);
    more.set(more.size() - 1, more.get(more.size() - 1).renamed(name));
    return new Aggregate(table, filters, keys, more, threads);
  }

  /** Uses at most this many threads (default: the available processors); the result is the same. */
  public Aggregate threads(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + count);
    }
    return new Aggregate(table, filters, keys, measures, count);
  }

  /**
   * Runs the aggregation.
   *
   * @return one row per non-empty group, key columns (strings) then measures: count and distinct
   *     counts as int columns, the rest as double columns
   * @throws IllegalArgumentException if no measure was asked for, or two output columns share a
   *     name
   */
  public Table run() {
    if (measures.isEmpty()) {
      throw new IllegalArgumentException("nothing to compute: add a measure such as count()");
    }
    Map<String, Boolean> names = new LinkedHashMap<>();
    for (String key : keys) {
      names.put(key, true);
    }
    for (Measure m : measures) {
      if (names.put(m.name(), true) != null) {
        throw new IllegalArgumentException(
            "output column " + m.name() + " appears twice; rename one with as(...)");
      }
    }
    return new AggregateRun(table, filters, keys, measures, threads).execute();
  }

  private Aggregate add(Measure measure) {
    List<Measure> more = new ArrayList<>(measures);
    more.add(measure);
    return new Aggregate(table, filters, keys, more, threads);
  }

  private String numeric(String column) {
    Col col = table.column(column);
    if (!col.numeric()) {
      throw new IllegalArgumentException(
          "column "
              + column
              + " is a "
              + col.kind()
              + " column; expected a whole-number, decimal or boolean column"
              + (col instanceof Col.Days ? " (derive days with ColumnTable.withDaysBetween)" : ""));
    }
    return column;
  }

  @Override
  public String toString() {
    return "Aggregate of "
        + table.name()
        + (filters.isEmpty() ? "" : " where " + filters)
        + " by "
        + keys
        + ": "
        + measures.stream().map(Measure::name).toList();
  }
}
