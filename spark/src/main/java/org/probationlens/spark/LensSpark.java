package org.probationlens.spark;

import org.apache.spark.sql.SparkSession;

/**
 * A Spark session set up for Probation Lens: the driver bound to the loopback address (so that a
 * laptop or a notebook does not offer its executors the machine's external address), Java time
 * types in rows ({@code LocalDate} for dates), and the session time zone UTC, so that a date is the
 * same day on every executor.
 *
 * <p>On a cluster, {@code spark-submit} makes the session; {@link #session(String)} is for local
 * mode ({@code local[2]}), a notebook, the tests and the benchmark. The JVM that runs the driver
 * needs Spark's Java 17 options ({@code --add-opens ...}, the list of Spark's launcher {@code
 * JavaModuleOptions}); {@code spark-submit} adds them itself, {@code ./lens spark-submit} and the
 * module's tests pass them.
 */
public final class LensSpark {
  private LensSpark() {}

  /**
   * A session on a master, for example {@code local[2]} or {@code spark://127.0.0.1:7077}.
   *
   * @param master the master URL, not null
   * @return the session (a new one, or the running one with these settings)
   */
  public static SparkSession session(String master) {
    return SparkSession.builder()
        .appName("probation-lens")
        .master(master)
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.datetime.java8API.enabled", "true")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "8")
        .getOrCreate();
  }
}
