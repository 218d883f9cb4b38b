package org.probationlens.data.synthetic;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.probationlens.data.CaseRecords;
import org.probationlens.data.WorkType;
import org.probationlens.period.FinancialYear;

/**
 * Writes a synthetic case-level dataset: {@code cases.csv} (one row per order or licence started in
 * England and Wales, 1 June 2014 to 31 December 2020), {@code forecast.csv} (the volumes each CPA's
 * contract was let on, by work type and financial year) and a {@code MANIFEST}.
 *
 * <p>All of it is synthetic. It is calibrated to published aggregates (the national caseload, the
 * RAR take-up, the 6% to 36% spread of 2015-16 CRC volume shortfalls, the 16% to 48% spread of Q1
 * 2017-18 paid-activity shortfalls) and otherwise invented; see {@code data/README.md}. The same
 * settings give byte-identical files: one seeded {@link SplittableRandom} drawn in a fixed order,
 * one thread, no clock, no hash-ordered iteration, and locale-free formatting.
 *
 * <p>The forecast is scaled to the generated cases, not the other way round: for each CPA, the
 * 2015-16 forecast of every work type is the CPA's actual 2015-16 CRC volume of that work type
 * divided by (1 - shortfall / 100), with the shortfall from {@link ShortfallPlan}. So the
 * calibration holds exactly, up to rounding to hundredths, at any row count. Other years scale the
 * 2015-16 forecast by the volume foreseen at letting ({@link CaseModel#foreseenRate}) and, from
 * 2016-17, by the factors below: the 2014-15 forecast runs from 1 June 2014, with PSS and the extra
 * licences from 1 February 2015; 2020-21 is a full year, as let, although the contracts ended on 31
 * December 2020 and the cases stop there.
 *
 * <p>The 2017-18 forecast is calibrated the same way to the first quarter of 2017-18: each CPA's
 * forecast of every work type is multiplied by one factor {@code k}, chosen so that the CPA's
 * actual CRC weighted volume of April to June 2017 falls short of its 2017-18 forecast times 91 /
 * 365 (the quarter's share of the year's days, as {@code ReportingPeriod} apportions it) by the
 * planned Q1 2017-18 shortfall of {@link ShortfallPlan}. This too holds at any row count, as long
 * as every CPA has a CRC start in the quarter (at 10,000 rows about 1 seed in 100 leaves a small
 * CPA with none; the generator then stops and says which). The other years use a steadier factor
 * {@code kExpected}: the same calculation with the CPA's April-June 2017 volume replaced by its
 * expected value, the CPA's 2015-16 volume times the national change in CRC weighted volume from
 * 2015-16 to that quarter. A quarter of a small run holds only a few cases per CPA; without this,
 * their chance variation would set the CPA's forecast for every later year. 2018-19 to 2020-21 take
 * {@code kExpected}, so they stand to the 2017-18 calibration as foreseen at letting; 2016-17 takes
 * the midpoint {@code (1 + kExpected) / 2}, between the 2015-16 and 2017-18 calibrations; 2014-15
 * and 2015-16 are unchanged. In a large run {@code k} and {@code kExpected} agree closely.
 */
public final class CaseGenerator {

  /** Bumped whenever the bytes written for a given seed and row count change. */
  public static final String VERSION = "2";

  /**
   * How the provenance of this generator's files names it: the {@code source} of every {@link
   * org.probationlens.provenance.Provenance} the case and forecast loaders attach to its output.
   */
  public static final String SOURCE =
      "Probation Lens synthetic case generator, calibrated to published aggregates";

  /**
   * The published figures (ids in {@code data/reference/published_figures.csv}) this generator is
   * set to match: the CPAs' 2015-16 weighted shortfalls span 6% to 36% (PAC HC 484) and their Q1
   * 2017-18 ones 16% to 48% (NAO HC 676). A check of its output against one of them is CALIBRATED,
   * never reproduced.
   */
  public static final java.util.List<String> CALIBRATED_TO =
      java.util.List.of("shortfall_range_2015_16", "paid_activity_below_expectation_q1_2017_18");

  /**
   * The row count of a full national run: at this size the number of orders and licences running on
   * 30 September 2016 is about 250,000, the published scale (PAC HC 484: about 243,000 people under
   * supervision in September 2016; HMIP 2017-18: more than 260,000). A run of {@code rows} rows is
   * the fraction {@code rows / FULL_SCALE_ROWS} of the nation. Found by generating 2,000,000 rows
   * (seed 2014), counting the rows with {@code start_date <= 2016-09-30 <= end_date}, and scaling
   * so that count is 250,000; {@code CaseGeneratorTest} checks it on another seed. Orders started
   * before June 2014 are not in the data (the contract starts there), so the start rate absorbs
   * them.
   */
  public static final long FULL_SCALE_ROWS = 1_754_000;

  /**
   * The header of {@code cases.csv}, the shared case-level contract: the column names of {@link
   * CaseRecords#schema()}.
   */
  public static final String CASES_HEADER = CaseRecords.schema().header();

  /** The header of {@code forecast.csv}, the shared forecast contract. */
  public static final String FORECAST_HEADER =
      "cpa_code,financial_year,work_type,forecast_count,forecast_weighted";

  /** The first and last financial years of the forecast (2014-15 and 2020-21). */
  static final int FIRST_FY = 2014;

  static final int LAST_FY = 2020;

  /** At most this many rows between progress reports (and at most 1/200 of the run). */
  private static final long PROGRESS_BLOCK = 1 << 12;

  private final List<SyntheticArea> areas;
  private final List<String> cpaCodes;
  private final Set<String> metropolitanCpas;

  private CaseGenerator(
      List<SyntheticArea> areas, List<String> cpaCodes, Set<String> metropolitanCpas) {
    this.areas = areas;
    this.cpaCodes = cpaCodes;
    this.metropolitanCpas = metropolitanCpas;
  }

  /**
   * A generator over the given areas.
   *
   * @param areas the police/PCC areas, at least one, unique codes, covering at least two CPAs
   * @param metropolitanCpas the CPAs classed metropolitan for the shortfall rule (see {@link
   *     ShortfallPlan}); each must be the CPA of some area
   * @return the generator
   */
  public static CaseGenerator of(List<SyntheticArea> areas, Set<String> metropolitanCpas) {
    Objects.requireNonNull(areas, "areas");
    Objects.requireNonNull(metropolitanCpas, "metropolitanCpas");
    TreeSet<String> areaCodes = new TreeSet<>();
    TreeSet<String> cpas = new TreeSet<>();
    for (SyntheticArea area : areas) {
      Objects.requireNonNull(area, "an area is null");
      if (!areaCodes.add(area.pccCode())) {
        throw new IllegalArgumentException("area code " + area.pccCode() + " appears twice");
      }
      cpas.add(area.cpaCode());
    }
    if (cpas.size() < 2) {
      throw new IllegalArgumentException(
          "the areas cover " + cpas.size() + " CPA(s) " + cpas + "; expected at least 2");
    }
    Set<String> metro = Set.copyOf(metropolitanCpas);
    for (String code : new TreeSet<>(metro)) {
      if (!cpas.contains(code)) {
        throw new IllegalArgumentException(
            "metropolitan CPA " + code + " is the CPA of no area; CPAs: " + cpas);
      }
    }
    return new CaseGenerator(List.copyOf(areas), List.copyOf(cpas), metro);
  }

  /**
   * The generator for England and Wales: the 42 police/PCC areas and 21 CPAs of {@code
   * org.probationlens.area.Geography.standard()}, sized by the CRC caseloads HMIP reported.
   *
   * @return the standard generator
   */
  public static CaseGenerator standard() {
    return StandardCalibration.generator();
  }

  /** The areas, in the order given; unmodifiable. */
  public List<SyntheticArea> areas() {
    return areas;
  }

  /**
   * The weighted-volume weight of a case, in hundredths, by the rule every synthetic case is
   * weighted with: a base by work type (CO 1.00, SSO 1.00, LIC 1.20, PSS 0.60, PRE 0.40) times a
   * length factor (up to 6 months 0.80; 7-12 1.00; 13-24 1.25; 25-48 1.50; over 48 1.75). The real
   * fee-for-service band weights were never published, so this rule is synthetic; readers of real
   * layouts ({@code DataFirstFiles}) weight their cases with it too and say so.
   *
   * @param type the work type, not null
   * @param sentenceMonths the sentence months, as the case table's {@code sentence_months}
   * @return the weight in hundredths, e.g. 125 for 1.25
   */
  public static int weightHundredths(WorkType type, int sentenceMonths) {
    return CaseModel.weightHundredths(Objects.requireNonNull(type, "type"), sentenceMonths);
  }

  /**
   * The planned length of a case in days, by the rule the generator dates its cases with: the order
   * for a community or suspended sentence order; half the sentence for a licence (release at the
   * halfway point) and for pre-release work (the time in custody); for post-sentence supervision,
   * twelve months from release less the licence period; a month is 365.25 / 12 days, rounded to the
   * nearest day.
   *
   * @param type the work type, not null
   * @param sentenceMonths the sentence months, as the case table's {@code sentence_months}
   * @return the planned days, from the start date to the planned end date
   */
  public static int plannedDays(WorkType type, int sentenceMonths) {
    return CaseModel.plannedDays(Objects.requireNonNull(type, "type"), sentenceMonths);
  }

  /** The synthetic 2015-16 and Q1 2017-18 shortfalls of each CPA for a seed. */
  public ShortfallPlan shortfallPlan(long seed) {
    return ShortfallPlan.spread(cpaCodes, metropolitanCpas, seed);
  }

  /**
   * Generates into a directory, creating it if needed and replacing {@code cases.csv}, {@code
   * forecast.csv} and {@code MANIFEST} there.
   *
   * @param directory where to write
   * @param settings seed and row count
   * @param progress told of progress from this thread
   * @return the files written, their hashes and the resulting shortfalls
   * @throws IOException if a file cannot be written
   */
  public GenerationResult generate(
      Path directory, GeneratorSettings settings, ProgressListener progress) throws IOException {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(progress, "progress");
    Files.createDirectories(directory);
    Path cases = directory.resolve("cases.csv");
    Path forecast = directory.resolve("forecast.csv");
    Path manifest = directory.resolve("MANIFEST");
    Run run = new Run(settings);
    String casesHash;
    try (ByteSink sink = new ByteSink(Files.newOutputStream(cases))) {
      run.writeCases(sink, progress);
      casesHash = sink.finish();
    }
    ShortfallPlan plan = shortfallPlan(settings.seed());
    Measured shortfalls;
    String forecastHash;
    try (ByteSink sink = new ByteSink(new BufferedOutputStream(Files.newOutputStream(forecast)))) {
      shortfalls = run.writeForecast(sink, plan);
      forecastHash = sink.finish();
    }
    try (OutputStream out = Files.newOutputStream(manifest)) {
      out.write(manifest(settings, casesHash, forecastHash, plan).getBytes(StandardCharsets.UTF_8));
    }
    return new GenerationResult(
        settings,
        cases,
        forecast,
        manifest,
        casesHash,
        forecastHash,
        shortfalls.fy1516(),
        shortfalls.q1201718());
  }

  /** The command that reproduces a run, as written in the manifest. */
  public static String command(GeneratorSettings settings) {
    return "./lens data --rows " + settings.rows() + " --seed " + settings.seed();
  }

  private static String manifest(
      GeneratorSettings settings, String casesHash, String forecastHash, ShortfallPlan plan) {
    StringBuilder text = new StringBuilder();
    text.append("# Probation Lens synthetic case-level data.\n")
        .append(
            "# SYNTHETIC: every row was invented by a seeded generator. No row describes a real")
        .append(" person, order or licence;\n")
        .append("# only the aggregates listed in data/README.md are calibrated to published")
        .append(" figures.\n")
        .append("synthetic=true\n")
        .append("generator=")
        .append(CaseGenerator.class.getName())
        .append('\n')
        .append("generator_version=")
        .append(VERSION)
        .append('\n')
        .append("seed=")
        .append(settings.seed())
        .append('\n')
        .append("rows=")
        .append(settings.rows())
        .append('\n')
        .append("full_scale_rows=")
        .append(FULL_SCALE_ROWS)
        .append('\n')
        .append("command=")
        .append(command(settings))
        .append('\n')
        .append("cases.csv.sha256=")
        .append(casesHash)
        .append('\n')
        .append("forecast.csv.sha256=")
        .append(forecastHash)
        .append('\n');
    for (Map.Entry<String, Double> e : plan.byCpa().entrySet()) {
      text.append("shortfall_2015_16_percent.")
          .append(e.getKey())
          .append('=')
          .append(hundredths(e.getValue()))
          .append('\n');
    }
    for (Map.Entry<String, Double> e : plan.q1201718ByCpa().entrySet()) {
      text.append("shortfall_q1_2017_18_percent.")
          .append(e.getKey())
          .append('=')
          .append(hundredths(e.getValue()))
          .append('\n');
    }
    return text.toString();
  }

  private static String hundredths(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  /**
   * The volume of a work type foreseen at letting for financial year {@code fy} (from 1 April), in
   * the relative units of {@link CaseModel#foreseenRate}, counting days from 1 June 2014.
   */
  static double foreseenVolume(int fy, WorkType type) {
    int first = Math.max((int) LocalDate.of(fy, 4, 1).toEpochDay(), CaseModel.FIRST_DAY);
    int last = (int) LocalDate.of(fy + 1, 3, 31).toEpochDay();
    double volume = 0;
    for (int day = first; day <= last; day++) {
      volume += CaseModel.foreseenRate(type, day);
    }
    return volume;
  }

  /** The days of financial year {@code fy} (from 1 April), 365 or 366. */
  static int daysOf(int fy) {
    return (int) (LocalDate.of(fy + 1, 4, 1).toEpochDay() - LocalDate.of(fy, 4, 1).toEpochDay());
  }

  /** Q1 2017-18's share of the days of 2017-18: 91 / 365. */
  static double q1201718ShareOfYear() {
    return (CaseModel.Q1_1718_LAST - CaseModel.Q1_1718_FIRST + 1) / (double) daysOf(2017);
  }

  /** Each CPA's shortfall as computed from the written values, in the two calibrated periods. */
  private record Measured(Map<String, Double> fy1516, Map<String, Double> q1201718) {}

  /** One generation: the row stream and the 2015-16 and Q1 2017-18 CRC tallies it leaves behind. */
  private final class Run {
    private final GeneratorSettings settings;
    private final SplittableRandom random;
    private final double[] areaCumulative;
    private final int[] areaCpa;
    private final byte[][] areaCode;
    private final byte[][][] areaNps;
    private final byte[][] cpaCode;
    private final long[][] crcWeight; // hundredths, [cpa][work type], 2015-16 CRC starts
    private final long[][] crcCount;
    private final long[] crcQ1Weight; // hundredths, [cpa], Q1 2017-18 CRC starts

    Run(GeneratorSettings settings) {
      this.settings = settings;
      this.random = new SplittableRandom(settings.seed());
      int n = areas.size();
      double[] sizes = new double[n];
      areaCpa = new int[n];
      areaCode = new byte[n][];
      areaNps = new byte[n][][];
      for (int i = 0; i < n; i++) {
        SyntheticArea area = areas.get(i);
        sizes[i] = area.relativeSize();
        areaCpa[i] = cpaCodes.indexOf(area.cpaCode());
        areaCode[i] = ascii(area.pccCode());
        areaNps[i] =
            area.npsDivisionCandidates().stream().map(c -> ascii(c)).toArray(byte[][]::new);
      }
      areaCumulative = CaseModel.cumulative(sizes);
      cpaCode = cpaCodes.stream().map(c -> ascii(c)).toArray(byte[][]::new);
      crcWeight = new long[cpaCodes.size()][WorkType.values().length];
      crcCount = new long[cpaCodes.size()][WorkType.values().length];
      crcQ1Weight = new long[cpaCodes.size()];
    }

    void writeCases(ByteSink out, ProgressListener progress) throws IOException {
      final int days = CaseModel.LAST_DAY - CaseModel.FIRST_DAY + 1;
      final WorkType[] types = WorkType.values();
      double[] dayCumulative = new double[days];
      double running = 0;
      for (int d = 0; d < days; d++) {
        for (WorkType type : types) {
          running += CaseModel.startRate(type, CaseModel.FIRST_DAY + d);
        }
        dayCumulative[d] = running;
      }
      final double total = running;
      final long rows = settings.rows();
      final int idDigits = GeneratorSettings.idDigits(rows);
      byte[][] dates = dateCache(days + 2000);
      byte[][] typeBytes = Arrays.stream(types).map(t -> ascii(t.name())).toArray(byte[][]::new);
      byte[][] reasonBytes =
          Arrays.stream(CaseModel.REASONS).map(r -> ascii(r)).toArray(byte[][]::new);
      byte[] nps = ascii(",NPS,");
      byte[] crc = ascii(",CRC,");
      byte[] yes = ascii("true,");
      byte[] no = ascii("false,");
      String[] weightText = new String[400];
      byte[][] weightBytes = new byte[400][];
      double[] rateCumulative = new double[types.length];

      out.put(CASES_HEADER);
      out.put((byte) '\n');
      long id = 0;
      final long progressBlock = Math.max(1, Math.min(PROGRESS_BLOCK, rows / 200));
      long untilProgress = progressBlock;
      for (int d = 0; d < days; d++) {
        final int day = CaseModel.FIRST_DAY + d;
        long target = d == days - 1 ? rows : Math.round(rows * (dayCumulative[d] / total));
        if (target <= id) {
          continue;
        }
        double dayTotal = 0;
        for (int t = 0; t < types.length; t++) {
          dayTotal += CaseModel.startRate(types[t], day);
          rateCumulative[t] = dayTotal;
        }
        for (int t = 0; t < types.length; t++) {
          rateCumulative[t] /= dayTotal;
        }
        rateCumulative[types.length - 1] = 1.0;
        final boolean inFy1516 = day >= CaseModel.FY1516_FIRST && day <= CaseModel.FY1516_LAST;
        final boolean inQ1 = day >= CaseModel.Q1_1718_FIRST && day <= CaseModel.Q1_1718_LAST;
        while (id < target) {
          id++;
          WorkType type = types[CaseModel.pick(rateCumulative, random.nextDouble())];
          int area = pickArea(random.nextDouble());
          double u1 = random.nextDouble();
          double u2 = random.nextDouble();
          int months = CaseModel.sentenceMonths(type, day, u1, u2);
          boolean isNps = random.nextDouble() < CaseModel.npsChance(type, months);
          byte[] provider;
          if (isNps) {
            byte[][] candidates = areaNps[area];
            provider =
                candidates.length == 1
                    ? candidates[0]
                    : candidates[(int) (random.nextDouble() * candidates.length)];
          } else {
            provider = cpaCode[areaCpa[area]];
          }
          int rarDays = 0;
          double rarChance = CaseModel.rarChance(type, day);
          if (rarChance > 0 && random.nextDouble() < rarChance) {
            rarDays = CaseModel.rarDays(random.nextDouble());
          }
          int upwHours = 0;
          double upwChance = CaseModel.upwChance(type);
          if (upwChance > 0 && random.nextDouble() < upwChance) {
            upwHours = CaseModel.upwHours(random.nextDouble());
          }
          boolean accredited = false;
          double accreditedChance = CaseModel.accreditedChance(type, day);
          if (accreditedChance > 0) {
            accredited = random.nextDouble() < accreditedChance;
          }
          int planned = CaseModel.plannedDays(type, months);
          int reason = CaseModel.reason(type, random.nextDouble());
          int end = day + planned;
          if (reason != CaseModel.COMPLETED) {
            end = day + (int) Math.round(planned * (0.1 + 0.8 * random.nextDouble()));
          }
          if (end > CaseModel.LAST_DAY) {
            reason = CaseModel.ONGOING;
            end = day + planned;
          }
          int weight = CaseModel.weightHundredths(type, months);
          if (!isNps && inFy1516) {
            crcWeight[areaCpa[area]][type.ordinal()] += weight;
            crcCount[areaCpa[area]][type.ordinal()]++;
          }
          if (!isNps && inQ1) {
            crcQ1Weight[areaCpa[area]] += weight;
          }

          out.put((byte) 'K');
          out.putDigits(id, idDigits);
          out.put(isNps ? nps : crc);
          out.put(provider);
          out.put((byte) ',');
          out.put(areaCode[area]);
          out.put((byte) ',');
          out.put(typeBytes[type.ordinal()]);
          out.put((byte) ',');
          out.put(dates[d]);
          out.put(dates[end - CaseModel.FIRST_DAY]);
          out.putNumber(months);
          out.put((byte) ',');
          out.putNumber(rarDays);
          out.put((byte) ',');
          out.putNumber(upwHours);
          out.put((byte) ',');
          out.put(accredited ? yes : no);
          out.put(reasonBytes[reason]);
          out.put((byte) ',');
          if (weightBytes[weight] == null) {
            weightText[weight] = BigDecimal.valueOf(weight, 2).toPlainString();
            weightBytes[weight] = ascii(weightText[weight] + "\n");
          }
          out.put(weightBytes[weight]);
          if (--untilProgress == 0) {
            progress.progress(id, rows);
            untilProgress = progressBlock;
          }
        }
      }
      progress.progress(rows, rows);
    }

    private int pickArea(double u) {
      int low = 0;
      int high = areaCumulative.length - 1;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (u < areaCumulative[mid]) {
          high = mid;
        } else {
          low = mid + 1;
        }
      }
      return low;
    }

    /**
     * Writes the forecast and returns each CPA's shortfalls (2015-16, Q1 2017-18) as computed from
     * the written values.
     */
    Measured writeForecast(ByteSink out, ShortfallPlan plan) throws IOException {
      out.put(FORECAST_HEADER);
      out.put((byte) '\n');
      Map<String, Double> measured = new TreeMap<>();
      Map<String, Double> measuredQ1 = new TreeMap<>();
      double[][] yearShare = new double[LAST_FY - FIRST_FY + 1][WorkType.values().length];
      for (int fy = FIRST_FY; fy <= LAST_FY; fy++) {
        for (WorkType type : WorkType.values()) {
          yearShare[fy - FIRST_FY][type.ordinal()] =
              foreseenVolume(fy, type) / foreseenVolume(2015, type);
        }
      }
      final double q1Share = q1201718ShareOfYear();
      long national1516 = 0;
      long nationalQ1 = 0;
      for (int c = 0; c < cpaCodes.size(); c++) {
        for (long w : crcWeight[c]) {
          national1516 += w;
        }
        nationalQ1 += crcQ1Weight[c];
      }
      for (int c = 0; c < cpaCodes.size(); c++) {
        String cpa = cpaCodes.get(c);
        long actual = 0;
        for (long w : crcWeight[c]) {
          actual += w;
        }
        if (actual == 0) {
          throw new IllegalStateException(
              "CPA "
                  + cpa
                  + " has no CRC starts in 2015-16 with "
                  + settings.rows()
                  + " rows, so its forecast cannot be calibrated; generate more rows");
        }
        if (crcQ1Weight[c] == 0) {
          throw new IllegalStateException(
              "CPA "
                  + cpa
                  + " has no CRC starts in Q1 2017-18 (April to June 2017) with "
                  + settings.rows()
                  + " rows and seed "
                  + settings.seed()
                  + ", so its 2017-18 forecast cannot be calibrated; generate more rows or use"
                  + " another seed");
        }
        double scale = 1.0 / (1.0 - plan.percent(cpa) / 100.0);
        // k: the factor on the 2017-18 forecast that gives the planned Q1 2017-18 shortfall.
        double q1Uncalibrated = 0;
        for (WorkType type : WorkType.values()) {
          q1Uncalibrated +=
              crcWeight[c][type.ordinal()]
                  * scale
                  * yearShare[2017 - FIRST_FY][type.ordinal()]
                  * q1Share;
        }
        double q1Target = crcQ1Weight[c] / (1.0 - plan.q1201718Percent(cpa) / 100.0);
        double k = q1Target / q1Uncalibrated;
        // kExpected: the same, with the CPA's Q1 2017-18 volume replaced by its expected value (its
        // 2015-16 volume times the national change), so one quarter's chance does not carry on.
        double q1Expected = actual * (double) nationalQ1 / national1516;
        double kExpected = q1Expected / (1.0 - plan.q1201718Percent(cpa) / 100.0) / q1Uncalibrated;
        long forecast1516 = 0;
        long forecast1718 = 0;
        for (int fy = FIRST_FY; fy <= LAST_FY; fy++) {
          double factor =
              fy <= 2015 ? 1.0 : fy == 2016 ? (1.0 + kExpected) / 2.0 : fy == 2017 ? k : kExpected;
          for (WorkType type : WorkType.values()) {
            double share = scale * yearShare[fy - FIRST_FY][type.ordinal()] * factor;
            long count = Math.round(crcCount[c][type.ordinal()] * share);
            BigDecimal weighted =
                BigDecimal.valueOf(crcWeight[c][type.ordinal()] * share / 100.0)
                    .setScale(2, RoundingMode.HALF_UP);
            if (fy == 2015) {
              forecast1516 += weighted.unscaledValue().longValueExact();
            } else if (fy == 2017) {
              forecast1718 += weighted.unscaledValue().longValueExact();
            }
            out.put(cpa);
            out.put((byte) ',');
            out.put(FinancialYear.of(fy).label());
            out.put((byte) ',');
            out.put(type.name());
            out.put((byte) ',');
            out.putNumber(count);
            out.put((byte) ',');
            out.put(weighted.toPlainString());
            out.put((byte) '\n');
          }
        }
        measured.put(cpa, (forecast1516 - actual) * 100.0 / forecast1516);
        double q1Forecast = forecast1718 * q1Share;
        measuredQ1.put(cpa, (q1Forecast - crcQ1Weight[c]) * 100.0 / q1Forecast);
      }
      return new Measured(measured, measuredQ1);
    }
  }

  private static byte[][] dateCache(int days) {
    byte[][] cache = new byte[days][];
    for (int d = 0; d < days; d++) {
      cache[d] = ascii(LocalDate.ofEpochDay(CaseModel.FIRST_DAY + d).toString() + ",");
    }
    return cache;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
