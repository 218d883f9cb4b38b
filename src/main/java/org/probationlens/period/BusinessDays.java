package org.probationlens.period;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.probationlens.read.DatasetLoader;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Schema;
import tech.tablesaw.api.Table;

/**
 * Business days in England and Wales: Monday to Friday, less bank holidays. Service levels for
 * probation providers are counted in business days; breach referral (CRC service level AE), for
 * example, must happen within 8 business days of the provider becoming aware of the breach.
 *
 * <p>{@link #englandAndWales()} reads the bank holidays from {@code
 * data/reference/bank_holidays_england_wales.csv} (2014 to 2021; the dates gov.uk lists for England
 * and Wales, including the Early May bank holiday moved to Friday 8 May 2020 and the substitute
 * days; see {@code data/reference/SOURCES.md}). Any date outside that coverage is refused rather
 * than guessed. Immutable and thread-safe.
 */
public final class BusinessDays {
  static final String RESOURCE = "/data/reference/bank_holidays_england_wales.csv";
  private static final String HEADER = "date,name,basis,source,tag";
  private static final BusinessDays ENGLAND_AND_WALES = load();

  private final Map<LocalDate, String> holidays;
  private final LocalDate first;
  private final LocalDate last;

  /** cumulative[i] = business days from {@code first} to {@code first + i}, both included. */
  private final int[] cumulative;

  private BusinessDays(Map<LocalDate, String> holidays, LocalDate first, LocalDate last) {
    this.holidays = Collections.unmodifiableMap(new TreeMap<>(holidays));
    this.first = first;
    this.last = last;
    int days = Math.toIntExact(ChronoUnit.DAYS.between(first, last)) + 1;
    this.cumulative = new int[days];
    int count = 0;
    for (int i = 0; i < days; i++) {
      LocalDate d = first.plusDays(i);
      if (isWeekday(d) && !holidays.containsKey(d)) {
        count++;
      }
      cumulative[i] = count;
    }
  }

  /**
   * The business-day calendar of England and Wales for 2014 to 2021.
   *
   * @return the shared calendar, not null
   */
  public static BusinessDays englandAndWales() {
    return ENGLAND_AND_WALES;
  }

  /**
   * The first date this calendar can answer for.
   *
   * @return 1 January of the first year in the table
   */
  public LocalDate firstDate() {
    return first;
  }

  /**
   * The last date this calendar can answer for.
   *
   * @return 31 December of the last year in the table
   */
  public LocalDate lastDate() {
    return last;
  }

  /**
   * The bank holidays in the table, by date.
   *
   * @return an unmodifiable map from date to the holiday's name, in date order
   */
  public Map<LocalDate, String> bankHolidays() {
    return holidays;
  }

  /**
   * Whether a date is a business day: a weekday that is not a bank holiday.
   *
   * @param date a date within the coverage, not null
   * @return true for a business day
   * @throws IllegalArgumentException if the date is outside the table's coverage
   */
  public boolean isBusinessDay(LocalDate date) {
    checkCovered(date, "date");
    return isWeekday(date) && !holidays.containsKey(date);
  }

  /**
   * The number of business days after {@code from} up to and including {@code to}: 0 when both are
   * the same day, 1 when {@code to} is the next business day. This is how a "within N business
   * days" service level is counted: a breach referred on the next business day after the provider
   * became aware took 1 business day.
   *
   * @param from the starting event, e.g. the day the provider became aware of a breach, not null
   * @param to the later event, e.g. the day the breach was referred to court, not before {@code
   *     from}
   * @return the count, at least 0
   * @throws IllegalArgumentException if {@code to} is before {@code from} or a date is outside the
   *     table's coverage
   */
  public int between(LocalDate from, LocalDate to) {
    checkCovered(from, "from");
    checkCovered(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to (" + to + ") must not be before from (" + from + ")");
    }
    return cumulative[index(to)] - cumulative[index(from)];
  }

  /**
   * The date {@code days} business days after {@code date}: {@code plus(d, 0)} is {@code d} itself,
   * and {@code plus(d, 1)} the next business day after {@code d}. For example, the last day on
   * which a breach the provider learnt of on {@code d} could be referred within 8 business days is
   * {@code plus(d, 8)}.
   *
   * @param date the starting day, not null
   * @param days the number of business days to add, at least 0
   * @return the later date, not null
   * @throws IllegalArgumentException if {@code days} is negative or the answer or {@code date} is
   *     outside the table's coverage
   */
  public LocalDate plus(LocalDate date, int days) {
    checkCovered(date, "date");
    if (days < 0) {
      throw new IllegalArgumentException("days must be at least 0, was " + days);
    }
    if (days == 0) {
      return date;
    }
    int target = cumulative[index(date)] + days;
    if (target > cumulative[cumulative.length - 1]) {
      throw new IllegalArgumentException(
          days
              + " business days after "
              + date
              + " falls after "
              + last
              + ", the end of the bank-holiday table's coverage ("
              + RESOURCE.substring(1)
              + ")");
    }
    int lo = index(date);
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] >= target) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return first.plusDays(lo);
  }

  private int index(LocalDate d) {
    return (int) ChronoUnit.DAYS.between(first, d);
  }

  private void checkCovered(LocalDate date, String name) {
    Objects.requireNonNull(date, name);
    if (date.isBefore(first) || date.isAfter(last)) {
      throw new IllegalArgumentException(
          name
              + " "
              + date
              + " is outside the bank-holiday table's coverage, "
              + first
              + " to "
              + last
              + " ("
              + RESOURCE.substring(1)
              + "); extend the table from gov.uk/bank-holidays to use later dates");
    }
  }

  private static boolean isWeekday(LocalDate d) {
    DayOfWeek w = d.getDayOfWeek();
    return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
  }

  private static BusinessDays load() {
    try (InputStream in = BusinessDays.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      return parse(in, RESOURCE.substring(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a bank-holiday table; every row must be a weekday, in order, one year after another. */
  static BusinessDays parse(InputStream in, String file) throws IOException {
    // the project's one CSV reader: UTF-8, RFC 4180 quoting (a holiday name may hold a comma),
    // the header exactly; the meaning of each value is checked below
    DatasetLoader.Hashed read;
    try {
      read =
          DatasetLoader.of(Schema.text("bank_holidays", List.of(HEADER.split(","))))
              .readBytes(file, in.readAllBytes());
    } catch (DatasetValidationException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    Table table = read.table();
    Map<LocalDate, String> holidays = new TreeMap<>();
    LocalDate previous = null;
    for (int row = 0; row < table.rowCount(); row++) {
      long lineNo = read.lineOf(row);
      String[] f = {table.stringColumn("date").get(row), table.stringColumn("name").get(row)};
      LocalDate d;
      try {
        d = LocalDate.parse(f[0]);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            file + " line " + lineNo + ", column date: '" + f[0] + "' is not a yyyy-MM-dd date", e);
      }
      if (!isWeekday(d)) {
        throw new IllegalArgumentException(
            file
                + " line "
                + lineNo
                + ", column date: "
                + d
                + " is a "
                + d.getDayOfWeek()
                + "; bank holidays in the table are the days actually taken, always weekdays");
      }
      if (previous != null && !d.isAfter(previous)) {
        throw new IllegalArgumentException(
            file + " line " + lineNo + ", column date: " + d + " is not after " + previous);
      }
      if (f[1].isBlank()) {
        throw new IllegalArgumentException(
            file + " line " + lineNo + ", column name: a holiday needs a name");
      }
      holidays.put(d, f[1]);
      previous = d;
    }
    if (holidays.isEmpty()) {
      throw new IllegalArgumentException(file + ": no bank holidays");
    }
    int firstYear = holidays.keySet().iterator().next().getYear();
    int lastYear = previous.getYear();
    for (int y = firstYear; y <= lastYear; y++) {
      int year = y;
      long n = holidays.keySet().stream().filter(d -> d.getYear() == year).count();
      if (n < 8) {
        throw new IllegalArgumentException(
            file
                + ": year "
                + y
                + " has "
                + n
                + " bank holidays; England and Wales has at least 8");
      }
    }
    return new BusinessDays(
        holidays, LocalDate.of(firstYear, 1, 1), LocalDate.of(lastYear, 12, 31));
  }

  @Override
  public String toString() {
    return "BusinessDays[England and Wales, " + first + " to " + last + "]";
  }
}
