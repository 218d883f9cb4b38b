package org.probationlens.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CaseWeightTest {

  @Test
  void weightIsTheWorkTypesBaseTimesTheLengthFactor() {
    // by hand from the rule in data/README.md (line "weight = base by work type ... x length
    // factor")
    assertEquals(80, CaseWeight.hundredths(WorkType.CO, 6)); // 1.00 x 0.80
    assertEquals(100, CaseWeight.hundredths(WorkType.SSO, 12)); // 1.00 x 1.00
    assertEquals(150, CaseWeight.hundredths(WorkType.LIC, 13)); // 1.20 x 1.25
    assertEquals(90, CaseWeight.hundredths(WorkType.PSS, 48)); // 0.60 x 1.50
    assertEquals(70, CaseWeight.hundredths(WorkType.PRE, 49)); // 0.40 x 1.75
    assertThrows(IllegalArgumentException.class, () -> CaseWeight.hundredths(WorkType.CO, 0));
  }

  @Test
  void monthsAndDaysConvertAtTheProjectsMonthAndBackForEveryLengthTo120Months() {
    assertEquals(365, CaseWeight.daysOf(12)); // 12 x 30.4375 = 365.25 -> 365
    assertEquals(12, CaseWeight.monthsOf(365));
    assertEquals(183, CaseWeight.daysOf(6)); // 182.625 -> 183
    assertEquals(3653, CaseWeight.daysOf(120)); // 3652.5, a half rounded up
    for (int months = 1; months <= 120; months++) {
      assertEquals(months, CaseWeight.monthsOf(CaseWeight.daysOf(months)));
    }
  }
}
