package org.probationlens.court;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.ResultTable;
import org.probationlens.provenance.Sources;
import org.threeten.extra.YearQuarter;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * The published figures on court work that this project uses, exactly as published: the mix of
 * pre-sentence reports, the share of community and suspended sentence orders with a rehabilitation
 * activity requirement (RAR), the share of RARs with no purposeful activity, and the national
 * quarterly CRC service-level series, including AE (breach referral within 8 business days).
 *
 * <p>Read from {@code data/reference/court_published.csv} and {@code
 * data/reference/crc_service_levels_national_quarterly.csv} (sources in {@code
 * data/reference/SOURCES.md}). Immutable and thread-safe.
 */
public final class PublishedCourtFigures {
  /** The code of the CRC service level for breach referral within 8 business days. */
  public static final String BREACH_REFERRAL_CODE = "CRC SCH9 AE";

  private static final String COURT_FILE = "data/reference/court_published.csv";
  private static final String SERIES_FILE =
      "data/reference/crc_service_levels_national_quarterly.csv";
  private static final PublishedCourtFigures STANDARD = load();

  private final Map<String, String> figures;
  private final Table figureTable;
  private final Table series;

  private PublishedCourtFigures(Table figureTable, Table series) {
    this.figureTable = figureTable;
    this.series = series;
    Map<String, String> byMetric = new LinkedHashMap<>();
    for (int i = 0; i < figureTable.rowCount(); i++) {
      byMetric.put(
          figureTable.stringColumn("metric").get(i), figureTable.stringColumn("value").get(i));
    }
    this.figures = Collections.unmodifiableMap(byMetric);
  }

  /**
   * The figures shipped in {@code data/reference}.
   *
   * @return the shared instance, not null
   */
  public static PublishedCourtFigures standard() {
    return STANDARD;
  }

  /**
   * The published court figures as a table (metric, value kind, value, unit, period, note, source,
   * tag), for showing beside results.
   *
   * @return a copy of the table, not null
   */
  public ResultTable table() {
    return ResultTable.of(
        "Published figures on courts, reports and RARs",
        figureTable,
        Sources.of(provenance(COURT_FILE)));
  }

  /**
   * Where a reference file came from: compiled by this project from the publications each row
   * cites, with the SHA-256 of the file as shipped.
   */
  private static Provenance provenance(String file) {
    byte[] bytes;
    try (InputStream in = PublishedCourtFigures.class.getResourceAsStream("/" + file)) {
      if (in == null) {
        throw new IllegalStateException(file + " is not on the class path");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String sha = org.probationlens.read.Sha256.of(bytes);
    return file.equals(SERIES_FILE)
        ? Provenance.published(
            "CRC service levels, national quarterly (" + file + ")",
            "Ministry of Justice, CRC performance data (data.justice.gov.uk)",
            null,
            "Open Government Licence v3.0",
            sha)
        : Provenance.derived(
            "Published figures on courts, reports and RARs (" + file + ")",
            "compiled by Probation Lens from HMI Probation publications; each row cites its source",
            "compiled from published sources; each row cites its own",
            sha);
  }

  /**
   * The mix of pre-sentence reports HMI Probation reported for June 2018 to June 2019 (R&amp;A
   * Bulletin 2020/04): 535 oral, 237 short format, 30 standard delivery.
   *
   * @return the number of reports of each type, in {@link ReportType} order
   */
  public Map<ReportType, Long> reportMix() {
    Map<ReportType, Long> mix = new EnumMap<>(ReportType.class);
    mix.put(ReportType.ORAL, (long) value("psr_oral"));
    mix.put(ReportType.SHORT_FORMAT, (long) value("psr_short_format"));
    mix.put(ReportType.STANDARD_DELIVERY, (long) value("psr_standard_delivery"));
    return Collections.unmodifiableMap(mix);
  }

  /**
   * The number of community and suspended sentence orders made in April to June 2016 (HMI Probation
   * RAR thematic, Feb 2017): 19,021.
   *
   * @return the number of orders
   */
  public long communityAndSuspendedOrders2016Q2() {
    return (long) value("co_sso_orders");
  }

  /**
   * The share of those orders with a RAR: 36%.
   *
   * @return a share in [0, 1]
   */
  public double rarShare2016Q2() {
    return value("co_sso_with_rar_share") / 100.0;
  }

  /**
   * The published lower bound on the share of RARs with no purposeful activity: "more than 1 in
   * 10", stored as 10%. It is a bound, not an estimate.
   *
   * @return a share in [0, 1]
   */
  public double noPurposefulActivityLowerBound() {
    return value("rar_no_purposeful_activity_share") / 100.0;
  }

  /**
   * The national (all CRCs) quarterly series of a CRC service level, as published.
   *
   * @param code the service-level code, e.g. {@link #BREACH_REFERRAL_CODE}
   * @return a table with columns {@code quarter} (e.g. "2017-Q2"), {@code quarter_label}, {@code
   *     percent}, {@code source} and {@code tag}, in quarter order
   * @throws IllegalArgumentException if the code has no published series
   */
  public ResultTable serviceLevelSeries(String code) {
    Table t = series.where(series.stringColumn("measure_code").isEqualTo(code));
    if (t.isEmpty()) {
      throw new IllegalArgumentException(
          "no national series for service level '"
              + code
              + "' in "
              + SERIES_FILE
              + "; codes there: "
              + series.stringColumn("measure_code").unique().asList());
    }
    Table out =
        t.selectColumns("quarter", "quarter_label", "percent", "source", "tag")
            .sortAscendingOn("quarter");
    out.setName(code + " national quarterly (published, data.justice.gov.uk)");
    return ResultTable.of(
        "CRC service level " + code + ", England and Wales, by quarter (published)",
        out,
        Sources.of(provenance(SERIES_FILE)));
  }

  /**
   * The published national share of alleged breaches referred within 8 business days (CRC service
   * level AE), by quarter.
   *
   * @return an unmodifiable map from quarter to share in [0, 1], in quarter order
   */
  public Map<YearQuarter, Double> breachReferralWithin8Days() {
    Table t = serviceLevelSeries(BREACH_REFERRAL_CODE).table();
    Map<YearQuarter, Double> out = new LinkedHashMap<>();
    for (Row r : t) {
      out.put(
          YearQuarter.parse(r.getString("quarter")),
          Math.round(r.getDouble("percent") * 10) / 1000.0);
    }
    return Collections.unmodifiableMap(out);
  }

  private double value(String metric) {
    String v = figures.get(metric);
    if (v == null) {
      throw new IllegalStateException(COURT_FILE + " has no row for metric '" + metric + "'");
    }
    return Double.parseDouble(v);
  }

  private static PublishedCourtFigures load() {
    Table figures = readStrings(COURT_FILE);
    for (Row r : figures) {
      String v = r.getString("value");
      try {
        Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw new IllegalStateException(
            COURT_FILE
                + " line "
                + (r.getRowNumber() + 2)
                + ", column value: '"
                + v
                + "' is not a number",
            e);
      }
    }
    Table raw = readStrings(SERIES_FILE);
    DoubleColumn percent = DoubleColumn.create("percent");
    for (Row r : raw) {
      String v = r.getString("percent");
      try {
        double p = Double.parseDouble(v);
        if (!(p >= 0 && p <= 100)) {
          throw new NumberFormatException("out of range");
        }
        percent.append(p);
      } catch (NumberFormatException e) {
        throw new IllegalStateException(
            SERIES_FILE
                + " line "
                + (r.getRowNumber() + 2)
                + ", column percent: '"
                + v
                + "' is not a percentage from 0 to 100",
            e);
      }
    }
    Table series =
        Table.create(
            "crc_service_levels_national_quarterly",
            raw.stringColumn("measure_code"),
            raw.stringColumn("quarter"),
            raw.stringColumn("quarter_label"),
            percent,
            raw.stringColumn("source"),
            raw.stringColumn("tag"));
    return new PublishedCourtFigures(figures, series);
  }

  private static Table readStrings(String file) {
    try (InputStream in = PublishedCourtFigures.class.getResourceAsStream("/" + file)) {
      if (in == null) {
        throw new IllegalStateException(file + " is not on the class path");
      }
      java.util.List<String> header =
          file.equals(COURT_FILE)
              ? java.util.List.of(
                  "metric", "value_kind", "value", "unit", "period", "note", "source", "tag")
              : java.util.List.of(
                  "measure_code",
                  "geography",
                  "quarter",
                  "quarter_label",
                  "percent",
                  "source",
                  "tag");
      String name = file.substring(file.lastIndexOf('/') + 1);
      return org.probationlens.read.DatasetLoader.of(
              org.probationlens.read.Schema.text(name, header))
          .readBytes(name, in.readAllBytes())
          .table();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "PublishedCourtFigures[" + figures.keySet() + "]";
  }
}
