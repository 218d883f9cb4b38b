package org.probationlens.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probationlens.period.FinancialYear;
import org.threeten.extra.YearQuarter;

class InspectionCycleTest {

  @Test
  void aCycleIsTheFinancialYearItRanInWrittenAsPublished() {
    InspectionCycle c = InspectionCycle.parse("2018-19");
    assertEquals("2018-19", c.toString());
    assertEquals(FinancialYear.of(2018), c.financialYear());
    assertEquals(LocalDate.of(2018, 4, 1), c.financialYear().start());
    assertEquals(InspectionCycle.of(FinancialYear.of(2018)), c);
    assertEquals(c.hashCode(), InspectionCycle.of(FinancialYear.of(2018)).hashCode());
    assertEquals(InspectionCycle.parse("2019-20"), c.next());
    assertNotEquals(c, c.next());
    assertTrue(c.compareTo(c.next()) < 0);
    assertEquals(HmipRatings.FULL_CYCLE, c);
  }

  @Test
  void itsQuartersAreTheCalendarQuartersAprilToMarch() {
    // Q1 of 2018-19 is April to June 2018 (calendar 2018-Q2); Q4 is January to March 2019.
    assertEquals(
        List.of(
            YearQuarter.of(2018, 2),
            YearQuarter.of(2018, 3),
            YearQuarter.of(2018, 4),
            YearQuarter.of(2019, 1)),
        InspectionCycle.parse("2018-19").quarters());
  }

  @Test
  void aLabelThatIsNotAFinancialYearIsQuoted() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> InspectionCycle.parse("2018/19"));
    assertEquals(
        "inspection cycle '2018/19' is not a financial year written yyyy-yy, e.g. 2018-19"
            + " (financial year '2018/19' is not of the form yyyy-yy, e.g. 2015-16)",
        e.getMessage());
    IllegalArgumentException wrongYear =
        assertThrows(IllegalArgumentException.class, () -> InspectionCycle.parse("2018-20"));
    assertTrue(
        wrongYear.getMessage().startsWith("inspection cycle '2018-20' is not a financial year"),
        wrongYear.getMessage());
    assertThrows(NullPointerException.class, () -> InspectionCycle.parse(null));
    assertThrows(NullPointerException.class, () -> InspectionCycle.of(null));
  }
}
