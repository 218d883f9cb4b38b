package org.probationlens.render;

import java.util.ArrayList;
import java.util.List;
import org.probationlens.data.Provenance;
import org.probationlens.data.Sources;

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
    String head = sources.synthetic() ? "SYNTHETIC data, not published figures. " : "";
    return head
        + "Sources: "
        + String.join("; ", parts)
        + ". Probation Lens "
        + libraryVersion()
        + ".";
  }
}
