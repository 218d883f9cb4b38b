/**
 * Probation Lens on Apache Spark, for case data that does not fit one machine (a national,
 * multi-year extract): the same analyses from the same definitions, with the case-level counting in
 * Spark SQL and everything else in the core library.
 *
 * <ul>
 *   <li>{@link org.probationlens.spark.SparkCases}: case files (CSV or Parquet) as a Spark table,
 *       each validated by the core's own reader on an executor.
 *   <li>{@link org.probationlens.spark.SparkVolumes}: the core's {@code VolumeVariance} over
 *       Spark's counts: shortfall by every level and period, the mix effect, owners as of a date.
 *   <li>{@link org.probationlens.spark.SparkAccredited}: the accredited-programme share by quarter.
 *   <li>{@link org.probationlens.spark.ShortfallJob}: the job {@code spark-submit} runs.
 * </ul>
 *
 * <p>Results are the core's own result types ({@code Shortfall}, {@code MixEffect}, Tablesaw
 * tables), so rendering, provenance and the figure registry work on them unchanged. Expressed as
 * Spark Column expressions in compiled classes, not lambdas, so nothing from a notebook cell has to
 * be shipped to executors.
 */
package org.probationlens.spark;
