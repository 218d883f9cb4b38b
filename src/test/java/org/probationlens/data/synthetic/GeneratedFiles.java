package org.probationlens.data.synthetic;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads generated files back, independently of the generator's own tallies. */
final class GeneratedFiles {
  private GeneratedFiles() {}

  /** The data rows of a CSV file, each split on commas (the contract needs no quoting). */
  static List<String[]> rows(Path csv, String expectedHeader) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      if (!expectedHeader.equals(header)) {
        throw new AssertionError(csv + ": header is " + header + "; expected " + expectedHeader);
      }
      String line;
      while ((line = reader.readLine()) != null) {
        rows.add(line.split(",", -1));
      }
    }
    return rows;
  }

  /**
   * Per CPA, (forecast_weighted - actual_weighted) / forecast_weighted * 100 for 2015-16, summing
   * the decimal strings as whole hundredths so no floating-point error enters the sums.
   */
  static Map<String, Double> shortfallByCpa(Path directory) throws IOException {
    return shortfallByCpa(directory, "2015-04-01", "2016-03-31", "2015-16", 1.0);
  }

  /**
   * Per CPA, the weighted shortfall of CRC starts from {@code first} to {@code last} (ISO dates,
   * inclusive) against the forecast of financial year {@code year} times {@code shareOfYear} (the
   * period's days over the year's, as {@code ReportingPeriod} apportions a forecast). The sums are
   * whole hundredths; only the apportioning is floating point.
   */
  static Map<String, Double> shortfallByCpa(
      Path directory, String first, String last, String year, double shareOfYear)
      throws IOException {
    Map<String, Long> actual = new TreeMap<>();
    for (String[] row : rows(directory.resolve("cases.csv"), CaseGenerator.CASES_HEADER)) {
      String start = row[5];
      if (row[1].equals("CRC") && start.compareTo(first) >= 0 && start.compareTo(last) <= 0) {
        actual.merge(row[2], hundredths(row[12]), Long::sum);
      }
    }
    Map<String, Double> shortfall = new TreeMap<>();
    for (Map.Entry<String, Long> e : forecastByCpa(directory, year).entrySet()) {
      double f = e.getValue() * shareOfYear;
      long a = actual.getOrDefault(e.getKey(), 0L);
      shortfall.put(e.getKey(), (f - a) * 100.0 / f);
    }
    return shortfall;
  }

  /** Per CPA, the sum of {@code forecast_weighted} over work types for one year, in hundredths. */
  static Map<String, Long> forecastByCpa(Path directory, String year) throws IOException {
    Map<String, Long> forecast = new TreeMap<>();
    for (String[] row : rows(directory.resolve("forecast.csv"), CaseGenerator.FORECAST_HEADER)) {
      if (row[1].equals(year)) {
        forecast.merge(row[0], hundredths(row[4]), Long::sum);
      }
    }
    return forecast;
  }

  /** "12.34" to 1234; the contract writes weights with exactly two decimals. */
  static long hundredths(String decimal) {
    int dot = decimal.indexOf('.');
    if (dot < 0 || decimal.length() - dot != 3) {
      throw new AssertionError("not a two-decimal number: " + decimal);
    }
    return Long.parseLong(decimal.substring(0, dot)) * 100
        + Long.parseLong(decimal.substring(dot + 1));
  }
}
