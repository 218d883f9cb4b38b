package org.probationlens.provenance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which columns of a result's table count people or cases (starts, orders, breaches), and which
 * totals the table shows: what disclosure control in {@code render} needs to protect the counts of
 * a table built from case-level records. A result that does not declare its counts gets {@link
 * #undeclared()}, under which {@code render} treats every whole-number column as a count (the safe
 * guess: a year column is never under the threshold, while a count left unprotected could identify
 * someone).
 *
 * @param columns the count columns, in table order; empty only for {@link #undeclared()}
 * @param totalColumn the count column that totals the others in its row, if the table shows one
 * @param lastRowIsTotal whether the table's last row totals the rows above it
 */
public record CountColumns(
    List<String> columns, Optional<String> totalColumn, boolean lastRowIsTotal) {

  private static final CountColumns UNDECLARED =
      new CountColumns(List.of(), Optional.empty(), false);

  /** Copies the list and checks that a total column is one of the count columns. */
  public CountColumns {
    columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
    Objects.requireNonNull(totalColumn, "totalColumn");
    if (totalColumn.isPresent() && !columns.contains(totalColumn.get())) {
      throw new IllegalArgumentException(
          "total column '" + totalColumn.get() + "' is not among the count columns " + columns);
    }
  }

  /**
   * The given columns are counts, and the table shows no totals.
   *
   * @param columns the count columns, at least one
   * @return the declaration, not null
   * @throws IllegalArgumentException if no column is given
   */
  public static CountColumns of(String... columns) {
    if (columns.length == 0) {
      throw new IllegalArgumentException("name at least one count column");
    }
    return new CountColumns(List.of(columns), Optional.empty(), false);
  }

  /**
   * The result does not say: every whole-number column (INTEGER, LONG, SHORT) is taken as a count.
   *
   * @return the undeclared marker, not null
   */
  public static CountColumns undeclared() {
    return UNDECLARED;
  }

  /**
   * Whether the result left its counts undeclared.
   *
   * @return true for {@link #undeclared()}
   */
  public boolean isUndeclared() {
    return columns.isEmpty();
  }

  /**
   * These counts, with the given column as each row's total.
   *
   * @param column one of the count columns
   * @return the changed copy, not null
   * @throws IllegalArgumentException if the column is not a count column
   */
  public CountColumns withTotalColumn(String column) {
    return new CountColumns(columns, Optional.of(column), lastRowIsTotal);
  }

  /**
   * These counts, with the table's last row as the total of the rows above.
   *
   * @return the changed copy, not null
   */
  public CountColumns withTotalRow() {
    return new CountColumns(columns, totalColumn, true);
  }
}
