/**
 * Fast grouped aggregation of case-level probation data: ten million cases (orders and licences
 * started) counted, summed and summarised by area, work type and quarter in well under a second on
 * two cores.
 *
 * <h2>Nouns</h2>
 *
 * <ul>
 *   <li>{@link org.probationlens.engine.ColumnTable}: cases held column by column in primitive
 *       arrays, categories dictionary-encoded; made by {@link
 *       org.probationlens.engine.CaseCsv#read} (the fast reader of {@code cases.csv}) or {@link
 *       org.probationlens.engine.ColumnTable#fromTablesaw} (any Tablesaw table). Derived columns:
 *       {@code withQuarter}, {@code withFinancialYear}, {@code withDaysBetween}.
 *   <li>{@link org.probationlens.engine.Filter}: a condition on one column ({@code equalTo}, {@code
 *       in}, {@code between} dates or numbers).
 *   <li>{@link org.probationlens.engine.Aggregate}: the fluent aggregation; its result is a
 *       Tablesaw {@code Table}.
 * </ul>
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * ColumnTable cases = CaseCsv.read(Path.of("out/data/cases.csv"))
 *     .withQuarter("quarter", "start_date")
 *     .withDaysBetween("duration_days", "start_date", "end_date");
 * Table byAreaWorkTypeQuarter =
 *     Aggregate.of(cases)
 *         .where(Filter.equalTo("provider_type", "CRC"))
 *         .where(Filter.between("start_date", LocalDate.of(2015, 4, 1), LocalDate.of(2016, 3, 31)))
 *         .by("pcc_area", "work_type", "quarter")
 *         .count()                              // column count
 *         .sum("weight").as("weighted_volume")  // renamed from sum_weight
 *         .median("duration_days")              // median_duration_days
 *         .quantile("duration_days", 0.9)       // p90_duration_days
 *         .distinctCount("provider_code")       // distinct_provider_code
 *         .run();
 * }</pre>
 *
 * <p>Measures: {@code count}, {@code sum}, {@code weightedSum(column, weight)}, {@code mean},
 * {@code min}, {@code max}, {@code median}, {@code quantile(column, q)}, {@code distinctCount}. The
 * result has one row per group with at least one case, sorted by the keys.
 *
 * <h2>Used by</h2>
 *
 * <ul>
 *   <li>{@link org.probationlens.volume.VolumeVariance}: CRC starts and weighted volume by CPA or
 *       PCC area, work type and period, over a copy of the six case columns it needs, made on first
 *       use and shared by the analysis's {@code with...} copies; or, made by {@code
 *       VolumeVariance.of(ColumnTable, Table)}, directly over cases read by {@link
 *       org.probationlens.engine.CaseCsv#read}, with no copy.
 *   <li>{@link org.probationlens.innovation.AccreditedProgrammes#shareByQuarter}: orders and
 *       accredited-programme starts by quarter and provider, over a copy of the orders.
 * </ul>
 *
 * <h2>Definitions</h2>
 *
 * <ul>
 *   <li>Quantiles are exact, by linear interpolation between the closest ranks: with n values
 *       sorted, h = (n - 1) q and d = h - floor(h), the q-quantile is (1 - d) x[floor h] + d x[ceil
 *       h] (R type 7; DuckDB {@code quantile_cont}, which the tests match to the last bit).
 *   <li>Quarters are calendar quarters labelled {@code 2015-Q2}; financial years run 1 April to 31
 *       March, labelled {@code 2015-16}.
 * </ul>
 *
 * <h2>How it is fast, and deterministic</h2>
 *
 * <p>Key columns' dictionary codes are packed into one integer per case (mixed radix), used
 * directly as an array index when the key space is small, hashed otherwise. The rows are cut into a
 * fixed number of contiguous partitions (set by the row count and key space, never by the thread
 * count); each partition sums into its own arrays on whichever thread takes it, and the partial
 * sums are added in partition order. So results are identical whatever the number of threads.
 * Quantiles and distinct counts gather each group's values (in row order) into one array and select
 * in linear expected time.
 */
package org.probationlens.engine;
