package org.probationlens.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.probationlens.volume.CrcStarts;
import org.probationlens.volume.VolumeVariance;
import tech.tablesaw.api.Table;

/**
 * CRC volumes against forecast with the case-level counting done by Spark: the one question {@link
 * VolumeVariance} asks of the cases ({@link CrcStarts.Query}: CRC starts of a period by unit and
 * work type) runs as a Spark SQL aggregation over the cluster, and the sums, a few hundred rows,
 * come back to the driver, where the core library's {@link VolumeVariance} does the rest with its
 * own code: the forecast for the period, the apportionment to PCC areas, owners as of a date,
 * roll-ups to every level, shortfall %, ranks and the mix effect. So the answers are the core's, by
 * the same definitions; only the counting has moved.
 *
 * <p>Each distinct query runs once per instance and is remembered (a shortfall, its mix effect and
 * its PCC-area baseline share queries). Sums of weights are added in Spark's order, so they can
 * differ from the core engine's in the last bits (about 1e-13 relative); counts are exact.
 */
public final class SparkVolumes implements CrcStarts {
  private final Dataset<Row> cases;
  private final Map<Query, List<Sums>> answered = new ConcurrentHashMap<>();

  private SparkVolumes(Dataset<Row> cases) {
    this.cases = cases;
  }

  /**
   * The counting over a Spark table of cases.
   *
   * @param cases cases with at least the columns {@code provider_type, provider_code, pcc_area,
   *     work_type} (string), {@code start_date} (date) and {@code weight} (number), for example
   *     from {@link SparkCases#validated}; not null
   * @return the counting, not null
   */
  public static SparkVolumes over(Dataset<Row> cases) {
    return new SparkVolumes(Objects.requireNonNull(cases, "cases"));
  }

  /**
   * The core's analysis over these counts.
   *
   * @param cases as {@link #over}
   * @param forecast contract forecasts (the shared {@code forecast.csv} contract, read on the
   *     driver: it is small), not null
   * @return the analysis; its {@code with...} copies share these counts
   */
  public static VolumeVariance volumeVariance(Dataset<Row> cases, Table forecast) {
    return VolumeVariance.of(over(cases), forecast);
  }

  /** The query as a Spark condition: the definition of {@link CrcStarts.Query}, in Spark SQL. */
  static Column counted(Query query) {
    return col("provider_type")
        .equalTo(lit(Query.PROVIDER_TYPE))
        .and(col("start_date").between(lit(query.firstStart()), lit(query.lastStart())));
  }

  @Override
  public List<Sums> count(Query query) {
    return answered.computeIfAbsent(query, this::run);
  }

  private List<Sums> run(Query query) {
    List<Row> rows =
        cases
            .where(counted(query))
            .groupBy(col(query.unitColumn()), col("work_type"))
            .agg(
                functions.count(lit(1)).as("count"), sum(col("weight").cast("double")).as("weight"))
            .collectAsList();
    List<Sums> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      if (r.isNullAt(0) || r.isNullAt(1) || r.isNullAt(3)) {
        throw new IllegalArgumentException(
            "CRC cases started "
                + query.firstStart()
                + " to "
                + query.lastStart()
                + " with a missing "
                + query.unitColumn()
                + ", work_type or weight: "
                + r);
      }
      out.add(new Sums(r.getString(0), r.getString(1), r.getLong(2), r.getDouble(3)));
    }
    return List.copyOf(out);
  }
}
