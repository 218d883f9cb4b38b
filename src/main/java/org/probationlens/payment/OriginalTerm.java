package org.probationlens.payment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.probationlens.period.FinancialYear;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.ResultTable;
import org.probationlens.provenance.Sources;
import org.probationlens.volume.VolumeVariance;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The weighted volumes of the CRC contracts over their original term, financial years 2014-15 to
 * 2021-22, as they could have been estimated at a date: actual volumes for what had been observed
 * by then, and a projection for the rest. This is the basis on which the published figures compare:
 * the maximum of GBP 3.7bn is for 2014/15 to 2021-22 (Civil Service World, 4 March 2019; PAC
 * inquiry page), and the contracts' value to contractors of GBP 2.1bn "because volumes fell" was
 * estimated in 2018 (PAC inquiry page), before the contracts were cut short to December 2020.
 *
 * <p>The rule, for each CPA:
 *
 * <ul>
 *   <li>financial years that ended by {@code observedThrough}: the actual volume ({@code basis}
 *       {@value #OBSERVED});
 *   <li>the year that contains {@code observedThrough}, when it does not end then: the actual
 *       volume to that date plus the rest of the year's forecast (by days) at the level below;
 *   <li>later years to 2021-22: the forecast at the level below ({@value #PROJECTED}).
 * </ul>
 *
 * <p>The level is the CPA's actual weighted volume over its forecast in the latest observed
 * financial year (or the observed part of it): ASSUMPTION, volumes stay where they last stood
 * relative to forecast. Years the forecast does not cover (2021-22 in {@code forecast.csv}, which
 * stops at 2020-21) take the last covered year's forecast per day: ASSUMPTION, forecasts flat, as
 * the synthetic forecasts are after the Offender Rehabilitation Act's changes ({@value #EXTENDED}).
 * Every row says which of these it is. The volumes are whatever the inputs are; with the project's
 * sample they are synthetic.
 *
 * @param observedThrough the last start date counted as observed
 * @param volumes one row per CPA and financial year of the term: {@code cpa, financial_year, basis,
 *     forecast_weighted, observed_weighted} (actual volume to {@code observedThrough}, 0 for
 *     projected years), {@code actual_weighted} (observed plus projected); sorted by CPA then year.
 *     It is the input {@link PaymentModel#simulate} takes.
 */
public record OriginalTerm(LocalDate observedThrough, Table volumes, Sources volumeSources)
    implements Result {

  /** The first financial year of the original term, 2014-15 (the CRCs began on 1 June 2014). */
  public static final FinancialYear FIRST_YEAR = FinancialYear.of(2014);

  /** The last financial year of the original term, 2021-22 (facts.md s.0: "to run to 2021-22"). */
  public static final FinancialYear LAST_YEAR = FinancialYear.of(2021);

  /** Column: how the row's actual volume was found. */
  public static final String BASIS = "basis";

  /** Column: the actual weighted volume observed to {@code observedThrough}. */
  public static final String OBSERVED_WEIGHTED = "observed_weighted";

  /** Basis: a whole year of actual volume. */
  public static final String OBSERVED = "observed";

  /** Basis: actual volume to the date, the rest of the year projected. */
  public static final String PART_OBSERVED = "observed in part, rest projected";

  /** Basis: the forecast times the latest observed level. */
  public static final String PROJECTED = "projected";

  /** Basis: projected, on a forecast extended beyond the forecast file. */
  public static final String EXTENDED = "projected on an extended forecast";

  /** Checks that nothing is missing; {@link #project} makes the table. */
  public OriginalTerm {
    Objects.requireNonNull(observedThrough, "observedThrough");
    Objects.requireNonNull(volumes, "volumes");
    Objects.requireNonNull(volumeSources, "volumeSources");
    volumes = volumes.copy();
  }

  /**
   * The term's volumes by CPA and financial year: columns {@code cpa, financial_year, basis,
   * forecast_weighted, observed_weighted, actual_weighted}; a copy the caller may change.
   *
   * @return a new table, not null
   */
  @Override
  public Table volumes() {
    return volumes.copy();
  }

  /** {@return what the result shows} */
  @Override
  public String title() {
    return volumes.name();
  }

  /**
   * The figures as a table: the term summed over CPAs, one row per financial year ({@link
   * #byYear()}).
   *
   * @return a new table, not null
   */
  @Override
  public Table table() {
    return byYear();
  }

  /** {@return how much of the term's forecast volume came in} */
  @Override
  public List<String> notes() {
    return List.of(
        String.format(
            Locale.ROOT,
            "Actual weighted volume over the term: %.1f%% of forecast (observed to %s, projected"
                + " after).",
            actualPercentOfForecast(),
            observedThrough));
  }

  /**
   * The cases and forecast behind the volumes, and the assumptions of the projection (the date
   * observed to, the level held after it, the forecast beyond the forecast file).
   *
   * @return the sources, not null
   */
  @Override
  public Sources sources() {
    List<String> said = new java.util.ArrayList<>();
    Table a = assumptionRows();
    for (int i = 0; i < a.rowCount(); i++) {
      if (!a.stringColumn("status").get(i).equals("PUBLISHED")) {
        said.add(
            a.stringColumn("input").get(i)
                + ": "
                + a.stringColumn("value").get(i)
                + " ("
                + a.stringColumn("status").get(i)
                + ")");
      }
    }
    return volumeSources.withAssumptions(said);
  }

  /**
   * Projects the term from the volumes and forecasts of a {@link VolumeVariance}.
   *
   * @param variance the cases and forecasts, not null
   * @param observedThrough the last start date counted as observed: from the end of the term's
   *     first year to the day before the term's last year ends, and within the forecast's years. It
   *     is the caller's statement of what was known when the estimate was made; the cases must run
   *     at least to it (this method cannot see where they stop).
   * @return the term's volumes, not null
   * @throws IllegalArgumentException when the date is outside that range, or a CPA's forecast for
   *     the latest observed period is 0 (no level can be taken from it)
   */
  public static OriginalTerm project(VolumeVariance variance, LocalDate observedThrough) {
    Objects.requireNonNull(variance, "variance");
    Objects.requireNonNull(observedThrough, "observedThrough");
    Table full = variance.annualVolumes().table();
    TreeMap<FinancialYear, Boolean> forecastYears = new TreeMap<>();
    for (String y : full.stringColumn(PaymentModel.FINANCIAL_YEAR)) {
      forecastYears.put(FinancialYear.parse(y), true);
    }
    FinancialYear lastForecast = forecastYears.lastKey();
    if (observedThrough.isBefore(FIRST_YEAR.end())
        || !observedThrough.isBefore(LAST_YEAR.end())
        || observedThrough.isAfter(lastForecast.end())
        || !forecastYears.firstKey().equals(FIRST_YEAR)) {
      throw new IllegalArgumentException(
          "observedThrough "
              + observedThrough
              + " must be from "
              + FIRST_YEAR.end()
              + " (the end of the term's first year) to "
              + LAST_YEAR.end().minusDays(1)
              + ", within the forecast's years "
              + forecastYears.firstKey()
              + " to "
              + lastForecast
              + " (which must start at "
              + FIRST_YEAR
              + ")");
    }
    Table cut = variance.annualVolumes(observedThrough).table();
    Map<String, Map<FinancialYear, double[]>> forecastAll = byCpaAndYear(full);
    Map<String, Map<FinancialYear, double[]>> observed = byCpaAndYear(cut);
    FinancialYear latest = FinancialYear.containing(observedThrough);
    boolean latestWhole = observedThrough.equals(latest.end());

    StringColumn cpa = StringColumn.create(PaymentModel.CPA);
    StringColumn year = StringColumn.create(PaymentModel.FINANCIAL_YEAR);
    StringColumn basis = StringColumn.create(BASIS);
    DoubleColumn forecast = DoubleColumn.create(PaymentModel.FORECAST_WEIGHTED);
    DoubleColumn seen = DoubleColumn.create(OBSERVED_WEIGHTED);
    DoubleColumn actual = DoubleColumn.create(PaymentModel.ACTUAL_WEIGHTED);
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Map<FinancialYear, double[]>> e : forecastAll.entrySet()) {
      String code = e.getKey();
      double[] last = observed.getOrDefault(code, Map.of()).get(latest);
      if (last == null || !(last[0] > 0)) {
        problems.add(code + " has no forecast in " + latest + " to " + observedThrough);
        continue;
      }
      double level = last[1] / last[0];
      double perDayLastForecast = e.getValue().get(lastForecast)[0] / lastForecast.lengthInDays();
      for (FinancialYear fy = FIRST_YEAR; !fy.start().isAfter(LAST_YEAR.start()); fy = fy.next()) {
        double[] f = e.getValue().get(fy);
        double yearForecast = f != null ? f[0] : perDayLastForecast * fy.lengthInDays();
        double observedPart;
        double projectedPart;
        String how;
        if (fy.compareTo(latest) < 0 || (fy.equals(latest) && latestWhole)) {
          observedPart = observed.get(code).get(fy)[1];
          projectedPart = 0;
          how = OBSERVED;
        } else if (fy.equals(latest)) {
          observedPart = last[1];
          projectedPart = level * (yearForecast - last[0]);
          how = PART_OBSERVED;
        } else {
          observedPart = 0;
          projectedPart = level * yearForecast;
          how = f != null ? PROJECTED : EXTENDED;
        }
        cpa.append(code);
        year.append(fy.toString());
        basis.append(how);
        forecast.append(yearForecast);
        seen.append(observedPart);
        actual.append(observedPart + projectedPart);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "no level to project from: " + String.join("; ", problems));
    }
    Table t =
        Table.create(
                "CRC weighted volumes over the original term "
                    + FIRST_YEAR
                    + " to "
                    + LAST_YEAR
                    + ", observed to "
                    + observedThrough
                    + ", projected after")
            .addColumns(cpa, year, basis, forecast, seen, actual);
    return new OriginalTerm(observedThrough, t, variance.sources());
  }

  /** {cpa -> {year -> {forecast_weighted, actual_weighted}}} from an annual volumes table. */
  private static Map<String, Map<FinancialYear, double[]>> byCpaAndYear(Table annual) {
    Map<String, Map<FinancialYear, double[]>> out = new TreeMap<>();
    StringColumn cpa = annual.stringColumn(PaymentModel.CPA);
    StringColumn year = annual.stringColumn(PaymentModel.FINANCIAL_YEAR);
    NumericColumn<?> f = annual.numberColumn(VolumeVariance.FORECAST_WEIGHTED);
    NumericColumn<?> a = annual.numberColumn(VolumeVariance.ACTUAL_WEIGHTED);
    for (int i = 0; i < annual.rowCount(); i++) {
      out.computeIfAbsent(cpa.get(i), k -> new TreeMap<>())
          .put(FinancialYear.parse(year.get(i)), new double[] {f.getDouble(i), a.getDouble(i)});
    }
    return out;
  }

  /**
   * The term summed over CPAs, one row per financial year: {@code financial_year, basis} (the basis
   * of the year's rows; every CPA shares it), {@code forecast_weighted, observed_weighted,
   * actual_weighted, actual_pct_of_forecast}.
   *
   * @return the table, not null
   */
  public Table byYear() {
    Map<String, double[]> sums = new LinkedHashMap<>();
    Map<String, String> how = new LinkedHashMap<>();
    for (int i = 0; i < volumes.rowCount(); i++) {
      String y = volumes.stringColumn(PaymentModel.FINANCIAL_YEAR).get(i);
      double[] s = sums.computeIfAbsent(y, k -> new double[3]);
      s[0] += volumes.doubleColumn(PaymentModel.FORECAST_WEIGHTED).getDouble(i);
      s[1] += volumes.doubleColumn(OBSERVED_WEIGHTED).getDouble(i);
      s[2] += volumes.doubleColumn(PaymentModel.ACTUAL_WEIGHTED).getDouble(i);
      how.put(y, volumes.stringColumn(BASIS).get(i));
    }
    StringColumn year = StringColumn.create(PaymentModel.FINANCIAL_YEAR);
    StringColumn basis = StringColumn.create(BASIS);
    DoubleColumn f = DoubleColumn.create(PaymentModel.FORECAST_WEIGHTED);
    DoubleColumn o = DoubleColumn.create(OBSERVED_WEIGHTED);
    DoubleColumn a = DoubleColumn.create(PaymentModel.ACTUAL_WEIGHTED);
    DoubleColumn pct = DoubleColumn.create("actual_pct_of_forecast");
    new TreeMap<>(sums)
        .forEach(
            (y, s) -> {
              year.append(y);
              basis.append(how.get(y));
              f.append(s[0]);
              o.append(s[1]);
              a.append(s[2]);
              pct.append(s[2] / s[0] * 100);
            });
    return Table.create("original term by financial year, all CPAs")
        .addColumns(year, basis, f, o, a, pct);
  }

  /**
   * Actual weighted volume over the whole term as a percentage of the forecast.
   *
   * @return the percentage
   */
  public double actualPercentOfForecast() {
    return volumes.doubleColumn(PaymentModel.ACTUAL_WEIGHTED).sum()
        / volumes.doubleColumn(PaymentModel.FORECAST_WEIGHTED).sum()
        * 100;
  }

  /**
   * What the term's volumes rest on: one row per input, its value, and whether it is published or
   * an assumption.
   *
   * @return columns {@code input, value, status, basis}; not null
   */
  public ResultTable assumptions() {
    return ResultTable.of("What the original-term volumes rest on", assumptionRows(), sources());
  }

  private Table assumptionRows() {
    String[][] rows = {
      {
        "term",
        FIRST_YEAR + " to " + LAST_YEAR,
        "PUBLISHED",
        "the maximum of GBP 3.7bn is for 2014/15 to 2021-22 (CSW 4 Mar 2019; PAC inquiry page);"
            + " the let contracts were to run to 2021-22 (HC 1004; PAC HC 1747). Valued as whole"
            + " financial years from the forecast's start (1 June 2014); ending in December 2020"
            + " was '14 months early' (NAO, 1 Mar 2019), so about March 2022 is valued that the"
            + " contracts would not have run"
      },
      {
        "observed through",
        observedThrough.toString(),
        "CHOICE",
        "what counts as known when the value was estimated; actual volumes to this date"
      },
      {
        "after it",
        "each CPA's forecast x its actual/forecast in " + latestLabel(),
        "ASSUMPTION",
        "volumes stay at the latest observed level relative to forecast to the end of the term"
      },
      {
        "forecast beyond the forecast file",
        "the last forecast year's, per day",
        "ASSUMPTION",
        "forecasts flat after the Offender Rehabilitation Act's changes, as at letting"
      },
    };
    return AssumptionTable.of("what the original-term volumes rest on", rows);
  }

  private String latestLabel() {
    FinancialYear latest = FinancialYear.containing(observedThrough);
    return observedThrough.equals(latest.end())
        ? latest.toString()
        : latest.start() + " to " + observedThrough;
  }

  @Override
  public String toString() {
    return String.format(
            Locale.ROOT,
            "%s: actual %.1f%% of forecast over the term",
            volumes.name(),
            actualPercentOfForecast())
        + "\n"
        + byYear().print();
  }
}
