package org.probationlens.volume;

import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Plain text of result tables for {@code toString()}: numbers rounded for reading, at most 60 rows.
 * Notebooks draw results through {@code org.probationlens.render}, not through this.
 */
final class Text {
  static final int MAX_ROWS = 60;

  private Text() {}

  /**
   * The table as aligned text; percentages to 1 decimal, volumes to 1 decimal.
   *
   * @param table the table, not changed
   * @return the text
   */
  static String format(Table table) {
    Table copy = Table.create(table.name());
    for (Column<?> c : table.columns()) {
      if (c instanceof DoubleColumn d) {
        StringColumn s = StringColumn.create(d.name());
        for (int i = 0; i < d.size(); i++) {
          double v = d.getDouble(i);
          s.append(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%,.1f", v));
        }
        copy.addColumns(s);
      } else {
        copy.addColumns(c.copy());
      }
    }
    String printed = copy.print(MAX_ROWS);
    if (table.rowCount() > MAX_ROWS) {
      printed += "\n(" + (table.rowCount() - MAX_ROWS) + " more rows not shown)";
    }
    return printed;
  }
}
