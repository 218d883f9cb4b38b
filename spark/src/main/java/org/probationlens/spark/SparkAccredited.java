package org.probationlens.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.probationlens.innovation.AccreditedProgrammes;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Accredited programme starts as a share of orders, by quarter, with the counting done by Spark:
 * orders (work types {@link AccreditedProgrammes#ORDER_WORK_TYPES}) and those with an accredited
 * programme are counted by start date and provider on the cluster (a few thousand rows), and the
 * core's {@link AccreditedProgrammes#shareByQuarterFromDailyCounts} makes the quarters, the ALL
 * rows and the Wilson intervals. The result is the table {@link
 * AccreditedProgrammes#shareByQuarter} gives for the same cases.
 */
public final class SparkAccredited {
  private SparkAccredited() {}

  /**
   * The share by quarter.
   *
   * @param cases cases with {@code start_date} (date), {@code work_type}, {@code provider_type}
   *     (string) and {@code accredited_programme} (boolean), for example from {@link
   *     SparkCases#validated}; not null
   * @return as {@link AccreditedProgrammes#shareByQuarter}
   */
  public static Table shareByQuarter(Dataset<Row> cases) {
    List<Row> rows =
        cases
            .where(col("work_type").isin(AccreditedProgrammes.ORDER_WORK_TYPES.toArray()))
            .groupBy(col("start_date"), col("provider_type"))
            .agg(
                count(lit(1)).as("orders"),
                sum(when(col("accredited_programme"), 1).otherwise(0)).as("programme_starts"))
            .collectAsList();
    DateColumn day = DateColumn.create("start_date");
    StringColumn provider = StringColumn.create("provider_type");
    IntColumn orders = IntColumn.create("orders");
    IntColumn starts = IntColumn.create("programme_starts");
    for (Row r : rows) {
      Object d = r.get(0);
      day.append(d instanceof LocalDate ld ? ld : ((java.sql.Date) d).toLocalDate());
      provider.append(r.getString(1));
      orders.append(Math.toIntExact(r.getLong(2)));
      starts.append(Math.toIntExact(r.getLong(3)));
    }
    return AccreditedProgrammes.shareByQuarterFromDailyCounts(
        Table.create("orders by start date and provider", day, provider, orders, starts));
  }
}
