package org.probationlens.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import org.probationlens.render.MimeBundle;
import org.probationlens.render.Renderers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Renders every chart factory's output from tables that speak in codes (CPA codes, owner and enum
 * names, work-type codes, column names), draws them in headless Chromium with the bundled
 * plotly.js, and checks, in the Plotly JSON and in the tick labels Plotly drew, that the reader
 * sees names: no category like {@code C13} or {@code PURPLE_FUTURES}, no axis title with an
 * underscore. Leaves the page and a screenshot in target/screenshots/ to look at. Skipped, saying
 * why, when /usr/bin/chromium is absent.
 */
@Tag("browser")
class ChartScreenshotTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path OUT =
      Path.of(System.getProperty("lens.projectDir", ".")).resolve("target/screenshots");
  static final Pattern CODE = Pattern.compile("^(C\\d\\d|N\\d\\d|[A-Z][A-Z0-9]*(_[A-Z0-9]+)*)$");
  static final Sources SOURCE = NamesNotCodesTest.S;

  static Table byCpa() {
    return Table.create(
        "shortfall by CPA",
        StringColumn.create("cpa", "C01", "C02", "C03", "C04", "C13", "C21"),
        DoubleColumn.create("weighted_shortfall_pct", 6.0, 14.5, 22.0, 36.0, 18.2, 9.9));
  }

  static Table byOwner() {
    return Table.create(
        "by owner",
        StringColumn.create("owner", "PURPLE_FUTURES", "SODEXO", "MTCNOVO", "ARCC"),
        DoubleColumn.create("under_spend_pct", 12.0, 9.0, 15.5, 7.2));
  }

  static Table payments() {
    return Table.create(
        "payments by year",
        StringColumn.create("financial_year", "2015-16", "2016-17", "2017-18"),
        DoubleColumn.create("maximum", 110_174_485.8, 118_000_000, 121_500_000),
        DoubleColumn.create("paid", 101_000_000, 97_300_000, 96_100_000));
  }

  static Table byWorkType() {
    return Table.create(
        "starts",
        StringColumn.create("work_type", "CO", "SSO", "LIC", "PSS", "PRE"),
        IntColumn.create("starts", 1200, 700, 950, 300, 410),
        IntColumn.create("forecast", 1300, 650, 1000, 420, 400));
  }

  static Table courts() {
    return Table.create(
        "courts",
        DoubleColumn.create("aware_share", 0.4, 0.55, 0.62, 0.71),
        DoubleColumn.create("concordance", 0.5, 0.58, 0.66, 0.69));
  }

  static Table diffusion() {
    return Table.create(
        "diffusion",
        StringColumn.create(
            "type", "TELEPHONE_SUPERVISION", "TELEPHONE_SUPERVISION", "IT_SYSTEM", "IT_SYSTEM"),
        DoubleColumn.create("days_since_transfer", 0, 400, 100, 700),
        DoubleColumn.create("cumulative_crcs", 1, 6, 2, 9));
  }

  static Result starts(Table t) {
    return new NamesNotCodesTest.Starts(
        t,
        Sources.of(
            Provenance.synthetic("Synthetic cases", "CaseGenerator", 2014L, "2", "a".repeat(64))));
  }

  static Map<String, Chart> charts() {
    Map<String, Chart> m = new LinkedHashMap<>();
    m.put(
        "horizontalBar",
        Charts.horizontalBar(
            "CRC weighted volume shortfall against forecast by CPA, 2015-16 (synthetic)",
            byCpa(),
            "cpa",
            "weighted_shortfall_pct",
            SOURCE));
    m.put(
        "bar",
        Charts.bar(
            "Modelled under-spend against maximum by owner (synthetic volumes)",
            byOwner(),
            "owner",
            "under_spend_pct",
            SOURCE));
    m.put(
        "lines",
        Charts.lines(
            "Maximum and modelled payments to CRCs by financial year (synthetic volumes)",
            payments(),
            "financial_year",
            List.of("maximum", "paid"),
            SOURCE));
    m.put(
        "line",
        Charts.line(
            "Starts by work type (synthetic)", byWorkType(), "work_type", "starts", SOURCE));
    m.put(
        "actualVersusForecast",
        Charts.actualVersusForecast(
            "Starts against forecast by work type (synthetic)",
            byWorkType(),
            "work_type",
            "starts",
            "forecast",
            SOURCE));
    m.put(
        "scatter",
        Charts.scatter(
            "Courts: sentencers aware of local services against sentences following the proposal",
            courts(),
            "aware_share",
            "concordance",
            SOURCE));
    m.put(
        "byGroup",
        StepCharts.byGroup(
            "CRCs with each kind of innovation in operation (synthetic)",
            diffusion(),
            StepSpec.lines("type").x("days_since_transfer").y("cumulative_crcs"),
            SOURCE));
    m.put(
        "survival",
        StepCharts.survival(
            "Share of submissions still awaiting MoJ sign-off, by owner (synthetic)",
            NamesNotCodesTest.curves(),
            "days from submission to MoJ sign-off",
            SOURCE));
    m.put(
        "barOfResult",
        Renderers.drawn(
            Charts.bar(
                "Starts by work type (synthetic)", starts(byWorkType()), "work_type", "starts")));
    return m;
  }

  /** Every string a reader sees as a category, legend entry or axis title in the Plotly JSON. */
  static List<String> shownStrings(JsonObject plotly) {
    List<String> out = new ArrayList<>();
    for (JsonElement t : plotly.getAsJsonArray("data")) {
      JsonObject trace = t.getAsJsonObject();
      for (String k : List.of("x", "y")) {
        if (trace.has(k) && trace.get(k).isJsonArray()) {
          for (JsonElement e : trace.getAsJsonArray(k)) {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
              String s = e.getAsString();
              if (!s.matches("-?[0-9.]+(E-?[0-9]+)?")) {
                out.add(s);
              }
            }
          }
        }
      }
      if (trace.has("name")
          && (!trace.has("showlegend") || trace.get("showlegend").getAsBoolean())) {
        out.add(trace.get("name").getAsString());
      }
    }
    return out;
  }

  static List<String> axisTitles(JsonObject plotly) {
    List<String> out = new ArrayList<>();
    JsonObject layout = plotly.getAsJsonObject("layout");
    for (String axis : List.of("xaxis", "yaxis")) {
      JsonObject a = layout.getAsJsonObject(axis);
      out.add(
          a != null && a.has("title") ? a.getAsJsonObject("title").get("text").getAsString() : "");
    }
    return out;
  }

  @Test
  void everyFactorySpeaksInNamesInItsJson() {
    for (Map.Entry<String, Chart> e : charts().entrySet()) {
      JsonObject plotly = ChartsTest.json(e.getValue());
      for (String s : shownStrings(plotly)) {
        assertFalse(CODE.matcher(s).matches(), e.getKey() + " shows the code " + s);
      }
      for (String title : axisTitles(plotly)) {
        assertFalse(title.contains("_"), e.getKey() + " axis title " + title);
      }
      assertFalse(
          axisTitles(plotly).get(1).isBlank() && !e.getKey().equals("horizontalBar"),
          e.getKey() + " has no y-axis title");
    }
  }

  @Test
  void drawnTickLabelsAreNamesAndAScreenshotIsLeftToLookAt() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "screenshot check skipped: /usr/bin/chromium is absent (Debian package chromium)");
    Map<String, Chart> charts = charts();
    StringBuilder page =
        new StringBuilder(
            "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"UTF-8\"><title>chart"
                + " check</title><style>body{font-family:sans-serif;margin:16px;width:1000px}"
                + "</style></head><body>\n");
    page.append(Renderers.plotlyBootstrapHtml());
    for (Chart c : charts.values()) {
      page.append("<div class=\"cell\">")
          .append(Renderers.chart(c).get(MimeBundle.TEXT_HTML).orElseThrow())
          .append("</div>\n");
    }
    page.append("</body></html>\n");
    Files.createDirectories(OUT);
    Path html = OUT.resolve("charts.html");
    Files.writeString(html, page.toString(), StandardCharsets.UTF_8);

    String dom = chromium(List.of("--virtual-time-budget=20000", "--dump-dom"), html);
    Matcher svg = Pattern.compile("class=\"main-svg\"").matcher(dom);
    assertTrue(svg.results().count() >= charts.size(), "every chart drew");
    assertFalse(dom.contains("class=\"pl-waiting\""), "a chart was left undrawn");
    Matcher tick =
        Pattern.compile("class=\"[xy]tick\"[^>]*>\\s*<text[^>]*>(.*?)</text>").matcher(dom);
    List<String> ticks = new ArrayList<>();
    while (tick.find()) {
      ticks.add(tick.group(1).replaceAll("<[^>]+>", ""));
    }
    assertTrue(ticks.contains("Northumbria"), "CPA name drawn: " + ticks);
    assertTrue(ticks.contains("Community order"), "work type drawn: " + ticks);
    assertTrue(ticks.stream().anyMatch(t -> t.startsWith("£")), "money ticks drawn: " + ticks);
    for (String t : ticks) {
      assertFalse(CODE.matcher(t).matches(), "tick label is a code: " + t);
    }

    // the same outputs as a notebook, for scripts/check_chart_labels.py
    com.google.gson.JsonArray cells = new com.google.gson.JsonArray();
    for (Chart c : charts.values()) {
      JsonObject data = new JsonObject();
      MimeBundle b = Renderers.chart(c);
      data.add(
          MimeBundle.PLOTLY_JSON,
          com.google.gson.JsonParser.parseString(b.get(MimeBundle.PLOTLY_JSON).orElseThrow()));
      data.addProperty("text/plain", b.plain());
      JsonObject output = new JsonObject();
      output.addProperty("output_type", "display_data");
      output.add("data", data);
      output.add("metadata", new JsonObject());
      JsonArray outputs = new JsonArray();
      outputs.add(output);
      JsonObject cell = new JsonObject();
      cell.addProperty("cell_type", "code");
      cell.add("metadata", new JsonObject());
      cell.addProperty("source", "");
      cell.add("outputs", outputs);
      cell.add("execution_count", com.google.gson.JsonNull.INSTANCE);
      cells.add(cell);
    }
    JsonObject nb = new JsonObject();
    nb.add("cells", cells);
    nb.add("metadata", new JsonObject());
    nb.addProperty("nbformat", 4);
    nb.addProperty("nbformat_minor", 5);
    Files.writeString(OUT.resolve("charts.ipynb"), nb.toString(), StandardCharsets.UTF_8);

    Path png = OUT.resolve("charts.png");
    Files.deleteIfExists(png);
    chromium(
        List.of(
            "--virtual-time-budget=20000",
            "--window-size=1050," + (470 * charts.size() + 200),
            "--hide-scrollbars",
            "--screenshot=" + png.toAbsolutePath()),
        html);
    assertTrue(Files.size(png) > 10_000, "screenshot written: " + png);
  }

  static String chromium(List<String> extra, Path page) throws Exception {
    Path profile = Files.createTempDirectory("lens-chromium-");
    try {
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  CHROMIUM.toString(),
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
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
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("chromium did not finish within 180 s: " + cmd);
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
}
