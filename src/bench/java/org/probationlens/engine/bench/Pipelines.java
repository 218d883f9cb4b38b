package org.probationlens.engine.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.probationlens.engine.Aggregate;
import org.probationlens.engine.ColumnTable;
import org.probationlens.engine.Filter;
import org.probationlens.period.FinancialYear;
import org.threeten.extra.YearQuarter;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.aggregate.NumericAggregateFunction;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The benchmark's pipeline three ways. Over CRC cases: group by contract package area (the case's
 * provider_code), work type and calendar quarter of start; count the starts, sum the weights
 * (weighted volume), take the median and 90th percentile of the planned length in days (end_date -
 * start_date, quantiles by linear interpolation); join to the forecast for the quarter's financial
 * year and compute the shortfall against a quarter of the annual forecast, in per cent, for starts
 * and weighted volume.
 */
final class Pipelines {
  private Pipelines() {}

  /** The forecast by "cpa|financial year|work type": {count, weighted}. */
  static Map<String, double[]> forecastLookup(Table forecast) {
    Map<String, double[]> out = new HashMap<>();
    for (int r = 0; r < forecast.rowCount(); r++) {
      out.put(
          forecast.stringColumn("cpa_code").get(r)
              + "|"
              + forecast.stringColumn("financial_year").get(r)
              + "|"
              + forecast.stringColumn("work_type").get(r),
          new double[] {
            ((NumericColumn<?>) forecast.column("forecast_count")).getDouble(r),
            ((NumericColumn<?>) forecast.column("forecast_weighted")).getDouble(r)
          });
    }
    return out;
  }

  /** Our engine: derive, aggregate, then a hash join on the small result. */
  static Table engine(ColumnTable cases, Table forecast, int threads) {
    ColumnTable derived =
        cases
            .withQuarter("quarter", "start_date")
            .withDaysBetween("duration_days", "start_date", "end_date");
    Table groups =
        Aggregate.of(derived)
            .where(Filter.equalTo("provider_type", "CRC"))
            .by("provider_code", "work_type", "quarter")
            .count()
            .sum("weight")
            .median("duration_days")
            .quantile("duration_days", 0.9)
            .threads(threads)
            .run();
    Map<String, double[]> lookup = forecastLookup(forecast);
    int n = groups.rowCount();
    StringColumn cpa = groups.stringColumn("provider_code");
    StringColumn quarter = groups.stringColumn("quarter");
    StringColumn work = groups.stringColumn("work_type");
    IntColumn count = groups.intColumn("count");
    DoubleColumn weighted = groups.doubleColumn("sum_weight");
    double[] forecastQuarter = new double[n];
    double[] shortfall = new double[n];
    double[] weightedShortfall = new double[n];
    boolean[] matched = new boolean[n];
    int kept = 0;
    for (int r = 0; r < n; r++) {
      double[] f = lookup.get(cpa.get(r) + "|" + financialYear(quarter.get(r)) + "|" + work.get(r));
      if (f == null) {
        continue;
      }
      matched[r] = true;
      kept++;
      double q = f[0] / 4.0;
      double qw = f[1] / 4.0;
      forecastQuarter[r] = q;
      shortfall[r] = 100.0 * (q - count.getInt(r)) / q;
      weightedShortfall[r] = 100.0 * (qw - weighted.getDouble(r)) / qw;
    }
    groups.addColumns(
        DoubleColumn.create("forecast_quarter", forecastQuarter),
        DoubleColumn.create("shortfall_pct", shortfall),
        DoubleColumn.create("weighted_shortfall_pct", weightedShortfall));
    if (kept < n) {
      int[] rows = new int[kept];
      for (int r = 0, k = 0; r < n; r++) {
        if (matched[r]) {
          rows[k++] = r;
        }
      }
      groups = groups.rows(rows);
    }
    return groups;
  }

  /** The financial year of a quarter label: 2016-Q1 is in 2015-16, 2016-Q2 in 2016-17. */
  static String financialYear(String quarter) {
    return FinancialYear.containing(YearQuarter.parse(quarter)).label();
  }

  static List<ShortfallRow> engineRows(Table t) {
    List<ShortfallRow> out = new ArrayList<>();
    for (int r = 0; r < t.rowCount(); r++) {
      out.add(
          new ShortfallRow(
              t.stringColumn("provider_code").get(r),
              t.stringColumn("work_type").get(r),
              t.stringColumn("quarter").get(r),
              t.intColumn("count").getInt(r),
              t.doubleColumn("sum_weight").getDouble(r),
              t.doubleColumn("median_duration_days").getDouble(r),
              t.doubleColumn("p90_duration_days").getDouble(r),
              t.doubleColumn("forecast_quarter").getDouble(r),
              t.doubleColumn("shortfall_pct").getDouble(r),
              t.doubleColumn("weighted_shortfall_pct").getDouble(r)));
    }
    return sorted(out);
  }

  static final String DUCK_SQL =
      "WITH c AS (SELECT provider_code AS cpa, work_type,"
          + " CAST(year(start_date) AS VARCHAR) || '-Q' || CAST(quarter(start_date) AS VARCHAR)"
          + " AS quarter, weight, end_date - start_date AS duration_days"
          + " FROM cases WHERE provider_type = 'CRC'),"
          + " g AS (SELECT cpa, work_type, quarter, count(*) AS starts,"
          + " sum(weight) AS weighted, quantile_cont(duration_days, 0.5) AS median_days,"
          + " quantile_cont(duration_days, 0.9) AS p90_days FROM c"
          + " GROUP BY cpa, work_type, quarter),"
          + " y AS (SELECT *, CAST(left(quarter, 4) AS INTEGER)"
          + " - CASE WHEN right(quarter, 1) = '1' THEN 1 ELSE 0 END AS fy FROM g)"
          + " SELECT y.cpa, y.work_type, y.quarter, starts, weighted, median_days, p90_days,"
          + " f.forecast_count / 4.0 AS forecast_quarter,"
          + " 100.0 * (f.forecast_count / 4.0 - starts) / (f.forecast_count / 4.0) AS shortfall,"
          + " 100.0 * (f.forecast_weighted / 4.0 - weighted) / (f.forecast_weighted / 4.0)"
          + " AS weighted_shortfall"
          + " FROM y JOIN forecast f ON f.cpa_code = y.cpa AND f.work_type = y.work_type"
          + " AND f.financial_year = CAST(y.fy AS VARCHAR) || '-'"
          + " || lpad(CAST((y.fy + 1) % 100 AS VARCHAR), 2, '0')"
          + " ORDER BY 1, 2, 3";

  /** DuckDB: the same pipeline in one SQL statement, every row fetched. */
  static List<ShortfallRow> duckdb(Connection connection) throws SQLException {
    List<ShortfallRow> out = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(DUCK_SQL)) {
      while (rs.next()) {
        out.add(
            new ShortfallRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getDouble(5),
                rs.getDouble(6),
                rs.getDouble(7),
                rs.getDouble(8),
                rs.getDouble(9),
                rs.getDouble(10)));
      }
    }
    return out;
  }

  /** The 90th percentile by linear interpolation, the same definition as the others. */
  static final NumericAggregateFunction P90 =
      new NumericAggregateFunction("P90") {
        @Override
        public Double summarize(NumericColumn<?> column) {
          return new Percentile()
              .withEstimationType(EstimationType.R_7)
              .evaluate(column.asDoubleArray(), 90);
        }
      };

  /** Idiomatic Tablesaw: where, new columns, summarize(...).by(...), joinOn(...).inner(...). */
  static Table tablesaw(Table cases, Table forecast) {
    Table crc = cases.where(cases.stringColumn("provider_type").isEqualTo("CRC"));
    crc.addColumns(
        // yearQuarter() writes 2015-02 for April-June 2015; relabel as 2015-Q2.
        crc.dateColumn("start_date").yearQuarter().replaceAll("-0", "-Q").setName("quarter"),
        crc.dateColumn("start_date")
            .daysUntil(crc.dateColumn("end_date"))
            .setName("duration_days"));
    Table volume =
        crc.summarize("duration_days", AggregateFunctions.count, AggregateFunctions.median, P90)
            .by("provider_code", "work_type", "quarter");
    Table weighted =
        crc.summarize("weight", AggregateFunctions.sum).by("provider_code", "work_type", "quarter");
    Table groups = volume.joinOn("provider_code", "work_type", "quarter").inner(weighted);
    StringColumn fy = StringColumn.create("financial_year");
    for (String quarter : groups.stringColumn("quarter")) {
      fy.append(financialYear(quarter));
    }
    groups.addColumns(fy);
    Table byCpa = forecast.copy();
    byCpa.column("cpa_code").setName("provider_code");
    Table joined = groups.joinOn("provider_code", "financial_year", "work_type").inner(byCpa);
    NumericColumn<?> forecastCount = (NumericColumn<?>) joined.column("forecast_count");
    NumericColumn<?> forecastWeighted = (NumericColumn<?>) joined.column("forecast_weighted");
    DoubleColumn quarterForecast = forecastCount.divide(4.0).setName("forecast_quarter");
    DoubleColumn quarterWeighted = forecastWeighted.divide(4.0);
    DoubleColumn starts = joined.doubleColumn("Count [duration_days]");
    joined.addColumns(
        quarterForecast,
        quarterForecast
            .subtract(starts)
            .divide(quarterForecast)
            .multiply(100)
            .setName("shortfall_pct"),
        quarterWeighted
            .subtract(joined.doubleColumn("Sum [weight]"))
            .divide(quarterWeighted)
            .multiply(100)
            .setName("weighted_shortfall_pct"));
    return joined.sortOn("provider_code", "work_type", "quarter");
  }

  static List<ShortfallRow> tablesawRows(Table t) {
    List<ShortfallRow> out = new ArrayList<>();
    for (int r = 0; r < t.rowCount(); r++) {
      out.add(
          new ShortfallRow(
              t.stringColumn("provider_code").get(r),
              t.stringColumn("work_type").get(r),
              t.stringColumn("quarter").get(r),
              Math.round(t.doubleColumn("Count [duration_days]").getDouble(r)),
              t.doubleColumn("Sum [weight]").getDouble(r),
              t.doubleColumn("Median [duration_days]").getDouble(r),
              t.doubleColumn("P90 [duration_days]").getDouble(r),
              t.doubleColumn("forecast_quarter").getDouble(r),
              t.doubleColumn("shortfall_pct").getDouble(r),
              t.doubleColumn("weighted_shortfall_pct").getDouble(r)));
    }
    return sorted(out);
  }

  private static List<ShortfallRow> sorted(List<ShortfallRow> rows) {
    rows.sort(
        Comparator.comparing(ShortfallRow::cpa)
            .thenComparing(ShortfallRow::workType)
            .thenComparing(ShortfallRow::quarter));
    return rows;
  }

  /**
   * Compares two answers: keys and counts exactly; quantiles exactly when {@code exactQuantiles},
   * else to 1e-12 relative; sums and ratios to 1e-9 relative (engines add in different orders).
   * Returns a description of the first difference, or null when they agree.
   */
  static String difference(
      String a, List<ShortfallRow> x, String b, List<ShortfallRow> y, boolean exactQuantiles) {
    if (x.size() != y.size()) {
      return a + " has " + x.size() + " rows, " + b + " has " + y.size();
    }
    for (int i = 0; i < x.size(); i++) {
      ShortfallRow p = x.get(i);
      ShortfallRow q = y.get(i);
      String where = " at row " + i + " (" + p.key() + "): " + a + " " + p + " vs " + b + " " + q;
      if (!p.key().equals(q.key()) || p.starts() != q.starts()) {
        return "keys or counts differ" + where;
      }
      double quantileTolerance = exactQuantiles ? 0 : 1e-12;
      if (!close(p.medianDays(), q.medianDays(), quantileTolerance)
          || !close(p.p90Days(), q.p90Days(), quantileTolerance)) {
        return "quantiles differ" + where;
      }
      if (!close(p.weighted(), q.weighted(), 1e-9)
          || !close(p.forecastQuarter(), q.forecastQuarter(), 0)
          || !close(p.shortfallPct(), q.shortfallPct(), 1e-9)
          || !close(p.weightedShortfallPct(), q.weightedShortfallPct(), 1e-9)) {
        return "sums or shortfalls differ" + where;
      }
    }
    return null;
  }

  private static boolean close(double x, double y, double relative) {
    return x == y || Math.abs(x - y) <= relative * Math.max(Math.abs(x), Math.abs(y));
  }
}
