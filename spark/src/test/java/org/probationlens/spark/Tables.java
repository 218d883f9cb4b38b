package org.probationlens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import tech.tablesaw.api.Table;

/** Cell-by-cell comparison of two result tables. */
final class Tables {
  private Tables() {}

  /**
   * Every cell equal: text, whole numbers and dates exactly; decimals to 1e-9 relative (Spark adds
   * weights in another order than the engine, which moves the last bits only: about 1e-13 seen).
   */
  static void assertSameTable(Table expected, Table actual) {
    assertEquals(expected.name(), actual.name());
    assertEquals(expected.columnNames(), actual.columnNames(), expected.name());
    assertEquals(expected.rowCount(), actual.rowCount(), expected.name());
    for (int c = 0; c < expected.columnCount(); c++) {
      for (int r = 0; r < expected.rowCount(); r++) {
        Object e = expected.column(c).get(r);
        Object a = actual.column(c).get(r);
        String where = expected.name() + ", column " + expected.column(c).name() + ", row " + r;
        if (e instanceof Double x && a instanceof Double y) {
          if (Double.isNaN(x)) {
            assertEquals(x, y, where);
          } else {
            assertEquals(x, y, 1e-9 * Math.max(1, Math.abs(x)), where);
          }
        } else {
          assertEquals(e, a, where);
        }
      }
    }
  }
}
