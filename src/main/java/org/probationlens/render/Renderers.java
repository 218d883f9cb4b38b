package org.probationlens.render;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.probationlens.chart.Chart;
import org.probationlens.chart.ChartOfResult;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.table.TableSlice;

/**
 * Turns what a notebook cell returns (a table of probation data, a Plotly chart, an analysis
 * result) into a {@link MimeBundle} that Jupyter, nbconvert or a report can show. Works without a
 * kernel; every output is offline (no CDN) and bounded (no table is dumped whole).
 *
 * <p>A Plotly chart needs plotly.js on the page: {@link #plotlyBootstrapHtml()} gives it, to be
 * shown once per notebook session before the first chart. A chart shown earlier on the page waits
 * for it.
 */
public final class Renderers {

  /** Plain text longer than this many characters is cut, with a note saying so. */
  public static final int MAX_PLAIN_CHARS = 20_000;

  /**
   * A result's table shows at least this many rows (a result is already a summary: 21 CPAs, 42 PCC
   * areas), however few the session's table options allow for a raw table.
   */
  public static final int RESULT_ROWS = 60;

  /**
   * A result's cells show at least this many characters (long text wraps in HTML): its assumptions
   * are sentences a reader needs, within a table that still fits a page.
   */
  public static final int RESULT_CELL_CHARS = 100;

  private Renderers() {}

  /**
   * Renders any value a cell may produce, in this order: a {@link MimeBundle} as it is; a {@link
   * RichDisplay} by its own bundle; a {@link Chart} or {@link ChartOfResult} as {@link
   * #chart(Chart)} and {@link #chart(ChartOfResult)} draw it; a Tablesaw {@link Table}, {@link
   * TableSlice} or {@link Column} as a bounded table with {@link TableOptions#defaults()}; a
   * tablesaw-jsplot {@link Figure} as an offline Plotly chart; anything else as plain text from
   * {@code toString()}, cut at {@link #MAX_PLAIN_CHARS} characters.
   *
   * @param value the value, may be null
   * @return the bundle, or empty when {@code value} is null (nothing to show)
   * @throws NullPointerException if a {@link RichDisplay} returns a null bundle
   */
  public static Optional<MimeBundle> render(Object value) {
    return render(value, TableOptions.defaults());
  }

  /**
   * Renders any value as {@link #render(Object)} does, but shows tables, slices and columns with
   * the given options (a kernel may let the user choose, say, 50 rows for the session).
   *
   * @param value the value, may be null
   * @param tableOptions how to show tables, not null
   * @return the bundle, or empty when {@code value} is null (nothing to show)
   * @throws NullPointerException if {@code tableOptions} is null, or a {@link RichDisplay} returns
   *     a null bundle
   */
  public static Optional<MimeBundle> render(Object value, TableOptions tableOptions) {
    Objects.requireNonNull(tableOptions, "tableOptions");
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof MimeBundle bundle) {
      return Optional.of(bundle);
    }
    if (value instanceof RichDisplay rich) {
      return Optional.of(
          Objects.requireNonNull(
              rich.toMimeBundle(),
              () -> value.getClass().getName() + ".toMimeBundle() returned null"));
    }
    if (value instanceof Chart chart) {
      return Optional.of(chart(chart));
    }
    if (value instanceof ChartOfResult chart) {
      return Optional.of(chart(chart));
    }
    if (value instanceof Result result) {
      return Optional.of(
          result(
              result,
              tableOptions
                  .withMaxRows(Math.max(tableOptions.maxRows(), RESULT_ROWS))
                  .withMaxCellChars(Math.max(tableOptions.maxCellChars(), RESULT_CELL_CHARS))));
    }
    if (value instanceof Table table) {
      return Optional.of(bareTable(table, tableOptions));
    }
    if (value instanceof TableSlice slice) {
      return Optional.of(bareTable(slice.asTable(), tableOptions));
    }
    if (value instanceof Column<?> column) {
      return Optional.of(bareTable(Table.create(column.name(), column), tableOptions));
    }
    if (value instanceof Figure figure) {
      return Optional.of(figure(figure));
    }
    Optional<Table> domain = DomainDisplay.table(value); // domain objects (i12b)
    if (domain.isPresent()) {
      Table d = domain.get();
      MimeBundle t =
          table(
              d,
              tableOptions
                  .withMaxRows(Math.max(tableOptions.maxRows(), d.rowCount()))
                  .withMaxCellChars(Math.max(tableOptions.maxCellChars(), 120)));
      return Optional.of(
          MimeBundle.of(value + "\n" + t.plain(), t.get(MimeBundle.TEXT_HTML).orElse("")));
    }
    return Optional.of(MimeBundle.text(boundedPlain(String.valueOf(value))));
  }

  /**
   * A table that carries no provenance, under disclosure control when the session in use has drawn
   * official-sensitive records ({@link Disclosure#apply(Table, LensSession)}), with its note.
   */
  private static MimeBundle bareTable(Table table, TableOptions options) {
    Disclosure.Applied a = Disclosure.apply(table, LensSession.current());
    if (a.note().isEmpty()) {
      return table(table, options);
    }
    MimeBundle drawn = table(a.display(), options);
    StringBuilder html = new StringBuilder(drawn.get(MimeBundle.TEXT_HTML).orElse(""));
    StringBuilder plain = new StringBuilder(drawn.plain());
    Disclosure.drawNote(a.note().get(), html, plain);
    return MimeBundle.of(plain.toString(), html.toString());
  }

  /**
   * An analysis result: its title, its table (bounded, with the given options), its notes, and the
   * footer that says where its figures came from (the {@link Sources} of the result).
   *
   * @param result the result, not null
   * @param options how to show its table, not null
   * @return HTML and plain text, not null
   */
  public static MimeBundle result(Result result, TableOptions options) {
    Objects.requireNonNull(result, "result");
    Disclosure.Applied disclosed = Disclosure.apply(result); // disclosure control (i12b)
    MimeBundle table = table(disclosed.display(), Objects.requireNonNull(options, "options"));
    StringBuilder html =
        new StringBuilder("<div class=\"pl-result\">\n<h4>")
            .append(Text.html(result.title()))
            .append("</h4>\n")
            .append(table.get(MimeBundle.TEXT_HTML).orElse(""));
    StringBuilder plain = new StringBuilder(result.title()).append('\n').append(table.plain());
    if (!result.notes().isEmpty()) {
      html.append("<ul class=\"pl-notes\" style=\"max-width:120ch\">\n");
      for (String note : result.notes()) {
        html.append("<li>").append(Text.html(note)).append("</li>\n");
        plain.append("\n- ").append(note);
      }
      html.append("</ul>\n");
    }
    disclosed.note().ifPresent(n -> Disclosure.drawNote(n, html, plain)); // (i12b)
    String choice = disclosed.footerAddition();
    html.append(SourcesFooter.html(result.sources(), choice)).append("</div>");
    plain.append('\n').append(SourcesFooter.plain(result.sources(), choice));
    return MimeBundle.of(plain.toString(), html.toString())
        .withMetadata(MimeBundle.SOURCES_METADATA, SourcesFooter.json(result.sources()));
  }

  /**
   * A chart of probation data as a notebook output: HTML (div and script), Plotly JSON and a
   * plain-text summary, each with the chart's sources footer (and its note, such as what disclosure
   * control did), and the sources in the output's metadata.
   *
   * @param chart the chart, not null
   * @return the bundle, not null
   */
  public static MimeBundle chart(Chart chart) {
    Objects.requireNonNull(chart, "chart");
    return figure(chart.figure(), chart.sources(), chart.note());
  }

  /**
   * A chart of a result as a notebook output: the result's table under its disclosure control (in
   * the session in use, {@link Disclosure#apply(org.probationlens.provenance.Result)}), drawn, with
   * what disclosure control did added under the sources footer.
   *
   * @param chart the chart of a result, not null
   * @return the bundle, not null
   */
  public static MimeBundle chart(ChartOfResult chart) {
    Objects.requireNonNull(chart, "chart");
    Disclosure.Applied d = Disclosure.apply(chart.result());
    String note = d.chartNote();
    MimeBundle b = chart(chart.drawFrom(d.numeric()).withNote(note));
    if (d.note().isEmpty()) {
      return b;
    }
    // what disclosure control did is a disclosure note, drawn in sight under the footer line as
    // under a table (Disclosure.drawNote)
    String html =
        b.get(MimeBundle.TEXT_HTML)
            .orElseThrow()
            .replace(
                "<p class=\"pl-note\" style=\"" + SourcesFooter.STYLE + "\">",
                Disclosure.NOTE_OPEN);
    return b.with(MimeBundle.TEXT_HTML, html);
  }

  /**
   * The chart of a result as it is drawn: from the result's table after disclosure control in the
   * session in use, its note saying what disclosure control did (or that the user turned it off).
   *
   * @param chart the chart of a result, not null
   * @return the drawn chart, not null
   */
  public static Chart drawn(ChartOfResult chart) {
    Objects.requireNonNull(chart, "chart");
    Disclosure.Applied d = Disclosure.apply(chart.result());
    return chart.drawFrom(d.numeric()).withNote(d.chartNote());
  }

  /**
   * The footer line drawn under a chart: its sources (see {@link #sourcesLine}), then its note if
   * it has one.
   *
   * @param chart the chart, not null
   * @return the line, not null
   */
  public static String sourceLine(Chart chart) {
    String line = sourcesLine(Objects.requireNonNull(chart, "chart").sources());
    return chart.note().isEmpty() ? line : line + " " + chart.note();
  }

  /**
   * A chart whose source line is the footer of the given sources (see {@link #result}).
   *
   * @param figure the tablesaw-jsplot figure, not null
   * @param sources where its data came from, not null
   * @return plain text, HTML (div and script) and Plotly JSON, not null
   */
  public static MimeBundle figure(Figure figure, Sources sources) {
    return figure(figure, sources, "");
  }

  /**
   * A chart whose source line is the footer of the given sources followed by a note, such as what
   * disclosure control did to the chart's data (i12b).
   *
   * @param figure the tablesaw-jsplot figure, not null
   * @param sources where its data came from, not null
   * @param note what the footer adds, not null; empty for nothing
   * @return plain text, HTML (div and script) and Plotly JSON, not null
   */
  public static MimeBundle figure(Figure figure, Sources sources, String note) {
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(note, "note");
    String summary = SourcesFooter.summary(sources);
    // the figure's own caption (on the figure in the Plotly JSON, for JupyterLab and VS Code) is
    // the one-line summary; in HTML and plain text it gives way to the footer that opens onto the
    // full provenance, and the note its own line
    MimeBundle b = figure(figure, note.isEmpty() ? summary : summary + ". " + note);
    String drawn = b.get(MimeBundle.TEXT_HTML).orElseThrow();
    int from = drawn.indexOf("<div class=\"pl-source\" ");
    int to = drawn.indexOf("</div>\n", from) + "</div>\n".length();
    String html =
        drawn.substring(0, from) + SourcesFooter.html(sources, note) + drawn.substring(to);
    String plain = b.plain();
    plain =
        plain.substring(0, plain.lastIndexOf("\nSource: "))
            + "\n"
            + SourcesFooter.plain(sources, note);
    return b.with(MimeBundle.TEXT_HTML, html)
        .with(MimeBundle.TEXT_PLAIN, plain)
        .withMetadata(MimeBundle.SOURCES_METADATA, SourcesFooter.json(sources));
  }

  /**
   * The one-line footer for the given sources, as drawn under a result's table or chart: each
   * input's kind, title and source, generator version and seed where synthetic, SHA-256 prefix; the
   * assumptions; the library version.
   *
   * @param sources the sources, not null
   * @return the line, not null
   */
  public static String sourcesLine(Sources sources) {
    return SourcesFooter.line(Objects.requireNonNull(sources, "sources"));
  }

  /**
   * A table with the default options: at most 20 rows and 20 columns, numbers formatted, and a
   * footer with its shape and column types.
   *
   * @param table the table, not null
   * @return HTML and plain text, not null
   */
  public static MimeBundle table(Table table) {
    return table(table, TableOptions.defaults());
  }

  /**
   * A table rendered with the given options.
   *
   * @param table the table, not null
   * @param options how to show it, not null
   * @return HTML and plain text, not null
   */
  public static MimeBundle table(Table table, TableOptions options) {
    return TableRenderer.render(
        Objects.requireNonNull(table, "table"), Objects.requireNonNull(options, "options"));
  }

  /**
   * A chart with no source line.
   *
   * @param figure the tablesaw-jsplot figure, not null
   * @return plain text, HTML (div and script) and Plotly JSON, not null
   * @throws IllegalArgumentException if tablesaw-jsplot's JavaScript for the figure cannot be read
   */
  public static MimeBundle figure(Figure figure) {
    return FigureRenderer.render(Objects.requireNonNull(figure, "figure"), null, newDivId());
  }

  /**
   * A chart with a visible source line beneath it ("Source: " and the caption) in HTML, and on the
   * figure itself in the Plotly JSON.
   *
   * @param figure the tablesaw-jsplot figure, not null
   * @param source where the data came from, not null or blank
   * @return plain text, HTML (div and script) and Plotly JSON, not null
   * @throws IllegalArgumentException if {@code source} is blank, or tablesaw-jsplot's JavaScript
   *     for the figure cannot be read
   */
  public static MimeBundle figure(Figure figure, String source) {
    return FigureRenderer.render(
        Objects.requireNonNull(figure, "figure"), checkSource(source), newDivId());
  }

  /**
   * The HTML that loads the bundled plotly.js into the page: a {@code <script>} element holding the
   * whole library (about 4.8 MB), which sets {@code window.Plotly} unless a Plotly is there
   * already. It makes no network request. Show it once per notebook session, before the first
   * chart.
   *
   * @return the HTML, not null
   * @throws IllegalStateException if the jar was built without the bundled library
   */
  public static String plotlyBootstrapHtml() {
    return Bootstrap.HTML;
  }

  /**
   * The version of the bundled plotly.js (from the npm package plotly.js-dist-min).
   *
   * @return the version, such as "4.1.2", not null
   * @throws IllegalStateException if the jar was built without the bundled library
   */
  public static String plotlyVersion() {
    return PlotlyJs.version();
  }

  private static final class Bootstrap {
    static final String HTML = build();

    private static String build() {
      String version = PlotlyJs.version();
      String js = PlotlyJs.script();
      return "<div class=\"pl-plotly-bootstrap\" data-plotly-version=\""
          + Text.html(version)
          + "\" style=\"display:none\"></div>\n"
          + "<script type=\"text/javascript\">\n"
          + "/* plotly.js "
          + version
          + " (npm plotly.js-dist-min, MIT licence), bundled offline by Probation Lens */\n"
          + "if (typeof window.Plotly === \"undefined\") {\n"
          + js
          + "\n}\n</script>\n";
    }
  }

  static String checkSource(String source) {
    Objects.requireNonNull(source, "source");
    if (source.isBlank()) {
      throw new IllegalArgumentException("source must not be blank: say where the data came from");
    }
    return source;
  }

  static String newDivId() {
    return "pl-fig-" + UUID.randomUUID();
  }

  static String boundedPlain(String s) {
    if (s.length() <= MAX_PLAIN_CHARS) {
      return s;
    }
    int cut = MAX_PLAIN_CHARS;
    if (Character.isHighSurrogate(s.charAt(cut - 1))) {
      cut--;
    }
    return s.substring(0, cut)
        + "\n… (cut: "
        + Text.integer(s.length(), true)
        + " characters in all, the first "
        + Text.integer(cut, true)
        + " shown)";
  }
}
