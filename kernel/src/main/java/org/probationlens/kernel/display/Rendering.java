package org.probationlens.kernel.display;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import org.probationlens.render.MimeBundle;
import org.probationlens.render.Renderers;

/**
 * Turns a cell's value into the MIME bundle sent to the notebook, through the display layer ({@link
 * Renderers}): bounded HTML tables, offline Plotly charts, text for the rest. Loads the bundled
 * plotly.js into the page with the session's first chart.
 */
public final class Rendering {
  private boolean plotlyLoaded;

  /** The bundle for {@code value}: always has text/plain; null is shown as {@code null}. */
  public synchronized DisplayData render(Object value) {
    MimeBundle bundle = Renderers.render(value).orElseGet(() -> MimeBundle.text("null"));
    if (bundle.get(MimeBundle.PLOTLY_JSON).isPresent()
        && bundle.get(MimeBundle.TEXT_HTML).isPresent()
        && !plotlyLoaded) {
      bundle =
          bundle.with(
              MimeBundle.TEXT_HTML,
              Renderers.plotlyBootstrapHtml() + bundle.get(MimeBundle.TEXT_HTML).get());
      plotlyLoaded = true;
    }
    DisplayData data = new DisplayData();
    bundle.jupyterData().forEach(data::putData);
    // the sources of a result or chart also go into the message's metadata
    bundle.jupyterMetadata().forEach(data::putMetaData);
    return data;
  }
}
