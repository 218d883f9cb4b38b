package org.probationlens.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessDaysTest {
  private final BusinessDays days = BusinessDays.englandAndWales();

  @Test
  void coversTwentyFourteenToTwentyTwentyOne() {
    assertEquals(LocalDate.of(2014, 1, 1), days.firstDate());
    assertEquals(LocalDate.of(2021, 12, 31), days.lastDate());
    assertEquals(64, days.bankHolidays().size());
  }

  /**
   * The table agrees, year by year, with the England (and the Wales) rules of jollyday
   * (de.focus-shift:jollyday 1.5.0), an independently maintained holiday library: same dates, none
   * missing, none extra.
   */
  @ParameterizedTest
  @ValueSource(strings = {"eng", "wls"})
  void tableAgreesWithJollyday(String subdivision) {
    HolidayManager m =
        HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
    for (int y = 2014; y <= 2021; y++) {
      int year = y;
      Set<LocalDate> expected =
          m.getHolidays(Year.of(y), subdivision).stream()
              .filter(h -> h.getType() != de.focus_shift.jollyday.core.HolidayType.OBSERVANCE)
              .map(h -> h.getObservedDate().orElse(h.getActualDate()))
              .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY)
              .filter(d -> d.getDayOfWeek() != DayOfWeek.SUNDAY)
              .collect(Collectors.toCollection(TreeSet::new));
      Set<LocalDate> ours =
          days.bankHolidays().keySet().stream()
              .filter(d -> d.getYear() == year)
              .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(expected, ours, "bank holidays of " + y + " (" + subdivision + ")");
    }
  }

  /** Easter Sunday by the anonymous Gregorian algorithm (Meeus, Astronomical Algorithms, ch. 8). */
  private static LocalDate easter(int y) {
    int a = y % 19;
    int b = y / 100;
    int c = y % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(y, month, day);
  }

  @Test
  void goodFridayAndEasterMondayFollowEaster() {
    for (int y = 2014; y <= 2021; y++) {
      LocalDate e = easter(y);
      assertTrue(days.bankHolidays().containsKey(e.minusDays(2)), "Good Friday " + y);
      assertTrue(days.bankHolidays().containsKey(e.plusDays(1)), "Easter Monday " + y);
    }
  }

  @Test
  void mayDayTwentyTwentyMovedToFridayEighthForVeDay() {
    assertFalse(days.isBusinessDay(LocalDate.of(2020, 5, 8)));
    assertTrue(days.isBusinessDay(LocalDate.of(2020, 5, 4)));
  }

  @Test
  void countsByHandOverTheEasterTwentyNineteenWeek() {
    // Aware Wednesday 17 Apr 2019. Thu 18 = 1; Fri 19 Good Friday, Sat 20, Sun 21, Mon 22 Easter
    // Monday are not counted; Tue 23 = 2, Wed 24 = 3, Thu 25 = 4, Fri 26 = 5, Mon 29 = 6,
    // Tue 30 = 7, Wed 1 May = 8, Thu 2 May = 9. So a referral on 1 May is within 8 business days
    // and one on 2 May is not.
    LocalDate aware = LocalDate.of(2019, 4, 17);
    assertEquals(1, days.between(aware, LocalDate.of(2019, 4, 18)));
    assertEquals(1, days.between(aware, LocalDate.of(2019, 4, 22)));
    assertEquals(2, days.between(aware, LocalDate.of(2019, 4, 23)));
    assertEquals(8, days.between(aware, LocalDate.of(2019, 5, 1)));
    assertEquals(9, days.between(aware, LocalDate.of(2019, 5, 2)));
    assertEquals(LocalDate.of(2019, 5, 1), days.plus(aware, 8));
    assertEquals(0, days.between(aware, aware));
  }

  @Test
  void countsByHandOverChristmasTwentyTwenty() {
    // Aware Thu 24 Dec 2020. Fri 25 Christmas, Sat 26, Sun 27, Mon 28 Boxing Day (substitute)
    // are not counted; Tue 29 = 1, Wed 30 = 2, Thu 31 = 3, Fri 1 Jan New Year = no,
    // Mon 4 Jan = 4.
    LocalDate aware = LocalDate.of(2020, 12, 24);
    assertEquals(LocalDate.of(2020, 12, 29), days.plus(aware, 1));
    assertEquals(LocalDate.of(2021, 1, 4), days.plus(aware, 4));
    assertEquals(4, days.between(aware, LocalDate.of(2021, 1, 4)));
  }

  @Test
  void weekendStartCountsTheMondayAsOne() {
    // Sat 6 Jul 2019 -> Mon 8 Jul is the first business day after it.
    assertEquals(LocalDate.of(2019, 7, 8), days.plus(LocalDate.of(2019, 7, 6), 1));
    assertEquals(1, days.between(LocalDate.of(2019, 7, 6), LocalDate.of(2019, 7, 8)));
  }

  @Test
  void refusesDatesOutsideTheCoverage() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> days.isBusinessDay(LocalDate.of(2022, 1, 4)));
    assertEquals(
        "date 2022-01-04 is outside the bank-holiday table's coverage, 2014-01-01 to 2021-12-31"
            + " (data/reference/bank_holidays_england_wales.csv); extend the table from"
            + " gov.uk/bank-holidays to use later dates",
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> days.plus(LocalDate.of(2021, 12, 30), 5));
    assertTrue(
        e.getMessage().startsWith("5 business days after 2021-12-30 falls after 2021-12-31"));
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> days.between(LocalDate.of(2019, 5, 2), LocalDate.of(2019, 5, 1)));
    assertEquals("to (2019-05-01) must not be before from (2019-05-02)", e.getMessage());
  }

  @Test
  void aBadTableIsRefusedWithFileAndLine() {
    String csv =
        "date,name,basis,source,tag\n2019-01-01,New Year's Day,p,s,found\n2019-04-20,x,p,s,found\n";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                BusinessDays.parse(
                    new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "h.csv"));
    assertEquals(
        "h.csv line 3, column date: 2019-04-20 is a SATURDAY; bank holidays in the table are the"
            + " days actually taken, always weekdays",
        e.getMessage());
  }

  @Property
  void businessDaysAreMonotoneAndPlusInvertsBetween(
      @ForAll @IntRange(min = 0, max = 2800) int start,
      @ForAll @IntRange(min = 0, max = 60) int span,
      @ForAll @IntRange(min = 0, max = 30) int n) {
    LocalDate from = LocalDate.of(2014, 1, 1).plusDays(start);
    LocalDate to = from.plusDays(span);
    assertTrue(days.between(from, to) <= days.between(from, to.plusDays(1)));
    assertTrue(days.between(from, to) <= span);
    LocalDate later = days.plus(from, n);
    assertEquals(n, days.between(from, later));
    if (n > 0) {
      assertTrue(days.isBusinessDay(later));
    }
  }
}
