package org.probationlens.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Time against rows for the core engine and DuckDB, from one run of {@link FourEngines}: a table
 * with each tenfold step's growth, and the same as a log-log chart in SVG for the README.
 *
 * <p>The chart is written as SVG text here rather than drawn by the project's Plotly charts:
 * Plotly draws in a browser, and a README needs a static picture that renders where it is read
 * (GitHub, a terminal's viewer) with no script. It is small: four lines, two axes of decades.
 */
public final class ScalingChart {
  private ScalingChart() {}

  /**
   * Draws the chart again from a kept report, without running anything: {@code ScalingChart
   * four-engines.txt scaling.svg} reads the report's "time against rows" table (the CSV loads and
   * the five queries of both engines at each size) and writes the SVG.
   */
  public static void main(String[] args) throws java.io.IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ScalingChart FOUR-ENGINES.txt OUT.svg");
    }
    List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[0]));
    int header = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("| measure | engine |")) {
        header = i;
      }
    }
    if (header < 0) {
      throw new IllegalArgumentException(args[0] + ": no \"time against rows\" table");
    }
    String[] head = lines.get(header).split("\\|");
    List<Integer> sizes = new ArrayList<>();
    for (int c = 3; c < head.length; c++) {
      sizes.add(Integer.parseInt(head[c].trim().replace(",", "")));
    }
    Map<Integer, double[][]> medians = new java.util.LinkedHashMap<>();
    Map<Integer, double[]> loads = new java.util.LinkedHashMap<>();
    for (int rows : sizes) {
      medians.put(rows, new double[4][Suite.NAMES.length]);
      loads.put(rows, new double[2]);
    }
    for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("| "); i++) {
      String[] cells = lines.get(i).split("\\|");
      String measure = cells[1].trim();
      int engine = cells[2].trim().equals("core") ? 0 : 1;
      for (int c = 0; c < sizes.size(); c++) {
        double ms = Double.parseDouble(cells[3 + c].trim().split(" ")[0].replace(",", ""));
        if (measure.equals("load cases.csv")) {
          loads.get(sizes.get(c))[engine] = ms;
        } else if (measure.startsWith("query ")) {
          medians.get(sizes.get(c))[engine][Integer.parseInt(measure.substring(6)) - 1] = ms;
        }
      }
    }
    java.nio.file.Files.writeString(java.nio.file.Path.of(args[1]), svg(medians, loads));
  }

  /**
   * Every figure by size for both engines (CSV load, Parquet load, each query), and how much each
   * grew from one size to the next against how much the rows grew: 1.0 is linear.
   */
  static String table(
      Map<Integer, double[][]> medians,
      Map<Integer, double[]> loads,
      Map<Integer, double[]> parquetLoads) {
    List<Integer> sizes = new ArrayList<>(medians.keySet());
    List<String> names = new ArrayList<>();
    names.add("load cases.csv");
    names.add("load cases.parquet");
    for (int q = 0; q < Suite.NAMES.length; q++) {
      names.add("query " + (q + 1));
    }
    StringBuilder out = new StringBuilder();
    out.append(
        "\ntime against rows, core engine and DuckDB (ms; in brackets, the growth from the size"
            + " before divided by the growth in rows: 1.00 is linear, below 1 better than"
            + " linear)\n\n");
    out.append("| measure | engine");
    for (int rows : sizes) {
      out.append(String.format(Locale.ROOT, " | %,d", rows));
    }
    out.append(" |\n|---|---");
    out.append("|---".repeat(sizes.size()));
    out.append("|\n");
    for (int m = 0; m < names.size(); m++) {
      for (int e = 0; e < 2; e++) {
        out.append("| ").append(names.get(m)).append(" | ").append(e == 0 ? "core" : "DuckDB");
        for (int i = 0; i < sizes.size(); i++) {
          double t = time(medians, loads, parquetLoads, sizes.get(i), m, e);
          out.append(String.format(Locale.ROOT, " | %,.1f", t));
          if (i > 0) {
            double before = time(medians, loads, parquetLoads, sizes.get(i - 1), m, e);
            double growth = (t / before) / (sizes.get(i) / (double) sizes.get(i - 1));
            out.append(String.format(Locale.ROOT, " (%.2f)", growth));
          }
        }
        out.append(" |\n");
      }
    }
    return out.toString();
  }

  /** Measure m (0 CSV load, 1 Parquet load, 2.. queries) of engine e (0 core, 1 DuckDB). */
  private static double time(
      Map<Integer, double[][]> medians,
      Map<Integer, double[]> loads,
      Map<Integer, double[]> parquetLoads,
      int rows,
      int m,
      int e) {
    if (m == 0) {
      return loads.get(rows)[e];
    }
    if (m == 1) {
      return parquetLoads.get(rows)[e];
    }
    return medians.get(rows)[e][m - 2];
  }

  private static final int WIDTH = 860;
  private static final int HEIGHT = 480;
  private static final int LEFT = 80;
  private static final int RIGHT = 300;
  private static final int TOP = 50;
  private static final int BOTTOM = 90;

  /**
   * The chart: for each engine, the CSV load and the geometric mean of the five queries, against
   * rows, both axes logarithmic, with a dotted line of slope 1 (linear growth) through the core's
   * first load for reference.
   */
  static String svg(Map<Integer, double[][]> medians, Map<Integer, double[]> loads) {
    List<Integer> sizes = new ArrayList<>(medians.keySet());
    double[][] series = new double[4][sizes.size()];
    for (int i = 0; i < sizes.size(); i++) {
      double[][] ms = medians.get(sizes.get(i));
      series[0][i] = loads.get(sizes.get(i))[0];
      series[1][i] = loads.get(sizes.get(i))[1];
      series[2][i] = geomean(ms[0]);
      series[3][i] = geomean(ms[1]);
    }
    String[] labels = {
      "core: load cases.csv", "DuckDB: load cases.csv", "core: queries (geometric mean)",
      "DuckDB: queries (geometric mean)"
    };
    // Okabe-Ito blue for the core, vermilion for DuckDB; loads solid, queries dashed
    String[] colours = {"#0072B2", "#D55E00", "#0072B2", "#D55E00"};
    String[] dashes = {"", "", "6 4", "6 4"};
    double xMin = Math.floor(Math.log10(sizes.get(0)));
    double xMax = Math.ceil(Math.log10(sizes.get(sizes.size() - 1)));
    if (xMax == xMin) {
      xMax = xMin + 1;
    }
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (double[] s : series) {
      for (double v : s) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    double yMin = Math.floor(Math.log10(lo));
    double yMax = Math.ceil(Math.log10(hi));
    if (yMax == yMin) {
      yMax = yMin + 1;
    }
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    double fxMin = xMin;
    double fxMax = xMax;
    double fyMin = yMin;
    double fyMax = yMax;
    java.util.function.DoubleUnaryOperator x =
        rows -> LEFT + (Math.log10(rows) - fxMin) / (fxMax - fxMin) * plotW;
    java.util.function.DoubleUnaryOperator y =
        ms -> TOP + (fyMax - Math.log10(ms)) / (fyMax - fyMin) * plotH;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " role=\"img\" aria-labelledby=\"t d\" font-family=\"sans-serif\" font-size=\"13\">%n",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT));
    svg.append("<title id=\"t\">Time against rows, core engine and DuckDB, log-log</title>\n");
    svg.append("<desc id=\"d\">");
    for (int s = 0; s < 4; s++) {
      svg.append(labels[s]).append(':');
      for (int i = 0; i < sizes.size(); i++) {
        svg.append(String.format(Locale.ROOT, " %,d rows %,.0f ms;", sizes.get(i), series[s][i]));
      }
      svg.append(' ');
    }
    svg.append("</desc>\n");
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\">Time against rows"
                + " (both axes logarithmic)</text>%n",
            LEFT));
    // grid and ticks: one per decade
    for (double d = xMin; d <= xMax; d++) {
      double gx = x.applyAsDouble(Math.pow(10, d));
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n"
                  + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
              gx,
              TOP,
              gx,
              TOP + plotH,
              gx,
              TOP + plotH + 18,
              decade((int) d, "")));
    }
    for (double d = yMin; d <= yMax; d++) {
      double gy = y.applyAsDouble(Math.pow(10, d));
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n"
                  + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
              LEFT,
              gy,
              LEFT + plotW,
              gy,
              LEFT - 6,
              gy + 4,
              milliseconds((int) d)));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#333\"/>%n",
            LEFT,
            TOP,
            plotW,
            plotH));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">cases (rows of cases.csv)</text>%n",
            LEFT + plotW / 2,
            TOP + plotH + 40));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text transform=\"translate(18 %.1f) rotate(-90)\" text-anchor=\"middle\">time"
                + "</text>%n",
            TOP + plotH / 2));
    // linear growth for reference, through the core's first load
    double r0 = sizes.get(0);
    double r1 = sizes.get(sizes.size() - 1);
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\""
                + " stroke-dasharray=\"2 3\"/>%n",
            x.applyAsDouble(r0),
            y.applyAsDouble(series[0][0]),
            x.applyAsDouble(r1),
            y.applyAsDouble(series[0][0] * r1 / r0)));
    for (int s = 0; s < 4; s++) {
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < sizes.size(); i++) {
        points.append(
            String.format(
                Locale.ROOT,
                "%.1f,%.1f ",
                x.applyAsDouble(sizes.get(i)),
                y.applyAsDouble(series[s][i])));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
              points.toString().trim(),
              colours[s],
              dashes[s].isEmpty() ? "" : " stroke-dasharray=\"" + dashes[s] + "\""));
      for (int i = 0; i < sizes.size(); i++) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n",
                x.applyAsDouble(sizes.get(i)),
                y.applyAsDouble(series[s][i]),
                colours[s]));
      }
      double ly = TOP + 10 + s * 22;
      double lx = LEFT + plotW + 14;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                  + " stroke-width=\"2\"%s/>%n<text x=\"%.1f\" y=\"%.1f\">%s</text>%n",
              lx,
              ly,
              lx + 24,
              ly,
              colours[s],
              dashes[s].isEmpty() ? "" : " stroke-dasharray=\"" + dashes[s] + "\"",
              lx + 30,
              ly + 4,
              labels[s]));
    }
    double ly = TOP + 10 + 4 * 22;
    double lx = LEFT + plotW + 14;
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\""
                + " stroke-dasharray=\"2 3\"/>%n<text x=\"%.1f\" y=\"%.1f\">linear growth</text>%n",
            lx,
            ly,
            lx + 24,
            ly,
            lx + 30,
            ly + 4));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#444\">Source: ./lens bench on"
                + " SYNTHETIC cases generated by the project (seed 2014), 2 threads each;</text>%n"
                + "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#444\">medians of timed"
                + " runs in one JVM, DuckDB over JDBC in the same process.</text>%n",
            LEFT,
            HEIGHT - 30,
            LEFT,
            HEIGHT - 15));
    svg.append("</svg>\n");
    return svg.toString();
  }

  /** 10^d milliseconds as a reader says it: 1 ms, 10 ms, 100 ms, 1 s, 10 s, 100 s, 1000 s. */
  private static String milliseconds(int d) {
    String[] names = {"1 ms", "10 ms", "100 ms", "1 s", "10 s", "100 s", "1000 s"};
    return d >= 0 && d < names.length ? names[d] : "1e" + d + " ms";
  }

  /** 10^d as words a reader knows: 1, 10, 100, 1k ... 1M, 10M, 100M, 1G. */
  private static String decade(int d, String unit) {
    String[] names = {"1", "10", "100", "1k", "10k", "100k", "1M", "10M", "100M", "1G"};
    if (d >= 0 && d < names.length) {
      return names[d] + unit;
    }
    return "1e" + d + unit;
  }

  private static double geomean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += Math.log(v);
    }
    return Math.exp(s / x.length);
  }
}
