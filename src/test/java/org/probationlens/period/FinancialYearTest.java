package org.probationlens.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threeten.extra.YearQuarter;

class FinancialYearTest {

  @Test
  void parsesAndPrintsThePublishedLabel() {
    FinancialYear fy = FinancialYear.parse("2015-16");
    assertEquals(2015, fy.startYear());
    assertEquals(LocalDate.of(2015, 4, 1), fy.start());
    assertEquals(LocalDate.of(2016, 3, 31), fy.end());
    assertEquals(366, fy.lengthInDays()); // 29 February 2016
    assertEquals("2015-16", fy.toString());
    assertEquals("1999-00", FinancialYear.of(1999).toString());
  }

  @Test
  void datesBelongToTheYearOfTheirApril() {
    assertEquals(FinancialYear.of(2016), FinancialYear.containing(LocalDate.of(2017, 3, 31)));
    assertEquals(FinancialYear.of(2017), FinancialYear.containing(LocalDate.of(2017, 4, 1)));
  }

  @Test
  void financialQuarterOneIsAprilToJune() {
    // NAO HC 676: "Q1 2017-18" = April to June 2017 = calendar 2017-Q2.
    assertEquals(YearQuarter.of(2017, 2), FinancialYear.of(2017).quarter(1));
    assertEquals(YearQuarter.of(2018, 1), FinancialYear.of(2017).quarter(4));
  }

  @Test
  void badLabelsAreQuoted() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FinancialYear.parse("2015/16"));
    assertEquals(
        "financial year '2015/16' is not of the form yyyy-yy, e.g. 2015-16", e.getMessage());
    IllegalArgumentException gap =
        assertThrows(IllegalArgumentException.class, () -> FinancialYear.parse("2015-17"));
    assertEquals(
        "financial year '2015-17': the second part must be the year after 2015, i.e. 2015-16",
        gap.getMessage());
  }

  @Test
  void aPeriodSharesAYearByDays() {
    ReportingPeriod q = ReportingPeriod.of(YearQuarter.of(2016, 1)); // Jan-Mar 2016, 91 days
    assertEquals(91.0 / 366, q.shareOf(FinancialYear.of(2015)), 1e-12);
    assertEquals(0.0, q.shareOf(FinancialYear.of(2016)), 0.0);
  }

  @Test
  void theLabelIsTheStartYearAndTheNextYearsLastTwoDigits() {
    assertEquals("2015-16", FinancialYear.of(2015).label());
    assertEquals("2009-10", FinancialYear.of(2009).label());
    assertEquals("2008-09", FinancialYear.of(2008).label());
    assertEquals("1999-00", FinancialYear.of(1999).label());
    assertEquals(FinancialYear.of(2020), FinancialYear.parse(FinancialYear.of(2020).label()));
  }

  @Test
  void aCalendarQuarterBelongsToTheYearOfItsFirstDay() {
    // January to March 2016 (calendar 2016-Q1) is Q4 of 2015-16; April to June is Q1 of 2016-17.
    assertEquals(FinancialYear.of(2015), FinancialYear.containing(YearQuarter.of(2016, 1)));
    assertEquals(FinancialYear.of(2016), FinancialYear.containing(YearQuarter.of(2016, 2)));
    assertEquals(FinancialYear.of(2016), FinancialYear.containing(YearQuarter.of(2016, 4)));
  }

  @Test
  void aRangeListsEveryYearFromFirstToLast() {
    // The CRC forecasts' years, 2014-15 to 2020-21 (forecast.csv).
    assertEquals(
        List.of("2014-15", "2015-16", "2016-17", "2017-18", "2018-19", "2019-20", "2020-21"),
        FinancialYear.range(FinancialYear.of(2014), FinancialYear.of(2020)).stream()
            .map(FinancialYear::label)
            .toList());
    assertEquals(
        List.of(FinancialYear.of(2017)),
        FinancialYear.range(FinancialYear.of(2017), FinancialYear.of(2017)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FinancialYear.range(FinancialYear.of(2016), FinancialYear.of(2015)));
    assertEquals(
        "financial years from 2016-17 to 2015-16: the last is before the first", e.getMessage());
  }
}
