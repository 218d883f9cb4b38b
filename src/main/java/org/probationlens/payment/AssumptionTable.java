package org.probationlens.payment;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The {@code input, value, status, basis} table that says what a result rests on. */
final class AssumptionTable {
  private AssumptionTable() {}

  /**
   * @param title the table's name
   * @param rows each {input, value, status, basis}
   */
  static Table of(String title, String[][] rows) {
    StringColumn input = StringColumn.create("input");
    StringColumn value = StringColumn.create("value");
    StringColumn status = StringColumn.create("status");
    StringColumn basis = StringColumn.create("basis");
    for (String[] r : rows) {
      input.append(r[0]);
      value.append(r[1]);
      status.append(r[2]);
      basis.append(r[3]);
    }
    return Table.create(title).addColumns(input, value, status, basis);
  }
}
