package org.probationlens.payment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.probationlens.provenance.ResultTable;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The CRC payment mechanism as published, applied to volumes: what each CPA would have been paid in
 * fee for service and payment by results, against the contract's maximum value.
 *
 * <p>For each CPA and financial year, with B the baseline (forecast) weighted volume, A the actual
 * weighted volume, P the unit price, b the band half-width, s the PbR share:
 *
 * <ul>
 *   <li>maximum value M = P B / (1 - s): FFS at baseline plus the whole PbR pot s M.
 *   <li>FFS = P B + reconciliation: none while A is within B(1 - b)..B(1 + b); outside it a
 *       retrospective payment (A above) or clawback (A below), of the volume beyond the band's edge
 *       or of the whole difference, as {@link Reconciliation} says.
 *   <li>PbR = s M x A / B x attainment: the pot shrinks with the cohort (PbR was paid per offender
 *       in the cohorts, so fewer cases mean a smaller pot; an assumption), and the CRC earns the
 *       share {@link PaymentOptions#pbrAttainment()}.
 *   <li>service credits: {@link PaymentOptions#serviceCreditsPerYear()} a year, spread over the
 *       CPAs in proportion to their FFS (an assumption).
 *   <li>paid = FFS + PbR - service credits; under-spend = M - paid.
 * </ul>
 *
 * <p>A model, not a record: no CRC's actual payments were published (PQ 157215: "commercially
 * sensitive"). Which inputs are assumptions is listed in every result.
 */
public final class PaymentModel {

  /** Column of the volumes input: the CPA code. */
  public static final String CPA = "cpa";

  /** Column of the volumes input: the financial year, "2015-16" style. */
  public static final String FINANCIAL_YEAR = "financial_year";

  /** Column of the volumes input: the baseline (forecast) weighted volume of the year. */
  public static final String FORECAST_WEIGHTED = "forecast_weighted";

  /** Column of the volumes input: the actual weighted volume of the year. */
  public static final String ACTUAL_WEIGHTED = "actual_weighted";

  private final PaymentOptions options;

  private PaymentModel(PaymentOptions options) {
    this.options = options;
  }

  /**
   * A model with the given options.
   *
   * @param options the options, with a unit price or a calibration target; not null
   * @return the model, not null
   * @throws IllegalArgumentException when the options have neither a price nor a target
   */
  public static PaymentModel of(PaymentOptions options) {
    Objects.requireNonNull(options, "options");
    if (Double.isNaN(options.unitPrice()) && Double.isNaN(options.calibrationTarget())) {
      throw new IllegalArgumentException(
          "payment options have no unit price; call withUnitPrice(pounds) or"
              + " withPriceCalibratedTo(publishedMaximum, source)");
    }
    return new PaymentModel(options);
  }

  /**
   * The options of this model.
   *
   * @return the options, not null
   */
  public PaymentOptions options() {
    return options;
  }

  /**
   * Payments for every CPA and year of the volumes.
   *
   * @param volumes columns {@link #CPA}, {@link #FINANCIAL_YEAR} (strings), {@link
   *     #FORECAST_WEIGHTED}, {@link #ACTUAL_WEIGHTED} (numbers; the forecast above 0), one row per
   *     CPA and year; for example {@code VolumeVariance.annualVolumes()}
   * @return the payments, not null
   * @throws IllegalArgumentException naming every missing column, duplicate row or bad value
   */
  public PaymentResult simulate(Table volumes) {
    return simulate(
        volumes,
        Sources.assumed(
            "volumes passed as a bare table, so their provenance was not stated (simulate an"
                + " OriginalTerm to carry it)"));
  }

  /**
   * The payments for a term's volumes, carrying the provenance of the cases and forecast behind
   * them: see {@link #simulate(Table)}.
   *
   * @param term the volumes over the original term, not null
   * @return the payments, not null
   */
  public PaymentResult simulate(OriginalTerm term) {
    Objects.requireNonNull(term, "term");
    return simulate(term.volumes(), term.sources());
  }

  private PaymentResult simulate(Table volumes, Sources volumesSources) {
    Objects.requireNonNull(volumes, "volumes");
    validate(volumes);
    int n = volumes.rowCount();
    NumericColumn<?> fw = volumes.numberColumn(FORECAST_WEIGHTED);
    NumericColumn<?> aw = volumes.numberColumn(ACTUAL_WEIGHTED);
    double s = options.pbrShare();
    double b = options.bandWidth();
    double baselineTotal = 0;
    for (int i = 0; i < n; i++) {
      baselineTotal += fw.getDouble(i);
    }
    double price;
    String priceNote;
    if (Double.isNaN(options.unitPrice())) {
      price = options.calibrationTarget() * (1 - s) / baselineTotal;
      priceNote =
          String.format(
              java.util.Locale.ROOT,
              "CALIBRATED: unit price set so the maximum value at forecast volumes equals the"
                  + " published GBP %.2fbn (%s); that figure is reproduced by construction",
              options.calibrationTarget() / 1e9,
              options.calibrationSource());
    } else {
      price = options.unitPrice();
      priceNote = "given by the caller";
    }
    Table out = Table.create("CRC payments by CPA and financial year (model)");
    StringColumn cpa = volumes.stringColumn(CPA).copy();
    StringColumn year = volumes.stringColumn(FINANCIAL_YEAR).copy();
    DoubleColumn baseline = DoubleColumn.create(FORECAST_WEIGHTED);
    DoubleColumn actual = DoubleColumn.create(ACTUAL_WEIGHTED);
    DoubleColumn low = DoubleColumn.create(PaymentResult.BAND_LOW);
    DoubleColumn high = DoubleColumn.create(PaymentResult.BAND_HIGH);
    DoubleColumn maximum = DoubleColumn.create(PaymentResult.MAXIMUM);
    DoubleColumn ffsBaseline = DoubleColumn.create(PaymentResult.FFS_AT_BASELINE);
    DoubleColumn reconciliation = DoubleColumn.create(PaymentResult.RECONCILIATION);
    DoubleColumn ffs = DoubleColumn.create(PaymentResult.FFS);
    DoubleColumn pbr = DoubleColumn.create(PaymentResult.PBR);
    DoubleColumn credits = DoubleColumn.create(PaymentResult.SERVICE_CREDITS);
    DoubleColumn paid = DoubleColumn.create(PaymentResult.PAID);
    DoubleColumn under = DoubleColumn.create(PaymentResult.UNDER_SPEND);
    Map<String, Double> ffsByYear = new HashMap<>();
    double[] ffsRow = new double[n];
    for (int i = 0; i < n; i++) {
      double f = fw.getDouble(i);
      double a = aw.getDouble(i);
      double lo = f * (1 - b);
      double hi = f * (1 + b);
      double adjust = 0;
      if (a < lo) {
        adjust =
            price * (a - (options.reconciliation() == Reconciliation.BEYOND_BAND_EDGE ? lo : f));
      } else if (a > hi) {
        adjust =
            price * (a - (options.reconciliation() == Reconciliation.BEYOND_BAND_EDGE ? hi : f));
      }
      double m = price * f / (1 - s);
      baseline.append(f);
      actual.append(a);
      low.append(lo);
      high.append(hi);
      maximum.append(m);
      ffsBaseline.append(price * f);
      reconciliation.append(adjust);
      ffsRow[i] = price * f + adjust;
      ffs.append(ffsRow[i]);
      pbr.append(s * m * a / f * options.pbrAttainment());
      ffsByYear.merge(year.get(i), ffsRow[i], Double::sum);
    }
    for (int i = 0; i < n; i++) {
      double yearFfs = ffsByYear.get(year.get(i));
      double c = yearFfs == 0 ? 0 : options.serviceCreditsPerYear() * ffsRow[i] / yearFfs;
      credits.append(c);
      double p = ffsRow[i] + pbr.getDouble(i) - c;
      paid.append(p);
      under.append(maximum.getDouble(i) - p);
    }
    out.addColumns(
        cpa,
        year,
        baseline,
        actual,
        low,
        high,
        maximum,
        ffsBaseline,
        reconciliation,
        ffs,
        pbr,
        credits,
        paid,
        under);
    return new PaymentResult(options, price, priceNote, out, volumesSources);
  }

  /**
   * How the national totals move with the two assumptions that matter most: the band width and the
   * PbR share. Every other option stays as in this model; a calibrated price is recalibrated for
   * each pair, so the maximum stays at the published figure.
   *
   * @param volumes as for {@link #simulate}, not null
   * @param bandWidths band half-widths to try, fractions; not empty
   * @param pbrShares PbR shares to try, fractions; not empty
   * @return one row per pair: {@code band_width_pct, pbr_share_pct, unit_price, maximum, ffs, pbr,
   *     service_credits, paid, under_spend, paid_pct_of_maximum, pbr_pct_of_paid} (GBP)
   */
  public ResultTable sensitivity(Table volumes, List<Double> bandWidths, List<Double> pbrShares) {
    return sensitivity(volumes, simulate(volumes).volumesSources(), bandWidths, pbrShares);
  }

  /**
   * How the national totals of a term move with the band width and the PbR share: see {@link
   * #sensitivity(Table, List, List)}; the result carries the term's sources.
   *
   * @param term the volumes over the original term, not null
   * @param bandWidths band half-widths to try, fractions; not empty
   * @param pbrShares PbR shares to try, fractions; not empty
   * @return one row per pair, as {@link #sensitivity(Table, List, List)}
   */
  public ResultTable sensitivity(
      OriginalTerm term, List<Double> bandWidths, List<Double> pbrShares) {
    Objects.requireNonNull(term, "term");
    return sensitivity(term.volumes(), term.sources(), bandWidths, pbrShares);
  }

  private ResultTable sensitivity(
      Table volumes, Sources volumesSources, List<Double> bandWidths, List<Double> pbrShares) {
    Objects.requireNonNull(bandWidths, "bandWidths");
    Objects.requireNonNull(pbrShares, "pbrShares");
    if (bandWidths.isEmpty() || pbrShares.isEmpty()) {
      throw new IllegalArgumentException(
          "sensitivity needs at least one band width and one PbR share; got "
              + bandWidths
              + " and "
              + pbrShares);
    }
    List<String> names =
        List.of(
            "band_width_pct",
            "pbr_share_pct",
            "unit_price",
            PaymentResult.MAXIMUM,
            PaymentResult.FFS,
            PaymentResult.PBR,
            PaymentResult.SERVICE_CREDITS,
            PaymentResult.PAID,
            PaymentResult.UNDER_SPEND,
            "paid_pct_of_maximum",
            "pbr_pct_of_paid");
    List<DoubleColumn> cols = new ArrayList<>();
    names.forEach(name -> cols.add(DoubleColumn.create(name)));
    for (double band : bandWidths) {
      for (double share : pbrShares) {
        PaymentResult r =
            new PaymentModel(options.withBandWidth(band).withPbrShare(share)).simulate(volumes);
        PaymentResult.Totals t = r.totals();
        double[] v = {
          band * 100,
          share * 100,
          r.unitPrice(),
          t.maximum(),
          t.ffs(),
          t.pbr(),
          t.serviceCredits(),
          t.paid(),
          t.underSpend(),
          t.paid() / t.maximum() * 100,
          t.pbr() / t.paid() * 100
        };
        for (int j = 0; j < v.length; j++) {
          cols.get(j).append(v[j]);
        }
      }
    }
    Table out = Table.create("sensitivity of CRC payments to the band width and PbR share");
    cols.forEach(out::addColumns);
    Sources used =
        simulate(volumes, volumesSources)
            .sources()
            .withAssumptions(
                List.of(
                    "band half-widths "
                        + bandWidths
                        + " and PbR shares "
                        + pbrShares
                        + " tried in turn, the price recalibrated for each pair"));
    return ResultTable.of(
        "Modelled CRC payments (GBP) by band half-width and PbR share", out, used);
  }

  /**
   * What it would take: the factor by which every actual weighted volume would have to be
   * multiplied for the model to pay a given total (found by bisection to GBP 1,000). This is an
   * exploration, not a calibration: nothing else changes, and the answer says how far the volumes
   * would have to fall, not that they did.
   *
   * @param volumes as for {@link #simulate}, not null
   * @param targetPaid the total paid to reach, GBP, > 0
   * @return the factor, 0 to 2
   * @throws IllegalArgumentException when no factor from 0 to 2 reaches the target
   */
  public double volumeFactorFor(Table volumes, double targetPaid) {
    if (!(targetPaid > 0)) {
      throw new IllegalArgumentException("targetPaid " + targetPaid + "; expected GBP > 0");
    }
    double lo = 0;
    double hi = 2;
    double paidLo = simulate(scaled(volumes, lo)).totals().paid();
    double paidHi = simulate(scaled(volumes, hi)).totals().paid();
    if (targetPaid < paidLo || targetPaid > paidHi) {
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "no volume factor from 0 to 2 pays GBP %.0f; the model pays GBP %.0f to %.0f",
              targetPaid,
              paidLo,
              paidHi));
    }
    for (int step = 0; step < 50; step++) {
      double mid = (lo + hi) / 2;
      double paid = simulate(scaled(volumes, mid)).totals().paid();
      if (paid < targetPaid) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  private static Table scaled(Table volumes, double factor) {
    Table copy = volumes.copy();
    NumericColumn<?> a = copy.numberColumn(ACTUAL_WEIGHTED);
    DoubleColumn s = DoubleColumn.create(ACTUAL_WEIGHTED);
    for (int i = 0; i < copy.rowCount(); i++) {
      s.append(a.getDouble(i) * factor);
    }
    copy.replaceColumn(ACTUAL_WEIGHTED, s);
    return copy;
  }

  private static void validate(Table volumes) {
    List<String> problems = new ArrayList<>();
    for (String c : List.of(CPA, FINANCIAL_YEAR)) {
      if (!volumes.columnNames().contains(c)) {
        problems.add(
            "volumes table has no column '" + c + "' (columns: " + volumes.columnNames() + ")");
      } else if (volumes.column(c).type() != ColumnType.STRING) {
        problems.add(
            "volumes column '" + c + "' is " + volumes.column(c).type() + "; expected STRING");
      }
    }
    for (String c : List.of(FORECAST_WEIGHTED, ACTUAL_WEIGHTED)) {
      if (!volumes.columnNames().contains(c)) {
        problems.add(
            "volumes table has no column '" + c + "' (columns: " + volumes.columnNames() + ")");
      } else if (!(volumes.column(c) instanceof NumericColumn)) {
        problems.add(
            "volumes column '"
                + c
                + "' is "
                + volumes.column(c).type()
                + "; expected a numeric column");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    if (volumes.rowCount() == 0) {
      throw new IllegalArgumentException("volumes table '" + volumes.name() + "' has no rows");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < volumes.rowCount(); i++) {
      int row = i + 1;
      String key =
          volumes.stringColumn(CPA).get(i) + " " + volumes.stringColumn(FINANCIAL_YEAR).get(i);
      Integer first = seen.putIfAbsent(key, row);
      if (first != null) {
        problems.add("row " + row + ": " + key + " repeats row " + first);
      }
      NumericColumn<?> f = volumes.numberColumn(FORECAST_WEIGHTED);
      NumericColumn<?> a = volumes.numberColumn(ACTUAL_WEIGHTED);
      if (f.isMissing(i) || !(f.getDouble(i) > 0)) {
        problems.add(
            "row "
                + row
                + ", column "
                + FORECAST_WEIGHTED
                + ": "
                + (f.isMissing(i) ? "missing" : f.getDouble(i))
                + "; expected a baseline > 0");
      }
      if (a.isMissing(i) || !(a.getDouble(i) >= 0)) {
        problems.add(
            "row "
                + row
                + ", column "
                + ACTUAL_WEIGHTED
                + ": "
                + (a.isMissing(i) ? "missing" : a.getDouble(i))
                + "; expected a volume >= 0");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "volumes table '" + volumes.name() + "': " + String.join("; ", problems));
    }
  }

  /**
   * A one-line summary: the payment model and its options, as {@link PaymentOptions#toString()}
   * gives them.
   *
   * @return the summary, not null
   */
  @Override
  public String toString() {
    return "PaymentModel: " + options;
  }
}
