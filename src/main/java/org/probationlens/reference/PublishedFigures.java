package org.probationlens.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.Table;

/**
 * The registry of published figures that the notebooks reproduce, read from {@code
 * data/reference/published_figures.csv} (each row taken from {@code volumes_finance.csv}, named in
 * its {@code volumes_finance_metric} column, or, where that is empty, from the row of another
 * reference table that names it in its {@code registry_id} column or from {@code
 * pbr_reoffending.csv}, with the same source and tag, plus a tolerance). Immutable.
 *
 * <pre>{@code
 * PublishedFigures.standard().check("shortfall_range_2015_16", low, high, shortfall.sources())
 * }</pre>
 */
public final class PublishedFigures {

  /** The class-path resource of the standard registry. */
  public static final String RESOURCE = "/data/reference/published_figures.csv";

  static final List<String> HEADER =
      List.of(
          "id",
          "description",
          "kind",
          "low",
          "high",
          "unit",
          "period",
          "tolerance",
          "volumes_finance_metric",
          "source",
          "tag");

  private final Map<String, PublishedFigure> byId;
  private final String name;
  private final String sha256;

  private PublishedFigures(Map<String, PublishedFigure> byId, String name, String sha256) {
    this.byId = byId;
    this.name = name;
    this.sha256 = sha256;
  }

  /**
   * The project's registry, from the class path.
   *
   * @return the registry, not null
   * @throws IllegalStateException when the resource is missing or malformed
   */
  public static PublishedFigures standard() {
    try (InputStream in = PublishedFigures.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("class-path resource " + RESOURCE + " is missing");
      }
      return parse(in, RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * A registry read from a file with the standard header.
   *
   * @param file the CSV file, not null
   * @return the registry, not null
   * @throws IllegalArgumentException naming the file, line, column, value and what was expected
   */
  public static PublishedFigures load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static PublishedFigures parse(InputStream raw, String name) throws IOException {
    org.probationlens.read.DatasetLoader.Hashed read =
        org.probationlens.read.DatasetLoader.of(
                org.probationlens.read.Schema.text("published_figures", HEADER))
            .readBytes(name, raw.readAllBytes());
    String sha256 = read.sha256();
    Table t = read.table();
    if (!t.columnNames().equals(HEADER)) {
      throw new IllegalArgumentException(
          name + " line 1: header is " + t.columnNames() + "; expected " + HEADER);
    }
    Map<String, PublishedFigure> figures = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      int line = i + 2;
      String id = t.stringColumn("id").get(i);
      try {
        PublishedFigure.Kind kind = kind(t.stringColumn("kind").get(i), name, line);
        PublishedFigure f =
            new PublishedFigure(
                id,
                t.stringColumn("description").get(i),
                kind,
                number(t, "low", i, name, kind == PublishedFigure.Kind.UPPER_BOUND),
                number(t, "high", i, name, kind == PublishedFigure.Kind.LOWER_BOUND),
                t.stringColumn("unit").get(i),
                t.stringColumn("period").get(i),
                number(t, "tolerance", i, name, false),
                t.stringColumn("source").get(i),
                t.stringColumn("tag").get(i));
        if (figures.put(id, f) != null) {
          problems.add(name + " line " + line + ", column id: '" + id + "' appears twice");
        }
      } catch (IllegalArgumentException e) {
        problems.add(
            e.getMessage().startsWith(name)
                ? e.getMessage()
                : name + " line " + line + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    return new PublishedFigures(figures, name, sha256);
  }

  /**
   * Where one figure comes from, as an input of a check: published (or, for a figure tagged
   * secondary, reported by a secondary source), with its citation and the registry file's SHA-256.
   *
   * @param id the figure's id
   * @return the provenance, not null
   * @throws IllegalArgumentException listing the known ids when there is none
   */
  public Provenance provenance(String id) {
    PublishedFigure f = figure(id);
    return Provenance.published(
        "Published figure " + f.id() + ": " + f.description() + ", " + f.period(),
        f.source() + (f.tag().equals("secondary") ? " (secondary report)" : ""),
        null,
        "quoted from the publication cited, for comparison (registry " + name + ")",
        sha256);
  }

  private static PublishedFigure.Kind kind(String value, String name, int line) {
    return switch (value) {
      case "point" -> PublishedFigure.Kind.POINT;
      case "range" -> PublishedFigure.Kind.RANGE;
      case "upper_bound" -> PublishedFigure.Kind.UPPER_BOUND;
      case "lower_bound" -> PublishedFigure.Kind.LOWER_BOUND;
      default ->
          throw new IllegalArgumentException(
              name
                  + " line "
                  + line
                  + ", column kind: '"
                  + value
                  + "'; expected point, range, upper_bound or lower_bound");
    };
  }

  private static double number(Table t, String column, int row, String name, boolean empty) {
    String v = t.stringColumn(column).get(row);
    if (v.isEmpty() && empty) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name
              + " line "
              + (row + 2)
              + ", column "
              + column
              + ": '"
              + v
              + "'; expected a number"
              + (empty ? " or empty" : ""),
          e);
    }
  }

  /**
   * Every figure, in file order.
   *
   * @return the figures, unmodifiable
   */
  public List<PublishedFigure> figures() {
    return List.copyOf(byId.values());
  }

  /**
   * One figure.
   *
   * @param id its id, exactly as in the registry
   * @return the figure, not null
   * @throws IllegalArgumentException listing the known ids when there is none
   */
  public PublishedFigure figure(String id) {
    Objects.requireNonNull(id, "id");
    PublishedFigure f = byId.get(id);
    if (f == null) {
      throw new IllegalArgumentException(
          "no published figure '" + id + "'; known: " + String.join(", ", byId.keySet()));
    }
    return f;
  }

  /**
   * Checks a computed point value (or, for an upper bound, the computed largest value). Whether a
   * match is reproduced or calibrated is decided from {@code from}: see {@link FigureCheck}.
   *
   * @param id the figure's id
   * @param computed the computed value, in the figure's unit
   * @param from the sources of the computed value (the result's {@code sources()}), not null
   * @return the check, not null
   * @throws IllegalArgumentException when the figure is a range
   */
  public FigureCheck check(String id, double computed, Sources from) {
    PublishedFigure f = figure(id);
    if (f.kind() == PublishedFigure.Kind.RANGE) {
      throw new IllegalArgumentException(
          "figure " + id + " is a range (" + f.valueText() + "); give a computed low and high");
    }
    return FigureCheck.of(
        f, computed, computed, Objects.requireNonNull(from, "from"), provenance(id));
  }

  /**
   * Checks a computed range against a published range: see {@link #check(String, double, Sources)}.
   *
   * @param id the figure's id
   * @param computedLow the computed lower end, in the figure's unit
   * @param computedHigh the computed upper end
   * @param from the sources of the computed values, not null
   * @return the check, not null
   * @throws IllegalArgumentException when the figure is not a range
   */
  public FigureCheck check(String id, double computedLow, double computedHigh, Sources from) {
    PublishedFigure f = figure(id);
    if (f.kind() != PublishedFigure.Kind.RANGE) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "figure %s is not a range (%s); give one computed value",
              id,
              f.valueText()));
    }
    return FigureCheck.of(
        f, computedLow, computedHigh, Objects.requireNonNull(from, "from"), provenance(id));
  }
}
