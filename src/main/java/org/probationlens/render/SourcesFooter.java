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
 * The footer drawn under every table and chart built from a result: one visible line, the kind and
 * a short source ({@link #summary}), opening onto the full provenance ({@link #line}): each input
 * with its kind (published, derived or synthetic), generator version and seed where synthetic, the
 * first 12 hex digits of its SHA-256; then the assumptions; then the library's version.
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
    o.addProperty("summary", summary(sources));
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

  /** The most characters of one input's short source in {@link #summary}. */
  static final int SHORT_SOURCE_CHARS = 60;

  /** The most inputs named in {@link #summary}; more are counted ("and 3 more"). */
  static final int SUMMARY_INPUTS = 2;

  /** The style of the footer under each output: small, muted, one line until opened. */
  static final String STYLE = "font-size:85%;opacity:0.8;margin:0.2em 0 0.4em 0;max-width:120ch";

  /**
   * The footer's one visible line: the kind of the whole output, then a short source for each
   * distinct input, those of that kind first (at most {@value #SUMMARY_INPUTS}, the rest counted),
   * then how many assumptions, e.g. {@code SYNTHETIC · Probation Lens synthetic case generator v2,
   * seed 2014}. The full provenance ({@link #line}) is one click away under it and in the output's
   * metadata.
   */
  static String summary(Sources sources) {
    // the inputs that make the output's kind first (the generator of a synthetic output), then the
    // rest in their order
    java.util.LinkedHashSet<String> shortSources = new java.util.LinkedHashSet<>();
    for (Provenance p : sources.inputs()) {
      if (p.kind() == sources.kind()) {
        shortSources.add(shortSource(p));
      }
    }
    for (Provenance p : sources.inputs()) {
      shortSources.add(shortSource(p));
    }
    List<String> shown = new ArrayList<>();
    int more = 0;
    for (String s : shortSources) {
      if (shown.size() < SUMMARY_INPUTS) {
        shown.add(s);
      } else {
        more++;
      }
    }
    StringBuilder b = new StringBuilder(sources.kind().name());
    if (!shown.isEmpty()) {
      b.append(" · ").append(String.join("; ", shown));
    }
    if (more > 0) {
      b.append(" and ").append(more).append(" more");
    }
    if (!sources.assumptions().isEmpty()) {
      b.append(" · ").append(Text.count(sources.assumptions().size(), "assumption", "assumptions"));
    }
    return b.toString();
  }

  /**
   * One input's source in a few words: the publisher or generator up to its first parenthesis,
   * semicolon or comma, cut at the end of a word within {@value #SHORT_SOURCE_CHARS} characters; a
   * generator's class name without its package; the generator's version and seed where synthetic.
   */
  static String shortSource(Provenance p) {
    String s = p.source().strip();
    int cut = s.length();
    for (String stop : new String[] {" (", ";", ", "}) {
      int at = s.indexOf(stop);
      if (at > 0) {
        cut = Math.min(cut, at);
      }
    }
    s = s.substring(0, cut).strip();
    if (s.matches("[a-z][\\w]*(\\.[\\w]+)+") && Character.isUpperCase(lastSegment(s).charAt(0))) {
      s = lastSegment(s); // org.probationlens.court.CourtDataGenerator: CourtDataGenerator
    }
    if (s.length() > SHORT_SOURCE_CHARS) {
      // cut at a word's end, not inside a word
      int space = s.lastIndexOf(' ', SHORT_SOURCE_CHARS - 1);
      s = s.substring(0, space > SHORT_SOURCE_CHARS / 2 ? space : SHORT_SOURCE_CHARS - 1) + "…";
    }
    if (p.kind() == Provenance.Kind.SYNTHETIC) {
      if (p.generatorVersion() != null) {
        s += " v" + p.generatorVersion();
      }
      if (p.seed() != null) {
        s += ", seed " + p.seed();
      }
    }
    return s;
  }

  private static String lastSegment(String dotted) {
    return dotted.substring(dotted.lastIndexOf('.') + 1);
  }

  /**
   * The footer in HTML: one visible line (the {@link #summary}) that opens, as an HTML {@code
   * <details>} element of class {@code pl-sources}, onto the full provenance ({@link #line}); then
   * the note, if any, as its own visible line.
   *
   * @param note a line to show whatever is opened (what the user chose about disclosure control),
   *     or empty
   */
  static String html(Sources sources, String note) {
    StringBuilder b =
        new StringBuilder("<details class=\"pl-sources\" style=\"")
            .append(STYLE)
            .append("\"><summary style=\"cursor:pointer\">")
            .append(Text.html(summary(sources)))
            .append(" · <span style=\"text-decoration:underline\">sources</span></summary>\n")
            .append("<div class=\"pl-provenance\" style=\"margin:0.3em 0 0 1.2em\">")
            .append(Text.html(line(sources)))
            .append("</div></details>\n");
    if (!note.isBlank()) {
      b.append("<p class=\"pl-note\" style=\"")
          .append(STYLE)
          .append("\">")
          .append(Text.html(note.strip()))
          .append("</p>\n");
    }
    return b.toString();
  }

  /**
   * The footer in plain text, where nothing opens: the {@link #summary} line, then the full
   * provenance ({@link #line}), then the note if any.
   */
  static String plain(Sources sources, String note) {
    return summary(sources) + "\n" + line(sources) + (note.isBlank() ? "" : "\n" + note.strip());
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
