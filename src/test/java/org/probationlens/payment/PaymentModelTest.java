package org.probationlens.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probationlens.area.Geography;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Two CPAs, one year: C07 baseline 100, actual 80 (below its band); C17 baseline 100, actual 103
 * (inside). Options: band +/-5%, PbR 10%, price GBP 1,000, PbR attainment 0.5 x 0.4 + 0.5 x 0.2 =
 * 0.3, service credits GBP 600 a year. Expected values are worked by hand in each test.
 */
class PaymentModelTest {

  private static final double EPS = 1e-6;

  private static Table volumes() {
    return Table.create("volumes")
        .addColumns(
            StringColumn.create("cpa", "C07", "C17"),
            StringColumn.create("financial_year", "2015-16", "2015-16"),
            DoubleColumn.create("forecast_weighted", 100.0, 100.0),
            DoubleColumn.create("actual_weighted", 80.0, 103.0));
  }

  private static PaymentOptions options() {
    return PaymentOptions.defaults()
        .withUnitPrice(1000)
        .withPbrAttainment(0.5, 0.4, 0.2)
        .withServiceCreditsPerYear(600);
  }

  @Test
  void feeForServiceIsReconciledBeyondTheBand() {
    // C07: band 95..105, actual 80 -> clawback 1000 x (80 - 95) = -15,000; FFS 85,000.
    // C17: 103 inside 95..105 -> no reconciliation; FFS 100,000.
    Table t = PaymentModel.of(options()).simulate(volumes()).table();
    assertEquals(List.of(95.0, 95.0), t.doubleColumn("band_low").asList());
    assertEquals(-15_000, t.doubleColumn("reconciliation").getDouble(0), EPS);
    assertEquals(0, t.doubleColumn("reconciliation").getDouble(1), EPS);
    assertEquals(85_000, t.doubleColumn("ffs").getDouble(0), EPS);
    assertEquals(100_000, t.doubleColumn("ffs").getDouble(1), EPS);
    // Whole difference: C07 clawback 1000 x (80 - 100) = -20,000.
    Table whole =
        PaymentModel.of(options().withReconciliation(Reconciliation.WHOLE_DIFFERENCE))
            .simulate(volumes())
            .table();
    assertEquals(80_000, whole.doubleColumn("ffs").getDouble(0), EPS);
  }

  @Test
  void pbrIsAShareOfTheMaximumScaledByVolumeAndAttainment() {
    // Maximum M = 1000 x 100 / (1 - 0.1) = 111,111.11 for each CPA.
    // PbR C07 = 0.1 x M x 80/100 x 0.3 = 2,666.67; C17 = 0.1 x M x 103/100 x 0.3 = 3,433.33.
    // Service credits 600 split by FFS: C07 600 x 85/185, C17 600 x 100/185.
    PaymentResult r = PaymentModel.of(options()).simulate(volumes());
    Table t = r.table();
    double m = 100_000 / 0.9;
    assertEquals(m, t.doubleColumn("maximum").getDouble(0), EPS);
    assertEquals(0.1 * m * 0.8 * 0.3, t.doubleColumn("pbr").getDouble(0), EPS);
    assertEquals(0.1 * m * 1.03 * 0.3, t.doubleColumn("pbr").getDouble(1), EPS);
    assertEquals(600.0 * 85 / 185, t.doubleColumn("service_credits").getDouble(0), EPS);
    double paidC07 = 85_000 + 0.1 * m * 0.8 * 0.3 - 600.0 * 85 / 185;
    assertEquals(paidC07, t.doubleColumn("paid").getDouble(0), EPS);
    assertEquals(m - paidC07, t.doubleColumn("under_spend").getDouble(0), EPS);
    PaymentResult.Totals totals = r.totals();
    double paid = 185_000 + 0.1 * m * 1.83 * 0.3 - 600;
    assertEquals(2 * m, totals.maximum(), EPS);
    assertEquals(paid, totals.paid(), EPS);
    assertEquals(0.1 * m * 1.83 * 0.3 / paid * 100, totals.pbrPercentOfPaid(), EPS);
  }

  @Test
  void calibrationHitsTheTargetAndSaysSo() {
    // Target 200,000 over baselines 200: P = 200,000 x 0.9 / 200 = 900.
    PaymentResult r =
        PaymentModel.of(PaymentOptions.defaults().withPriceCalibratedTo(200_000, "test source"))
            .simulate(volumes());
    assertEquals(900, r.unitPrice(), EPS);
    assertEquals(200_000, r.totals().maximum(), EPS);
    assertTrue(r.priceNote().startsWith("CALIBRATED"), r.priceNote());
    Table a = r.assumptions().table();
    int row = a.stringColumn("input").indexOf("unit price");
    assertEquals("CALIBRATED", a.stringColumn("status").get(row));
    assertEquals(
        "ASSUMPTION", a.stringColumn("status").get(a.stringColumn("input").indexOf("band width")));
    // every assumption and the calibration travel with the result's sources, not as HTML
    assertTrue(
        r.sources().assumptions().contains("band width +/-5.0% (ASSUMPTION)"),
        r.sources().assumptions().toString());
    assertTrue(
        r.sources().assumptions().stream().anyMatch(x -> x.endsWith("(CALIBRATED)")),
        r.sources().assumptions().toString());
  }

  @Test
  void ownersAndYearsAreSums() {
    PaymentResult r = PaymentModel.of(options()).simulate(volumes());
    Table owners = r.byOwner(Geography.standard(), LocalDate.of(2016, 3, 31)).table();
    assertEquals(List.of("MTCNOVO", "PURPLE_FUTURES"), owners.stringColumn("owner").asList());
    assertEquals(85_000, owners.doubleColumn("ffs").getDouble(1), EPS);
    Table years = r.byYear().table();
    assertEquals(185_000, years.doubleColumn("ffs").getDouble(0), EPS);
    Table cpas = r.byCpa().table();
    double m = 100_000 / 0.9;
    double paidC07 = 85_000 + 0.1 * m * 0.8 * 0.3 - 600.0 * 85 / 185;
    assertEquals((m - paidC07) / m * 100, cpas.doubleColumn("under_spend_pct").getDouble(0), EPS);
  }

  @Test
  void sensitivityVariesOneAssumptionAtATime() {
    // Band +/-25%: C07's 80 is inside 75..125, so no clawback: FFS 200,000 in all.
    Table s =
        PaymentModel.of(options())
            .sensitivity(volumes(), List.of(0.05, 0.25), List.of(0.1))
            .table();
    assertEquals(List.of(5.0, 25.0), s.doubleColumn("band_width_pct").asList());
    assertEquals(185_000, s.doubleColumn("ffs").getDouble(0), EPS);
    assertEquals(200_000, s.doubleColumn("ffs").getDouble(1), EPS);
  }

  @Test
  void volumeFactorIsFoundByBisection() {
    // No band, no PbR, no credits, price 1,000: paid = 1,000 x (80 k + 103 k) = 183,000 k.
    // Paying 91,500 needs k = 0.5.
    PaymentModel plain =
        PaymentModel.of(options().withBandWidth(0).withPbrShare(0).withServiceCreditsPerYear(0));
    assertEquals(0.5, plain.volumeFactorFor(volumes(), 91_500), 1e-5);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> plain.volumeFactorFor(volumes(), 1e9));
    assertTrue(e.getMessage().startsWith("no volume factor from 0 to 2 pays GBP 1000000000"));
  }

  @Test
  void badInputIsNamed() {
    IllegalArgumentException noPrice =
        assertThrows(
            IllegalArgumentException.class, () -> PaymentModel.of(PaymentOptions.defaults()));
    assertTrue(noPrice.getMessage().startsWith("payment options have no unit price"));
    Table bad = volumes();
    bad.doubleColumn("forecast_weighted").set(1, 0.0);
    IllegalArgumentException zero =
        assertThrows(
            IllegalArgumentException.class, () -> PaymentModel.of(options()).simulate(bad));
    assertEquals(
        "volumes table 'volumes': row 2, column forecast_weighted: 0.0; expected a baseline > 0",
        zero.getMessage());
    IllegalArgumentException band =
        assertThrows(
            IllegalArgumentException.class, () -> PaymentOptions.defaults().withBandWidth(1.5));
    assertEquals("bandWidth = 1.5; expected a fraction from 0.0 to 1.0", band.getMessage());
  }

  @Test
  void aPriceCalibratedToARegistryFigureNamesIt() {
    var figure = org.probationlens.reference.PublishedFigures.standard().figure("max_payments");
    PaymentResult r =
        PaymentModel.of(PaymentOptions.defaults().withPriceCalibratedTo(figure))
            .simulate(volumes());
    // maximum = P B / (1 - s) summed = 3.7e9 by construction
    assertEquals(3.7e9, r.totals().maximum(), 1);
    assertEquals(
        java.util.List.of("max_payments"), java.util.List.copyOf(r.sources().calibratedTo()));
    // a bare table says its provenance was not stated
    assertTrue(
        r.sources().assumptions().get(0).startsWith("volumes passed as a bare table"),
        r.sources().assumptions().toString());
  }
}
