package org.probationlens.chart;

import java.util.Objects;
import org.probationlens.provenance.Sources;
import tech.tablesaw.plotly.components.Figure;

/**
 * A chart of probation data together with where its data came from: a tablesaw-jsplot figure and
 * the {@link Sources} of the result it was drawn from. A chart is a value: it makes no HTML. {@code
 * render} draws it (a notebook cell that returns one shows the chart, offline, with the sources
 * footer beneath: published or synthetic, generator version and seed, SHA-256 prefix, library
 * version; and the same sources in the output's metadata).
 *
 * @param figure the Plotly figure, not null
 * @param sources where the data came from, not null
 * @param note what the footer adds after the sources, such as the disclosure-control note of a
 *     chart of case-level records; empty when nothing
 */
public record Chart(Figure figure, Sources sources, String note) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   */
  public Chart {
    Objects.requireNonNull(figure, "figure");
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(note, "note");
  }

  /**
   * A chart with nothing added to its sources footer.
   *
   * @param figure the Plotly figure, not null
   * @param sources where the data came from, not null
   */
  public Chart(Figure figure, Sources sources) {
    this(figure, sources, "");
  }

  /**
   * A chart of a result's data, its footer drawn from the result's {@link Sources}.
   *
   * @param figure the Plotly figure, not null
   * @param sources where the data came from, not null
   * @return the chart, not null
   */
  public static Chart of(Figure figure, Sources sources) {
    return new Chart(figure, sources);
  }

  /**
   * This chart with a note after its sources footer (what disclosure control did, for instance).
   *
   * @param text the note, not null; empty for none
   * @return the changed copy, not null
   */
  public Chart withNote(String text) {
    return new Chart(figure, sources, text);
  }
}
