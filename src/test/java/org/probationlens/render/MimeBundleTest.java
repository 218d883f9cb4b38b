package org.probationlens.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MimeBundleTest {

  @Test
  void plainTextIsRequired() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new MimeBundle(Map.of("text/html", "<b>x</b>")));
    assertEquals("a MIME bundle needs a text/plain entry; got only [text/html]", e.getMessage());
  }

  @Test
  void dataIsAnUnmodifiableCopyInTheGivenOrder() {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put("text/plain", "p");
    m.put("text/html", "h");
    m.put("text/markdown", "m");
    MimeBundle b = new MimeBundle(m);
    m.put("text/latex", "l");
    assertEquals(
        List.of("text/plain", "text/html", "text/markdown"), List.copyOf(b.data().keySet()));
    assertThrows(UnsupportedOperationException.class, () -> b.data().put("x/y", "z"));
  }

  @Test
  void nullValuesAreRefused() {
    Map<String, String> m = new HashMap<>();
    m.put("text/plain", null);
    NullPointerException e = assertThrows(NullPointerException.class, () -> new MimeBundle(m));
    assertEquals("content for MIME type text/plain", e.getMessage());
  }

  @Test
  void jupyterDataParsesJsonTypesAndKeepsTextAsText() {
    MimeBundle b =
        MimeBundle.of("p", "<b>h</b>").with(MimeBundle.PLOTLY_JSON, "{\"data\":[],\"layout\":{}}");
    Map<String, Object> d = b.jupyterData();
    assertEquals("p", d.get("text/plain"));
    assertEquals("<b>h</b>", d.get("text/html"));
    JsonObject plotly = assertInstanceOf(JsonObject.class, d.get(MimeBundle.PLOTLY_JSON));
    assertTrue(plotly.getAsJsonArray("data").isEmpty());
  }

  @Test
  void jupyterDataRejectsBrokenJson() {
    MimeBundle b = MimeBundle.text("p").with("application/json", "{not json");
    IllegalStateException e = assertThrows(IllegalStateException.class, b::jupyterData);
    assertTrue(e.getMessage().startsWith("content under application/json is not valid JSON: "));
  }

  @Test
  void jsonTypesAreRecognised() {
    assertTrue(MimeBundle.isJson("application/json"));
    assertTrue(MimeBundle.isJson(MimeBundle.PLOTLY_JSON));
    assertEquals(false, MimeBundle.isJson("text/html"));
  }

  @Test
  void metadataTravelsWithTheBundleAndIsSentAsJson() {
    MimeBundle b =
        MimeBundle.of("t", "<p>t</p>")
            .withMetadata(MimeBundle.SOURCES_METADATA, "{\"kind\":\"SYNTHETIC\"}");
    // replacing a representation keeps the metadata
    MimeBundle replaced = b.with(MimeBundle.TEXT_HTML, "<p>u</p>");
    assertEquals(b.metadata(), replaced.metadata());
    Object sent = replaced.jupyterMetadata().get(MimeBundle.SOURCES_METADATA);
    assertEquals("SYNTHETIC", ((com.google.gson.JsonObject) sent).get("kind").getAsString());
    assertTrue(MimeBundle.text("x").metadata().isEmpty());
    IllegalStateException bad =
        assertThrows(
            IllegalStateException.class,
            () -> MimeBundle.text("x").withMetadata("k", "{not json").jupyterMetadata());
    assertTrue(bad.getMessage().startsWith("metadata k is not valid JSON"), bad.getMessage());
  }
}
