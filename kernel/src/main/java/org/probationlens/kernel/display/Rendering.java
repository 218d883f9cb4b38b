package org.probationlens.kernel.display;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import org.probationlens.render.MimeBundle;
import org.probationlens.render.PlotlyJs;
import org.probationlens.render.Renderers;

/**
 * Turns a cell's value into the MIME bundle sent to the notebook, through the display layer ({@link
 * Renderers}): bounded HTML tables, offline Plotly charts, text for the rest.
 *
 * <p>plotly.js (4.8 MB) is not put into the outputs, so a saved notebook stays small: each chart
 * carries a loader of a few hundred bytes ({@link #PLOTLY_FILE}) that, on a page served by Jupyter
 * without plotly.js yet, adds one script element loading the copy {@code lens kernel install} put
 * beside the kernelspec, which Jupyter serves at {@code kernelspecs/NAME/plotly.min.js}. So charts
 * draw when they are run, and when a saved (trusted) notebook is reopened without running it,
 * wherever the kernel is installed; the HTML that {@code ./lens run} writes has plotly.js inlined
 * once instead (scripts/reproduce.py), so it draws offline from a file.
 */
public final class Rendering {

  /** The file name of plotly.js in the kernelspec's folder. */
  public static final String PLOTLY_FILE = "plotly.min.js";

  /** The name {@code lens kernel install} gives the kernel unless told another. */
  public static final String DEFAULT_KERNEL_NAME = "probation-lens";

  /** The bundle for {@code value}: always has text/plain; null is shown as {@code null}. */
  public synchronized DisplayData render(Object value) {
    MimeBundle bundle = Renderers.render(value).orElseGet(() -> MimeBundle.text("null"));
    if (bundle.get(MimeBundle.PLOTLY_JSON).isPresent()
        && bundle.get(MimeBundle.TEXT_HTML).isPresent()) {
      bundle =
          bundle.with(
              MimeBundle.TEXT_HTML, plotlyLoader() + bundle.get(MimeBundle.TEXT_HTML).get());
    }
    DisplayData data = new DisplayData();
    bundle.jupyterData().forEach(data::putData);
    // the sources of a result or chart also go into the message's metadata
    bundle.jupyterMetadata().forEach(data::putMetaData);
    return data;
  }

  /**
   * The script put before each chart: unless plotly.js is on the page or already being loaded, it
   * finds the Jupyter server's base URL (Notebook 6's {@code data-base-url}, or JupyterLab's and
   * Notebook 7's {@code jupyter-config-data}) and the notebook's kernel name, and adds a script
   * element loading {@code BASE/kernelspecs/NAME/plotly.min.js?v=VERSION}. On a page that is not a
   * Jupyter server's (an HTML export), it does nothing: that page carries plotly.js itself.
   */
  public static String plotlyLoader() {
    return "<script type=\"text/javascript\">\n"
        + "(function () {\n"
        + "  if (window.Plotly || window.probationLensPlotlyLoading) { return; }\n"
        + "  var base = document.body && document.body.getAttribute(\"data-base-url\");\n"
        + "  var config = document.getElementById(\"jupyter-config-data\");\n"
        + "  if (!base && config) {\n"
        + "    try { base = JSON.parse(config.textContent).baseUrl; } catch (e) {}\n"
        + "  }\n"
        + "  if (!base) { return; }\n"
        + "  var name = \""
        + DEFAULT_KERNEL_NAME
        + "\";\n"
        + "  try { name = window.Jupyter.notebook.metadata.kernelspec.name || name; } catch (e) {}\n"
        + "  var script = document.createElement(\"script\");\n"
        + "  script.src = base.replace(/\\/?$/, \"/\") + \"kernelspecs/\" + encodeURIComponent(name)"
        + " + \"/"
        + PLOTLY_FILE
        + "?v="
        + PlotlyJs.version()
        + "\";\n"
        + "  window.probationLensPlotlyLoading = true;\n"
        + "  script.onerror = function () { window.probationLensPlotlyLoading = false; };\n"
        + "  document.head.appendChild(script);\n"
        + "})();\n"
        + "</script>\n";
  }
}
