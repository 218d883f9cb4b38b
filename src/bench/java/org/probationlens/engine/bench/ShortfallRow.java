package org.probationlens.engine.bench;

/**
 * One row of the benchmark pipeline's answer: for a CRC contract package area, work type and
 * quarter, the starts, weighted volume, median and 90th percentile planned length in days, and the
 * shortfall against a quarter of the financial year's forecast (synthetic data).
 */
record ShortfallRow(
    String cpa,
    String workType,
    String quarter,
    long starts,
    double weighted,
    double medianDays,
    double p90Days,
    double forecastQuarter,
    double shortfallPct,
    double weightedShortfallPct) {

  String key() {
    return cpa + " " + workType + " " + quarter;
  }
}
