package org.probationlens.payment;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.probationlens.area.Geography;
import org.probationlens.area.Level;
import org.probationlens.area.RollUp;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.ResultTable;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What the payment model says each CPA was paid, year by year, and what that adds up to: fee for
 * service, payment by results, service credits, and the under-spend against the contract's maximum.
 * Model output, not published payments; {@link #assumptions()} lists what it rests on.
 *
 * <p>Columns of {@link #table()} (money in GBP): {@code cpa, financial_year, forecast_weighted,
 * actual_weighted, band_low, band_high} (the baseline band, weighted volume), {@code maximum} (FFS
 * at baseline plus the whole PbR pot), {@code ffs_at_baseline}, {@code reconciliation}
 * (retrospective payment if positive, clawback if negative), {@code ffs}, {@code pbr}, {@code
 * service_credits}, {@code paid} (ffs + pbr - service credits), {@code under_spend} (maximum -
 * paid).
 *
 * @param options the options used, not null
 * @param unitPrice the FFS price per unit of weighted volume per year, GBP
 * @param priceNote where the price came from (given, or calibrated to which published figure)
 * @param table the payments by CPA and year, not null (copied; {@link #table()} returns a copy)
 * @param volumesSources where the volumes came from (the cases and forecast behind them), not null;
 *     {@link #sources()} adds the model's assumptions to them
 */
public record PaymentResult(
    PaymentOptions options, double unitPrice, String priceNote, Table table, Sources volumesSources)
    implements Result {

  /** Column: lower edge of the baseline band, weighted volume. */
  public static final String BAND_LOW = "band_low";

  /** Column: upper edge of the baseline band, weighted volume. */
  public static final String BAND_HIGH = "band_high";

  /** Column: the maximum value, FFS at baseline plus the whole PbR pot, GBP. */
  public static final String MAXIMUM = "maximum";

  /** Column: the annual price at baseline volume, GBP. */
  public static final String FFS_AT_BASELINE = "ffs_at_baseline";

  /** Column: retrospective payment (positive) or clawback (negative), GBP. */
  public static final String RECONCILIATION = "reconciliation";

  /** Column: fee for service after reconciliation, GBP. */
  public static final String FFS = "ffs";

  /** Column: payment by results earned, GBP. */
  public static final String PBR = "pbr";

  /** Column: service credits deducted, GBP. */
  public static final String SERVICE_CREDITS = "service_credits";

  /** Column: ffs + pbr - service credits, GBP. */
  public static final String PAID = "paid";

  /** Column: maximum - paid, GBP. */
  public static final String UNDER_SPEND = "under_spend";

  private static final List<String> MONEY =
      List.of(
          MAXIMUM, FFS_AT_BASELINE, RECONCILIATION, FFS, PBR, SERVICE_CREDITS, PAID, UNDER_SPEND);

  /** Validates the result. */
  public PaymentResult {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(priceNote, "priceNote");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(volumesSources, "volumesSources");
    if (!(unitPrice > 0)) {
      throw new IllegalArgumentException("unit price " + unitPrice + "; expected GBP > 0");
    }
    table = table.copy();
  }

  /**
   * The payments by CPA and financial year: a copy the caller may change.
   *
   * @return a new table, not null
   */
  @Override
  public Table table() {
    return table.copy();
  }

  /** {@return what the result shows} */
  @Override
  public String title() {
    return TITLE;
  }

  /** {@return the national totals, and that the figures are a model's} */
  @Override
  public List<String> notes() {
    return List.of(
        "Totals: " + totals() + ".",
        "Model output, not published payments: per-CRC payments were never published (PQ"
            + " 157215).");
  }

  /**
   * Where the payments came from: the volumes' sources, every assumption of the model (band width,
   * reconciliation, PbR share, attainment, service credits, price), and the published figure the
   * price was calibrated to, if any.
   *
   * @return the sources, not null
   */
  @Override
  public Sources sources() {
    List<String> said = new java.util.ArrayList<>();
    Table a = assumptionRows();
    for (int i = 0; i < a.rowCount(); i++) {
      String status = a.stringColumn("status").get(i);
      if (!status.equals("PUBLISHED")) {
        said.add(
            a.stringColumn("input").get(i)
                + " "
                + a.stringColumn("value").get(i)
                + " ("
                + status
                + ")");
      }
    }
    Sources s = volumesSources.withAssumptions(said);
    return options.calibrationFigureId().map(id -> s.calibratedTo(List.of(id))).orElse(s);
  }

  /**
   * National totals over every CPA and year.
   *
   * @param maximum the contracts' maximum value, GBP
   * @param ffs fee for service paid, GBP
   * @param pbr payment by results paid, GBP
   * @param serviceCredits service credits deducted, GBP
   * @param paid ffs + pbr - service credits, GBP
   * @param underSpend maximum - paid, GBP
   */
  public record Totals(
      double maximum,
      double ffs,
      double pbr,
      double serviceCredits,
      double paid,
      double underSpend) {

    /** {@return PbR as a percentage of what was paid} */
    public double pbrPercentOfPaid() {
      return pbr / paid * 100;
    }

    /** {@return what was paid as a percentage of the maximum} */
    public double paidPercentOfMaximum() {
      return paid / maximum * 100;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "maximum GBP %.3fbn; paid GBP %.3fbn (%.1f%% of maximum): fee for service %.3fbn,"
              + " PbR %.3fbn (%.1f%% of paid), service credits %.3fbn; under-spend GBP %.3fbn",
          maximum / 1e9,
          paid / 1e9,
          paidPercentOfMaximum(),
          ffs / 1e9,
          pbr / 1e9,
          pbrPercentOfPaid(),
          serviceCredits / 1e9,
          underSpend / 1e9);
    }
  }

  /**
   * The totals over every CPA and year.
   *
   * @return the totals, not null
   */
  public Totals totals() {
    return new Totals(
        sum(MAXIMUM), sum(FFS), sum(PBR), sum(SERVICE_CREDITS), sum(PAID), sum(UNDER_SPEND));
  }

  private double sum(String column) {
    return table.doubleColumn(column).sum();
  }

  /**
   * Payments summed over years, one row per CPA, with shares.
   *
   * @return columns {@code cpa}, the money columns, {@code pbr_pct_of_paid}, {@code
   *     under_spend_pct} (of maximum); not null
   */
  public ResultTable byCpa() {
    return result(cpaTable());
  }

  private Table cpaTable() {
    return withShares(
            Geography.standard()
                .rollUp(table, PaymentModel.CPA, Level.CPA, Level.CPA, null, moneySums()))
        .setName("CRC payments by CPA, all years (model)");
  }

  /**
   * Payments summed over years, one row per owner.
   *
   * @param geography the geography, not null
   * @param asOf the date at which CPAs are assigned to owners (they changed in February 2019), not
   *     null
   * @return columns {@code owner}, the money columns and shares as {@link #byCpa()}; not null
   */
  public ResultTable byOwner(Geography geography, LocalDate asOf) {
    Objects.requireNonNull(asOf, "asOf");
    return result(
        withShares(
                geography.rollUp(
                    table, PaymentModel.CPA, Level.CPA, Level.OWNER, asOf, moneySums()))
            .setName("CRC payments by owner as of " + asOf + ", all years (model, GBP)"));
  }

  private ResultTable result(Table t) {
    return ResultTable.of(t.name(), t, sources());
  }

  /**
   * Payments summed over CPAs, one row per financial year.
   *
   * @return columns {@code financial_year}, the money columns and shares; not null
   */
  public ResultTable byYear() {
    Table out = Table.create("CRC payments by financial year (model, GBP)");
    StringColumn year = StringColumn.create(PaymentModel.FINANCIAL_YEAR);
    out.addColumns(year);
    List<String> years = table.stringColumn(PaymentModel.FINANCIAL_YEAR).unique().asList();
    years = years.stream().sorted().toList();
    List<DoubleColumn> cols = MONEY.stream().map(DoubleColumn::create).toList();
    cols.forEach(out::addColumns);
    for (String y : years) {
      Table t = table.where(table.stringColumn(PaymentModel.FINANCIAL_YEAR).isEqualTo(y));
      year.append(y);
      for (int j = 0; j < MONEY.size(); j++) {
        cols.get(j).append(t.doubleColumn(MONEY.get(j)).sum());
      }
    }
    return result(withShares(out));
  }

  private static RollUp moneySums() {
    return RollUp.sum(MONEY.toArray(String[]::new));
  }

  private static Table withShares(Table t) {
    DoubleColumn pbrShare = DoubleColumn.create("pbr_pct_of_paid");
    DoubleColumn under = DoubleColumn.create("under_spend_pct");
    for (int i = 0; i < t.rowCount(); i++) {
      double paid = t.doubleColumn(PAID).getDouble(i);
      pbrShare.append(paid == 0 ? Double.NaN : t.doubleColumn(PBR).getDouble(i) / paid * 100);
      double max = t.doubleColumn(MAXIMUM).getDouble(i);
      under.append(max == 0 ? Double.NaN : t.doubleColumn(UNDER_SPEND).getDouble(i) / max * 100);
    }
    return t.addColumns(pbrShare, under);
  }

  /**
   * What the figures rest on: one row per input, its value, and whether it is published, derived
   * from published figures, calibrated to one, or an assumption.
   *
   * @return columns {@code input, value, status, basis}; not null
   */
  public ResultTable assumptions() {
    return ResultTable.of("What the payment model rests on", assumptionRows(), sources());
  }

  private Table assumptionRows() {
    PaymentOptions o = options;
    boolean calibrated = priceNote.startsWith("CALIBRATED");
    String[][] rows = {
      {
        "mechanism",
        "FFS against a weighted baseline band, reconciled annually; PbR on binary and"
            + " frequency reoffending against 2011; service credits",
        "PUBLISHED",
        "Justice Committee HC 1004 (2014) ch.3; PQ 208833"
      },
      {
        "band width",
        pct(o.bandWidth(), "+/-"),
        "ASSUMPTION",
        "band widths never published (facts.md s.2 gaps)"
      },
      {
        "reconciliation",
        o.reconciliation().toString(),
        "ASSUMPTION",
        "published only as 'retrospective payment or clawback outside the range'"
      },
      {
        "PbR share of maximum",
        pct(o.pbrShare(), ""),
        "ASSUMPTION",
        "no stored source gives the share of contract value at risk under PbR"
      },
      {
        "PbR pot scales with actual volume",
        "A / B",
        "ASSUMPTION",
        "PbR paid per offender in the cohorts; cohort size taken to follow volume"
      },
      {"binary share of PbR pot", pct(o.binaryShare(), ""), "ASSUMPTION", "not published"},
      {
        "binary attainment",
        String.format(Locale.ROOT, "%.3f", o.binaryAttainment()),
        o.binaryAttainment() == PaymentOptions.DEFAULT_BINARY_ATTAINMENT ? "DERIVED" : "ASSUMPTION",
        "default 6/21: CRCs consistently achieving significant binary reductions (NAO press"
            + " release 1 Mar 2019), applied to every CRC"
      },
      {
        "frequency attainment",
        String.format(Locale.ROOT, "%.3f", o.frequencyAttainment()),
        o.frequencyAttainment() == PaymentOptions.DEFAULT_FREQUENCY_ATTAINMENT
            ? "DERIVED"
            : "ASSUMPTION",
        "default 2/21: 19 of 21 CRCs had not met frequency targets (PAC HC 897), applied to"
            + " every CRC"
      },
      {
        "service credits per year",
        String.format(Locale.ROOT, "GBP %.2fm", o.serviceCreditsPerYear() / 1e6),
        o.serviceCreditsPerYear() == PaymentOptions.DEFAULT_SERVICE_CREDITS_PER_YEAR
            ? "DERIVED"
            : "ASSUMPTION",
        "default GBP 7.4m levied Jul 2015-Mar 2018 (PQ 253670) over 2.75 years; spread by FFS"
      },
      {
        "unit price",
        String.format(Locale.ROOT, "GBP %.2f per weighted unit per year", unitPrice),
        calibrated ? "CALIBRATED" : "GIVEN",
        priceNote
      },
    };
    return AssumptionTable.of("what the payment model rests on", rows);
  }

  private static String pct(double fraction, String prefix) {
    return String.format(Locale.ROOT, "%s%.1f%%", prefix, fraction * 100);
  }

  private static final String TITLE =
      "CRC payments (model; payments computed from synthetic volumes are synthetic)";

  /** The table by CPA with money in GBP millions, for reading. */
  private Table byCpaInMillions() {
    Table cpa = cpaTable();
    Table shown = Table.create(cpa.name() + ", GBP m");
    for (Column<?> c : cpa.columns()) {
      if (c instanceof DoubleColumn d && MONEY.contains(d.name())) {
        shown.addColumns(d.divide(1e6).setName(d.name() + "_m"));
      } else {
        shown.addColumns(c.copy());
      }
    }
    return shown;
  }

  /** The totals, the table by CPA (GBP m) and the assumptions, as readable text. */
  @Override
  public String toString() {
    return TITLE
        + "\n"
        + totals()
        + "\n"
        + byCpaInMillions().print(30)
        + "\n"
        + assumptionRows().print();
  }
}
