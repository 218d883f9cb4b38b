package org.probationlens.volume;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.probationlens.area.Geography;
import org.probationlens.area.Level;
import org.probationlens.area.RollUp;
import org.probationlens.engine.ColumnTable;
import org.probationlens.period.FinancialYear;
import org.probationlens.period.ReportingPeriod;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.ResultTable;
import org.probationlens.provenance.Sources;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import org.probationlens.stats.CellKeyMethod;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * CRC work volumes against the volumes the contracts were let on: how far actual starts (raw, a
 * count) and weighted volume (the sum of each case's {@code weight}) fell short of forecast, by any
 * reporting unit, work type and period. This is the measure behind the published finding that CRC
 * volumes were "6% to 36% lower than MoJ predicted" in 2015-16 (PAC HC 484, 2016-17).
 *
 * <p>Definitions, used in every result:
 *
 * <ul>
 *   <li>shortfall % = (forecast - actual) / forecast * 100; positive means less work than forecast.
 *       It is missing (NaN) where the forecast is 0.
 *   <li>Only CRC cases ({@code provider_type = CRC}) count against a CRC contract's forecast: NPS
 *       cases are not paid under CRC contracts, so they are left out of every figure here (they are
 *       not an error; they are simply another service's work).
 *   <li>A case counts in the period that contains its {@code start_date}.
 *   <li>Forecasts are annual, by CPA and work type; a period's forecast is the overlapping years'
 *       forecasts spread evenly over their days (see {@link ReportingPeriod}).
 * </ul>
 *
 * <p>Reporting units: the forecast exists per CPA, so CPA, owner and England and Wales figures are
 * exact sums (made with {@link Geography#rollUp}). PCC areas and NPS divisions cut CPAs, so their
 * forecast must be apportioned, and only when the caller says how ({@link
 * #apportioningForecastBy(ReportingPeriod)}).
 *
 * <p>Inputs are the shared case-level and forecast contracts: {@code cases} needs {@code
 * provider_type, provider_code, pcc_area, work_type} (string), {@code start_date} (date) and {@code
 * weight} (number); {@code forecast} needs {@code cpa_code, financial_year, work_type} (string) and
 * {@code forecast_count, forecast_weighted} (number). Immutable: the {@code with...} methods return
 * copies. The input tables are never changed.
 *
 * <p>The per-case work, counting CRC starts and summing their weights by unit and work type, runs
 * on the aggregation engine ({@link org.probationlens.engine.Aggregate}). The case columns named
 * above are copied into the engine's arrays once, on first use, and the copies made by the {@code
 * with...} methods share that copy; so changes made to the cases table after that are not seen.
 * Missing values: a CRC case counted in a period must have a start date, a weight, a work type and
 * a code for the unit reported (its CPA, or its PCC area for PCC-area and NPS-division figures),
 * and an analysis that counts one without fails with a {@link DatasetValidationException} whose
 * {@link Problem} locates it (table {@code cases}, its row from 1 and its column); a CRC case
 * without a start date fails every period. Gaps in other cases, or in columns not named above, are
 * no error. Tables without the columns above, or with one of the wrong type, are refused in the
 * same way, every such problem listed.
 */
public final class VolumeVariance {

  /** Column: forecast number of starts in the period. */
  public static final String FORECAST_COUNT = "forecast_count";

  /** Column: actual number of CRC starts in the period. */
  public static final String ACTUAL_COUNT = "actual_count";

  /** Column: (forecast_count - actual_count) / forecast_count * 100. */
  public static final String COUNT_SHORTFALL_PCT = "count_shortfall_pct";

  /** Column: forecast weighted volume in the period. */
  public static final String FORECAST_WEIGHTED = "forecast_weighted";

  /** Column: actual weighted volume (sum of {@code weight}) of CRC starts in the period. */
  public static final String ACTUAL_WEIGHTED = "actual_weighted";

  /** Column: (forecast_weighted - actual_weighted) / forecast_weighted * 100. */
  public static final String WEIGHTED_SHORTFALL_PCT = "weighted_shortfall_pct";

  /** Column: 1 for the largest weighted shortfall, ties broken by code. */
  public static final String RANK = "rank";

  /** Column: the work type (CO, SSO, LIC, PSS, PRE). */
  public static final String WORK_TYPE = "work_type";

  /**
   * The actual volumes: {@link EngineStarts} when cases in memory are counted here, or counted
   * elsewhere (for example by Spark).
   */
  private final CrcStarts starts;

  private final PeriodForecast forecast;
  private final Geography geography;
  private final ReportingPeriod apportionBaseline;
  private final LocalDate ownersAsOf;
  private final Sources sources;

  /**
   * The disclosure control the caller chose, or null for the default (see {@link #protection()}).
   */
  private final CellKeyMethod chosenProtection;

  /**
   * Whether the caller turned disclosure control off for the counts of official-sensitive cases.
   */
  private final boolean protectionTurnedOff;

  /** Said in the sources when the analyst turns disclosure control off. */
  static final String TURNED_OFF =
      "disclosure control of the counts of people turned off by the analyst"
          + " (VolumeVariance.withoutDisclosureControl())";

  /** Said of figures made from tables passed without their provenance. */
  static final String UNSTATED =
      "cases and forecast passed as bare tables, so their provenance was not stated (load them"
          + " with CaseRecords.load and ForecastVolumes.load to carry it)";

  private VolumeVariance(
      CrcStarts starts,
      PeriodForecast forecast,
      Geography geography,
      ReportingPeriod apportionBaseline,
      LocalDate ownersAsOf,
      Sources sources) {
    this(starts, forecast, geography, apportionBaseline, ownersAsOf, sources, null, false);
  }

  private VolumeVariance(
      CrcStarts starts,
      PeriodForecast forecast,
      Geography geography,
      ReportingPeriod apportionBaseline,
      LocalDate ownersAsOf,
      Sources sources,
      CellKeyMethod chosenProtection,
      boolean protectionTurnedOff) {
    this.chosenProtection = chosenProtection;
    this.protectionTurnedOff = protectionTurnedOff;
    this.sources = sources;
    this.starts = starts;
    this.forecast = forecast;
    this.geography = geography;
    this.apportionBaseline = apportionBaseline;
    this.ownersAsOf = ownersAsOf;
  }

  /**
   * Volumes against forecast over the standard geography.
   *
   * @param cases case-level starts (the shared {@code cases.csv} contract), not null
   * @param forecast contract forecasts (the shared {@code forecast.csv} contract), not null
   * @return the analysis, not null
   * @throws DatasetValidationException listing every missing column or column of the wrong type,
   *     each a {@link Problem} of table {@code cases} or {@code forecast}
   */
  public static VolumeVariance of(Table cases, Table forecast) {
    Objects.requireNonNull(cases, "cases");
    Objects.requireNonNull(forecast, "forecast");
    List<Problem> problems = new ArrayList<>();
    for (String c : List.of("provider_type", "provider_code", "pcc_area", WORK_TYPE)) {
      VolumeInputs.requireType(cases, VolumeInputs.CASES, c, ColumnType.STRING, problems);
    }
    VolumeInputs.requireType(
        cases, VolumeInputs.CASES, "start_date", ColumnType.LOCAL_DATE, problems);
    VolumeInputs.requireNumeric(cases, VolumeInputs.CASES, "weight", problems);
    VolumeInputs.requireForecastColumns(forecast, problems);
    VolumeInputs.refuseIfAny(problems);
    return new VolumeVariance(
        new EngineStarts(cases),
        new PeriodForecast(forecast),
        Geography.standard(),
        null,
        null,
        Sources.assumed(UNSTATED));
  }

  /**
   * Volumes against forecast over the standard geography, every result carrying the provenance of
   * both datasets (synthetic when either is).
   *
   * @param cases case-level starts as loaded by {@link org.probationlens.data.CaseRecords}, not
   *     null
   * @param forecast contract forecasts as loaded by {@link org.probationlens.data.ForecastVolumes},
   *     not null
   * @return the analysis, not null
   * @throws DatasetValidationException listing every missing column or column of the wrong type,
   *     each a {@link Problem} of table {@code cases} or {@code forecast}
   */
  public static VolumeVariance of(LoadedDataset cases, LoadedDataset forecast) {
    Objects.requireNonNull(cases, "cases");
    Objects.requireNonNull(forecast, "forecast");
    return of(cases.table(), forecast.table()).withSources(Sources.of(cases, forecast));
  }

  /**
   * Volumes against forecast over cases held by the aggregation engine (see {@link #of(ColumnTable,
   * Table)}), every result carrying the provenance of both files.
   *
   * @param cases the cases, not null
   * @param casesProvenance where they came from (for a generated run, {@code
   *     GenerationResult.casesProvenance()}), not null
   * @param forecast contract forecasts as loaded by {@link org.probationlens.data.ForecastVolumes},
   *     not null
   * @return the analysis, not null
   */
  public static VolumeVariance of(
      ColumnTable cases, Provenance casesProvenance, LoadedDataset forecast) {
    Objects.requireNonNull(casesProvenance, "casesProvenance");
    Objects.requireNonNull(forecast, "forecast");
    return of(cases, forecast.table())
        .withSources(Sources.of(casesProvenance, forecast.provenance()));
  }

  private VolumeVariance withSources(Sources s) {
    return new VolumeVariance(
        starts,
        forecast,
        geography,
        apportionBaseline,
        ownersAsOf,
        s,
        chosenProtection,
        protectionTurnedOff);
  }

  /**
   * The disclosure control applied to the counts of people this analysis makes: the {@linkplain
   * CellKeyMethod#standard() standard cell key method} when the cases are official-sensitive (real,
   * unpublished records), the method chosen with {@link #withDisclosureControl(CellKeyMethod)}
   * otherwise, none for synthetic cases by default or after {@link #withoutDisclosureControl()}.
   *
   * <p>The counts are perturbed where they are made, each (unit, work type) count of CRC starts
   * with the sum of its cases' record keys; the weighted volume of the same cases is scaled by the
   * same ratio (so a cell's mean weight is kept and its weighted volume gives the count no more
   * away than the count itself), and every shortfall %, rank, roll-up (owner, England and Wales,
   * NPS division) and apportionment is computed from the perturbed figures. A table of these
   * results, its roll-ups and filtered copies therefore hold only protected figures; the results'
   * {@link Sources#protection()} says so, and {@code render} draws them as they are with the method
   * in the note beneath.
   *
   * @return the method, or empty when the counts are the true ones
   */
  public Optional<CellKeyMethod> protection() {
    if (chosenProtection != null) {
      return Optional.of(chosenProtection);
    }
    if (protectionTurnedOff || !sources.needsProtection()) {
      return Optional.empty();
    }
    return Optional.of(CellKeyMethod.standard());
  }

  /**
   * The same analysis with its counts of people protected by the given cell key method, whatever
   * the cases are: to show on synthetic cases what a table of real ones will look like, or to use
   * other parameters for real ones. The cases need a {@code case_id} column for the record keys.
   *
   * @param method the method, not null
   * @return a copy, not null
   */
  public VolumeVariance withDisclosureControl(CellKeyMethod method) {
    return new VolumeVariance(
        starts,
        forecast,
        geography,
        apportionBaseline,
        ownersAsOf,
        sources,
        Objects.requireNonNull(method, "method"),
        false);
  }

  /**
   * The same analysis with the true counts, for an analyst's own checks on official-sensitive
   * cases. The results' sources record that disclosure control was turned off, and {@code render}
   * still protects them when drawn unless the output is also passed through {@code Disclosure.off}:
   * two explicit acts before a true count of real cases reaches a screen.
   *
   * @return a copy, not null
   */
  public VolumeVariance withoutDisclosureControl() {
    return new VolumeVariance(
        starts, forecast, geography, apportionBaseline, ownersAsOf, sources, null, true);
  }

  /**
   * Where the cases and forecast came from: every result of this analysis carries these sources,
   * with its own assumptions (such as an apportionment) added, and the disclosure control applied
   * to its counts ({@link #protection()}) or the analyst's choice to turn it off.
   *
   * @return the sources, not null
   */
  public Sources sources() {
    Optional<CellKeyMethod> method = protection();
    if (method.isPresent()) {
      return sources.protectedBy(
          method.get().describe()
              + "; weighted volumes, shortfalls and roll-ups computed from the perturbed counts");
    }
    if (protectionTurnedOff && sources.needsProtection()) {
      return sources.withAssumptions(List.of(TURNED_OFF));
    }
    return sources;
  }

  /**
   * Volumes against forecast over cases already held by the aggregation engine, for example read by
   * {@link org.probationlens.engine.CaseCsv#read} (the fast validating reader of {@code
   * cases.csv}): ten million cases load in a few seconds and each query then takes a fraction of a
   * second, with no copy from a Tablesaw table. Every answer is the same as {@link #of(Table,
   * Table)} gives for the same cases.
   *
   * @param cases case-level starts with category columns {@code provider_type, provider_code,
   *     pcc_area, work_type}, a date column {@code start_date} and a numeric column {@code weight},
   *     none with a missing value (the engine holds complete columns only); not null
   * @param forecast contract forecasts (the shared {@code forecast.csv} contract), not null
   * @return the analysis, not null
   * @throws DatasetValidationException listing every missing column or column of the wrong type,
   *     each a {@link Problem} of table {@code cases} or {@code forecast}
   */
  public static VolumeVariance of(ColumnTable cases, Table forecast) {
    Objects.requireNonNull(cases, "cases");
    Objects.requireNonNull(forecast, "forecast");
    List<Problem> problems = new ArrayList<>();
    EngineStarts.check(cases, problems);
    VolumeInputs.requireForecastColumns(forecast, problems);
    VolumeInputs.refuseIfAny(problems);
    return new VolumeVariance(
        new EngineStarts(cases),
        new PeriodForecast(forecast),
        Geography.standard(),
        null,
        null,
        Sources.assumed(UNSTATED));
  }

  /**
   * Volumes against forecast from actual volumes counted elsewhere, for example by Spark over cases
   * that do not fit one machine ({@code org.probationlens.spark.SparkVolumes} in the {@code spark/}
   * module): the forecast, apportionment, owners, roll-ups, shortfall %, ranks and mix effect are
   * this class's own, so every answer is the one {@link #of(Table, Table)} gives when {@code
   * starts} counts the same cases.
   *
   * @param starts answers each {@link CrcStarts.Query} the analysis asks, not null
   * @param forecast contract forecasts (the shared {@code forecast.csv} contract), not null
   * @return the analysis, not null
   * @throws DatasetValidationException listing every missing forecast column or column of the wrong
   *     type, each a {@link Problem} of table {@code forecast}
   */
  public static VolumeVariance of(CrcStarts starts, Table forecast) {
    Objects.requireNonNull(starts, "starts");
    Objects.requireNonNull(forecast, "forecast");
    List<Problem> problems = new ArrayList<>();
    VolumeInputs.requireForecastColumns(forecast, problems);
    VolumeInputs.refuseIfAny(problems);
    return new VolumeVariance(
        starts,
        new PeriodForecast(forecast),
        Geography.standard(),
        null,
        null,
        Sources.assumed(UNSTATED));
  }

  /**
   * Volumes against forecast from actual volumes counted elsewhere (see {@link #of(CrcStarts,
   * Table)}), every result carrying the sources of the cases that were counted and of the forecast.
   *
   * @param starts answers each {@link CrcStarts.Query} the analysis asks, not null
   * @param startsSources where the counted cases came from, not null
   * @param forecast contract forecasts as loaded by {@link org.probationlens.data.ForecastVolumes},
   *     not null
   * @return the analysis, not null
   */
  public static VolumeVariance of(CrcStarts starts, Sources startsSources, LoadedDataset forecast) {
    Objects.requireNonNull(startsSources, "startsSources");
    Objects.requireNonNull(forecast, "forecast");
    return of(starts, forecast.table())
        .withSources(startsSources.and(Sources.of(forecast.provenance())));
  }

  /**
   * The same analysis over another geography, for example one that {@linkplain
   * Geography#assumingNpsDivision assumes} Northamptonshire's NPS division.
   *
   * @param geography the geography, not null
   * @return a copy, not null
   */
  public VolumeVariance withGeography(Geography geography) {
    return new VolumeVariance(
        starts,
        forecast,
        Objects.requireNonNull(geography, "geography"),
        apportionBaseline,
        ownersAsOf,
        sources,
        chosenProtection,
        protectionTurnedOff);
  }

  /**
   * Allows PCC-area and NPS-division figures by apportioning each CPA's forecast to its PCC areas
   * in proportion to each area's share of the CPA's actual CRC volume in a baseline period
   * (weighted share for the weighted forecast, count share for the count forecast). This is an
   * assumption of the analysis, not a published split: no forecast below CPA level was published.
   * Choose a baseline before the period analysed, or every area gets its CPA's shortfall exactly.
   *
   * @param baseline the period whose actual shares apportion the forecast, not null
   * @return a copy, not null
   */
  public VolumeVariance apportioningForecastBy(ReportingPeriod baseline) {
    return new VolumeVariance(
        starts,
        forecast,
        geography,
        Objects.requireNonNull(baseline, "baseline"),
        ownersAsOf,
        sources,
        chosenProtection,
        protectionTurnedOff);
  }

  /**
   * Fixes the date at which CPAs are assigned to owners (owners changed in February 2019). Without
   * it, owner figures use the last day of the period analysed.
   *
   * @param asOf the date, not null
   * @return a copy, not null
   */
  public VolumeVariance withOwnersAsOf(LocalDate asOf) {
    return new VolumeVariance(
        starts,
        forecast,
        geography,
        apportionBaseline,
        Objects.requireNonNull(asOf, "asOf"),
        sources,
        chosenProtection,
        protectionTurnedOff);
  }

  /**
   * The shortfall of each unit at a level, all work types together, ranked.
   *
   * @param level the reporting unit, not null
   * @param period the start dates counted, not null
   * @return one row per unit: key ({@code level.columnName()}), {@link #FORECAST_COUNT}, {@link
   *     #ACTUAL_COUNT}, {@link #COUNT_SHORTFALL_PCT}, {@link #FORECAST_WEIGHTED}, {@link
   *     #ACTUAL_WEIGHTED}, {@link #WEIGHTED_SHORTFALL_PCT}, {@link #RANK}
   * @throws IllegalStateException when the forecast does not cover the period, a CPA has CRC starts
   *     but no forecast, or the level needs an apportionment not given
   */
  public Shortfall shortfall(Level level, ReportingPeriod period) {
    Table byType = base(level, period);
    Table total =
        geography.rollUp(
            byType,
            level.columnName(),
            level,
            level,
            ownersAsOf(period),
            RollUp.sum(FORECAST_COUNT, ACTUAL_COUNT, FORECAST_WEIGHTED, ACTUAL_WEIGHTED));
    return new Shortfall(
        level.columnName(),
        period,
        false,
        ShortfallTables.finish(total, level.columnName(), false, period),
        note(level, period),
        sources(level));
  }

  /**
   * The shortfall of each unit and work type.
   *
   * @param level the reporting unit, not null
   * @param period the start dates counted, not null
   * @return one row per unit and work type, columns as {@link #shortfall} with {@link #WORK_TYPE}
   *     after the key; {@link #RANK} ranks units within each work type
   */
  public Shortfall shortfallByWorkType(Level level, ReportingPeriod period) {
    return new Shortfall(
        level.columnName(),
        period,
        true,
        ShortfallTables.finish(base(level, period), level.columnName(), true, period),
        note(level, period),
        sources(level));
  }

  /**
   * How the choice of reporting unit changes the picture: the range of weighted shortfalls across
   * the units of each level, for one period. Finer units show wider ranges (smaller volumes, and
   * for PCC areas an apportioned forecast); coarser units average extremes away.
   *
   * @param period the start dates counted, not null
   * @param levels the levels to compare, at least one; PCC_AREA and NPS_DIVISION need {@link
   *     #apportioningForecastBy}
   * @return one row per level: {@code level, units, lowest_pct, lowest_unit, highest_pct,
   *     highest_unit, spread_points} (highest - lowest, percentage points)
   */
  public ResultTable compareLevels(ReportingPeriod period, Level... levels) {
    if (levels.length == 0) {
      throw new IllegalArgumentException("compareLevels needs at least one level");
    }
    StringColumn level = StringColumn.create("level");
    IntColumn units = IntColumn.create("units");
    DoubleColumn low = DoubleColumn.create("lowest_pct");
    StringColumn lowUnit = StringColumn.create("lowest_unit");
    DoubleColumn high = DoubleColumn.create("highest_pct");
    StringColumn highUnit = StringColumn.create("highest_unit");
    DoubleColumn spread = DoubleColumn.create("spread_points");
    Sources used = sources();
    for (Level l : levels) {
      used = used.and(sources(l));
      ShortfallRange r = shortfall(l, period).range();
      level.append(l.name());
      units.append(r.units());
      low.append(r.low());
      lowUnit.append(r.lowUnit());
      high.append(r.high());
      highUnit.append(r.highUnit());
      spread.append(r.high() - r.low());
    }
    Table t =
        Table.create("weighted shortfall range by reporting unit, " + period.label())
            .addColumns(level, units, low, lowUnit, high, highUnit, spread);
    return ResultTable.of(
        "Range of weighted shortfall against forecast by reporting unit, starts in "
            + period.label(),
        t,
        used);
  }

  /**
   * How the shortfall moves from year to year: for each financial year from {@code first} to {@code
   * last}, the lowest and highest CPA weighted shortfall and the England and Wales one.
   *
   * @param first the first financial year, not null
   * @param last the last, not before {@code first}
   * @return columns {@code financial_year, lowest_cpa_pct, highest_cpa_pct, england_and_wales_pct},
   *     one row per year, with this analysis's sources
   * @throws IllegalArgumentException if {@code last} is before {@code first}
   */
  public ResultTable shortfallRangeByYear(FinancialYear first, FinancialYear last) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (last.compareTo(first) < 0) {
      throw new IllegalArgumentException(
          "last year " + last + " is before first year " + first + "; give first <= last");
    }
    StringColumn year = StringColumn.create("financial_year");
    DoubleColumn low = DoubleColumn.create("lowest_cpa_pct");
    DoubleColumn high = DoubleColumn.create("highest_cpa_pct");
    DoubleColumn nation = DoubleColumn.create("england_and_wales_pct");
    for (FinancialYear y = first; y.compareTo(last) <= 0; y = y.next()) {
      ReportingPeriod p = ReportingPeriod.of(y);
      ShortfallRange r = shortfall(Level.CPA, p).range();
      year.append(y.toString());
      low.append(r.low());
      high.append(r.high());
      nation.append(shortfall(Level.ENGLAND_AND_WALES, p).range().low());
    }
    return ResultTable.of(
        "CRC weighted shortfall against forecast by financial year: lowest and highest CPA, and"
            + " England and Wales",
        Table.create("weighted shortfall by financial year", year, low, high, nation),
        sources());
  }

  /**
   * The mix effect: how much of each unit's weighted shortfall comes from each work type.
   *
   * @param level the reporting unit, not null
   * @param period the start dates counted, not null
   * @return the decomposition, not null
   */
  public MixEffect mixEffect(Level level, ReportingPeriod period) {
    return MixEffect.of(
        level.columnName(), period, base(level, period), note(level, period), sources(level));
  }

  /**
   * The shortfall of groups of CPAs given by the caller (for example a metropolitan / other split
   * that a synthetic generator documents). The case data itself says nothing about rural or urban
   * areas, so any such grouping is the caller's, and the result says so.
   *
   * @param groupColumn the name of the group column in the result, not null
   * @param groupOfCpa the group of every CPA in the forecast, not null
   * @param period the start dates counted, not null
   * @return one row per group, columns as {@link #shortfall} with {@code groupColumn} as key
   * @throws IllegalArgumentException naming every CPA without a group
   */
  public Shortfall shortfallByGroup(
      String groupColumn, Map<String, String> groupOfCpa, ReportingPeriod period) {
    Objects.requireNonNull(groupColumn, "groupColumn");
    Objects.requireNonNull(groupOfCpa, "groupOfCpa");
    Table cpa = base(Level.CPA, period);
    StringColumn keys = cpa.stringColumn(Level.CPA.columnName());
    TreeSet<String> missing = new TreeSet<>();
    Map<String, double[]> sums = new TreeMap<>();
    for (int i = 0; i < cpa.rowCount(); i++) {
      String group = groupOfCpa.get(keys.get(i));
      if (group == null) {
        missing.add(keys.get(i));
        continue;
      }
      double[] s = sums.computeIfAbsent(group, g -> new double[4]);
      s[0] += cpa.doubleColumn(FORECAST_COUNT).getDouble(i);
      s[1] += cpa.doubleColumn(ACTUAL_COUNT).getDouble(i);
      s[2] += cpa.doubleColumn(FORECAST_WEIGHTED).getDouble(i);
      s[3] += cpa.doubleColumn(ACTUAL_WEIGHTED).getDouble(i);
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "groupOfCpa has no group for CPA(s) " + missing + "; every CPA needs one");
    }
    Table grouped = Table.create(cpa.name() + " by " + groupColumn);
    StringColumn key = StringColumn.create(groupColumn);
    DoubleColumn[] cols = ShortfallTables.numericColumns();
    grouped.addColumns(key);
    grouped.addColumns(cols);
    sums.forEach(
        (g, s) -> {
          key.append(g);
          for (int j = 0; j < 4; j++) {
            cols[j].append(s[j]);
          }
        });
    return new Shortfall(
        groupColumn,
        period,
        false,
        ShortfallTables.finish(grouped, groupColumn, false, period),
        "CPA groups given by the caller; the case data does not classify areas",
        sources()
            .withAssumptions(
                List.of(
                    "CPAs grouped into "
                        + groupColumn
                        + " by the caller; the case data does not"
                        + " classify areas")));
  }

  /**
   * Each CPA's forecast and actual CRC volume in every financial year of the forecast: the volumes
   * a payment model reconciles.
   *
   * @return columns {@code cpa, financial_year}, {@link #FORECAST_COUNT}, {@link #ACTUAL_COUNT},
   *     {@link #FORECAST_WEIGHTED}, {@link #ACTUAL_WEIGHTED}; sorted by CPA then year
   */
  public ResultTable annualVolumes() {
    return annualVolumes(null);
  }

  /**
   * As {@link #annualVolumes()}, but counting only starts up to a last date: the year that contains
   * it keeps that share of its forecast (by days), later years are left out. Use it when the
   * contracts, or the data, end inside a year: the CRC contracts ended early, in December 2020.
   *
   * @param lastStart the last start date counted, or null for whole years
   * @return as {@link #annualVolumes()}
   */
  public ResultTable annualVolumes(LocalDate lastStart) {
    TreeSet<FinancialYear> years = forecast.years();
    Table out = Table.create("annual CRC volumes against forecast");
    StringColumn cpa = StringColumn.create("cpa");
    StringColumn year = StringColumn.create("financial_year");
    DoubleColumn[] cols = ShortfallTables.numericColumns();
    out.addColumns(cpa, year);
    out.addColumns(cols);
    Map<String, Map<FinancialYear, double[]>> rows = new TreeMap<>();
    for (FinancialYear fy : years) {
      if (lastStart != null && fy.start().isAfter(lastStart)) {
        continue;
      }
      ReportingPeriod period =
          lastStart == null || !lastStart.isBefore(fy.end())
              ? ReportingPeriod.of(fy)
              : new ReportingPeriod(fy.toString(), fy.start(), lastStart);
      Table t =
          geography.rollUp(
              base(Level.CPA, period),
              Level.CPA.columnName(),
              Level.CPA,
              Level.CPA,
              null,
              RollUp.sum(FORECAST_COUNT, ACTUAL_COUNT, FORECAST_WEIGHTED, ACTUAL_WEIGHTED));
      for (int i = 0; i < t.rowCount(); i++) {
        double[] v = new double[4];
        for (int j = 0; j < 4; j++) {
          v[j] = t.doubleColumn(cols[j].name()).getDouble(i);
        }
        rows.computeIfAbsent(t.stringColumn("cpa").get(i), k -> new TreeMap<>()).put(fy, v);
      }
    }
    rows.forEach(
        (c, byYear) ->
            byYear.forEach(
                (fy, v) -> {
                  cpa.append(c);
                  year.append(fy.toString());
                  for (int j = 0; j < 4; j++) {
                    cols[j].append(v[j]);
                  }
                }));
    return ResultTable.of(
        lastStart == null
            ? "CRC volumes against forecast by CPA and financial year"
            : "CRC volumes against forecast by CPA and financial year, starts to " + lastStart,
        out,
        sources());
  }

  /**
   * The engine's copy of the cases (the rows complete in the columns used), made on first use and
   * shared with every copy made by the {@code with...} methods. For tests.
   */
  ColumnTable engineCopy() {
    if (!(starts instanceof EngineStarts engine)) {
      throw new IllegalStateException("this analysis counts no cases itself: its starts are given");
    }
    return engine.engineCopy();
  }

  // ---------------------------------------------------------------------------------------------

  private LocalDate ownersAsOf(ReportingPeriod period) {
    return ownersAsOf != null ? ownersAsOf : period.end();
  }

  /** The analysis's sources, with the apportionment as an assumption where the level needs it. */
  private Sources sources(Level level) {
    return switch (level) {
      case PCC_AREA, NPS_DIVISION ->
          apportionBaseline == null
              ? sources()
              : sources()
                  .withAssumptions(
                      List.of(
                          "each CPA's forecast split between its PCC areas by their shares of actual"
                              + " CRC volume in "
                              + apportionBaseline.label()
                              + " (no forecast below CPA level was published)"));
      default -> sources();
    };
  }

  private String note(Level level, ReportingPeriod period) {
    return switch (level) {
      case PCC_AREA, NPS_DIVISION ->
          "forecast apportioned from CPAs by each PCC area's share of actual CRC volume in "
              + apportionBaseline.label()
              + " (an assumption: no forecast below CPA level was published)";
      case OWNER ->
          "CPAs assigned to owners as of " + (ownersAsOf == null ? "period end" : ownersAsOf);
      default -> "";
    };
  }

  /** Long-form table at a level: key, work_type, forecast/actual count/weighted (doubles). */
  private Table base(Level level, ReportingPeriod period) {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(period, "period");
    return switch (level) {
      case CPA -> cpaBase(period);
      case OWNER, ENGLAND_AND_WALES ->
          geography.rollUp(
              cpaBase(period),
              Level.CPA.columnName(),
              Level.CPA,
              level,
              ownersAsOf(period),
              sumsKeepingWorkType());
      case PCC_AREA -> pccBase(period);
      case NPS_DIVISION ->
          geography.rollUp(
              pccBase(period),
              Level.PCC_AREA.columnName(),
              Level.PCC_AREA,
              level,
              null,
              sumsKeepingWorkType());
    };
  }

  private static RollUp sumsKeepingWorkType() {
    return RollUp.sum(FORECAST_COUNT, ACTUAL_COUNT, FORECAST_WEIGHTED, ACTUAL_WEIGHTED)
        .keeping(WORK_TYPE);
  }

  /** Forecast for the period by CPA and work type: {count, weighted}. */
  private Map<List<String>, double[]> forecastFor(ReportingPeriod period) {
    return forecast.forPeriod(period);
  }

  /** Actual CRC starts in the period keyed by (keyColumn value, work type): {count, weighted}. */
  private Map<List<String>, double[]> actualFor(ReportingPeriod period, String keyColumn) {
    CrcStarts.Query query = CrcStarts.Query.of(keyColumn, period);
    Optional<CellKeyMethod> method = protection();
    if (method.isPresent()) {
      if (!(starts instanceof EngineStarts engine)) {
        throw new IllegalStateException(
            "these CRC starts were counted elsewhere (for example by Spark) without the sums of"
                + " their cases' record keys, so the cell key method cannot protect them; counts"
                + " of official-sensitive cases are not shown unprotected. Count the cases in"
                + " memory (VolumeVariance.of(cases, forecast)) or call"
                + " withoutDisclosureControl() to say you will not publish these figures");
      }
      return perturbed(engine.keyedSums(query), method.get());
    }
    if (starts instanceof EngineStarts engine) {
      return engine.sums(query);
    }
    Map<List<String>, double[]> out = new TreeMap<>(ShortfallTables::compareKeys);
    for (CrcStarts.Sums sums : starts.count(query)) {
      double[] previous =
          out.put(
              List.of(sums.unit(), sums.workType()), new double[] {sums.count(), sums.weight()});
      if (previous != null) {
        throw new IllegalStateException(
            "CRC starts counted twice for " + sums.unit() + "/" + sums.workType());
      }
    }
    return out;
  }

  /**
   * Each (unit, work type) count perturbed by its key sum; the weighted volume scaled by the same
   * ratio; a count perturbed to 0 is dropped, as a unit with no starts is absent.
   */
  private static Map<List<String>, double[]> perturbed(
      Map<List<String>, double[]> keyed, CellKeyMethod method) {
    Map<List<String>, double[]> out = new TreeMap<>(ShortfallTables::compareKeys);
    keyed.forEach(
        (k, v) -> {
          long count = (long) v[0];
          long shown = method.perturb(count, (long) v[2]);
          if (shown > 0) {
            out.put(k, new double[] {shown, v[1] * shown / count});
          }
        });
    return out;
  }

  private Table cpaBase(ReportingPeriod period) {
    Map<List<String>, double[]> f = forecastFor(period);
    Map<List<String>, double[]> a = actualFor(period, "provider_code");
    TreeSet<String> unforecast = new TreeSet<>();
    for (List<String> k : a.keySet()) {
      if (!f.containsKey(k)) {
        unforecast.add(k.get(0) + "/" + k.get(1));
      }
    }
    if (!unforecast.isEmpty()) {
      throw new IllegalStateException(
          "CRC starts in "
              + period.label()
              + " with no forecast for their CPA and work type: "
              + unforecast
              + "; a shortfall needs a forecast");
    }
    Table out = ShortfallTables.emptyBase(Level.CPA.columnName());
    f.forEach((k, fv) -> ShortfallTables.appendBase(out, k.get(0), k.get(1), fv, a.get(k)));
    return out;
  }

  private Table pccBase(ReportingPeriod period) {
    if (apportionBaseline == null) {
      throw new IllegalStateException(
          "forecasts exist only per CPA; to report by PCC area or NPS division, say how to"
              + " apportion them: apportioningForecastBy(baselinePeriod)");
    }
    Map<List<String>, double[]> f = forecastFor(period);
    Map<List<String>, double[]> a = actualFor(period, "pcc_area");
    Map<List<String>, double[]> baseline = actualFor(apportionBaseline, "pcc_area");
    return new PccApportionment(geography, apportionBaseline).base(f, a, baseline);
  }
}
