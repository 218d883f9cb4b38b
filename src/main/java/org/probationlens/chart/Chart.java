package org.probationlens.chart;

import java.util.Objects;
import org.probationlens.data.Sources;
import org.probationlens.render.MimeBundle;
import org.probationlens.render.Renderers;
import org.probationlens.render.RichDisplay;
import tech.tablesaw.plotly.components.Figure;

/**
 * A chart of probation data together with where its data came from: a tablesaw-jsplot figure and
 * the {@link Sources} of the result it was drawn from. A notebook cell that returns one shows the
 * chart, offline, with the sources footer beneath (published or synthetic, generator version and
 * seed, SHA-256 prefix, library version) and the same sources in the output's metadata.
 *
 * @param figure the Plotly figure, not null
 * @param sources where the data came from, not null
 */
public record Chart(Figure figure, Sources sources) implements RichDisplay {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if either part is null
   */
  public Chart {
    Objects.requireNonNull(figure, "figure");
    Objects.requireNonNull(sources, "sources");
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
   * The footer line shown under the chart.
   *
   * @return the line, not null
   */
  public String source() {
    return Renderers.sourcesLine(sources);
  }

  /**
   * The chart as a notebook output: HTML (div and script), Plotly JSON and a plain-text summary,
   * each with the sources footer, and the sources in the output's metadata.
   *
   * @return the bundle, not null
   */
  @Override
  public MimeBundle toMimeBundle() {
    return Renderers.figure(figure, sources);
  }
}
