package org.probationlens.innovation;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import org.probationlens.read.DatasetValidationException;

/**
 * When an innovation event happened, to the precision the source gives and no finer. A documented
 * event is often known only to the month or the year, or only as "in operation by" the date of an
 * inspection report; the register records exactly that and never invents a day.
 *
 * <p>Written in the register as {@code date} ({@code yyyy}, {@code yyyy-MM}, {@code yyyy-MM-dd} or
 * {@code unknown}) and {@code date_kind}: {@code on} (the event happened within that day, month or
 * year) or {@code by} (the event had happened by the end of it: the source saw it in place); {@code
 * date_kind} is empty exactly when the date is unknown.
 *
 * @param precision how precisely the period is known
 * @param start the first day of the stated period; null exactly when the precision is {@link
 *     Precision#UNKNOWN}
 * @param kind whether the event happened within the period or by its end; null exactly when the
 *     precision is {@link Precision#UNKNOWN}
 */
public record EventDate(Precision precision, LocalDate start, Kind kind) {

  /** How precisely a date is known. */
  public enum Precision {
    /** Known to the day. */
    DAY,
    /** Known to the month. */
    MONTH,
    /** Known to the year. */
    YEAR,
    /** Not dated by the source. */
    UNKNOWN
  }

  /** Whether an event happened within the stated period, or at some time up to its end. */
  public enum Kind {
    /** The event happened within the stated period. */
    ON,
    /** The event had happened by the end of the stated period (observed in place then). */
    BY
  }

  /** Validates that the start matches the precision (first of the month or year). */
  public EventDate {
    Objects.requireNonNull(precision, "precision");
    if (precision == Precision.UNKNOWN) {
      if (start != null || kind != null) {
        throw new IllegalArgumentException("an unknown date has no start and no kind");
      }
    } else {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(kind, "kind");
      if (precision == Precision.MONTH && start.getDayOfMonth() != 1
          || precision == Precision.YEAR && start.getDayOfYear() != 1) {
        throw new IllegalArgumentException(
            "start " + start + " is not the first day of its " + precision.name().toLowerCase());
      }
    }
  }

  /**
   * An exact day on which the event happened.
   *
   * @param day the day, not null
   * @return the date, not null
   */
  public static EventDate on(LocalDate day) {
    return new EventDate(Precision.DAY, day, Kind.ON);
  }

  /**
   * The date of a register cell pair.
   *
   * @param date {@code yyyy}, {@code yyyy-MM}, {@code yyyy-MM-dd} or {@code unknown}
   * @param kind {@code on} or {@code by}; empty exactly when {@code date} is {@code unknown}
   * @param file the register file, for a problem's location
   * @param line the cells' physical line in it, for a problem's location
   * @return the date, not null
   * @throws DatasetValidationException locating the cell that is wrong, with what was expected
   */
  static EventDate parse(String date, String kind, String file, long line) {
    if (date.equals("unknown")) {
      if (!kind.isEmpty()) {
        throw RegisterReader.refusal(
            file, line, "date_kind", kind, "an empty date_kind for an unknown date");
      }
      return new EventDate(Precision.UNKNOWN, null, null);
    }
    Kind k =
        switch (kind) {
          case "on" -> Kind.ON;
          case "by" -> Kind.BY;
          default -> throw RegisterReader.refusal(file, line, "date_kind", kind, "on | by");
        };
    try {
      if (date.matches("\\d{4}")) {
        return new EventDate(Precision.YEAR, Year.parse(date).atDay(1), k);
      }
      if (date.matches("\\d{4}-\\d{2}")) {
        return new EventDate(Precision.MONTH, YearMonth.parse(date).atDay(1), k);
      }
      if (date.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return new EventDate(Precision.DAY, LocalDate.parse(date), k);
      }
    } catch (java.time.DateTimeException e) {
      // falls through to the message below
    }
    throw RegisterReader.refusal(
        file, line, "date", date, "yyyy, yyyy-MM or yyyy-MM-dd (a real calendar date), or unknown");
  }

  /**
   * The last day of the stated period: the latest the event can have happened.
   *
   * @return the day, or empty when the date is unknown
   */
  public Optional<LocalDate> latest() {
    return switch (precision) {
      case DAY -> Optional.of(start);
      case MONTH -> Optional.of(YearMonth.from(start).atEndOfMonth());
      case YEAR -> Optional.of(Year.from(start).atMonth(12).atEndOfMonth());
      case UNKNOWN -> Optional.empty();
    };
  }

  /**
   * The earliest the event can have happened: the start of the period for {@link Kind#ON}; not
   * bounded for {@link Kind#BY} or an unknown date.
   *
   * @return the day, or empty when not bounded
   */
  public Optional<LocalDate> earliest() {
    return kind == Kind.ON ? Optional.of(start) : Optional.empty();
  }

  /**
   * Whether the event is dated to the day and happened on it: the only dates a time-to-event
   * analysis in days can use.
   *
   * @return {@code true} for an exact day
   */
  public boolean exactDay() {
    return precision == Precision.DAY && kind == Kind.ON;
  }

  /**
   * The date as written in the register, for example {@code "2017-04"}, {@code "by 2019"} or {@code
   * "unknown"}.
   *
   * @return the text, not null
   */
  @Override
  public String toString() {
    String d =
        switch (precision) {
          case DAY -> start.toString();
          case MONTH -> YearMonth.from(start).toString();
          case YEAR -> Integer.toString(start.getYear());
          case UNKNOWN -> "unknown";
        };
    return kind == Kind.BY ? "by " + d : d;
  }
}
