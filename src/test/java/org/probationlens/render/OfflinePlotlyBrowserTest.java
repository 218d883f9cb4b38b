package org.probationlens.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.probationlens.chart.Chart;
import org.probationlens.chart.Charts;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Opens standalone pages of rendered outputs in headless Chromium with no network and checks that
 * every chart drew (a Plotly {@code main-svg} inside its div). Skipped, saying why, only when
 * /usr/bin/chromium is absent. Leaves the pages and a screenshot in target/browser/.
 */
@Tag("browser")
class OfflinePlotlyBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path OUT =
      Path.of(System.getProperty("lens.projectDir", ".")).resolve("target/browser");

  @BeforeAll
  static void needChromium() {
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "browser check skipped: /usr/bin/chromium is absent (Debian package chromium)");
  }

  /** UNISON/Napo staff survey, Sept 2014, from shared/reference/facts.md ("Staff and morale"). */
  static Chart survey() {
    Table t =
        Table.create(
            "survey",
            StringColumn.create(
                "answer",
                "morale had fallen",
                "stress had risen",
                "workload had risen",
                "had considered leaving (about)",
                "actively looking",
                "would not recommend the job"),
            DoubleColumn.create("percent of staff", 82, 86, 74, 80, 55, 84));
    return Charts.horizontalBar(
        "Probation staff after the transfer (Sept 2014)",
        t,
        "answer",
        "percent of staff",
        org.probationlens.provenance.Sources.of(
            org.probationlens.provenance.Provenance.published(
                "Staff survey after the transfer (more than 1,000 staff)",
                "UNISON/Napo, September 2014",
                null,
                "quoted from the union's press release",
                "e".repeat(64))));
  }

  /** Synthetic quarterly starts for one CPA against a synthetic forecast: not published data. */
  static Table synthetic() {
    return Table.create(
        "C05 starts (synthetic)",
        DateColumn.create(
            "quarter",
            LocalDate.of(2015, 4, 1),
            LocalDate.of(2015, 7, 1),
            LocalDate.of(2015, 10, 1),
            LocalDate.of(2016, 1, 1),
            LocalDate.of(2016, 4, 1)),
        IntColumn.create("starts", 1010, 940, 905, 880, 860),
        IntColumn.create("forecast", 1100, 1100, 1120, 1120, 1150));
  }

  static Chart forecast() {
    return Charts.actualVersusForecast(
        "C05 starts against forecast (synthetic)",
        synthetic(),
        "quarter",
        "starts",
        "forecast",
        org.probationlens.provenance.Sources.of(
            org.probationlens.provenance.Provenance.synthetic(
                "C05 starts (test fixture)",
                "OfflinePlotlyBrowserTest",
                2014L,
                "1",
                "f".repeat(64))));
  }

  static String html(MimeBundle b) {
    return b.get(MimeBundle.TEXT_HTML).orElseThrow();
  }

  static String divId(String figureHtml) {
    Matcher m = Pattern.compile("<div id=\"(pl-fig-[0-9a-f-]+)\"").matcher(figureHtml);
    assertTrue(m.find(), "figure HTML has a div id");
    return m.group(1);
  }

  /** The DOM of the figure's own div, up to its source line. */
  static String figureDom(String dom, String id) {
    int start = dom.indexOf("id=\"" + id + "\"");
    assertTrue(start >= 0, "div " + id + " is in the page");
    int end = dom.indexOf("class=\"pl-source", start); // "pl-source" or "pl-source pl-sources"
    return dom.substring(start, end < 0 ? dom.length() : end);
  }

  static String chromium(List<String> extra, Path page) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("lens-chromium-");
    try {
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  CHROMIUM.toString(),
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-quic",
                  "--no-first-run",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--user-data-dir=" + profile));
      cmd.addAll(extra);
      cmd.add(page.toUri().toString());
      Path stdout = Files.createTempFile("lens-chromium-", ".out");
      Process p =
          new ProcessBuilder(cmd)
              .redirectOutput(stdout.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      // a guard against a hung browser, not a speed check
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("chromium did not finish within 180 s: " + cmd);
      }
      assertEquals(0, p.exitValue(), "chromium exit status for " + cmd);
      String out = Files.readString(stdout, StandardCharsets.UTF_8);
      Files.delete(stdout);
      return out;
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  static String dumpDom(Path page, int virtualMillis) throws Exception {
    return chromium(List.of("--virtual-time-budget=" + virtualMillis, "--dump-dom"), page);
  }

  @Test
  void figuresDrawOfflineAfterTheBootstrapAndTheTableShows() throws Exception {
    String one = html(Renderers.chart(survey()));
    String two = html(Renderers.chart(forecast()));
    String table =
        html(
            Renderers.table(
                synthetic(),
                TableOptions.defaults().withSource("synthetic data, seed 2014: not published")));
    Path page =
        StandalonePage.write(
            OUT.resolve("offline-plotly.html"),
            "Probation Lens: offline Plotly check",
            List.of(Renderers.plotlyBootstrapHtml(), one, two, table));

    String dom = dumpDom(page, 15_000);
    for (String id : List.of(divId(one), divId(two))) {
      String figure = figureDom(dom, id);
      assertTrue(figure.contains("class=\"main-svg\""), "no plotly svg in " + id);
      assertFalse(figure.contains("not drawn"), "placeholder left in " + id);
    }
    // one line under the chart, the kind and the publisher cut at its first comma, opening onto
    // the full provenance; never "Source: Sources:"
    assertTrue(
        dom.contains("<summary style=\"cursor:pointer\">PUBLISHED · UNISON/Napo · <span"),
        "the one-line sources footer is drawn under the chart");
    assertTrue(
        dom.contains("Sources: PUBLISHED: Staff survey after the transfer"),
        "the full provenance is under the footer line");
    assertFalse(dom.contains("Source: Sources:"), "a chart says Source: Sources:");
    assertTrue(dom.contains("5 rows × 3 columns"));

    Path png = OUT.resolve("offline-plotly.png");
    Files.deleteIfExists(png);
    chromium(
        List.of(
            "--virtual-time-budget=15000",
            "--window-size=1100,2000",
            "--hide-scrollbars",
            "--screenshot=" + png.toAbsolutePath()),
        page);
    assertTrue(Files.size(png) > 10_000, "screenshot written: " + png);
  }

  /** A notebook (nbformat 4) whose cells hold the given outputs, as a kernel would send them. */
  static String notebook(List<MimeBundle> outputs) {
    com.google.gson.JsonArray cells = new com.google.gson.JsonArray();
    int n = 1;
    for (MimeBundle b : outputs) {
      com.google.gson.JsonObject output = new com.google.gson.JsonObject();
      output.addProperty("output_type", "execute_result");
      output.addProperty("execution_count", n);
      output.add("data", new com.google.gson.Gson().toJsonTree(b.jupyterData()));
      output.add("metadata", new com.google.gson.JsonObject());
      com.google.gson.JsonArray outs = new com.google.gson.JsonArray();
      outs.add(output);
      com.google.gson.JsonObject cell = new com.google.gson.JsonObject();
      cell.addProperty("cell_type", "code");
      cell.addProperty("execution_count", n++);
      cell.add("metadata", new com.google.gson.JsonObject());
      cell.addProperty("source", "// cell " + n);
      cell.add("outputs", outs);
      cells.add(cell);
    }
    com.google.gson.JsonObject nb = new com.google.gson.JsonObject();
    nb.add("cells", cells);
    com.google.gson.JsonObject meta = new com.google.gson.JsonObject();
    com.google.gson.JsonObject lang = new com.google.gson.JsonObject();
    lang.addProperty("name", "java");
    meta.add("language_info", lang);
    nb.add("metadata", meta);
    nb.addProperty("nbformat", 4);
    nb.addProperty("nbformat_minor", 5);
    return nb.toString();
  }

  @Test
  void figuresDrawInNbconvertHtmlExportsWithLabAndClassicTemplates() throws Exception {
    Path nbconvert = Path.of("/usr/bin/jupyter-nbconvert");
    assumeTrue(
        Files.isExecutable(nbconvert),
        "nbconvert check skipped: /usr/bin/jupyter-nbconvert is absent (Debian package"
            + " jupyter-nbconvert)");
    MimeBundle one = Renderers.chart(survey());
    MimeBundle two = Renderers.chart(forecast());
    MimeBundle bootstrap =
        MimeBundle.of("plotly.js " + Renderers.plotlyVersion(), Renderers.plotlyBootstrapHtml());
    Path nb = OUT.resolve("nbconvert-check.ipynb");
    Files.createDirectories(OUT);
    Files.writeString(
        nb,
        notebook(List.of(bootstrap, one, Renderers.table(synthetic()), two)),
        StandardCharsets.UTF_8);
    for (String template : List.of("lab", "classic")) {
      Process p =
          new ProcessBuilder(
                  nbconvert.toString(),
                  "--to",
                  "html",
                  "--template",
                  template,
                  "--output",
                  "nbconvert-" + template,
                  "--output-dir",
                  OUT.toAbsolutePath().toString(),
                  nb.toAbsolutePath().toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("nbconvert did not finish within 180 s");
      }
      assertEquals(0, p.exitValue(), "nbconvert --template " + template);
      String dom = dumpDom(OUT.resolve("nbconvert-" + template + ".html"), 15_000);
      for (MimeBundle b : List.of(one, two)) {
        String id = divId(html(b));
        assertTrue(
            figureDom(dom, id).contains("class=\"main-svg\""),
            "no plotly svg in " + id + " with the " + template + " template");
      }
    }
  }

  @Test
  void everyTablesawPlotClassDraws() throws Exception {
    List<String> fragments = new ArrayList<>(List.of(Renderers.plotlyBootstrapHtml()));
    java.util.Map<String, String> ids = new java.util.LinkedHashMap<>();
    for (java.util.Map.Entry<String, tech.tablesaw.plotly.components.Figure> e :
        TablesawFigures.all().entrySet()) {
      String h = html(Renderers.figure(e.getValue(), "synthetic test data"));
      ids.put(e.getKey(), divId(h));
      fragments.add(h);
    }
    Path page = StandalonePage.write(OUT.resolve("tablesaw-plots.html"), "all plots", fragments);
    String dom = dumpDom(page, 20_000);
    for (java.util.Map.Entry<String, String> e : ids.entrySet()) {
      assertTrue(
          figureDom(dom, e.getValue()).contains("class=\"main-svg\""),
          "no plotly svg for " + e.getKey());
    }
  }

  @Test
  void aFigureShownBeforeTheBootstrapWaitsForItAndDraws() throws Exception {
    String early = html(Renderers.chart(forecast()));
    String late = html(Renderers.chart(survey()));
    Path page =
        StandalonePage.write(
            OUT.resolve("bootstrap-later.html"),
            "figure before bootstrap",
            List.of(early, Renderers.plotlyBootstrapHtml(), late));
    String dom = dumpDom(page, 15_000);
    assertTrue(figureDom(dom, divId(early)).contains("class=\"main-svg\""));
    assertTrue(figureDom(dom, divId(late)).contains("class=\"main-svg\""));
  }

  @Test
  void withoutTheBootstrapAFigureSaysWhyItIsBlank() throws Exception {
    String only = html(Renderers.chart(forecast()));
    Path page =
        StandalonePage.write(OUT.resolve("no-bootstrap.html"), "no bootstrap", List.of(only));
    // virtual time runs past the figure's 60 s wait without taking 60 s
    String figure = figureDom(dumpDom(page, 70_000), divId(only));
    assertFalse(figure.contains("main-svg"));
    assertTrue(figure.contains("Chart not drawn: plotly.js was not loaded on this page."), figure);
  }
}
