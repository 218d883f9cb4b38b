package org.probationlens.spark;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.probationlens.data.CaseRecords;
import org.probationlens.engine.CaseCsv;
import org.probationlens.engine.ColumnTable;
import org.probationlens.parquet.CaseParquet;
import org.probationlens.read.ColumnSpec;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Case files as a Spark {@link Dataset}, each validated whole by the core library's own reader on
 * an executor: {@link CaseCsv#read} for {@code .csv} files, {@link CaseParquet#read} for {@code
 * .parquet}. So a file Spark takes is one the library takes, and a file it refuses fails the job
 * with the library's own message (file, line, column, value and what was expected).
 *
 * <p>A national extract comes as many files (by area, by month); each is one task, so files are
 * read in parallel across the cluster, and each must fit one executor's memory (10 million cases
 * need about 1 GB). The paths must be readable by every executor (a shared file system); a file
 * Spark reads itself (for example {@code spark.read().parquet(...)}) skips the library's
 * validation, so {@link #validated} is the way in for data that has not been checked before.
 */
public final class SparkCases {
  private SparkCases() {}

  /**
   * The case table's columns and their Spark types, in the contract's order: the columns of {@link
   * CaseRecords#schema()}, each with the Spark type of its {@link ColumnSpec#type()}.
   */
  public static final StructType SCHEMA = schema();

  private static StructType schema() {
    List<StructField> fields = new ArrayList<>();
    for (ColumnSpec column : CaseRecords.schema().columns()) {
      fields.add(DataTypes.createStructField(column.name(), typeOf(column.type()), false));
    }
    return DataTypes.createStructType(fields);
  }

  private static DataType typeOf(ColumnType type) {
    if (type.equals(ColumnType.STRING)) {
      return DataTypes.StringType;
    } else if (type.equals(ColumnType.LOCAL_DATE)) {
      return DataTypes.DateType;
    } else if (type.equals(ColumnType.INTEGER)) {
      return DataTypes.IntegerType;
    } else if (type.equals(ColumnType.BOOLEAN)) {
      return DataTypes.BooleanType;
    } else if (type.equals(ColumnType.DOUBLE)) {
      return DataTypes.DoubleType;
    }
    throw new IllegalArgumentException("no Spark type for the column type " + type);
  }

  /**
   * Reads and validates case files, one task per file.
   *
   * @param spark the session, not null
   * @param files {@code .csv} or {@code .parquet} files readable by every executor, at least one
   * @return the cases, with {@link #SCHEMA}
   * @throws IllegalArgumentException for a file that is neither CSV nor Parquet by its name
   * @throws org.apache.spark.SparkException (when an action runs) for a file the library refuses,
   *     with the library's message
   */
  public static Dataset<Row> validated(SparkSession spark, List<Path> files) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no case files given");
    }
    List<String> names = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (!name.endsWith(".csv") && !name.endsWith(".parquet")) {
        throw new IllegalArgumentException(file + ": expected a case file ending .csv or .parquet");
      }
      names.add(file.toAbsolutePath().toString());
    }
    boolean javaTime =
        Boolean.parseBoolean(spark.conf().get("spark.sql.datetime.java8API.enabled", "false"));
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> rows = context.parallelize(names, names.size()).flatMap(new ReadFile(javaTime));
    return spark.createDataFrame(rows, SCHEMA);
  }

  /** Runs on an executor: one file through the library's reader, then its rows. */
  private record ReadFile(boolean javaTime) implements FlatMapFunction<String, Row> {
    @Override
    public Iterator<Row> call(String file) {
      Path path = Path.of(file);
      ColumnTable cases =
          file.toLowerCase(Locale.ROOT).endsWith(".parquet")
              ? CaseParquet.read(path)
              : CaseCsv.read(path);
      return rows(cases.toTablesaw(), javaTime);
    }
  }

  /** The table's rows in the schema's column order. */
  static Iterator<Row> rows(Table table, boolean javaTime) {
    String[] names = SCHEMA.fieldNames();
    List<Column<?>> columns = new ArrayList<>();
    for (String name : names) {
      columns.add(table.column(name));
    }
    int n = table.rowCount();
    return new Iterator<>() {
      private int row;

      @Override
      public boolean hasNext() {
        return row < n;
      }

      @Override
      public Row next() {
        Object[] values = new Object[columns.size()];
        for (int c = 0; c < values.length; c++) {
          Object v = columns.get(c).get(row);
          values[c] = v instanceof LocalDate d && !javaTime ? Date.valueOf(d) : v;
        }
        row++;
        return RowFactory.create(values);
      }
    };
  }
}
