package org.probationlens.engine;

/**
 * Calendar arithmetic on epoch days (days since 1970-01-01, as {@link
 * java.time.LocalDate#toEpochDay()}), without allocating a {@code LocalDate} per row. The
 * conversions follow the proleptic Gregorian calendar, the same as {@code java.time}.
 */
final class Dates {
  private Dates() {}

  /** Returns the epoch day of a valid date; the caller has checked month and day. */
  static int epochDay(int year, int month, int day) {
    // Days from civil: shift the year to start in March so the leap day is the last day.
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yearOfEra = y - era * 400;
    int monthFromMarch = month > 2 ? month - 3 : month + 9;
    int dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
  }

  /** Returns the number of days in a month of a year. */
  static int lengthOfMonth(int year, int month) {
    switch (month) {
      case 2:
        return isLeap(year) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  static boolean isLeap(int year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }
}
