package org.probationlens.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.table.TableSlice;

/** What {@link Renderers#render(Object)} does with each kind of value a cell may return. */
class RenderersTest {

  @Test
  void nullRendersAsNothing() {
    assertEquals(Optional.empty(), Renderers.render(null));
  }

  @Test
  void aBundleIsPassedThrough() {
    MimeBundle b = MimeBundle.text("x");
    assertEquals(b, Renderers.render(b).orElseThrow());
  }

  @Test
  void richDisplayWinsOverEverythingElse() {
    MimeBundle b = MimeBundle.of("volume variance", "<p>volume variance</p>");
    RichDisplay result = () -> b;
    assertEquals(b, Renderers.render(result).orElseThrow());
  }

  @Test
  void aRichDisplayThatReturnsNullIsAnError() {
    RichDisplay broken = () -> null;
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> Renderers.render(broken));
    assertTrue(e.getMessage().endsWith(".toMimeBundle() returned null"), e.getMessage());
  }

  @Test
  void tablesSlicesAndColumnsRenderAsBoundedTables() {
    Table t = Table.create("starts", IntColumn.create("n", IntStream.range(0, 100).toArray()));
    MimeBundle table = Renderers.render(t).orElseThrow();
    assertEquals(Renderers.table(t), table);
    assertTrue(table.plain().contains("100 rows × 1 column · showing rows 0–9 and 90–99"));

    TableSlice slice = new TableSlice(t, t.intColumn("n").isGreaterThanOrEqualTo(50));
    assertTrue(
        Renderers.render(slice).orElseThrow().plain().contains("50 rows × 1 column · showing"));

    MimeBundle column = Renderers.render(t.intColumn("n")).orElseThrow();
    assertTrue(column.plain().startsWith("n\n"), column.plain());
    assertTrue(column.plain().contains("100 rows × 1 column"));
  }

  @Test
  void tableOptionsCanBeGivenForTheWholeRender() {
    Table t = Table.create("starts", IntColumn.create("n", IntStream.range(0, 100).toArray()));
    MimeBundle b = Renderers.render(t, TableOptions.defaults().withMaxRows(4)).orElseThrow();
    assertTrue(b.plain().contains("100 rows × 1 column · showing rows 0–1 and 98–99"), b.plain());
  }

  @Test
  void aFigureRendersAsHtmlAndPlotlyJson() {
    MimeBundle b = Renderers.render(FigureRenderingTest.bar()).orElseThrow();
    assertEquals(
        List.of(MimeBundle.TEXT_PLAIN, MimeBundle.TEXT_HTML, MimeBundle.PLOTLY_JSON),
        List.copyOf(b.data().keySet()));
  }

  @Test
  void otherValuesFallBackToPlainText() {
    assertEquals(MimeBundle.text("42"), Renderers.render(42).orElseThrow());
    assertEquals(
        MimeBundle.text("[BED, LDN]"), Renderers.render(List.of("BED", "LDN")).orElseThrow());
  }

  @Test
  void hugePlainTextIsCutWithANote() {
    String big = "x".repeat(1_000_000);
    String shown = Renderers.render(big).orElseThrow().plain();
    assertEquals(
        "x".repeat(Renderers.MAX_PLAIN_CHARS)
            + "\n… (cut: 1,000,000 characters in all, the first 20,000 shown)",
        shown);
  }

  private static final org.probationlens.provenance.Sources SYNTHETIC_CASES =
      org.probationlens.provenance.Sources.of(
          org.probationlens.provenance.Provenance.synthetic(
              "Synthetic cases", "CaseGenerator", 2014L, "2", "ab".repeat(32)));

  @Test
  void aResultCarriesItsFooterInHtmlAndInTheBundleMetadata() {
    Table t = Table.create("starts", IntColumn.create("n", IntStream.range(0, 30).toArray()));
    var result = org.probationlens.provenance.ResultTable.of("Starts by CPA", t, SYNTHETIC_CASES);
    MimeBundle b = Renderers.render(result).orElseThrow();
    String html = b.get(MimeBundle.TEXT_HTML).orElseThrow();
    String footer =
        "SYNTHETIC data, not published figures. Sources: SYNTHETIC: Synthetic cases (CaseGenerator;"
            + " generator version 2, seed 2014; SHA-256 abababababab). Probation Lens "
            + SourcesFooter.libraryVersion()
            + ".";
    // one visible line, the kind and the generator with its version and seed, that opens onto
    // the full footer (an HTML details element)
    String summary = "SYNTHETIC · CaseGenerator v2, seed 2014";
    assertTrue(
        html.contains(
            "<details class=\"pl-sources\" style=\""
                + SourcesFooter.STYLE
                + "\"><summary style=\"cursor:pointer\">"
                + summary
                + " · <span style=\"text-decoration:underline\">sources</span></summary>\n"
                + "<div class=\"pl-provenance\" style=\"margin:0.3em 0 0 1.2em\">"
                + footer
                + "</div></details>\n</div>"),
        html);
    assertEquals(1, html.split("pl-sources", -1).length - 1, "one footer: " + html);
    // in plain text, where nothing opens, the line and then the full footer
    assertTrue(b.plain().endsWith("\n" + summary + "\n" + footer), b.plain());
    // a result shows up to 60 rows even when a bare table would be cut at 20
    assertTrue(b.plain().contains("30 rows × 1 column"), b.plain());
    assertTrue(!b.plain().contains("showing rows"), b.plain());
    com.google.gson.JsonObject meta =
        com.google.gson.JsonParser.parseString(b.metadata().get(MimeBundle.SOURCES_METADATA))
            .getAsJsonObject();
    assertEquals(footer, meta.get("footer").getAsString());
    assertEquals(summary, meta.get("summary").getAsString());
    assertEquals("SYNTHETIC", meta.get("kind").getAsString());
    assertEquals(
        "ab".repeat(32),
        meta.getAsJsonArray("inputs").get(0).getAsJsonObject().get("sha256").getAsString());
    assertEquals(
        2014, meta.getAsJsonArray("inputs").get(0).getAsJsonObject().get("seed").getAsInt());
    // the kernel sends the metadata as JSON, not as a string
    assertTrue(
        b.jupyterMetadata().get(MimeBundle.SOURCES_METADATA) instanceof com.google.gson.JsonObject);
  }

  @Test
  void aChartOfSourcesCarriesTheSameFooter() {
    MimeBundle b =
        Renderers.chart(
            org.probationlens.chart.Chart.of(FigureRenderingTest.bar(), SYNTHETIC_CASES));
    String html = b.get(MimeBundle.TEXT_HTML).orElseThrow();
    assertTrue(
        html.contains(
            "<details class=\"pl-sources\" style=\""
                + SourcesFooter.STYLE
                + "\"><summary style=\"cursor:pointer\">SYNTHETIC · CaseGenerator v2, seed 2014 · "),
        html);
    assertTrue(html.contains("SHA-256 abababababab"), html);
    assertFalse(html.contains("Source: "), "a chart's footer says Source: Sources: " + html);
    assertFalse(html.contains("class=\"pl-source\""), "a second footer: " + html);
    assertTrue(
        b.plain()
            .endsWith(
                "\nSYNTHETIC · CaseGenerator v2, seed 2014\n"
                    + Renderers.sourcesLine(SYNTHETIC_CASES)),
        b.plain());
    assertTrue(b.metadata().containsKey(MimeBundle.SOURCES_METADATA));
    // a chart with a hand-typed caption is not marked as carrying sources
    MimeBundle typed = Renderers.figure(FigureRenderingTest.bar(), "typed by hand");
    assertTrue(!typed.get(MimeBundle.TEXT_HTML).orElseThrow().contains("pl-sources"));
    assertTrue(typed.metadata().isEmpty());
  }
}
