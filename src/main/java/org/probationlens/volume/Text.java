package org.probationlens.volume;

import java.util.List;
import java.util.Locale;
import org.apache.commons.text.StringEscapeUtils;
import org.probationlens.render.MimeBundle;
import org.probationlens.render.Renderers;
import org.probationlens.render.TableOptions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Plain-text rendering of result tables: numbers rounded for reading, at most 60 rows. */
final class Text {
  static final int MAX_ROWS = 60;

  /** How result tables are shown in a notebook: up to 60 rows, numbers to 1 decimal place. */
  static final TableOptions TABLE_OPTIONS =
      TableOptions.defaults().withMaxRows(MAX_ROWS).withFixedDecimals(1);

  private Text() {}

  /**
   * A notebook bundle: the plain text as given, and HTML with the paragraphs above the table.
   *
   * @param plain the plain-text form
   * @param paragraphs lines of text shown above the table, the first in bold
   * @param table the table
   * @return the bundle
   */
  static MimeBundle bundle(String plain, List<String> paragraphs, Table table) {
    StringBuilder html = new StringBuilder("<div class=\"probation-lens-result\">");
    for (int i = 0; i < paragraphs.size(); i++) {
      String p = StringEscapeUtils.escapeHtml4(paragraphs.get(i));
      html.append("<p>").append(i == 0 ? "<b>" + p + "</b>" : p).append("</p>");
    }
    html.append(Renderers.table(table, TABLE_OPTIONS).get(MimeBundle.TEXT_HTML).orElse(""));
    html.append("</div>");
    return MimeBundle.of(plain, html.toString());
  }

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
