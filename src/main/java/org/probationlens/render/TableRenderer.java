package org.probationlens.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.probationlens.area.Geography;
import org.probationlens.chart.Labels;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Renders a Tablesaw table as bounded HTML and plain text: the first and last rows and columns,
 * formatted cells (codes as their names), and a footer with the shape; each column's type shows
 * when the pointer rests on its header. In HTML a table wider than its output scrolls inside it
 * with its first column fixed, long column names wrap after their underscores and long text in a
 * cell wraps at 24 ems; numbers never wrap.
 */
final class TableRenderer {

  /** The style sheet each table output carries; every rule is scoped to {@code .pl-table}. */
  static final String CSS =
      ".pl-table{margin:0.3em 0;max-width:100%;overflow-x:auto}"
          // headers wrap after their underscores (see breakable) up to a width, cells do not
          + ".pl-table .pl-frame thead th{white-space:normal;min-width:4em;max-width:11em;"
          + "overflow-wrap:normal}.pl-table .pl-frame .pl-nb{white-space:nowrap}"
          // long text (a source, a finding in words) wraps within a width; numbers never do
          + ".pl-table .pl-frame td:not(.pl-num):not(.pl-gap){white-space:normal;"
          + "max-width:24em;overflow-wrap:break-word}"
          // a table wider than its output scrolls inside it with its first column fixed: opaque
          // so that the columns scrolling under it do not show through
          + ".pl-table .pl-frame .pl-first{position:sticky;left:0;z-index:1;"
          + "background-color:var(--jp-layout-color0,#fff);"
          + "box-shadow:inset -1px 0 0 rgba(127,127,127,0.35)}"
          + ".pl-table .pl-frame tbody tr:nth-child(odd) .pl-first{background-image:"
          + "linear-gradient(rgba(127,127,127,0.08),rgba(127,127,127,0.08))}"
          + ".pl-table table.pl-frame{border-collapse:collapse;border-spacing:0;border:none;"
          + "margin:0;font-size:12px;table-layout:auto;color:inherit}"
          + ".pl-table table.pl-frame caption{caption-side:top;text-align:left;font-weight:bold;"
          + "padding:0 0 0.3em 0}"
          + ".pl-table .pl-frame th,.pl-table .pl-frame td{padding:0.25em 0.6em;text-align:left;"
          + "vertical-align:top;white-space:nowrap;border:none;line-height:1.4}"
          + ".pl-table .pl-frame thead th{border-bottom:1px solid rgba(127,127,127,0.8);"
          + "font-weight:bold;vertical-align:bottom}"
          + ".pl-table .pl-frame tbody tr:nth-child(odd){background:rgba(127,127,127,0.08)}"
          + ".pl-table .pl-frame tbody tr:hover{background:rgba(66,165,245,0.15)}"
          + ".pl-table .pl-frame .pl-num{text-align:right;font-variant-numeric:tabular-nums}"
          + ".pl-table .pl-frame .pl-idx{text-align:right;font-weight:normal;opacity:0.75;"
          + "font-variant-numeric:tabular-nums}"
          + ".pl-table .pl-frame .pl-na{opacity:0.7;font-style:italic}"
          + ".pl-table .pl-frame .pl-gap{text-align:center;opacity:0.75}"
          + ".pl-table .pl-footer,.pl-table .pl-source{font-size:11px;opacity:0.75;"
          + "margin-top:0.25em}";

  static final String MISSING = "NA";
  static final String GAP = "…";

  private final Table table;
  private final TableOptions options;
  private final int[] rows;
  private final int headRows;
  private final boolean rowsCut;
  private final int[] cols;
  private final int headCols;
  private final boolean colsCut;
  private final String[] names;
  private final boolean[] numeric;
  private final String[][] cells;
  private final boolean[][] missing;

  private TableRenderer(Table table, TableOptions options) {
    this.table = table;
    this.options = options;
    int rowCount = table.rowCount();
    int colCount = table.columnCount();
    this.rowsCut = rowCount > options.maxRows();
    this.headRows = rowsCut ? (options.maxRows() + 1) / 2 : rowCount;
    this.rows = pick(rowCount, options.maxRows());
    this.colsCut = colCount > options.maxColumns();
    this.headCols = colsCut ? (options.maxColumns() + 1) / 2 : colCount;
    this.cols = pick(colCount, options.maxColumns());
    this.names = new String[cols.length];
    this.numeric = new boolean[cols.length];
    this.cells = new String[rows.length][cols.length];
    this.missing = new boolean[rows.length][cols.length];
    for (int j = 0; j < cols.length; j++) {
      Column<?> column = table.column(cols[j]);
      names[j] = Text.cell(column.name(), options.maxCellChars());
      formatColumn(j, column);
    }
  }

  static MimeBundle render(Table table, TableOptions options) {
    TableRenderer r = new TableRenderer(table, options);
    return MimeBundle.of(r.plain(), r.html());
  }

  /** The indices shown out of {@code n}: all when n <= max, else the first and last halves. */
  private static int[] pick(int n, int max) {
    if (n <= max) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    int head = (max + 1) / 2;
    int tail = max / 2;
    int[] some = new int[head + tail];
    for (int i = 0; i < head; i++) {
      some[i] = i;
    }
    for (int i = 0; i < tail; i++) {
      some[head + i] = n - tail + i;
    }
    return some;
  }

  private void formatColumn(int j, Column<?> column) {
    ColumnType type = column.type();
    boolean floating = type == ColumnType.DOUBLE || type == ColumnType.FLOAT;
    boolean integral =
        type == ColumnType.INTEGER || type == ColumnType.LONG || type == ColumnType.SHORT;
    numeric[j] = floating || integral;
    boolean grouped =
        options.thousandsSeparators()
            && !options.plainColumns().contains(column.name())
            && !(integral && yearLike(column.name()));
    int decimals = floating ? decimalsFor(column) : 0;
    for (int i = 0; i < rows.length; i++) {
      int row = rows[i];
      Object value = column.isMissing(row) ? null : column.get(row);
      // Tablesaw's missing-value marker for text is the empty string, which not every path
      // reports through isMissing
      if (value == null || (value instanceof String s && s.isEmpty())) {
        missing[i][j] = true;
        cells[i][j] = MISSING;
      } else if (floating) {
        cells[i][j] =
            Text.decimal(
                ((Number) value).doubleValue(), decimals, grouped, options.significantDigits());
      } else if (integral) {
        cells[i][j] = Text.integer(((Number) value).longValue(), grouped);
      } else {
        cells[i][j] = Text.cell(String.valueOf(value), options.maxCellChars());
      }
    }
    if (options.names() && !numeric[j]) {
      nameCodes(j, column);
    }
  }

  /**
   * Writes the names of codes in place of the codes, when every value shown in the column is a code
   * with a name ({@link Labels#category}: a CPA, owner, PCC area or NPS division, a work type, an
   * enum-style name) and no other column of the table already holds those names: "Kent, Surrey
   * &amp; Sussex (C21)" for a short code (four characters at most), which a reader may need to type
   * back; the name alone for a long one ("Purple Futures (Interserve-led)" for PURPLE_FUTURES).
   */
  private void nameCodes(int j, Column<?> column) {
    String[] named = new String[rows.length];
    String[] codes = new String[rows.length];
    for (int i = 0; i < rows.length; i++) {
      if (missing[i][j]) {
        continue;
      }
      String code = String.valueOf(column.get(rows[i]));
      String name = Labels.category(code);
      if (name.equals(code) && !GeographyCodes.ALL.contains(code)) {
        return; // not a code: the column is left as it is
      }
      codes[i] = code;
      int room = options.maxCellChars() - code.length() - 3;
      // a long name is cut, not the code after it; a code that its name holds already (the
      // owners EOS and ARCC) is not said twice
      named[i] =
          code.length() <= 4 && room >= 2 && !name.contains(code)
              ? Text.cell(name, room) + " (" + code + ")"
              : name;
    }
    if (alreadyNamed(column, codes)) {
      return;
    }
    for (int i = 0; i < rows.length; i++) {
      if (named[i] != null) {
        cells[i][j] = Text.cell(named[i], options.maxCellChars());
      }
    }
  }

  /**
   * The codes of the standard geography (CPAs, owners, PCC areas, NPS divisions), some of which are
   * their own names (the owner EOS): a column of them is a column of codes.
   */
  private static final class GeographyCodes {
    static final java.util.Set<String> ALL = build();

    private static java.util.Set<String> build() {
      Geography g = Geography.standard();
      java.util.Set<String> codes = new java.util.HashSet<>();
      g.cpas().forEach(c -> codes.add(c.code()));
      g.owners().forEach(o -> codes.add(o.code()));
      g.pccAreas().forEach(a -> codes.add(a.code()));
      g.npsDivisions().forEach(d -> codes.add(d.code()));
      return java.util.Set.copyOf(codes);
    }
  }

  /** Whether another text column holds, row by row, the names of the given codes. */
  private boolean alreadyNamed(Column<?> codeColumn, String[] codes) {
    for (Column<?> other : table.columns()) {
      if (other == codeColumn || other.type() != ColumnType.STRING) {
        continue;
      }
      boolean all = true;
      for (int i = 0; i < rows.length && all; i++) {
        all =
            codes[i] == null
                || (!other.isMissing(rows[i])
                    && Labels.category(codes[i]).equals(String.valueOf(other.get(rows[i]))));
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static boolean yearLike(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("year") || n.endsWith("_year") || n.endsWith(" year");
  }

  /** Decimal places for a floating-point column, from its shown values (see TableOptions). */
  private int decimalsFor(Column<?> column) {
    if (options.fixedDecimals().isPresent()) {
      return options.fixedDecimals().getAsInt();
    }
    boolean fraction = false;
    int places = 1;
    for (int row : rows) {
      if (column.isMissing(row)) {
        continue;
      }
      double v = ((Number) column.get(row)).doubleValue();
      double a = Math.abs(v);
      if (Double.isFinite(v) && a < 1e15 && v != Math.rint(v)) {
        fraction = true;
        int magnitude = (int) Math.floor(Math.log10(a));
        places = Math.max(places, options.significantDigits() - 1 - magnitude);
      }
    }
    return fraction ? Math.min(places, options.maxDecimals()) : 0;
  }

  private boolean gapBefore(int shownIndex, int head, boolean cut) {
    return cut && shownIndex == head;
  }

  // ---------------------------------------------------------------- footer lines

  private String shapeLine() {
    StringBuilder b = new StringBuilder();
    b.append(Text.count(table.rowCount(), "row", "rows"))
        .append(" × ")
        .append(Text.count(table.columnCount(), "column", "columns"));
    if (rowsCut) {
      b.append(" · ");
      int tail = rows.length - headRows;
      if (rows.length == 0) {
        b.append("no rows shown");
      } else {
        b.append(rows.length == 1 ? "showing row " : "showing rows ")
            .append(range(0, headRows - 1));
        if (tail > 0) {
          b.append(" and ").append(range(rows[headRows], rows[rows.length - 1]));
        }
      }
    }
    if (colsCut) {
      int tail = cols.length - headCols;
      b.append(" · showing the first ");
      if (tail > 0) {
        b.append(Text.integer(headCols, true))
            .append(" and last ")
            .append(Text.count(tail, "column", "columns"));
      } else {
        b.append(Text.count(headCols, "column", "columns"));
      }
    }
    return b.toString();
  }

  private static String range(int from, int to) {
    return from == to
        ? Text.integer(from, true)
        : Text.integer(from, true) + "–" + Text.integer(to, true);
  }

  // ---------------------------------------------------------------- HTML

  String html() {
    StringBuilder b = new StringBuilder(4096);
    b.append("<div class=\"pl-table\">\n<style>").append(CSS).append("</style>\n");
    if (table.columnCount() > 0) {
      b.append("<table class=\"pl-frame\">\n");
      String name = table.name();
      if (name != null && !name.isBlank()) {
        b.append("<caption>")
            .append(Text.html(Text.cell(name, options.maxCellChars())))
            .append("</caption>\n");
      }
      b.append("<thead><tr><th class=\"pl-idx\"></th>");
      for (int j = 0; j < cols.length; j++) {
        if (gapBefore(j, headCols, colsCut)) {
          b.append("<th class=\"pl-gap\">").append(GAP).append("</th>");
        }
        // the column's type on hover, not in a line under every table
        b.append("<th class=\"")
            .append(numeric[j] ? "pl-num" : "pl-txt")
            .append(j == 0 ? " pl-first" : "")
            .append("\" title=\"")
            .append(table.column(cols[j]).type().name())
            .append("\">")
            .append(breakable(names[j]))
            .append("</th>");
      }
      if (colsCut && cols.length == headCols) {
        b.append("<th class=\"pl-gap\">").append(GAP).append("</th>");
      }
      b.append("</tr></thead>\n<tbody>\n");
      for (int i = 0; i < rows.length; i++) {
        if (gapBefore(i, headRows, rowsCut)) {
          gapRowHtml(b);
        }
        b.append("<tr><th class=\"pl-idx\">").append(Text.integer(rows[i], true)).append("</th>");
        for (int j = 0; j < cols.length; j++) {
          if (gapBefore(j, headCols, colsCut)) {
            b.append("<td class=\"pl-gap\">").append(GAP).append("</td>");
          }
          String cls =
              missing[i][j]
                  ? (numeric[j] ? "pl-num pl-na" : "pl-na")
                  : numeric[j] ? "pl-num" : null;
          if (j == 0) {
            cls = cls == null ? "pl-first" : cls + " pl-first";
          }
          b.append(cls == null ? "<td>" : "<td class=\"" + cls + "\">")
              .append(Text.html(cells[i][j]))
              .append("</td>");
        }
        if (colsCut && cols.length == headCols) {
          b.append("<td class=\"pl-gap\">").append(GAP).append("</td>");
        }
        b.append("</tr>\n");
      }
      if (rowsCut && rows.length == headRows) {
        gapRowHtml(b);
      }
      b.append("</tbody>\n</table>\n");
    }
    b.append("<div class=\"pl-footer\">").append(Text.html(shapeLine())).append("</div>\n");
    options
        .source()
        .ifPresent(
            s ->
                b.append("<div class=\"pl-source\">Source: ")
                    .append(Text.html(s))
                    .append("</div>\n"));
    b.append("</div>\n");
    return b.toString();
  }

  /**
   * A column name in HTML that may wrap after its underscores and at its spaces ({@code
   * share_of_<wbr>shortfall_<wbr>pct}), so that a long name takes two or three short lines rather
   * than the width of the table; a word with a hyphen, such as a date, is kept whole ({@code
   * areas_<wbr><span class="pl-nb">2016-04-01</span>}).
   */
  static String breakable(String name) {
    StringBuilder b = new StringBuilder();
    String[] parts = name.split("_", -1);
    for (int k = 0; k < parts.length; k++) {
      if (k > 0) {
        b.append("_<wbr>");
      }
      String[] words = parts[k].split(" ", -1);
      for (int w = 0; w < words.length; w++) {
        String word = Text.html(words[w]);
        b.append(w > 0 ? " " : "")
            .append(words[w].contains("-") ? "<span class=\"pl-nb\">" + word + "</span>" : word);
      }
    }
    return b.toString();
  }

  private void gapRowHtml(StringBuilder b) {
    b.append("<tr class=\"pl-gap\"><th class=\"pl-idx pl-gap\">").append(GAP).append("</th>");
    int cells = cols.length + (colsCut ? 1 : 0);
    for (int j = 0; j < cells; j++) {
      b.append("<td class=\"pl-gap\">").append(GAP).append("</td>");
    }
    b.append("</tr>\n");
  }

  // ---------------------------------------------------------------- plain text

  String plain() {
    StringBuilder b = new StringBuilder(2048);
    String name = table.name();
    if (name != null && !name.isBlank()) {
      b.append(Text.cell(name, options.maxCellChars())).append('\n');
    }
    if (table.columnCount() > 0) {
      // The grid: column 0 is the row index, then the shown columns with the gap column in place.
      List<String[]> lines = new ArrayList<>();
      List<Boolean> right = new ArrayList<>();
      right.add(true);
      List<String> header = new ArrayList<>();
      header.add("");
      for (int j = 0; j < cols.length; j++) {
        if (gapBefore(j, headCols, colsCut)) {
          header.add(GAP);
          right.add(false);
        }
        header.add(names[j]);
        right.add(numeric[j]);
      }
      if (colsCut && cols.length == headCols) {
        header.add(GAP);
        right.add(false);
      }
      lines.add(header.toArray(String[]::new));
      for (int i = 0; i < rows.length; i++) {
        if (gapBefore(i, headRows, rowsCut)) {
          lines.add(gapLine(header.size()));
        }
        List<String> line = new ArrayList<>();
        line.add(Text.integer(rows[i], true));
        for (int j = 0; j < cols.length; j++) {
          if (gapBefore(j, headCols, colsCut)) {
            line.add(GAP);
          }
          line.add(cells[i][j]);
        }
        if (colsCut && cols.length == headCols) {
          line.add(GAP);
        }
        lines.add(line.toArray(String[]::new));
      }
      if (rowsCut && rows.length == headRows) {
        lines.add(gapLine(header.size()));
      }
      int[] widths = new int[header.size()];
      for (String[] line : lines) {
        for (int k = 0; k < line.length; k++) {
          widths[k] = Math.max(widths[k], Text.width(line[k]));
        }
      }
      for (String[] line : lines) {
        StringBuilder l = new StringBuilder();
        for (int k = 0; k < line.length; k++) {
          if (k > 0) {
            l.append("  ");
          }
          String pad = " ".repeat(widths[k] - Text.width(line[k]));
          l.append(right.get(k) ? pad + line[k] : line[k] + pad);
        }
        b.append(l.toString().stripTrailing()).append('\n');
      }
    }
    b.append(shapeLine()).append('\n');
    options.source().ifPresent(s -> b.append("Source: ").append(s).append('\n'));
    return b.toString().stripTrailing();
  }

  private static String[] gapLine(int size) {
    String[] gap = new String[size];
    java.util.Arrays.fill(gap, GAP);
    return gap;
  }
}
