package org.probationlens.volume;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.probationlens.period.FinancialYear;
import org.probationlens.period.ReportingPeriod;
import org.probationlens.read.DatasetValidationException;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The contract forecast spread over a reporting period: forecasts are annual, by CPA and work type,
 * and a period's forecast is the overlapping years' forecasts spread evenly over their days (each
 * year weighted by {@link ReportingPeriod#shareOf}).
 */
final class PeriodForecast {

  private final Table forecast;

  /**
   * The forecast table, its columns already checked: {@code cpa_code, financial_year, work_type}
   * (string), {@code forecast_count, forecast_weighted} (number).
   *
   * @param forecast the table, not changed
   */
  PeriodForecast(Table forecast) {
    this.forecast = forecast;
  }

  /**
   * The financial years the forecast has rows for.
   *
   * @return the years, in order
   * @throws DatasetValidationException locating a year label that is not a financial year
   */
  TreeSet<FinancialYear> years() {
    TreeSet<FinancialYear> years = new TreeSet<>();
    StringColumn year = forecast.stringColumn("financial_year");
    for (int i = 0; i < forecast.rowCount(); i++) {
      years.add(parseYear(i, year.get(i)));
    }
    return years;
  }

  /**
   * Forecast for the period by CPA and work type: {count, weighted}.
   *
   * @param period the period
   * @return the forecast, in key order
   * @throws DatasetValidationException locating a forecast row with a missing volume, or a year
   *     label that is not a financial year
   * @throws IllegalStateException when the forecast has no rows for a year the period overlaps
   */
  Map<List<String>, double[]> forPeriod(ReportingPeriod period) {
    Map<FinancialYear, Double> shares = new LinkedHashMap<>();
    for (FinancialYear fy : period.financialYears()) {
      shares.put(fy, period.shareOf(fy));
    }
    Map<FinancialYear, Integer> rowsPerYear = new HashMap<>();
    Map<List<String>, double[]> out = new TreeMap<>(ShortfallTables::compareKeys);
    StringColumn cpa = forecast.stringColumn("cpa_code");
    StringColumn year = forecast.stringColumn("financial_year");
    StringColumn type = forecast.stringColumn(VolumeVariance.WORK_TYPE);
    NumericColumn<?> count = forecast.numberColumn(VolumeVariance.FORECAST_COUNT);
    NumericColumn<?> weighted = forecast.numberColumn(VolumeVariance.FORECAST_WEIGHTED);
    // Each label parsed once: a forecast has a few labels over hundreds of rows.
    Map<String, FinancialYear> parsed = new HashMap<>();
    for (int i = 0; i < forecast.rowCount(); i++) {
      String label = year.get(i);
      FinancialYear fy = parsed.get(label);
      if (fy == null) {
        fy = parseYear(i, label);
        parsed.put(label, fy);
      }
      Double share = shares.get(fy);
      if (share == null) {
        continue;
      }
      rowsPerYear.merge(fy, 1, Integer::sum);
      if (count.isMissing(i) || weighted.isMissing(i)) {
        String column =
            count.isMissing(i) ? VolumeVariance.FORECAST_COUNT : VolumeVariance.FORECAST_WEIGHTED;
        throw VolumeInputs.badCell(
            VolumeInputs.FORECAST,
            i,
            column,
            forecast.columnIndex(column) + 1,
            VolumeInputs.MISSING,
            "a number (the "
                + fy
                + " forecast of "
                + cpa.get(i)
                + ", work type "
                + type.get(i)
                + ")");
      }
      double[] v = out.computeIfAbsent(List.of(cpa.get(i), type.get(i)), k -> new double[2]);
      v[0] += count.getDouble(i) * share;
      v[1] += weighted.getDouble(i) * share;
    }
    for (FinancialYear fy : shares.keySet()) {
      if (!rowsPerYear.containsKey(fy)) {
        throw new IllegalStateException(
            "the forecast has no rows for financial year "
                + fy
                + ", which period "
                + period
                + " overlaps; the forecast covers "
                + new TreeSet<>(forecast.stringColumn("financial_year").asList()));
      }
    }
    return out;
  }

  private FinancialYear parseYear(int row, String label) {
    try {
      return FinancialYear.parse(label);
    } catch (IllegalArgumentException e) {
      DatasetValidationException refused =
          VolumeInputs.badCell(
              VolumeInputs.FORECAST,
              row,
              "financial_year",
              forecast.columnIndex("financial_year") + 1,
              label,
              "a financial year (" + e.getMessage() + ")");
      refused.initCause(e);
      throw refused;
    }
  }
}
