package org.probationlens.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probationlens.volume.VolumeVariance;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Two CPAs, a forecast for 2014-15 to 2017-18 only (CO: C07 10.0 a year, C17 4.0), and CRC cases of
 * weight C07 8, 6, 5 and C17 4, 3, 2 in 2014-15, 2015-16 and 2016-17; in April-June 2017 C07 1.5
 * and C17 0.5; and C17 3 in September 2017. Expected values are worked by hand in each test.
 */
class OriginalTermTest {

  private static final double EPS = 1e-9;

  private static final List<String> TERM =
      List.of(
          "2014-15", "2015-16", "2016-17", "2017-18", "2018-19", "2019-20", "2020-21", "2021-22");

  private static VolumeVariance variance() {
    Object[][] rows = {
      {"C07", "MCG", "2014-07-01", 8.0},
      {"C07", "CHS", "2015-07-01", 6.0},
      {"C07", "MCG", "2016-07-01", 5.0},
      {"C07", "CHS", "2017-05-01", 1.5},
      {"C17", "LDN", "2014-08-01", 4.0},
      {"C17", "LDN", "2015-08-01", 3.0},
      {"C17", "LDN", "2016-08-01", 2.0},
      {"C17", "LDN", "2017-06-30", 0.5},
      {"C17", "LDN", "2017-09-01", 3.0},
    };
    StringColumn id = StringColumn.create("case_id");
    StringColumn type = StringColumn.create("provider_type");
    StringColumn code = StringColumn.create("provider_code");
    StringColumn area = StringColumn.create("pcc_area");
    StringColumn work = StringColumn.create("work_type");
    DateColumn start = DateColumn.create("start_date");
    DoubleColumn weight = DoubleColumn.create("weight");
    int n = 0;
    for (Object[] r : rows) {
      id.append("K" + ++n);
      type.append("CRC");
      code.append((String) r[0]);
      area.append((String) r[1]);
      work.append("CO");
      start.append(LocalDate.parse((String) r[2]));
      weight.append((Double) r[3]);
    }
    Table cases = Table.create("cases").addColumns(id, type, code, area, work, start, weight);
    StringColumn cpa = StringColumn.create("cpa_code");
    StringColumn fy = StringColumn.create("financial_year");
    StringColumn wt = StringColumn.create("work_type");
    IntColumn count = IntColumn.create("forecast_count");
    DoubleColumn weighted = DoubleColumn.create("forecast_weighted");
    for (String year : List.of("2014-15", "2015-16", "2016-17", "2017-18")) {
      for (Object[] r : new Object[][] {{"C07", 10.0}, {"C17", 4.0}}) {
        cpa.append((String) r[0]);
        fy.append(year);
        wt.append("CO");
        count.append(10);
        weighted.append((Double) r[1]);
      }
    }
    Table forecast = Table.create("forecast").addColumns(cpa, fy, wt, count, weighted);
    return VolumeVariance.of(cases, forecast);
  }

  private static List<Double> column(OriginalTerm term, String cpa, String column) {
    Table t = term.volumes();
    return t.where(t.stringColumn(PaymentModel.CPA).isEqualTo(cpa)).doubleColumn(column).asList();
  }

  @Test
  void observedYearsThenTheObservedPartOfAYearThenProjection() {
    OriginalTerm term = OriginalTerm.project(variance(), LocalDate.of(2017, 6, 30));
    Table t = term.volumes();
    assertEquals(16, t.rowCount());
    assertEquals(
        TERM,
        t.where(t.stringColumn("cpa").isEqualTo("C07"))
            .stringColumn(PaymentModel.FINANCIAL_YEAR)
            .asList());
    assertEquals(
        List.of(
            "observed",
            "observed",
            "observed",
            "observed in part, rest projected",
            "projected on an extended forecast",
            "projected on an extended forecast",
            "projected on an extended forecast",
            "projected on an extended forecast"),
        t.where(t.stringColumn("cpa").isEqualTo("C07")).stringColumn(OriginalTerm.BASIS).asList());
    // C07: April-June 2017 is 91 of 2017-18's 365 days: forecast 10 x 91/365, actual 1.5, so the
    // level is 1.5 x 365 / 910. 2017-18: 1.5 + level x (10 - 10 x 91/365) = level x 10. Later
    // years extend 2017-18's forecast per day: 10 a year, 10 x 366/365 in 2019-20 (366 days).
    double level = 1.5 * 365 / 910;
    List<Double> forecast = column(term, "C07", PaymentModel.FORECAST_WEIGHTED);
    List<Double> actual = column(term, "C07", PaymentModel.ACTUAL_WEIGHTED);
    List<Double> observed = column(term, "C07", OriginalTerm.OBSERVED_WEIGHTED);
    double[] f = {10, 10, 10, 10, 10, 10.0 * 366 / 365, 10, 10};
    double[] a = {8, 6, 5, level * 10, level * 10, level * 10 * 366 / 365, level * 10, level * 10};
    double[] o = {8, 6, 5, 1.5, 0, 0, 0, 0};
    for (int i = 0; i < 8; i++) {
      assertEquals(f[i], forecast.get(i), EPS, TERM.get(i));
      assertEquals(a[i], actual.get(i), EPS, TERM.get(i));
      assertEquals(o[i], observed.get(i), EPS, TERM.get(i));
    }
    // C17: its September 2017 case is after the date and is not counted; level 0.5 x 365 / 364.
    assertEquals(
        0.5 * 365 / 364 * 4, column(term, "C17", PaymentModel.ACTUAL_WEIGHTED).get(3), EPS);
    assertEquals(0.5, column(term, "C17", OriginalTerm.OBSERVED_WEIGHTED).get(3), EPS);
  }

  @Test
  void aYearEndMeansWholeYearsObservedAndTheLastOneSetsTheLevel() {
    OriginalTerm term = OriginalTerm.project(variance(), LocalDate.of(2017, 3, 31));
    Table t = term.volumes();
    Table c07 = t.where(t.stringColumn("cpa").isEqualTo("C07"));
    assertEquals("observed", c07.stringColumn(OriginalTerm.BASIS).get(2));
    assertEquals("projected", c07.stringColumn(OriginalTerm.BASIS).get(3));
    assertEquals("projected on an extended forecast", c07.stringColumn(OriginalTerm.BASIS).get(4));
    // 2016-17: 5 of 10, so every later year is half its forecast.
    assertEquals(5.0, c07.doubleColumn(PaymentModel.ACTUAL_WEIGHTED).getDouble(3), EPS);
    assertEquals(0.0, c07.doubleColumn(OriginalTerm.OBSERVED_WEIGHTED).getDouble(3), EPS);
    assertEquals(5.0 * 366 / 365, c07.doubleColumn(PaymentModel.ACTUAL_WEIGHTED).getDouble(5), EPS);
    // Over the term: forecast 8 x 10 + 10/365 (the 2019-20 leap day) for C07, 8 x 4 + 4/365 for
    // C17; actual C07 8 + 6 + 5 + 5 x (5 + 1/365), C17 4 + 3 + 2 + 2 x (5 + 1/365).
    double forecast = 80 + 10.0 / 365 + 32 + 4.0 / 365;
    double actual = 19 + 5 * (5 + 1.0 / 365) + 9 + 2 * (5 + 1.0 / 365);
    assertEquals(actual / forecast * 100, term.actualPercentOfForecast(), EPS);
    Table years = term.byYear();
    assertEquals(TERM, years.stringColumn(PaymentModel.FINANCIAL_YEAR).asList());
    assertEquals(14.0, years.doubleColumn(PaymentModel.FORECAST_WEIGHTED).getDouble(0), EPS);
    assertEquals(12.0, years.doubleColumn(PaymentModel.ACTUAL_WEIGHTED).getDouble(0), EPS);
    assertEquals(7.0 / 14 * 100, years.doubleColumn("actual_pct_of_forecast").getDouble(3), EPS);
  }

  @Test
  void thePaymentModelValuesTheTermAndCalibratesOverIt() {
    OriginalTerm term = OriginalTerm.project(variance(), LocalDate.of(2017, 3, 31));
    PaymentResult r =
        PaymentModel.of(PaymentOptions.defaults().withPriceCalibratedTo(1_000_000, "test"))
            .simulate(term.volumes());
    // The maximum is summed over every CPA and year of the term: 16 rows, 8 years.
    assertEquals(1_000_000, r.totals().maximum(), 1e-6);
    assertEquals(16, r.table().rowCount());
    assertEquals(8, r.byYear().rowCount());
    double baseline = 80 + 10.0 / 365 + 32 + 4.0 / 365;
    assertEquals(1_000_000 * 0.9 / baseline, r.unitPrice(), 1e-9);
  }

  @Test
  void assumptionsSayWhatIsPublishedAndWhatIsAssumed() {
    Table a = OriginalTerm.project(variance(), LocalDate.of(2017, 6, 30)).assumptions().table();
    assertEquals(
        List.of("PUBLISHED", "CHOICE", "ASSUMPTION", "ASSUMPTION"),
        a.stringColumn("status").asList());
    assertEquals("2017-06-30", a.stringColumn("value").get(1));
    assertEquals(
        "each CPA's forecast x its actual/forecast in 2017-04-01 to 2017-06-30",
        a.stringColumn("value").get(2));
    assertEquals(
        "each CPA's forecast x its actual/forecast in 2016-17",
        OriginalTerm.project(variance(), LocalDate.of(2017, 3, 31))
            .assumptions()
            .table()
            .stringColumn("value")
            .get(2));
  }

  @Test
  void refusesADateOutsideTheTermOrTheForecast() {
    VolumeVariance v = variance();
    for (LocalDate bad :
        List.of(LocalDate.of(2015, 3, 30), LocalDate.of(2018, 4, 1), LocalDate.of(2022, 3, 31))) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> OriginalTerm.project(v, bad));
      assertEquals(
          "observedThrough "
              + bad
              + " must be from 2015-03-31 (the end of the term's first year) to 2022-03-30,"
              + " within the forecast's years 2014-15 to 2017-18 (which must start at 2014-15)",
          e.getMessage());
    }
  }
}
