package org.probationlens.engine.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints the benchmark's results and ratios from JMH JSON result files.
 *
 * <p>Usage: {@code BenchReport RESULT.json [RESULT.json...]}
 */
public final class BenchReport {
  private BenchReport() {}

  /** Entry point. */
  public static void main(String[] args) throws IOException {
    Map<String, double[]> scores = new TreeMap<>();
    for (String arg : args) {
      Path file = Path.of(arg);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      JsonArray runs = JsonParser.parseString(Files.readString(file)).getAsJsonArray();
      for (JsonElement element : runs) {
        JsonObject run = element.getAsJsonObject();
        String name = run.get("benchmark").getAsString();
        name = name.substring(name.lastIndexOf(".", name.lastIndexOf(".") - 1) + 1);
        String rows = run.getAsJsonObject("params").get("rows").getAsString();
        JsonObject metric = run.getAsJsonObject("primaryMetric");
        double error =
            metric.get("scoreError").isJsonNull()
                ? Double.NaN
                : metric.get("scoreError").getAsDouble();
        scores.put(rows + " " + name, new double[] {metric.get("score").getAsDouble(), error});
        System.out.printf(
            "%-32s rows=%-9s %12.1f ms  (+/- %.1f, %s)%n",
            name,
            rows,
            metric.get("score").getAsDouble(),
            error,
            metric.get("scoreUnit").getAsString());
      }
    }
    java.util.Set<String> sizes =
        new java.util.TreeSet<>(java.util.Comparator.comparingLong(Long::parseLong));
    for (String key : scores.keySet()) {
      sizes.add(key.substring(0, key.indexOf(' ')));
    }
    for (String rows : sizes) {
      double[] engine = scores.get(rows + " EngineBenchmark.pipeline");
      double[] duck = scores.get(rows + " DuckDbBenchmark.pipeline");
      double[] tablesaw = scores.get(rows + " TablesawBenchmark.pipeline");
      if (engine != null && duck != null) {
        System.out.printf(
            "pipeline %,d rows: engine is %.1fx faster than DuckDB (goal at 10M: 5x)%n",
            Integer.parseInt(rows), duck[0] / engine[0]);
      }
      if (engine != null && tablesaw != null) {
        System.out.printf(
            "pipeline %,d rows: engine is %.1fx faster than idiomatic Tablesaw (goal at 10M:"
                + " 50x)%n",
            Integer.parseInt(rows), tablesaw[0] / engine[0]);
      }
      double[] loadEngine = scores.get(rows + " LoadBenchmark.engine");
      double[] loadDuck = scores.get(rows + " LoadBenchmark.duckdb");
      if (loadEngine != null && loadDuck != null) {
        System.out.printf(
            "load %,d rows: engine reader %.0f ms vs DuckDB read_csv %.0f ms: ratio %.2f"
                + " (goal: <= 1)%n",
            Integer.parseInt(rows), loadEngine[0], loadDuck[0], loadEngine[0] / loadDuck[0]);
      }
    }
  }
}
