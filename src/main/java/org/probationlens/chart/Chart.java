package org.probationlens.chart;

import java.util.Objects;
import org.probationlens.data.Sources;
import org.probationlens.render.MimeBundle;
import org.probationlens.render.Renderers;
import org.probationlens.render.RichDisplay;
import tech.tablesaw.plotly.components.Figure;

/**
 * A chart of probation data together with where its data came from: a tablesaw-jsplot figure and
 * the source line shown with it ("Source: MoJ, Offender Management Statistics Quarterly" or
 * "Synthetic data, seed 2014"). A notebook cell that returns one shows the chart, offline, with its
 * source beneath.
 *
 * @param figure the Plotly figure, not null
 * @param source where the data came from, not null or blank
 */
public record Chart(Figure figure, String source) implements RichDisplay {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if either part is null
   * @throws IllegalArgumentException if {@code source} is blank
   */
  public Chart {
    Objects.requireNonNull(figure, "figure");
    Objects.requireNonNull(source, "source");
    if (source.isBlank()) {
      throw new IllegalArgumentException("source must not be blank: say where the data came from");
    }
  }

  /**
   * A chart of a result's data, its source line drawn from the result's {@link Sources}.
   *
   * @param figure the Plotly figure, not null
   * @param sources where the data came from, not null
   * @return the chart, not null
   */
  public static Chart of(Figure figure, Sources sources) {
    return new Chart(figure, Renderers.sourcesLine(sources));
  }

  /**
   * The chart as a notebook output: HTML (div and script), Plotly JSON and a plain-text summary,
   * each with the source.
   *
   * @return the bundle, not null
   */
  @Override
  public MimeBundle toMimeBundle() {
    return Renderers.figure(figure, source);
  }
}
