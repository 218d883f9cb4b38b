package org.probationlens.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The plotly.js bundled by scripts/bundle-plotly.sh. The expected SHA-256 was computed with
 * sha256sum on package/plotly.min.js from `npm pack plotly.js-dist-min@4.1.2`, whose tarball
 * matched the registry's published integrity
 * sha512-VSmS9KVNun16S8qFYYp9LlL/XBby4ueeGqB+K9AqRCVsup8dSpGULap4UyR1f2mz4pV3qjWp1sR5chwLgIKPoQ==.
 */
class PlotlyBundleTest {

  static final String SHA256 = "2f645d1bade8182fce161b7f10f89402f8b315805250ff4a94672a28d23c390a";

  @Test
  void bundledLibraryIsTheCheckedNpmFile() throws Exception {
    byte[] bytes;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream(PlotlyJs.DIR + "plotly.min.js")) {
      bytes = in.readAllBytes();
    }
    String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    assertEquals(SHA256, actual);
    assertEquals(SHA256, PlotlyJs.sha256());
    assertEquals("4.1.2", Renderers.plotlyVersion());
    assertTrue(PlotlyJs.script().substring(0, 200).contains("plotly.js v4.1.2"));
  }

  @Test
  void libraryCanSitInlineInAScriptElementAndDefinesNoAmdModule() {
    String js = PlotlyJs.script().toLowerCase(Locale.ROOT);
    assertFalse(js.contains("</script"), "would end the inline script element early");
    assertFalse(js.contains("<script"), "would confuse the HTML parser after <!--");
    // plotly.js 2.x registered itself with define() when RequireJS (Notebook 6) was on the page;
    // 3 and later set window.Plotly only
    assertFalse(js.contains("define.amd"));
    assertTrue(PlotlyJs.script().contains("window.Plotly = Plotly;"));
  }

  @Test
  void bootstrapHoldsTheWholeLibraryAndLoadsNothingFromTheNetwork() {
    String html = Renderers.plotlyBootstrapHtml();
    assertTrue(html.contains(PlotlyJs.script()));
    assertTrue(html.contains("if (typeof window.Plotly === \"undefined\") {"));
    assertTrue(html.contains("data-plotly-version=\"4.1.2\""));
    String wrapper = html.replace(PlotlyJs.script(), "");
    assertFalse(wrapper.contains("src="), "no external script: " + wrapper);
    assertEquals(2, html.split("<script", -1).length - 1 + html.split("</script", -1).length - 1);
  }

  @Test
  void licenceShipsBesideTheLibrary() throws Exception {
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream(PlotlyJs.DIR + "plotly.LICENSE.txt")) {
      String licence = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(licence.startsWith("MIT License"));
    }
  }
}
