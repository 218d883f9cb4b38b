package org.probationlens.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The plotly.js library bundled in the jar at build time (npm package plotly.js-dist-min, fetched
 * and checked by scripts/bundle-plotly.sh), read once from the class path. Public so that the
 * kernel can install the same file where Jupyter serves it, instead of sending it in every
 * notebook.
 */
public final class PlotlyJs {

  static final String DIR = "org/probationlens/render/plotly/";

  private PlotlyJs() {}

  // two holders: the version is read for every chart's loader, the 4.8 MB script only when needed
  private static final class Holder {
    static final Properties PROPERTIES = loadProperties();
  }

  private static final class ScriptHolder {
    static final String SCRIPT = loadScript();
  }

  /**
   * The version of the bundled plotly.js.
   *
   * @return the version, such as "4.1.2", not null
   * @throws IllegalStateException if the jar was built without the bundled library
   */
  public static String version() {
    return Holder.PROPERTIES.getProperty("version");
  }

  /**
   * The SHA-256 of the bundled plotly.min.js, pinned in the build.
   *
   * @return 64 lower-case hex digits, not null
   * @throws IllegalStateException if the jar was built without the bundled library
   */
  public static String sha256() {
    return Holder.PROPERTIES.getProperty("sha256");
  }

  /**
   * The bundled plotly.min.js itself (about 4.8 MB), read once.
   *
   * @return the script, not null
   * @throws IllegalStateException if the jar was built without the bundled library
   */
  public static String script() {
    return ScriptHolder.SCRIPT;
  }

  /**
   * plotly.js's MIT licence, as its npm package ships it, to go beside any copy of the script.
   *
   * @return the licence text, not null
   * @throws IllegalStateException if the jar was built without the bundled library
   */
  public static String licence() {
    try (InputStream in = open("plotly.LICENSE.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DIR + "plotly.LICENSE.txt", e);
    }
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
