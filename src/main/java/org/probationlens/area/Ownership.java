package org.probationlens.area;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One period during which an owner held a CRC contract package area.
 *
 * <p>Some changes of owner are published only to the month (Working Links' three CRCs passed to
 * Seetec in February 2019). Such an end or start is recorded with {@link Precision#MONTH}: within
 * that month the owner is unknown, and {@link Geography#ownerOf} says so rather than guess.
 *
 * @param cpaCode the contract package area
 * @param ownerCode the owner
 * @param from the first day held (for month precision, the first day of the month)
 * @param fromPrecision how precisely {@code from} is published
 * @param to the last day held (for month precision, the last day of the month)
 * @param toPrecision how precisely {@code to} is published
 */
public record Ownership(
    String cpaCode,
    String ownerCode,
    LocalDate from,
    Precision fromPrecision,
    LocalDate to,
    Precision toPrecision) {

  /** How precisely a date of an ownership change is published. */
  public enum Precision {
    /** The exact day is published. */
    DAY,
    /** Only the month is published. */
    MONTH
  }

  /** Validates the period. */
  public Ownership {
    Objects.requireNonNull(cpaCode, "cpaCode");
    Objects.requireNonNull(ownerCode, "ownerCode");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(fromPrecision, "fromPrecision");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(toPrecision, "toPrecision");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(
          "ownership of "
              + cpaCode
              + " by "
              + ownerCode
              + ": 'to' "
              + to
              + " is before 'from' "
              + from);
    }
  }

  /**
   * Whether the owner certainly held the area on the date.
   *
   * @param date the date, not null
   * @return true when the date lies inside the period and outside any month-precision edge month
   */
  public boolean certainlyHeldOn(LocalDate date) {
    if (date.isBefore(from) || date.isAfter(to)) {
      return false;
    }
    if (fromPrecision == Precision.MONTH && YearMonth.from(date).equals(YearMonth.from(from))) {
      return false;
    }
    return toPrecision != Precision.MONTH || !YearMonth.from(date).equals(YearMonth.from(to));
  }

  /**
   * Whether the owner may have held the area on the date (the date lies in the period, including a
   * month-precision edge month).
   *
   * @param date the date, not null
   * @return true when the date lies inside {@code from..to}
   */
  public boolean possiblyHeldOn(LocalDate date) {
    return !date.isBefore(from) && !date.isAfter(to);
  }
}
