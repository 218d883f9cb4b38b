package org.probationlens.render;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One displayable output, in several representations keyed by MIME type, as a Jupyter kernel sends
 * it in a {@code display_data} or {@code execute_result} message: a probation table, chart or
 * analysis result, each with a plain-text fallback.
 *
 * <p>Every bundle has {@value #TEXT_PLAIN}. The map is an unmodifiable copy that keeps the order in
 * which the representations were given. Content under a JSON MIME type (see {@link #isJson}) is a
 * serialized JSON document: a kernel must send it as a JSON value, not as a string; {@link
 * #jupyterData()} does that conversion.
 *
 * <p>A bundle may also carry output metadata (Jupyter's {@code metadata} field of the same
 * message), each value a serialized JSON document: Probation Lens puts the sources footer of a
 * result or chart there under {@value #SOURCES_METADATA}, so that a notebook's provenance can be
 * read by a program as well as by eye.
 *
 * @param data MIME type to content, not null, with a {@value #TEXT_PLAIN} entry; no null or blank
 *     key, no null value
 * @param metadata metadata key to a JSON document, not null, may be empty; no null or blank key
 */
public record MimeBundle(Map<String, String> data, Map<String, String> metadata) {

  /**
   * The output-metadata key under which a result's or chart's sources are recorded: a JSON object
   * with {@code footer} (the line drawn under the output), {@code kind} (PUBLISHED, DERIVED,
   * OFFICIAL_SENSITIVE or SYNTHETIC), {@code synthetic}, {@code inputs} (title, source, kind,
   * sha256, seed, generator_version, publication_date), {@code assumptions}, {@code calibrated_to}
   * and {@code library_version}.
   */
  public static final String SOURCES_METADATA = "probation_lens_sources";

  /** Plain text, the representation every front end can show. */
  public static final String TEXT_PLAIN = "text/plain";

  /** HTML, shown by Jupyter Notebook, JupyterLab, VS Code and nbconvert's HTML export. */
  public static final String TEXT_HTML = "text/html";

  /**
   * A Plotly figure as JSON ({@code {"data": [...], "layout": {...}}}), for JupyterLab and VS Code.
   */
  public static final String PLOTLY_JSON = "application/vnd.plotly.v1+json";

  /**
   * Checks and copies the representations.
   *
   * @throws NullPointerException if {@code data} is null or holds a null key or value
   * @throws IllegalArgumentException if there is no {@value #TEXT_PLAIN} entry or a key is blank
   */
  public MimeBundle {
    Objects.requireNonNull(data, "data");
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : data.entrySet()) {
      String mime = Objects.requireNonNull(e.getKey(), "MIME type in data");
      if (mime.isBlank()) {
        throw new IllegalArgumentException(
            "MIME type must not be blank; data has keys " + data.keySet());
      }
      copy.put(mime, Objects.requireNonNull(e.getValue(), () -> "content for MIME type " + mime));
    }
    if (!copy.containsKey(TEXT_PLAIN)) {
      throw new IllegalArgumentException(
          "a MIME bundle needs a " + TEXT_PLAIN + " entry; got only " + copy.keySet());
    }
    data = Collections.unmodifiableMap(copy);
    Objects.requireNonNull(metadata, "metadata");
    Map<String, String> meta = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      String key = Objects.requireNonNull(e.getKey(), "metadata key");
      if (key.isBlank()) {
        throw new IllegalArgumentException("metadata key must not be blank");
      }
      meta.put(key, Objects.requireNonNull(e.getValue(), () -> "metadata for " + key));
    }
    metadata = Collections.unmodifiableMap(meta);
  }

  /**
   * A bundle with no metadata.
   *
   * @param data MIME type to content, with a {@value #TEXT_PLAIN} entry
   */
  public MimeBundle(Map<String, String> data) {
    this(data, Map.of());
  }

  /**
   * A copy of this bundle with one more metadata entry, or with one replaced.
   *
   * @param key the metadata key, not blank
   * @param json the value, a serialized JSON document, not null
   * @return the new bundle, not null
   */
  public MimeBundle withMetadata(String key, String json) {
    Map<String, String> copy = new LinkedHashMap<>(metadata);
    copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(json, "json"));
    return new MimeBundle(data, copy);
  }

  /**
   * The metadata as a Jupyter message's {@code metadata} field, each value parsed into a Gson
   * {@link com.google.gson.JsonElement}.
   *
   * @return key to JSON value, unmodifiable, not null
   * @throws IllegalStateException if a value is not valid JSON
   */
  public Map<String, Object> jupyterMetadata() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      try {
        out.put(e.getKey(), JsonParser.parseString(e.getValue()));
      } catch (JsonParseException ex) {
        throw new IllegalStateException(
            "metadata " + e.getKey() + " is not valid JSON: " + ex.getMessage(), ex);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * A bundle with plain text only.
   *
   * @param plain the text, not null
   * @return the bundle, not null
   */
  public static MimeBundle text(String plain) {
    return new MimeBundle(Map.of(TEXT_PLAIN, Objects.requireNonNull(plain, "plain")));
  }

  /**
   * A bundle with plain text and HTML.
   *
   * @param plain the text fallback, not null
   * @param html the HTML fragment, not null
   * @return the bundle, not null
   */
  public static MimeBundle of(String plain, String html) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(TEXT_PLAIN, Objects.requireNonNull(plain, "plain"));
    data.put(TEXT_HTML, Objects.requireNonNull(html, "html"));
    return new MimeBundle(data);
  }

  /**
   * A copy of this bundle with one more representation, or with one replaced.
   *
   * @param mime the MIME type, not null or blank
   * @param content the content, not null
   * @return the new bundle, not null
   */
  public MimeBundle with(String mime, String content) {
    Map<String, String> copy = new LinkedHashMap<>(data);
    copy.put(Objects.requireNonNull(mime, "mime"), Objects.requireNonNull(content, "content"));
    return new MimeBundle(copy, metadata);
  }

  /**
   * The plain-text representation.
   *
   * @return the text, not null
   */
  public String plain() {
    return data.get(TEXT_PLAIN);
  }

  /**
   * The representation for one MIME type.
   *
   * @param mime the MIME type, not null
   * @return the content, or empty when this bundle has none for {@code mime}
   */
  public Optional<String> get(String mime) {
    return Optional.ofNullable(data.get(Objects.requireNonNull(mime, "mime")));
  }

  /**
   * Whether content under this MIME type is a JSON document ({@code application/json} or any {@code
   * +json} type such as {@value #PLOTLY_JSON}).
   *
   * @param mime the MIME type, not null
   * @return true for a JSON type
   */
  public static boolean isJson(String mime) {
    String m = Objects.requireNonNull(mime, "mime");
    return m.equals("application/json") || m.endsWith("+json");
  }

  /**
   * The bundle as a Jupyter message's {@code data} field: text under text types, a parsed Gson
   * {@link com.google.gson.JsonElement} under JSON types (so that a Gson-based kernel sends an
   * object, not a string).
   *
   * @return MIME type to content, unmodifiable, in this bundle's order, not null
   * @throws IllegalStateException if content under a JSON type is not valid JSON
   */
  public Map<String, Object> jupyterData() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : data.entrySet()) {
      if (isJson(e.getKey())) {
        try {
          out.put(e.getKey(), JsonParser.parseString(e.getValue()));
        } catch (JsonParseException ex) {
          throw new IllegalStateException(
              "content under " + e.getKey() + " is not valid JSON: " + ex.getMessage(), ex);
        }
      } else {
        out.put(e.getKey(), e.getValue());
      }
    }
    return Collections.unmodifiableMap(out);
  }
}
