package org.probationlens.render;

import org.probationlens.chart.Labels;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Money as a reader writes it ("£110.2m", not 110,174,485.8), and which of our columns hold money
 * in pounds: the payment columns of contract results ({@code maximum}, {@code ffs}, {@code pbr},
 * {@code paid}, {@code under_spend}, ...) and any column whose name ends {@code _gbp}. Tables drawn
 * from a result and charts both use it; the words and the column list have their home in {@link
 * Labels} (charts draw them without {@code render}), and this class applies them to tables.
 */
public final class Money {

  private Money() {}

  /**
   * Whether a column holds money in pounds.
   *
   * @param column the column name, not null
   * @return true for our payment columns and any name ending {@code _gbp}
   */
  public static boolean isMoneyColumn(String column) {
    return Labels.isMoney(column);
  }

  /**
   * An amount in pounds as "£3.7bn", "£110.2m", "£45.3k" or "£512".
   *
   * @param pounds the amount
   * @return the text, "missing" for NaN, not null
   */
  public static String format(double pounds) {
    return Labels.money(pounds);
  }

  /** The table with each numeric money column shown as text such as "£110.2m". */
  static Table formatted(Table table) {
    boolean any = false;
    for (Column<?> c : table.columns()) {
      any |= c instanceof NumericColumn<?> && isMoneyColumn(c.name());
    }
    if (!any) {
      return table;
    }
    Table out = Table.create(table.name());
    for (Column<?> c : table.columns()) {
      if (c instanceof NumericColumn<?> n && isMoneyColumn(c.name())) {
        StringColumn s = StringColumn.create(c.name());
        for (int i = 0; i < n.size(); i++) {
          s.append(n.isMissing(i) ? TableRenderer.MISSING : format(n.getDouble(i)));
        }
        out.addColumns(s);
      } else {
        out.addColumns(c.copy());
      }
    }
    return out;
  }
}
