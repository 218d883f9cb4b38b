package org.probationlens.chart;

import java.util.List;

/**
 * The colours, marker symbols, line dashes and bar patterns of every chart, so that no series is
 * told from another by colour alone.
 *
 * <p>The colours are the Government Analysis Function's accessible categorical palette, from its
 * guidance "Data visualisation: colours in charts"
 * (https://analysisfunction.civilservice.gov.uk/policy-store/data-visualisation-colours-in-charts/),
 * hex values as the Scottish Government's sgplot package lists that guidance's palettes
 * (https://mirror.metanet.ch/cran/web/packages/sgplot/vignettes/colours.html): the six-colour
 * "main6" palette dark blue #12436D, turquoise #28A197, dark pink #801650, orange #F46A25, dark
 * grey #3D3D3D, light purple #A285D1, used in that order; and for exactly two series dark blue and
 * orange ("main2"), the pair with the best contrast between them. The same guidance asks that
 * colour never be the only way to tell series apart: each series also gets its own marker symbol,
 * line dash or bar pattern, in the orders below.
 */
public final class Palette {

  /** The Analysis Function's six categorical colours, in the order they are to be used. */
  public static final List<String> CATEGORICAL =
      List.of("#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1");

  /** The Analysis Function's pair for two series: dark blue and orange. */
  public static final List<String> TWO = List.of("#12436D", "#F46A25");

  /** Plotly marker symbols, one per series, in order: distinct shapes at a glance. */
  public static final List<String> SYMBOLS =
      List.of("circle", "square", "diamond", "triangle-up", "x", "star", "cross", "hexagon");

  /** Plotly line dashes, one per series, in order. */
  public static final List<String> DASHES =
      List.of("solid", "dash", "dot", "dashdot", "longdash", "longdashdot");

  /** Plotly bar fill patterns, one per series, in order ("" is a plain fill). */
  public static final List<String> PATTERNS = List.of("", "/", ".", "x", "-", "+");

  /** The colour of reference lines and labels that are not a series (dark grey). */
  public static final String REFERENCE = "#3D3D3D";

  private Palette() {}

  /**
   * The colours for a chart of some number of series: the pair for two, else the six in order,
   * repeated beyond six (the symbols, dashes and patterns still tell them apart).
   *
   * @param series how many series, at least 0
   * @return one colour per series, not null
   * @throws IllegalArgumentException if {@code series} is negative
   */
  public static List<String> colours(int series) {
    if (series < 0) {
      throw new IllegalArgumentException("series must be at least 0; got " + series);
    }
    if (series == 2) {
      return TWO;
    }
    String[] out = new String[series];
    for (int i = 0; i < series; i++) {
      out[i] = CATEGORICAL.get(i % CATEGORICAL.size());
    }
    return List.of(out);
  }
}
