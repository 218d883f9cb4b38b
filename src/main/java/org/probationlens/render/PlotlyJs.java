package org.probationlens.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The plotly.js library bundled in the jar at build time (npm package plotly.js-dist-min, fetched
 * and checked by scripts/bundle-plotly.sh), read once from the class path.
 */
final class PlotlyJs {

  static final String DIR = "org/probationlens/render/plotly/";

  private PlotlyJs() {}

  private static final class Holder {
    static final Properties PROPERTIES = loadProperties();
    static final String SCRIPT = loadScript();
  }

  static String version() {
    return Holder.PROPERTIES.getProperty("version");
  }

  static String sha256() {
    return Holder.PROPERTIES.getProperty("sha256");
  }

  static String script() {
    return Holder.SCRIPT;
  }

  private static InputStream open(String name) {
    InputStream in = PlotlyJs.class.getClassLoader().getResourceAsStream(DIR + name);
    if (in == null) {
      throw new IllegalStateException(
          "plotly.js is not on the class path (expected resource "
              + DIR
              + name
              + "); the Maven build bundles it with scripts/bundle-plotly.sh: run mvn package");
    }
    return in;
  }

  private static Properties loadProperties() {
    Properties p = new Properties();
    try (InputStream in = open("plotly.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DIR + "plotly.properties", e);
    }
    for (String key : new String[] {"version", "sha256", "package"}) {
      if (p.getProperty(key) == null) {
        throw new IllegalStateException(DIR + "plotly.properties has no '" + key + "' entry");
      }
    }
    return p;
  }

  private static String loadScript() {
    try (InputStream in = open("plotly.min.js")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DIR + "plotly.min.js", e);
    }
  }
}
