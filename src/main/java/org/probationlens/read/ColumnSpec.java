package org.probationlens.read;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.threeten.extra.YearQuarter;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * One column of a dataset's CSV layout: its header name, its type, whether a value is required, and
 * the values it allows (codes, a numeric or date range). For example the case records' {@code
 * sentence_months} is {@code ColumnSpec.integer("sentence_months", 1, 120)}.
 *
 * <p>Immutable: {@link #optional()} and {@link #withMissingMarkers(String...)} return changed
 * copies. Values are matched exactly as written: no trimming, no case folding, no guessing.
 */
public final class ColumnSpec {

  /** What kind of value a column holds. */
  enum Kind {
    TEXT,
    CODE,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    DATE,
    QUARTER
  }

  /** Returned by {@link #parse(String)} for a value that does not fit the column. */
  static final Object INVALID = new Object();

  private static final Pattern DECIMAL_TEXT =
      Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]{1,3})?");
  private static final Pattern PERIOD_TEXT =
      Pattern.compile("(Jan-Mar|Apr-Jun|Jul-Sep|Oct-Dec) ([0-9]{4})");
  private static final String ISO_PATTERN = "uuuu-MM-dd";

  private final String name;
  private final Kind kind;
  private final boolean required;
  private final Set<String> codes;
  private final long minInteger;
  private final long maxInteger;
  private final double minDecimal;
  private final double maxDecimal;
  private final LocalDate minDate;
  private final LocalDate maxDate;
  private final String datePattern;
  private final DateTimeFormatter dateFormat;
  private final Set<String> missingMarkers;

  private ColumnSpec(
      String name,
      Kind kind,
      boolean required,
      Set<String> codes,
      long minInteger,
      long maxInteger,
      double minDecimal,
      double maxDecimal,
      LocalDate minDate,
      LocalDate maxDate,
      String datePattern,
      Set<String> missingMarkers) {
    this.name = requireName(name);
    this.kind = kind;
    this.required = required;
    this.codes = codes;
    this.minInteger = minInteger;
    this.maxInteger = maxInteger;
    this.minDecimal = minDecimal;
    this.maxDecimal = maxDecimal;
    this.minDate = minDate;
    this.maxDate = maxDate;
    this.datePattern = datePattern;
    this.dateFormat =
        datePattern == null
            ? null
            : DateTimeFormatter.ofPattern(datePattern, Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT);
    this.missingMarkers = missingMarkers;
  }

  private static ColumnSpec of(Kind kind, String name) {
    return new ColumnSpec(name, kind, true, Set.of(), 0, 0, 0, 0, null, null, null, Set.of());
  }

  private static String requireName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || !name.equals(name.strip()) || name.contains(",")) {
      throw new IllegalArgumentException(
          "column name must be non-empty, without surrounding spaces or commas, was \""
              + name
              + "\"");
    }
    return name;
  }

  /**
   * A free-text column, such as a case identifier or a published area name.
   *
   * @param name the header name, not null
   * @return a required text column
   */
  public static ColumnSpec text(String name) {
    return of(Kind.TEXT, name);
  }

  /**
   * A column whose value must be one of a fixed list of codes, matched exactly (case matters), such
   * as a PCC area code or a work type.
   *
   * @param name the header name, not null
   * @param allowed the allowed codes, in the order error messages list them; not empty
   * @return a required code column
   */
  public static ColumnSpec code(String name, Collection<String> allowed) {
    Objects.requireNonNull(allowed, "allowed");
    if (allowed.isEmpty()) {
      throw new IllegalArgumentException("column " + name + ": the list of codes is empty");
    }
    Set<String> codes = new LinkedHashSet<>();
    for (String code : allowed) {
      if (code == null || code.isEmpty() || !codes.add(code)) {
        throw new IllegalArgumentException(
            "column " + name + ": codes must be non-empty and distinct; bad code \"" + code + "\"");
      }
    }
    return new ColumnSpec(
        name,
        Kind.CODE,
        true,
        java.util.Collections.unmodifiableSet(codes),
        0,
        0,
        0,
        0,
        null,
        null,
        null,
        Set.of());
  }

  /**
   * A whole-number column (written as digits with an optional leading minus sign) with an inclusive
   * range, such as a count of starts ({@code 0..Integer.MAX_VALUE}) or a sentence length in months
   * ({@code 1..120}). Loaded as a Tablesaw {@code IntColumn}.
   *
   * @param name the header name, not null
   * @param min the smallest allowed value
   * @param max the largest allowed value, at least {@code min}
   * @return a required integer column
   */
  public static ColumnSpec integer(String name, int min, int max) {
    if (min > max) {
      throw new IllegalArgumentException(
          "column " + name + ": min " + min + " is greater than max " + max);
    }
    return new ColumnSpec(
        name, Kind.INTEGER, true, Set.of(), min, max, 0, 0, null, null, null, Set.of());
  }

  /**
   * A decimal-number column (digits, an optional fraction and exponent; no NaN or infinity) with an
   * inclusive range, such as a weighted-volume weight ({@code 0..Double.MAX_VALUE}). Loaded as a
   * Tablesaw {@code DoubleColumn}.
   *
   * @param name the header name, not null
   * @param min the smallest allowed value, finite
   * @param max the largest allowed value, finite and at least {@code min}
   * @return a required decimal column
   */
  public static ColumnSpec decimal(String name, double min, double max) {
    if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
      throw new IllegalArgumentException(
          "column " + name + ": need finite min <= max, was " + min + ".." + max);
    }
    return new ColumnSpec(
        name, Kind.DECIMAL, true, Set.of(), 0, 0, min, max, null, null, null, Set.of());
  }

  /**
   * A yes/no column written exactly {@code true} or {@code false}, such as whether an accredited
   * programme was required.
   *
   * @param name the header name, not null
   * @return a required boolean column
   */
  public static ColumnSpec bool(String name) {
    return of(Kind.BOOLEAN, name);
  }

  /**
   * A date column written as ISO {@code yyyy-MM-dd} within an inclusive range, such as the start
   * date of an order (2014-06-01..2020-12-31).
   *
   * @param name the header name, not null
   * @param min the earliest allowed date, not null
   * @param max the latest allowed date, not null and not before {@code min}
   * @return a required date column
   */
  public static ColumnSpec isoDate(String name, LocalDate min, LocalDate max) {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (min.isAfter(max)) {
      throw new IllegalArgumentException(
          "column " + name + ": min " + min + " is after max " + max);
    }
    return new ColumnSpec(
        name, Kind.DATE, true, Set.of(), 0, 0, 0, 0, min, max, ISO_PATTERN, Set.of());
  }

  /**
   * A date column written as ISO {@code yyyy-MM-dd}, any date.
   *
   * @param name the header name, not null
   * @return a required date column
   */
  public static ColumnSpec isoDate(String name) {
    return isoDate(name, LocalDate.MIN, LocalDate.MAX);
  }

  /**
   * A date column written in an explicit {@link DateTimeFormatter} pattern, resolved strictly (so
   * {@code 31/02/2016} is rejected), such as the published caseload's {@code dd/MM/uuuu}. Use
   * {@code uuuu} for the year: strict resolution rejects {@code yyyy} without an era.
   *
   * @param name the header name, not null
   * @param pattern the pattern, not null
   * @return a required date column
   */
  public static ColumnSpec date(String name, String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    DateTimeFormatter.ofPattern(pattern, Locale.ROOT); // fails fast on a bad pattern
    return new ColumnSpec(
        name,
        Kind.DATE,
        true,
        Set.of(),
        0,
        0,
        0,
        0,
        LocalDate.MIN,
        LocalDate.MAX,
        pattern,
        Set.of());
  }

  /**
   * A reporting-period column written like {@code Jan-Mar 2016}: one calendar quarter, as in the
   * published probation starts. Parsed to a {@link YearQuarter}; the loaded table holds its ISO
   * text ({@code 2016-Q1}), which {@link YearQuarter#parse(CharSequence)} reads back.
   *
   * @param name the header name, not null
   * @return a required quarter column
   */
  public static ColumnSpec quarterPeriod(String name) {
    return of(Kind.QUARTER, name);
  }

  /**
   * This column with empty values allowed; an empty value loads as missing.
   *
   * @return a copy that is not required
   */
  public ColumnSpec optional() {
    return new ColumnSpec(
        name,
        kind,
        false,
        codes,
        minInteger,
        maxInteger,
        minDecimal,
        maxDecimal,
        minDate,
        maxDate,
        datePattern,
        missingMarkers);
  }

  /**
   * This column with explicit markers for a value that is withheld or not available, such as the
   * {@code *} and {@code ..} of published statistics. A marked cell loads as missing in this
   * column, and the marker itself is kept in an extra text column named {@code NAME_marker} (empty
   * where a value is present), so a suppressed count is never mistaken for zero.
   *
   * @param markers the exact marker texts, non-empty, distinct, not valid values of the column
   * @return a copy with these markers
   */
  public ColumnSpec withMissingMarkers(String... markers) {
    Set<String> set = new LinkedHashSet<>();
    for (String marker : markers) {
      if (marker == null || marker.isEmpty() || !set.add(marker) || parse(marker) != INVALID) {
        throw new IllegalArgumentException(
            "column "
                + name
                + ": a missing marker must be non-empty, distinct and not a valid value; bad"
                + " marker \""
                + marker
                + "\"");
      }
    }
    if (set.isEmpty()) {
      throw new IllegalArgumentException("column " + name + ": no missing markers given");
    }
    return new ColumnSpec(
        name,
        kind,
        required,
        codes,
        minInteger,
        maxInteger,
        minDecimal,
        maxDecimal,
        minDate,
        maxDate,
        datePattern,
        java.util.Collections.unmodifiableSet(set));
  }

  /**
   * The header name of this column.
   *
   * @return the name, not null
   */
  public String name() {
    return name;
  }

  /**
   * Whether every row must have a value here.
   *
   * @return true when an empty value is a problem
   */
  public boolean required() {
    return required;
  }

  /**
   * The allowed codes of a code column, in order.
   *
   * @return an unmodifiable set, empty for a column that is not a code column
   */
  public Set<String> codes() {
    return codes;
  }

  /**
   * The type of the column this column's values are read into: {@link ColumnType#STRING} for text,
   * codes and quarters (a quarter as {@code 2016-Q1}), {@link ColumnType#INTEGER}, {@link
   * ColumnType#DOUBLE} for decimals, {@link ColumnType#BOOLEAN} or {@link ColumnType#LOCAL_DATE}.
   * Another engine reading the same layout (Spark, DuckDB) takes its column types from this one, so
   * a layout's types are stated once, in its schema.
   *
   * @return the Tablesaw column type, not null
   */
  public ColumnType type() {
    return switch (kind) {
      case TEXT, CODE, QUARTER -> ColumnType.STRING;
      case INTEGER -> ColumnType.INTEGER;
      case DECIMAL -> ColumnType.DOUBLE;
      case BOOLEAN -> ColumnType.BOOLEAN;
      case DATE -> ColumnType.LOCAL_DATE;
    };
  }

  /**
   * The markers accepted for a withheld or unavailable value.
   *
   * @return an unmodifiable set, empty when none are accepted
   */
  public Set<String> missingMarkers() {
    return missingMarkers;
  }

  /**
   * The name of the extra column holding missing markers, {@code NAME_marker}.
   *
   * @return the marker column's name, not null (meaningful only when markers are accepted)
   */
  public String markerColumnName() {
    return name + "_marker";
  }

  /**
   * What a valid value of this column looks like, in words, as error messages say it: for example
   * {@code an integer 1..120}.
   *
   * @return the description, not null
   */
  public String expected() {
    String base =
        switch (kind) {
          case TEXT -> "text";
          case CODE -> "one of " + String.join(", ", codes);
          case INTEGER ->
              "an integer" + range(minInteger, maxInteger, Integer.MIN_VALUE, Integer.MAX_VALUE);
          case DECIMAL -> "a decimal number" + range(minDecimal, maxDecimal);
          case BOOLEAN -> "true or false";
          case DATE -> dateExpected();
          case QUARTER -> "a calendar quarter like Jan-Mar 2016";
        };
    if (!missingMarkers.isEmpty()) {
      base += ", or a missing marker (" + String.join(" or ", missingMarkers) + ")";
    }
    return base;
  }

  private static String range(long min, long max, long floor, long ceiling) {
    if (min == floor && max == ceiling) {
      return "";
    }
    if (max == ceiling) {
      return " >= " + min;
    }
    if (min == floor) {
      return " <= " + max;
    }
    return " " + min + ".." + max;
  }

  private static String range(double min, double max) {
    if (max == Double.MAX_VALUE && min == -Double.MAX_VALUE) {
      return "";
    }
    if (max == Double.MAX_VALUE) {
      return " >= " + plain(min);
    }
    if (min == -Double.MAX_VALUE) {
      return " <= " + plain(max);
    }
    return " " + plain(min) + ".." + plain(max);
  }

  private static String plain(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }

  private String dateExpected() {
    String shown =
        ISO_PATTERN.equals(datePattern) ? "yyyy-MM-dd" : datePattern.replace("uuuu", "yyyy");
    String text = "a date " + shown;
    if (!LocalDate.MIN.equals(minDate) || !LocalDate.MAX.equals(maxDate)) {
      text += " in " + minDate + ".." + maxDate;
    }
    return text;
  }

  Kind kind() {
    return kind;
  }

  /**
   * Parses one non-empty cell.
   *
   * @return the value (String, Integer, Double, Boolean, LocalDate or YearQuarter), or {@link
   *     #INVALID}
   */
  Object parse(String raw) {
    switch (kind) {
      case TEXT:
        return hasSurroundingSpace(raw) ? INVALID : raw;
      case CODE:
        return codes.contains(raw) ? raw : INVALID;
      case INTEGER:
        return parseInteger(raw);
      case DECIMAL:
        if (!DECIMAL_TEXT.matcher(raw).matches()) {
          return INVALID;
        }
        double decimal = Double.parseDouble(raw);
        return Double.isFinite(decimal) && decimal >= minDecimal && decimal <= maxDecimal
            ? Double.valueOf(decimal)
            : INVALID;
      case BOOLEAN:
        return raw.equals("true") ? Boolean.TRUE : raw.equals("false") ? Boolean.FALSE : INVALID;
      case DATE:
        return parseDate(raw);
      case QUARTER:
        return parseQuarter(raw);
      default:
        throw new AssertionError(kind);
    }
  }

  /**
   * What a valid value looks like, for a message about this raw value: {@link #expected()}, and
   * when the value starts or ends with white space, {@code , with no leading or trailing spaces} (a
   * code or key with a stray space is an error, never a new value).
   *
   * @param raw the value found, not null
   * @return the description, not null
   */
  public String expectedFor(String raw) {
    return hasSurroundingSpace(raw)
        ? expected() + ", with no leading or trailing spaces"
        : expected();
  }

  /** Whether a text starts or ends with white space (a space, a tab, a line break). */
  static boolean hasSurroundingSpace(String raw) {
    return !raw.isEmpty()
        && (Character.isWhitespace(raw.charAt(0))
            || Character.isWhitespace(raw.charAt(raw.length() - 1))
            || Character.isSpaceChar(raw.charAt(0))
            || Character.isSpaceChar(raw.charAt(raw.length() - 1)));
  }

  /**
   * The smallest value an integer column allows.
   *
   * @return the minimum (0 for a column that is not an integer column)
   */
  public long minInteger() {
    return minInteger;
  }

  /**
   * The largest value an integer column allows.
   *
   * @return the maximum (0 for a column that is not an integer column)
   */
  public long maxInteger() {
    return maxInteger;
  }

  /**
   * The smallest value a decimal column allows; values must also be finite.
   *
   * @return the minimum (0 for a column that is not a decimal column)
   */
  public double minDecimal() {
    return minDecimal;
  }

  /**
   * The largest value a decimal column allows; values must also be finite.
   *
   * @return the maximum (0 for a column that is not a decimal column)
   */
  public double maxDecimal() {
    return maxDecimal;
  }

  /**
   * The earliest date a date column allows.
   *
   * @return the first date, null for a column that is not a date column
   */
  public LocalDate minDate() {
    return minDate;
  }

  /**
   * The latest date a date column allows.
   *
   * @return the last date, null for a column that is not a date column
   */
  public LocalDate maxDate() {
    return maxDate;
  }

  /** Digits with an optional leading minus sign, at most 18 digits, within the range. */
  private Object parseInteger(String raw) {
    int length = raw.length();
    int first = length > 0 && raw.charAt(0) == '-' ? 1 : 0;
    if (length == first || length - first > 18) {
      return INVALID;
    }
    long number = 0;
    for (int i = first; i < length; i++) {
      char c = raw.charAt(i);
      if (c < '0' || c > '9') {
        return INVALID;
      }
      number = number * 10 + (c - '0');
    }
    if (first == 1) {
      number = -number;
    }
    return number >= minInteger && number <= maxInteger ? Integer.valueOf((int) number) : INVALID;
  }

  private Object parseDate(String raw) {
    LocalDate date;
    try {
      date = ISO_PATTERN.equals(datePattern) ? parseIsoDate(raw) : LocalDate.parse(raw, dateFormat);
    } catch (DateTimeException e) {
      return INVALID;
    }
    return date == null || date.isBefore(minDate) || date.isAfter(maxDate) ? INVALID : date;
  }

  /** Exactly {@code dddd-dd-dd} naming a real date, or null; faster than a formatter. */
  private static LocalDate parseIsoDate(String raw) {
    if (raw.length() != 10 || raw.charAt(4) != '-' || raw.charAt(7) != '-') {
      return null;
    }
    int year = digits(raw, 0, 4);
    int month = digits(raw, 5, 7);
    int day = digits(raw, 8, 10);
    return year < 0 || month < 0 || day < 0 ? null : LocalDate.of(year, month, day);
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static Object parseQuarter(String raw) {
    var matcher = PERIOD_TEXT.matcher(raw);
    if (!matcher.matches()) {
      return INVALID;
    }
    int quarter =
        switch (matcher.group(1)) {
          case "Jan-Mar" -> 1;
          case "Apr-Jun" -> 2;
          case "Jul-Sep" -> 3;
          default -> 4; // Oct-Dec, the only other text the pattern admits
        };
    return YearQuarter.of(Integer.parseInt(matcher.group(2)), quarter);
  }

  /** A new, empty Tablesaw column for this spec's values. */
  Column<?> newColumn() {
    return switch (kind) {
      case TEXT, CODE, QUARTER -> StringColumn.create(name);
      case INTEGER -> IntColumn.create(name);
      case DECIMAL -> DoubleColumn.create(name);
      case BOOLEAN -> BooleanColumn.create(name);
      case DATE -> DateColumn.create(name);
    };
  }

  /** Appends a parsed value (or null for missing) to a column made by {@link #newColumn()}. */
  static void append(Column<?> column, Object value) {
    if (value == null) {
      column.appendMissing();
    } else if (value instanceof String text) {
      ((StringColumn) column).append(text);
    } else if (value instanceof Integer number) {
      ((IntColumn) column).append(number);
    } else if (value instanceof Double number) {
      ((DoubleColumn) column).append(number);
    } else if (value instanceof Boolean flag) {
      ((BooleanColumn) column).append(flag);
    } else if (value instanceof LocalDate date) {
      ((DateColumn) column).append(date);
    } else if (value instanceof YearQuarter quarter) {
      ((StringColumn) column).append(quarter.toString());
    } else {
      throw new AssertionError(value.getClass());
    }
  }

  /** Returns the name and what is expected, e.g. {@code sentence_months: an integer 1..120}. */
  @Override
  public String toString() {
    return name + ": " + expected() + (required ? "" : " (optional)");
  }

  static List<String> names(List<ColumnSpec> specs) {
    List<String> names = new ArrayList<>(specs.size());
    for (ColumnSpec spec : specs) {
      names.add(spec.name);
    }
    return names;
  }
}
