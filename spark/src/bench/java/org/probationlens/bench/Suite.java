package org.probationlens.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.probationlens.area.Geography;
import org.probationlens.area.Level;
import org.probationlens.area.PccArea;
import org.probationlens.data.CaseRecords;
import org.probationlens.engine.Aggregate;
import org.probationlens.engine.ColumnTable;
import org.probationlens.engine.Filter;
import org.probationlens.period.FinancialYear;
import org.probationlens.period.ReportingPeriod;
import org.probationlens.read.ColumnSpec;
import org.probationlens.spark.SparkVolumes;
import org.probationlens.volume.VolumeVariance;
import org.threeten.extra.YearQuarter;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.aggregate.NumericAggregateFunction;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * The benchmark's five queries, each written four times: for the core engine, DuckDB (SQL over
 * JDBC), Spark (SQL or Column expressions over a cached DataFrame) and idiomatic Tablesaw
 * ({@code where}, {@code summarize(...).by(...)}, {@code joinOn(...)}). Every answer is a map from
 * a group's key ({@code a|b|c}) to its numbers, so that the four can be compared cell by cell.
 *
 * <ol>
 *   <li>The shortfall pipeline: CRC cases by CPA, work type and calendar quarter: count, weighted
 *       volume, exact median and 90th percentile of planned length (end - start, days), joined to
 *       a quarter of the financial year's forecast; shortfall % of starts and of weighted volume.
 *   <li>PCC-area totals for 2015-16 with the forecast apportioned from CPAs by each area's share
 *       of its CPA's CRC volume in 2014-15 (count share for starts, weighted share for weight).
 *   <li>Cases per owner (as of 31 March 2019) and quarter, CRC only. The contract has no person
 *       identifier, so people cannot be counted apart from their orders: each case is one.
 *   <li>Quartiles and 90th percentile of planned length by NPS division (of the case's PCC area,
 *       Northamptonshire assumed in N04) and work type, all providers.
 *   <li>Orders with both a rehabilitation activity requirement and unpaid work: count, hours of
 *       unpaid work and mean RAR days by NPS division, rolled up to England and Wales.
 * </ol>
 */
final class Suite {
  private Suite() {}

  static final String[] NAMES = {
    "shortfall pipeline (CPA x work type x quarter)",
    "PCC-area totals 2015-16, forecast apportioned",
    "cases per owner and quarter",
    "planned-length quantiles by NPS division x work type",
    "RAR + unpaid work filter, rolled up by division",
  };

  static final ReportingPeriod FY1516 = ReportingPeriod.of(FinancialYear.parse("2015-16"));
  static final ReportingPeriod FY1415 = ReportingPeriod.of(FinancialYear.parse("2014-15"));
  static final LocalDate OWNERS_AS_OF = LocalDate.of(2019, 3, 31);
  static final Geography GEO = Geography.standard().assumingNpsDivision("NTS", "N04");

  /** The CPA of each PCC area. */
  static Map<String, String> cpaOfArea() {
    Map<String, String> m = new TreeMap<>();
    for (PccArea a : GEO.pccAreas()) {
      m.put(a.code(), a.cpaCode());
    }
    return m;
  }

  /** The NPS division of each PCC area. */
  static Map<String, String> divisionOfArea() {
    Map<String, String> m = new TreeMap<>();
    for (PccArea a : GEO.pccAreas()) {
      m.put(a.code(), a.npsDivisionCode());
    }
    return m;
  }

  /** The owner of each provider code as of {@link #OWNERS_AS_OF}; NPS codes are labelled NPS. */
  static Map<String, String> ownerOfProvider() {
    Map<String, String> m = new TreeMap<>();
    for (var cpa : GEO.cpas()) {
      m.put(cpa.code(), GEO.ownerOf(cpa.code(), OWNERS_AS_OF).code());
    }
    for (int i = 1; i <= 7; i++) {
      m.put("N0" + i, "NPS");
    }
    return m;
  }

  /** A contender: one engine with the cases loaded. */
  interface Contender extends AutoCloseable {
    String name();

    Map<String, double[]> run(int query) throws Exception;

    @Override
    default void close() throws Exception {}
  }

  static String key(Object... parts) {
    StringBuilder b = new StringBuilder();
    for (Object p : parts) {
      b.append(b.length() == 0 ? "" : "|").append(p);
    }
    return b.toString();
  }

  /**
   * A result table as answers: its first {@code keys} columns (text) joined by "|" as the key, the
   * other columns (numbers) as the values; each column is looked up once.
   */
  static Map<String, double[]> answers(Table t, int keys) {
    StringColumn[] key = new StringColumn[keys];
    for (int i = 0; i < keys; i++) {
      key[i] = t.stringColumn(i);
    }
    NumericColumn<?>[] value = new NumericColumn<?>[t.columnCount() - keys];
    for (int i = 0; i < value.length; i++) {
      value[i] = (NumericColumn<?>) t.column(keys + i);
    }
    Map<String, double[]> out = new HashMap<>(t.rowCount() * 2);
    StringBuilder b = new StringBuilder();
    for (int r = 0; r < t.rowCount(); r++) {
      b.setLength(0);
      for (int i = 0; i < keys; i++) {
        b.append(i == 0 ? "" : "|").append(key[i].get(r));
      }
      double[] v = new double[value.length];
      for (int i = 0; i < v.length; i++) {
        v[i] = value[i].getDouble(r);
      }
      out.put(b.toString(), v);
    }
    return out;
  }

  /** The financial year ("2015-16") of a calendar quarter ("2016-Q1"). */
  static String financialYear(String quarter) {
    return FinancialYear.containing(YearQuarter.parse(quarter)).label();
  }

  /** The forecast by "cpa|financial year|work type": {count, weighted}. */
  static Map<String, double[]> forecastLookup(Table forecast) {
    Map<String, double[]> out = new HashMap<>();
    StringColumn cpa = forecast.stringColumn("cpa_code");
    StringColumn year = forecast.stringColumn("financial_year");
    StringColumn type = forecast.stringColumn("work_type");
    NumericColumn<?> count = forecast.numberColumn("forecast_count");
    NumericColumn<?> weighted = forecast.numberColumn("forecast_weighted");
    for (int r = 0; r < forecast.rowCount(); r++) {
      out.put(
          cpa.get(r) + "|" + year.get(r) + "|" + type.get(r),
          new double[] {count.getDouble(r), weighted.getDouble(r)});
    }
    return out;
  }

  /**
   * Adds the quarter-forecast shortfall to {count, weighted, ...} groups keyed cpa|wt|quarter: a
   * hash join on (CPA, financial year, work type), as the SQL engines do it (the financial year of
   * each quarter worked out once).
   */
  static Map<String, double[]> withShortfall(
      Map<String, double[]> groups, Map<String, double[]> forecast) {
    Map<String, double[]> out = new HashMap<>(groups.size() * 2);
    Map<String, String> yearOfQuarter = new HashMap<>();
    groups.forEach(
        (k, v) -> {
          int a = k.indexOf('|');
          int b = k.indexOf('|', a + 1);
          String quarter = k.substring(b + 1);
          String fy = yearOfQuarter.computeIfAbsent(quarter, Suite::financialYear);
          double[] f =
              forecast.get(k.substring(0, a) + "|" + fy + "|" + k.substring(a + 1, b));
          if (f == null) {
            return;
          }
          double q = f[0] / 4.0;
          double qw = f[1] / 4.0;
          out.put(
              k,
              new double[] {
                v[0], v[1], v[2], v[3], q, 100.0 * (q - v[0]) / q, 100.0 * (qw - v[1]) / qw
              });
        });
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  /** The core engine over cases read by {@code CaseCsv.read}. */
  static final class Core implements Contender {
    private final ColumnTable cases;
    private final Table forecast;
    private final int threads;

    Core(ColumnTable cases, Table forecast, int threads) {
      this.cases =
          cases
              .withQuarter("quarter", "start_date")
              .withDaysBetween("duration_days", "start_date", "end_date")
              .withRelabelled("nps_division", "pcc_area", divisionOfArea())
              .withRelabelled("owner", "provider_code", ownerOfProvider());
      this.forecast = forecast;
      this.threads = threads;
    }

    @Override
    public String name() {
      return "core engine";
    }

    @Override
    public Map<String, double[]> run(int query) {
      Map<String, double[]> out = new HashMap<>();
      switch (query) {
        case 1 -> {
          Table g =
              Aggregate.of(cases)
                  .where(Filter.equalTo("provider_type", "CRC"))
                  .by("provider_code", "work_type", "quarter")
                  .count()
                  .sum("weight")
                  .median("duration_days")
                  .quantile("duration_days", 0.9)
                  .threads(threads)
                  .run();
          // columns: provider_code, work_type, quarter; count, sum, median, p90
          return withShortfall(answers(g, 3), forecastLookup(forecast));
        }
        case 2 -> {
          Table t =
              VolumeVariance.of(cases, forecast)
                  .apportioningForecastBy(FY1415)
                  .shortfall(Level.PCC_AREA, FY1516)
                  .table();
          return pccRows(t);
        }
        case 3 -> {
          Table g =
              Aggregate.of(cases)
                  .where(Filter.equalTo("provider_type", "CRC"))
                  .by("owner", "quarter")
                  .count()
                  .threads(threads)
                  .run();
          return answers(g, 2);
        }
        case 4 -> {
          Table g =
              Aggregate.of(cases)
                  .by("nps_division", "work_type")
                  .quantile("duration_days", 0.25)
                  .as("q1")
                  .median("duration_days")
                  .as("q2")
                  .quantile("duration_days", 0.75)
                  .as("q3")
                  .quantile("duration_days", 0.9)
                  .as("p90")
                  .threads(threads)
                  .run();
          return answers(g, 2);
        }
        case 5 -> {
          Table g =
              Aggregate.of(cases)
                  .where(Filter.between("rar_days", 1, Integer.MAX_VALUE))
                  .where(Filter.between("upw_hours", 1, Integer.MAX_VALUE))
                  .by("nps_division")
                  .count()
                  .sum("upw_hours")
                  .sum("rar_days")
                  .threads(threads)
                  .run();
          double[] all = new double[3];
          for (int r = 0; r < g.rowCount(); r++) {
            double n = g.intColumn("count").getInt(r);
            double hours = g.doubleColumn("sum_upw_hours").getDouble(r);
            double rar = g.doubleColumn("sum_rar_days").getDouble(r);
            out.put(g.getString(r, 0), new double[] {n, hours, rar / n});
            all[0] += n;
            all[1] += hours;
            all[2] += rar;
          }
          out.put("ALL", new double[] {all[0], all[1], all[2] / all[0]});
          return out;
        }
        default -> throw new IllegalArgumentException("query " + query);
      }
    }
  }

  /** PCC-area rows of a shortfall table: counts, forecasts and weighted shortfall. */
  static Map<String, double[]> pccRows(Table t) {
    Map<String, double[]> out = new HashMap<>();
    for (int r = 0; r < t.rowCount(); r++) {
      out.put(
          t.getString(r, 0),
          new double[] {
            t.numberColumn("actual_count").getDouble(r),
            t.numberColumn("forecast_count").getDouble(r),
            t.numberColumn("actual_weighted").getDouble(r),
            t.numberColumn("forecast_weighted").getDouble(r),
            t.numberColumn("weighted_shortfall_pct").getDouble(r)
          });
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  /** SQL for DuckDB and Spark; the dialects differ in a few functions. */
  static String sql(int query, boolean spark) {
    String quarter =
        spark
            ? "concat(cast(year(start_date) AS STRING), '-Q', cast(quarter(start_date) AS STRING))"
            : "CAST(year(start_date) AS VARCHAR) || '-Q' || CAST(quarter(start_date) AS VARCHAR)";
    String days = spark ? "datediff(end_date, start_date)" : "(end_date - start_date)";
    String pct = spark ? "percentile" : "quantile_cont";
    String str = spark ? "STRING" : "VARCHAR";
    String fy1415 = "DATE '2014-04-01' AND DATE '2015-03-31'";
    String fy1516 = "DATE '2015-04-01' AND DATE '2016-03-31'";
    return switch (query) {
      case 1 ->
          "WITH g AS (SELECT provider_code AS cpa, work_type, "
              + quarter
              + " AS quarter, count(*) AS starts, sum(weight) AS weighted, "
              + pct
              + "("
              + days
              + ", 0.5) AS median_days, "
              + pct
              + "("
              + days
              + ", 0.9) AS p90_days FROM cases WHERE provider_type = 'CRC' GROUP BY 1, 2, 3),"
              + " y AS (SELECT *, CAST(substr(quarter, 1, 4) AS INT)"
              + " - CASE WHEN substr(quarter, 7, 1) = '1' THEN 1 ELSE 0 END AS fy FROM g)"
              + " SELECT y.cpa, y.work_type, y.quarter, starts, weighted, median_days, p90_days,"
              + " f.forecast_count / 4.0 AS fq,"
              + " 100.0 * (f.forecast_count / 4.0 - starts) / (f.forecast_count / 4.0),"
              + " 100.0 * (f.forecast_weighted / 4.0 - weighted) / (f.forecast_weighted / 4.0)"
              + " FROM y JOIN forecast f ON f.cpa_code = y.cpa AND f.work_type = y.work_type"
              + " AND f.financial_year = CAST(y.fy AS "
              + str
              + ") || '-' || lpad(CAST((y.fy + 1) % 100 AS "
              + str
              + "), 2, '0')";
      case 2 ->
          "WITH base AS (SELECT pcc_area, count(*) AS n, sum(weight) AS w FROM cases"
              + " WHERE provider_type = 'CRC' AND start_date BETWEEN "
              + fy1415
              + " GROUP BY 1),"
              + " share AS (SELECT a.pcc_area, a.cpa, coalesce(b.n, 0) AS n,"
              + " coalesce(b.w, 0) AS w FROM areas a LEFT JOIN base b ON b.pcc_area = a.pcc_area),"
              + " cpa_base AS (SELECT cpa, sum(n) AS n, sum(w) AS w FROM share GROUP BY 1),"
              + " fc AS (SELECT cpa_code AS cpa, sum(forecast_count) AS fc,"
              + " sum(forecast_weighted) AS fw FROM forecast WHERE financial_year = '2015-16'"
              + " GROUP BY 1),"
              + " act AS (SELECT pcc_area, count(*) AS n, sum(weight) AS w FROM cases"
              + " WHERE provider_type = 'CRC' AND start_date BETWEEN "
              + fy1516
              + " GROUP BY 1)"
              + " SELECT s.pcc_area, coalesce(act.n, 0), fc.fc * s.n / cb.n,"
              + " coalesce(act.w, 0), fc.fw * s.w / cb.w,"
              + " 100.0 * (fc.fw * s.w / cb.w - coalesce(act.w, 0)) / (fc.fw * s.w / cb.w)"
              + " FROM share s JOIN cpa_base cb ON cb.cpa = s.cpa JOIN fc ON fc.cpa = s.cpa"
              + " LEFT JOIN act ON act.pcc_area = s.pcc_area";
      case 3 ->
          "SELECT o.owner, "
              + quarter
              + " AS quarter, count(*) FROM cases c JOIN owners o ON o.provider_code ="
              + " c.provider_code WHERE provider_type = 'CRC' GROUP BY 1, 2";
      case 4 ->
          "SELECT d.nps_division, work_type, "
              + pct
              + "("
              + days
              + ", 0.25), "
              + pct
              + "("
              + days
              + ", 0.5), "
              + pct
              + "("
              + days
              + ", 0.75), "
              + pct
              + "("
              + days
              + ", 0.9) FROM cases c JOIN divisions d ON d.pcc_area = c.pcc_area GROUP BY 1, 2";
      case 5 ->
          "SELECT coalesce(d.nps_division, 'ALL'), count(*), sum(upw_hours), avg(rar_days)"
              + " FROM cases c JOIN divisions d ON d.pcc_area = c.pcc_area"
              + " WHERE rar_days > 0 AND upw_hours > 0 GROUP BY ROLLUP (d.nps_division)";
      default -> throw new IllegalArgumentException("query " + query);
    };
  }

  /** Key columns of each query's SQL result. */
  static int keys(int query) {
    return switch (query) {
      case 1 -> 3;
      case 2, 5 -> 1;
      default -> 2;
    };
  }

  /** DuckDB in-process, {@code SET threads}, the cases loaded into a table from the CSV. */
  static final class Duck implements Contender {
    private final Connection db;

    Duck(Path cases, Table forecast, int threads) throws SQLException {
      db = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement st = db.createStatement()) {
        settings(st, threads);
        loadCases(st, cases);
        st.execute(
            "CREATE TABLE forecast (cpa_code VARCHAR, financial_year VARCHAR, work_type VARCHAR,"
                + " forecast_count DOUBLE, forecast_weighted DOUBLE)");
        st.execute("CREATE TABLE areas (pcc_area VARCHAR, cpa VARCHAR)");
        st.execute("CREATE TABLE divisions (pcc_area VARCHAR, nps_division VARCHAR)");
        st.execute("CREATE TABLE owners (provider_code VARCHAR, owner VARCHAR)");
      }
      try (PreparedStatement f = db.prepareStatement("INSERT INTO forecast VALUES (?, ?, ?, ?, ?)")) {
        for (int r = 0; r < forecast.rowCount(); r++) {
          f.setString(1, forecast.getString(r, "cpa_code"));
          f.setString(2, forecast.getString(r, "financial_year"));
          f.setString(3, forecast.getString(r, "work_type"));
          f.setDouble(4, forecast.numberColumn("forecast_count").getDouble(r));
          f.setDouble(5, forecast.numberColumn("forecast_weighted").getDouble(r));
          f.execute();
        }
      }
      insertPairs("areas", cpaOfArea());
      insertPairs("divisions", divisionOfArea());
      insertPairs("owners", ownerOfProvider());
    }

    private void insertPairs(String table, Map<String, String> pairs) throws SQLException {
      try (PreparedStatement p = db.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
        for (var e : pairs.entrySet()) {
          p.setString(1, e.getKey());
          p.setString(2, e.getValue());
          p.execute();
        }
      }
    }

    @Override
    public String name() {
      return "DuckDB (JDBC)";
    }

    @Override
    public Map<String, double[]> run(int query) throws SQLException {
      Map<String, double[]> out = new HashMap<>();
      try (Statement st = db.createStatement();
          ResultSet rs = st.executeQuery(sql(query, false))) {
        int k = keys(query);
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Object[] key = new Object[k];
          for (int i = 0; i < k; i++) {
            key[i] = rs.getString(i + 1);
          }
          double[] v = new double[n - k];
          for (int i = k; i < n; i++) {
            v[i - k] = rs.getDouble(i + 1);
          }
          out.put(key(key), v);
        }
      }
      return out;
    }

    @Override
    public void close() throws SQLException {
      db.close();
    }
  }

  /**
   * The case columns with their DuckDB types, as {@code read_csv}'s {@code columns} option takes
   * them ({@code {'case_id': 'VARCHAR', ..., 'weight': 'DOUBLE'}}), from {@link
   * CaseRecords#schema()}.
   */
  static final String CASE_COLUMNS = duckColumns();

  private static String duckColumns() {
    StringJoiner columns = new StringJoiner(", ", "{", "}");
    for (ColumnSpec column : CaseRecords.schema().columns()) {
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

  /** DuckDB's settings for every run of the benchmark: its thread count, rows in any order. */
  static void settings(Statement st, int threads) throws SQLException {
    st.execute("SET threads = " + threads);
    st.execute("SET preserve_insertion_order = false");
  }

  /** Loads the case file into DuckDB's table {@code cases} with {@code read_csv}, typed. */
  static void loadCases(Statement st, Path cases) throws SQLException {
    st.execute(
        "CREATE TABLE cases AS SELECT * FROM read_csv('"
            + cases.toAbsolutePath()
            + "', header = true, delim = ',', quote = '', columns = "
            + CASE_COLUMNS
            + ")");
  }

  // ---------------------------------------------------------------------------------------------
  /** Spark in local mode over a cached DataFrame of the cases, and small look-up tables. */
  static final class OnSpark implements Contender {
    private final SparkSession spark;
    private final Dataset<Row> cases;
    private final Table forecast;

    OnSpark(SparkSession spark, Path casesCsv, Table forecast) {
      this.spark = spark;
      this.forecast = forecast;
      cases =
          spark
              .read()
              .option("header", "true")
              .schema(org.probationlens.spark.SparkCases.SCHEMA)
              .csv(casesCsv.toAbsolutePath().toString())
              .cache();
      cases.count();
      cases.createOrReplaceTempView("cases");
      List<Row> f = new ArrayList<>();
      for (int r = 0; r < forecast.rowCount(); r++) {
        f.add(
            RowFactory.create(
                forecast.getString(r, "cpa_code"),
                forecast.getString(r, "financial_year"),
                forecast.getString(r, "work_type"),
                forecast.numberColumn("forecast_count").getDouble(r),
                forecast.numberColumn("forecast_weighted").getDouble(r)));
      }
      spark
          .createDataFrame(
              f,
              DataTypes.createStructType(
                  List.of(
                      DataTypes.createStructField("cpa_code", DataTypes.StringType, false),
                      DataTypes.createStructField("financial_year", DataTypes.StringType, false),
                      DataTypes.createStructField("work_type", DataTypes.StringType, false),
                      DataTypes.createStructField("forecast_count", DataTypes.DoubleType, false),
                      DataTypes.createStructField(
                          "forecast_weighted", DataTypes.DoubleType, false))))
          .createOrReplaceTempView("forecast");
      pairs("areas", "pcc_area", "cpa", cpaOfArea());
      pairs("divisions", "pcc_area", "nps_division", divisionOfArea());
      pairs("owners", "provider_code", "owner", ownerOfProvider());
    }

    private void pairs(String view, String a, String b, Map<String, String> pairs) {
      List<Row> rows = new ArrayList<>();
      pairs.forEach((k, v) -> rows.add(RowFactory.create(k, v)));
      spark
          .createDataFrame(
              rows,
              DataTypes.createStructType(
                  List.of(
                      DataTypes.createStructField(a, DataTypes.StringType, false),
                      DataTypes.createStructField(b, DataTypes.StringType, false))))
          .createOrReplaceTempView(view);
    }

    @Override
    public String name() {
      return "Spark 4.0.1 local[2]";
    }

    @Override
    public Map<String, double[]> run(int query) {
      if (query == 2) {
        // the Spark module's own path: Spark counts, the core's VolumeVariance does the rest
        return pccRows(
            SparkVolumes.volumeVariance(cases, forecast)
                .apportioningForecastBy(FY1415)
                .shortfall(Level.PCC_AREA, FY1516)
                .table());
      }
      Map<String, double[]> out = new HashMap<>();
      int k = keys(query);
      for (Row r : spark.sql(sql(query, true)).collectAsList()) {
        Object[] key = new Object[k];
        for (int i = 0; i < k; i++) {
          key[i] = r.get(i);
        }
        double[] v = new double[r.size() - k];
        for (int i = k; i < r.size(); i++) {
          v[i - k] = ((Number) r.get(i)).doubleValue();
        }
        out.put(key(key), v);
      }
      return out;
    }

    @Override
    public void close() {
      cases.unpersist();
    }
  }

  // ---------------------------------------------------------------------------------------------
  /** The percentile by linear interpolation, as the other engines define it. */
  static NumericAggregateFunction percentile(double p) {
    return new NumericAggregateFunction("P" + (int) Math.round(p)) {
      @Override
      public Double summarize(NumericColumn<?> column) {
        return new Percentile()
            .withEstimationType(EstimationType.R_7)
            .evaluate(column.asDoubleArray(), p);
      }
    };
  }

  /** Idiomatic Tablesaw over a table read with its CSV reader. */
  static final class Saw implements Contender {
    private final Table cases;
    private final Table forecast;

    Saw(Table cases, Table forecast) {
      this.cases = cases;
      this.forecast = forecast;
    }

    @Override
    public String name() {
      return "Tablesaw 0.44.4";
    }

    private static StringColumn quarter(Table t) {
      return t.dateColumn("start_date").yearQuarter().replaceAll("-0", "-Q").setName("quarter");
    }

    private static StringColumn mapped(StringColumn c, Map<String, String> m, String name) {
      StringColumn out = StringColumn.create(name);
      for (String v : c) {
        out.append(m.get(v));
      }
      return out;
    }

    private Selection crc() {
      return cases.stringColumn("provider_type").isEqualTo("CRC");
    }

    private Selection started(ReportingPeriod p) {
      return cases.dateColumn("start_date").isBetweenIncluding(p.start(), p.end());
    }

    /** Count and weight by PCC area, the columns named prefix_n and prefix_w. */
    private static Table byArea(Table t, String prefix) {
      Table s = t.summarize("weight", AggregateFunctions.count, AggregateFunctions.sum).by("pcc_area");
      s.column("Count [weight]").setName(prefix + "_n");
      s.column("Sum [weight]").setName(prefix + "_w");
      return s;
    }

    private static void zeroForMissing(Table t, String... columns) {
      for (String c : columns) {
        DoubleColumn d = t.doubleColumn(c);
        for (int r = 0; r < d.size(); r++) {
          if (d.isMissing(r)) {
            d.set(r, 0.0);
          }
        }
      }
    }

    @Override
    public Map<String, double[]> run(int query) {
      switch (query) {
        case 1 -> {
          Table crc = cases.where(cases.stringColumn("provider_type").isEqualTo("CRC"));
          crc.addColumns(
              quarter(crc),
              crc.dateColumn("start_date")
                  .daysUntil(crc.dateColumn("end_date"))
                  .setName("duration_days"));
          Table volume =
              crc.summarize(
                      "duration_days",
                      AggregateFunctions.count,
                      AggregateFunctions.median,
                      percentile(90))
                  .by("provider_code", "work_type", "quarter");
          Table weighted =
              crc.summarize("weight", AggregateFunctions.sum)
                  .by("provider_code", "work_type", "quarter");
          Table g = volume.joinOn("provider_code", "work_type", "quarter").inner(weighted);
          Map<String, double[]> out = new HashMap<>();
          DoubleColumn n = g.doubleColumn("Count [duration_days]");
          DoubleColumn weight = g.doubleColumn("Sum [weight]");
          DoubleColumn median = g.doubleColumn("Median [duration_days]");
          DoubleColumn p90 = g.doubleColumn("P90 [duration_days]");
          for (int r = 0; r < g.rowCount(); r++) {
            out.put(
                key(g.getString(r, 0), g.getString(r, 1), g.getString(r, 2)),
                new double[] {
                  n.getDouble(r), weight.getDouble(r), median.getDouble(r), p90.getDouble(r)
                });
          }
          return withShortfall(out, forecastLookup(forecast));
        }
        case 2 -> {
          // (Tablesaw's Selection.and changes the selection itself: a new one for each use)
          Table base = byArea(cases.where(crc().and(started(FY1415))), "base");
          Table actual = byArea(cases.where(crc().and(started(FY1516))), "actual");
          Map<String, String> cpaOf = cpaOfArea();
          Table areas =
              Table.create(
                  "areas",
                  StringColumn.create("pcc_area", cpaOf.keySet()),
                  StringColumn.create("cpa", cpaOf.values()));
          Table share = areas.joinOn("pcc_area").leftOuter(base);
          zeroForMissing(share, "base_n", "base_w");
          Table cpaBase = share.summarize("base_n", "base_w", AggregateFunctions.sum).by("cpa");
          Table fc =
              forecast
                  .where(forecast.stringColumn("financial_year").isEqualTo("2015-16"))
                  .summarize("forecast_count", "forecast_weighted", AggregateFunctions.sum)
                  .by("cpa_code");
          fc.column("cpa_code").setName("cpa");
          Table t =
              share
                  .joinOn("cpa")
                  .inner(cpaBase)
                  .joinOn("cpa")
                  .inner(fc)
                  .joinOn("pcc_area")
                  .leftOuter(actual);
          zeroForMissing(t, "actual_n", "actual_w");
          DoubleColumn forecastCount =
              t.doubleColumn("Sum [forecast_count]")
                  .multiply(t.doubleColumn("base_n"))
                  .divide(t.doubleColumn("Sum [base_n]"));
          DoubleColumn forecastWeighted =
              t.doubleColumn("Sum [forecast_weighted]")
                  .multiply(t.doubleColumn("base_w"))
                  .divide(t.doubleColumn("Sum [base_w]"));
          DoubleColumn actualWeighted = t.doubleColumn("actual_w");
          Table out =
              Table.create(
                  "pcc",
                  t.stringColumn("pcc_area"),
                  t.doubleColumn("actual_n"),
                  forecastCount,
                  actualWeighted,
                  forecastWeighted,
                  forecastWeighted.subtract(actualWeighted).divide(forecastWeighted).multiply(100));
          return answers(out, 1);
        }
        case 3 -> {
          Table crc = cases.where(cases.stringColumn("provider_type").isEqualTo("CRC"));
          crc.addColumns(
              quarter(crc), mapped(crc.stringColumn("provider_code"), ownerOfProvider(), "owner"));
          return answers(
              crc.summarize("weight", AggregateFunctions.count).by("owner", "quarter"), 2);
        }
        case 4 -> {
          Table t = cases.copy();
          t.addColumns(
              mapped(t.stringColumn("pcc_area"), divisionOfArea(), "nps_division"),
              t.dateColumn("start_date").daysUntil(t.dateColumn("end_date")).setName("days"));
          return answers(
              t.summarize("days", percentile(25), percentile(50), percentile(75), percentile(90))
                  .by("nps_division", "work_type"),
              2);
        }
        case 5 -> {
          Table t =
              cases.where(
                  cases
                      .intColumn("rar_days")
                      .isGreaterThan(0)
                      .and(cases.intColumn("upw_hours").isGreaterThan(0)));
          t.addColumns(mapped(t.stringColumn("pcc_area"), divisionOfArea(), "nps_division"));
          Map<String, double[]> out =
              answers(
                  t.summarize("upw_hours", AggregateFunctions.count, AggregateFunctions.sum)
                      .by("nps_division")
                      .joinOn("nps_division")
                      .inner(t.summarize("rar_days", AggregateFunctions.mean).by("nps_division")),
                  1);
          out.put(
              "ALL",
              new double[] {
                t.rowCount(), t.intColumn("upw_hours").sum(), t.intColumn("rar_days").mean()
              });
          return out;
        }
        default -> throw new IllegalArgumentException("query " + query);
      }
    }
  }

  /** The first difference between two answers, or null. */
  static String difference(Map<String, double[]> expected, Map<String, double[]> actual) {
    if (!expected.keySet().equals(actual.keySet())) {
      List<String> missing = new ArrayList<>(expected.keySet());
      missing.removeAll(actual.keySet());
      List<String> extra = new ArrayList<>(actual.keySet());
      extra.removeAll(expected.keySet());
      return "groups differ: missing " + head(missing) + ", extra " + head(extra);
    }
    for (var e : expected.entrySet()) {
      double[] x = e.getValue();
      double[] y = actual.get(e.getKey());
      if (x.length != y.length) {
        return e.getKey() + ": " + x.length + " numbers against " + y.length;
      }
      for (int i = 0; i < x.length; i++) {
        boolean same =
            x[i] == y[i]
                || (Double.isNaN(x[i]) && Double.isNaN(y[i]))
                || Math.abs(x[i] - y[i]) <= 1e-9 * Math.max(Math.abs(x[i]), Math.abs(y[i]));
        if (!same) {
          return e.getKey()
              + ": "
              + Arrays.toString(x)
              + " against "
              + Arrays.toString(y)
              + " (value "
              + i
              + ")";
        }
      }
    }
    return null;
  }

  static String head(List<String> keys) {
    return keys.size() <= 5 ? keys.toString() : keys.subList(0, 5) + " and " + (keys.size() - 5);
  }
}
