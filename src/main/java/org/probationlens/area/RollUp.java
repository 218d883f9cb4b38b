package org.probationlens.area;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Geography#rollUp roll-up} does with each column: counts are summed, rates and
 * scores are averaged weighted by a named column, and other key columns (such as a work type or a
 * quarter) can be kept as extra grouping keys. Columns not named are left out of the result.
 *
 * <p>Immutable: each method returns a new specification.
 *
 * <pre>{@code
 * RollUp.sum("starts", "weighted_volume").andWeightedMean("completion_rate", "starts").keeping("work_type")
 * }</pre>
 */
public final class RollUp {
  private final List<String> sums;
  private final List<WeightedMean> means;
  private final List<String> kept;

  /** A column averaged with weights from another column. */
  record WeightedMean(String column, String weightColumn) {}

  private RollUp(List<String> sums, List<WeightedMean> means, List<String> kept) {
    this.sums = List.copyOf(sums);
    this.means = List.copyOf(means);
    this.kept = List.copyOf(kept);
  }

  /**
   * A roll-up that sums the named count columns.
   *
   * @param columns numeric columns holding counts or amounts, not null
   * @return the specification, not null
   */
  public static RollUp sum(String... columns) {
    return new RollUp(List.of(), List.of(), List.of()).andSum(columns);
  }

  /**
   * A roll-up that only averages one column, weighted by another.
   *
   * @param column the numeric column to average, not null
   * @param weightColumn the numeric column of non-negative weights, not null
   * @return the specification, not null
   */
  public static RollUp weightedMean(String column, String weightColumn) {
    return new RollUp(List.of(), List.of(), List.of()).andWeightedMean(column, weightColumn);
  }

  /**
   * Adds columns to sum.
   *
   * @param columns numeric columns, not null
   * @return a new specification, not null
   */
  public RollUp andSum(String... columns) {
    List<String> next = new ArrayList<>(sums);
    for (String c : columns) {
      next.add(Objects.requireNonNull(c, "column"));
    }
    return new RollUp(next, means, kept);
  }

  /**
   * Adds a column to average, weighted by another column.
   *
   * @param column the numeric column to average, not null
   * @param weightColumn the numeric column of non-negative weights, not null
   * @return a new specification, not null
   */
  public RollUp andWeightedMean(String column, String weightColumn) {
    List<WeightedMean> next = new ArrayList<>(means);
    next.add(
        new WeightedMean(
            Objects.requireNonNull(column, "column"),
            Objects.requireNonNull(weightColumn, "weightColumn")));
    return new RollUp(sums, next, kept);
  }

  /**
   * Keeps further key columns (for example {@code work_type}) as grouping keys beside the
   * geography.
   *
   * @param columns columns whose values are kept, not null
   * @return a new specification, not null
   */
  public RollUp keeping(String... columns) {
    List<String> next = new ArrayList<>(kept);
    for (String c : columns) {
      next.add(Objects.requireNonNull(c, "column"));
    }
    return new RollUp(sums, means, next);
  }

  List<String> sums() {
    return sums;
  }

  List<WeightedMean> means() {
    return means;
  }

  List<String> kept() {
    return kept;
  }

  @Override
  public String toString() {
    return "RollUp[sum=" + sums + ", weightedMean=" + means + ", keeping=" + kept + "]";
  }
}
