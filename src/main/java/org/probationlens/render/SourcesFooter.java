package org.probationlens.render;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.Sources;

/**
 * The short footer drawn under every table and chart built from a result: each input with its kind
 * (published, derived or synthetic), generator version and seed where synthetic, the first 12 hex
 * digits of its SHA-256; then the assumptions; then the library's version.
 */
final class SourcesFooter {

  private SourcesFooter() {}

  /** The library's version from the jar's manifest, or "development build" outside a jar. */
  static String libraryVersion() {
    String v = SourcesFooter.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  /**
   * The footer as the JSON object recorded under {@link MimeBundle#SOURCES_METADATA}: the line
   * itself and each of its parts, so that a program reading a notebook finds the same provenance as
   * a reader.
   */
  static String json(Sources sources) {
    JsonObject o = new JsonObject();
    o.addProperty("footer", line(sources));
    o.addProperty("kind", sources.kind().name());
    o.addProperty("synthetic", sources.synthetic());
    JsonArray inputs = new JsonArray();
    for (Provenance p : sources.inputs()) {
      JsonObject i = new JsonObject();
      i.addProperty("title", p.title());
      i.addProperty("source", p.source());
      i.addProperty("kind", p.kind().name());
      i.addProperty("sha256", p.sha256());
      i.addProperty("licence", p.licence());
      if (p.publicationDate() != null) {
        i.addProperty("publication_date", p.publicationDate().toString());
      }
      if (p.kind() == Provenance.Kind.SYNTHETIC) {
        i.addProperty("generator_version", p.generatorVersion());
        i.addProperty("seed", p.seed());
      }
      inputs.add(i);
    }
    o.add("inputs", inputs);
    JsonArray assumptions = new JsonArray();
    sources.assumptions().forEach(assumptions::add);
    o.add("assumptions", assumptions);
    JsonArray calibrated = new JsonArray();
    sources.calibratedTo().forEach(calibrated::add);
    o.add("calibrated_to", calibrated);
    o.addProperty("library_version", libraryVersion());
    return GSON.toJson(o);
  }

  /** The footer as one line of plain text. */
  static String line(Sources sources) {
    List<String> parts = new ArrayList<>();
    for (Provenance p : sources.inputs()) {
      StringBuilder b = new StringBuilder();
      b.append(p.kind()).append(": ").append(p.title()).append(" (").append(p.source());
      if (p.kind() == Provenance.Kind.SYNTHETIC) {
        b.append("; generator version ")
            .append(p.generatorVersion() == null ? "not recorded" : p.generatorVersion())
            .append(", seed ")
            .append(p.seed() == null ? "not recorded" : p.seed().toString());
      } else if (p.publicationDate() != null) {
        b.append("; published ").append(p.publicationDate());
      }
      b.append("; SHA-256 ").append(p.sha256(), 0, 12).append(')');
      parts.add(b.toString());
    }
    for (String a : sources.assumptions()) {
      parts.add("ASSUMPTION: " + a);
    }
    if (!sources.calibratedTo().isEmpty()) {
      parts.add(
          "CALIBRATED to published figure"
              + (sources.calibratedTo().size() == 1 ? " " : "s ")
              + String.join(", ", sources.calibratedTo()));
    }
    String head = sources.synthetic() ? "SYNTHETIC data, not published figures. " : "";
    return head
        + "Sources: "
        + String.join("; ", parts)
        + ". Probation Lens "
        + libraryVersion()
        + ".";
  }
}
