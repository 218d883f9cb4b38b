package org.probationlens.engine;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.probationlens.read.ColumnSpec;
import org.probationlens.read.ParsedRow;
import org.probationlens.read.Problem;
import org.probationlens.read.Rule;
import org.threeten.extra.YearQuarter;

/**
 * Parses the rows of one segment of {@code cases.csv} into the shared output arrays, validating
 * every field and cross-column rule of the dataset contract; stops at the first problem. Every rule
 * comes from {@link CaseCsv#SCHEMA}: code lists, ranges and expected texts from its column
 * specifications, cross-column rules by running its {@link Rule}s on this parser's {@link
 * ParsedRow} view of the row.
 */
final class SegmentParser {
  private static final CodeTable PROVIDER_TYPE = new CodeTable(CaseCsv.PROVIDER_TYPES);
  private static final CodeTable PROVIDER_CODE = new CodeTable(CaseCsv.PROVIDER_CODES);
  private static final CodeTable AREA = new CodeTable(CaseCsv.PCC_AREAS);
  private static final CodeTable WORK_TYPE = new CodeTable(CaseCsv.WORK_TYPES);
  private static final CodeTable TERMINATION = new CodeTable(CaseCsv.TERMINATION_REASONS);
  private static final int FIELDS = 13;
  private static final ColumnSpec[] SPECS = CaseCsv.SCHEMA.columns().toArray(ColumnSpec[]::new);
  private static final List<Rule> RULES = CaseCsv.SCHEMA.rules();
  private static final Map<String, Integer> POSITION = positions();
  private static final String[] INTERNED =
      java.util.Arrays.stream(CaseCsv.COLUMNS).map(String::intern).toArray(String[]::new);

  /** Epoch days 0 to this (exclusive) have a LocalDate made once, and memoized rule verdicts. */
  private static final int DAYS_KEPT = 30_000;

  /**
   * The rules that read code and boolean columns and at most one date or whole number, with their
   * verdicts.
   */
  private static final Memoized[] MEMOIZED;

  /** The other rules, run on every row. */
  private static final Rule[] EVALUATED;

  /**
   * The rules made by {@link Rule#notBefore} on two date columns, as {later field, earlier field}:
   * checked as a comparison of the two columns' day numbers, which gives the rule's own verdict.
   */
  private static final int[][] ORDERED;

  private static final List<Rule> ORDERED_RULES;

  /** The columns of the rules checked as a comparison of two date columns, in order; for tests. */
  static List<String> comparedRuleColumns() {
    return ORDERED_RULES.stream().map(Rule::column).toList();
  }

  /** The columns of the rules run on every row, in order; for tests. */
  static List<String> evaluatedRuleColumns() {
    return Arrays.stream(EVALUATED).map(Rule::column).toList();
  }

  /** The columns of the rules that read code and boolean columns only, in order; for tests. */
  static List<String> tabulatedRuleColumns() {
    return ruleColumns(true);
  }

  /** The columns of the rules that also read one date or whole number, in order; for tests. */
  static List<String> memoizedRuleColumns() {
    return ruleColumns(false);
  }

  private static List<String> ruleColumns(boolean codesOnly) {
    List<Rule> rules = new ArrayList<>();
    for (Memoized m : MEMOIZED) {
      if ((m.numberField < 0) == codesOnly) {
        rules.addAll(m.rules);
      }
    }
    return RULES.stream().filter(rules::contains).map(Rule::column).toList();
  }

  private static Map<String, Integer> positions() {
    Map<String, Integer> map = new HashMap<>();
    for (int f = 0; f < FIELDS; f++) {
      map.put(CaseCsv.COLUMNS[f], f);
    }
    return Map.copyOf(map);
  }

  /** Each column's expected text, made once: building it per row would cost more than parsing. */
  private static final String[] EXPECTED = new String[FIELDS];

  private static final long[] MIN_INTEGER = new long[FIELDS];
  private static final long[] MAX_INTEGER = new long[FIELDS];
  private static final long[] MIN_DAY = new long[FIELDS];
  private static final long[] MAX_DAY = new long[FIELDS];

  static {
    if (SPECS.length != FIELDS) {
      throw new IllegalStateException(
          "the fast reader parses 13 columns; the schema has " + SPECS.length);
    }
    for (int f = 0; f < FIELDS; f++) {
      EXPECTED[f] = SPECS[f].expected();
      MIN_INTEGER[f] = SPECS[f].minInteger();
      MAX_INTEGER[f] = SPECS[f].maxInteger();
      if (SPECS[f].minDate() != null) {
        MIN_DAY[f] =
            SPECS[f].minDate().equals(LocalDate.MIN)
                ? Long.MIN_VALUE
                : SPECS[f].minDate().toEpochDay();
        MAX_DAY[f] =
            SPECS[f].maxDate().equals(LocalDate.MAX)
                ? Long.MAX_VALUE
                : SPECS[f].maxDate().toEpochDay();
      }
    }
  }

  // after the columns' ranges, which the verdict tables use
  static {
    // Rules that can be remembered are grouped by the date or number they read (none for those on
    // codes alone), one verdict table per group for all its rules, so that a row looks up one
    // verdict per group; a group whose table would be too large keeps a table per rule.
    Map<Integer, List<Rule>> groups = new java.util.TreeMap<>();
    List<Rule> evaluated = new ArrayList<>();
    List<int[]> ordered = new ArrayList<>();
    List<Rule> orderedRules = new ArrayList<>();
    for (Rule rule : RULES) {
      Integer later = POSITION.get(rule.column());
      Integer earlier = rule.notBefore().map(POSITION::get).orElse(null);
      if (later != null
          && earlier != null
          && (later == 5 || later == 6)
          && (earlier == 5 || earlier == 6)) {
        ordered.add(new int[] {later, earlier});
        orderedRules.add(rule);
        continue;
      }
      Memoized memo = Memoized.of(List.of(rule));
      if (memo != null) {
        groups
            .computeIfAbsent(
                (memo.numberField + 1) * 16 + memo.secondField + 1, k -> new ArrayList<>())
            .add(rule);
      } else {
        evaluated.add(rule);
      }
    }
    List<Memoized> memoized = new ArrayList<>();
    for (List<Rule> group : groups.values()) {
      Memoized together = Memoized.of(group);
      if (together != null) {
        memoized.add(together);
      } else {
        group.forEach(rule -> memoized.add(Memoized.of(List.of(rule))));
      }
    }
    MEMOIZED = memoized.toArray(Memoized[]::new);
    EVALUATED = evaluated.toArray(Rule[]::new);
    ORDERED = ordered.toArray(int[][]::new);
    ORDERED_RULES = List.copyOf(orderedRules);
  }

  /**
   * LocalDate values for epoch days 0 to 29,999 (1970 to 2052), made once each on first use: the
   * rules read dates, and converting a day number to a LocalDate for every rule and row cost more
   * than parsing the row. LocalDate is immutable, so a race to fill a slot is harmless.
   */
  private static final LocalDate[] DATES = new LocalDate[DAYS_KEPT];

  private static LocalDate dateOf(int epochDay) {
    if (epochDay < 0 || epochDay >= DATES.length) {
      return LocalDate.ofEpochDay(epochDay);
    }
    LocalDate date = DATES[epochDay];
    if (date == null) {
      date = LocalDate.ofEpochDay(epochDay);
      DATES[epochDay] = date;
    }
    return date;
  }

  /** This row's parsed values, as the schema's rules read them. */
  private final Row row = new Row();

  /** For each memoized rule, a row readable in the columns it declares only. */
  private final Row[] memoRows = new Row[MEMOIZED.length];

  {
    for (int m = 0; m < MEMOIZED.length; m++) {
      memoRows[m] = new Row(MEMOIZED[m].readable);
    }
  }

  private final String label;

  /** The segment's bytes; dropped once it is parsed, while its rows wait to be joined. */
  private byte[] b;

  /** This segment's rows, grown as they are parsed; see {@link #parseAll()}. */
  CaseCsv.Columns out;

  /** How many rows were parsed, once {@link #parseAll()} returns. */
  int rows;

  private final int limit;
  private final int[] fieldStart = new int[FIELDS];
  private final int[] fieldEnd = new int[FIELDS];

  byte[] ids;
  int idLength;

  /**
   * Whether each identifier so far sorts after the one before it, which proves them all different
   * without the duplicate check's hash tables.
   */
  final IdOrder idOrder = new IdOrder();

  private int p;
  private int lineEnd;
  private long line;

  /**
   * A parser of the lines in {@code buffer[0, limit)}, each a row; a problem is reported with the
   * line it has in the segment, counting the file's header as line 1 before the segment's first
   * line, and {@link CaseCsv} moves it to its line in the file.
   */
  SegmentParser(String label, byte[] buffer, int limit) {
    this.label = label;
    this.b = buffer;
    this.limit = limit;
  }

  /**
   * Parses every line of the segment into {@link #out}, whose arrays are sized for the lines
   * expected from the average length of the first few (so that no pass counts the lines first) and
   * grown by a quarter when a segment holds more; {@link #rows} says how many there were.
   */
  void parseAll() {
    int capacity = expectedRows();
    out = new CaseCsv.Columns(capacity);
    ids = new byte[Math.max(16, capacity * 10)];
    int r = 0;
    int checked = 0;
    Refusal stopped = null;
    try {
      while (p < limit) {
        if (r == capacity) {
          capacity = Math.max(capacity + 16, capacity + (capacity >> 2));
          out = out.grownTo(capacity, r);
        }
        if (!plainRow(r)) {
          parseRow(r);
        }
        r++;
        if (r - checked == RULE_BLOCK) {
          checkRules(checked, r);
          checked = r;
        }
      }
    } catch (Refusal refusal) {
      stopped = refusal;
    }
    // The rows read since the last block was checked, up to the first unreadable one if any
    checkRules(checked, r);
    if (stopped != null) {
      throw stopped;
    }
    rows = r;
    b = null;
  }

  /**
   * Rows read in the row loop are checked against the cross-column rules a block at a time, rule by
   * rule over the block's columns while they are still in cache.
   */
  private static final int RULE_BLOCK = 2048;

  /** Checks rows {@code [from, to)} against the rules and reports the first that breaks one. */
  private void checkRules(int from, int to) {
    int broken = firstBrokenRow(from, to);
    if (broken < to) {
      reportRow(broken);
    }
  }

  /** Reads row {@code r} again, byte by byte and rules in line, which reports its problem. */
  private void reportRow(int r) {
    int at = 0;
    for (int line = 0; line < r; line++) {
      at = endOfLine(at) + 1;
    }
    p = at;
    parseRow(r);
    throw new IllegalStateException("row " + r + " breaks a rule but reads without a problem");
  }

  /** Indexes into the verdict tables, one per row of a block, reused by each group of rules. */
  private final int[] verdictIndex = new int[RULE_BLOCK];

  /**
   * The first of rows {@code [from, to)} (at most one block) that breaks a cross-column rule, or
   * {@code to}: each group of remembered rules in turn over the columns (its verdict index built a
   * column at a time), then the other rules row by row, each looking only before the first broken
   * row found so far.
   */
  private int firstBrokenRow(int from, int to) {
    int first = to;
    for (int[] pair : ORDERED) {
      int[] later = out.numbers(pair[0]);
      int[] earlier = out.numbers(pair[1]);
      for (int r = from; r < first; r++) {
        if (later[r] < earlier[r]) {
          first = r;
          break;
        }
      }
    }
    for (int m = 0; m < MEMOIZED.length; m++) {
      first = MEMOIZED[m].firstBroken(out, from, first, verdictIndex, row, memoRows[m]);
    }
    if (EVALUATED.length > 0) {
      for (int r = from; r < first; r++) {
        row.setFrom(out, r);
        for (Rule rule : EVALUATED) {
          if (!rule.holds(row)) {
            return r;
          }
        }
      }
    }
    return first;
  }

  /** Lines of the segment, estimated from the first 64 and padded by a tenth. */
  private int expectedRows() {
    int lines = 0;
    int i = 0;
    for (; i < limit && lines < 64; i++) {
      if (b[i] == '\n') {
        lines++;
      }
    }
    if (i == 0) {
      return 0;
    }
    long estimate = (long) limit * Math.max(1, lines) / i;
    return (int) Math.min(Integer.MAX_VALUE - 16, estimate + estimate / 10 + 16);
  }

  /**
   * The most bytes a row parsed by {@link #plainRow} reads: every field's longest plain form and
   * separator, and the eight bytes read at once past the last.
   */
  private static final int PLAIN_ID = 200;

  private static final int PLAIN_SPAN =
      PLAIN_ID
          + 1
          + PROVIDER_TYPE.span
          + PROVIDER_CODE.span
          + AREA.span
          + WORK_TYPE.span
          + 2 * 11
          + 3 * 10
          + 8
          + TERMINATION.span
          + 18;

  /** The first day of each month from January 1900 to December 2099, as an epoch day. */
  private static final int[] MONTH_STARTS = new int[200 * 12];

  static {
    for (int m = 0; m < MONTH_STARTS.length; m++) {
      MONTH_STARTS[m] = Dates.epochDay(1900 + m / 12, m % 12 + 1, 1);
    }
  }

  /** Not a value: {@link #plainRow}'s field readers return this when a field is not plain. */
  private static final int NOT_PLAIN = Integer.MIN_VALUE;

  /** Where the next field starts, for {@link #plainRow}'s field readers. */
  private int at;

  /**
   * Parses the row at {@link #p} if every field has its plain form and a valid value, in one pass:
   * each field is read up to its separator and checked as it is read, instead of splitting the line
   * first. Plain means what the generator writes: an identifier of printable ASCII without spaces
   * or quotes, codes from the dictionaries, dates as yyyy-MM-dd, whole numbers of up to seven
   * digits, true or false, a decimal of at most 15 digits, and LF. The cross-column rules are
   * checked afterwards, by {@link #checkRules} a block of rows at a time.
   *
   * <p>Anything else returns false before the row is counted, and {@link #parseRow} reads the row
   * again byte by byte, rules in line: it accepts what is valid but not plain (a leading zero past
   * the seventh digit, a negative number) and locates every problem. Both give the same values, so
   * a row's outcome does not depend on which path took it; {@code CaseCsvPropertiesTest} holds them
   * to the validating loader's verdicts.
   */
  private boolean plainRow(int r) {
    if (limit - p < PLAIN_SPAN) {
      return false;
    }
    byte[] b = this.b;
    // case_id: printable ASCII without spaces or quotes, up to its comma
    int s = p;
    int e = s;
    for (int last = s + PLAIN_ID; ; e++) {
      byte c = b[e];
      if (c == ',') {
        break;
      }
      if (c <= ' ' || c >= 0x7F || c == '"' || e == last) {
        return false;
      }
    }
    if (e == s) {
      return false;
    }
    at = e + 1;
    int providerType = plainCode(PROVIDER_TYPE);
    int providerCode = plainCode(PROVIDER_CODE);
    int area = plainCode(AREA);
    int workType = plainCode(WORK_TYPE);
    int start = plainDate(5);
    int end = plainDate(6);
    int sentence = plainInteger(7);
    int rar = plainInteger(8);
    int upw = plainInteger(9);
    int accredited = plainBool();
    int termination = plainLongCode(TERMINATION);
    if ((providerType | providerCode | area | workType | termination) < 0
        || start == NOT_PLAIN
        || end == NOT_PLAIN
        || (sentence | rar | upw | accredited) < 0) {
      return false;
    }
    double weight = plainWeight();
    if (!(weight >= 0)) {
      return false;
    }
    appendId(r, s, e);
    out.providerType[r] = (byte) providerType;
    out.providerCode[r] = (byte) providerCode;
    out.area[r] = (byte) area;
    out.workType[r] = (byte) workType;
    out.start[r] = start;
    out.end[r] = end;
    out.sentenceMonths[r] = sentence;
    out.rarDays[r] = rar;
    out.upwHours[r] = upw;
    out.accredited[r] = accredited == 1;
    out.termination[r] = (byte) termination;
    out.weight[r] = weight;
    p = at;
    return true;
  }

  /**
   * A code up to its comma, or -1; for the fields whose codes are short (all but the termination
   * reason), so that the long look-up, never taken here, is not compiled in.
   */
  private int plainCode(CodeTable table) {
    int found = table.lookupToComma(b, at);
    if (found == CodeTable.LONGER) {
      found = table.lookupLong(b, at);
    }
    return pastCode(found);
  }

  /**
   * {@link #plainCode} for the termination reason, whose codes are mostly long: a method of its
   * own, so that the compiler's profile of each says which look-up is hot.
   */
  private int plainLongCode(CodeTable table) {
    int found = table.lookupToComma(b, at);
    if (found == CodeTable.LONGER) {
      found = table.lookupLong(b, at);
    }
    return pastCode(found);
  }

  /** Moves past the code and comma that {@code found} describes, and returns the code; or -1. */
  private int pastCode(int found) {
    if (found < 0) {
      return -1;
    }
    at += (found >>> 8) + 1;
    return found & 0xFF;
  }

  /** Bytes 4 and 7 of yyyy-MM-, as a little-endian long: the dashes. */
  private static final long DASH_BYTES = 0xFF0000FF00000000L;

  private static final long DASHES = 0x2D00002D00000000L;

  /** The high halves of the other six bytes, which are 3 for a digit. */
  private static final long DIGIT_HIGHS = 0x00F0F000F0F0F0F0L;

  private static final long DIGIT_ZEROS = 0x0030300030303030L;
  private static final long DIGIT_SIXES = 0x0006060006060606L;

  /** A date yyyy-MM-dd and its comma, valid and in the column's range; or {@link #NOT_PLAIN}. */
  private int plainDate(int f) {
    int s = at;
    long word = (long) CodeTable.LONGS.get(b, s);
    // bytes 8 to 10: the day's two digits and the comma
    int tail = (int) (((long) CodeTable.LONGS.get(b, s + 3)) >>> 40);
    // the dashes where they belong, and a digit in each other byte: a digit plus six stays in
    // 0x30..0x3F, anything else of the form 0x3? does not
    if ((word & DASH_BYTES) != DASHES
        || (word & DIGIT_HIGHS) != DIGIT_ZEROS
        || ((word + DIGIT_SIXES) & DIGIT_HIGHS) != DIGIT_ZEROS
        || (tail & 0xFFF0F0) != 0x2C3030
        || ((tail + 0x0606) & 0xF0F0) != 0x3030) {
      return NOT_PLAIN;
    }
    int epochDay = epochDay(word, (tail & 0xF) * 10 + ((tail >>> 8) & 0xF));
    if (epochDay == NOT_PLAIN || epochDay < MIN_DAY[f] || epochDay > MAX_DAY[f]) {
      return NOT_PLAIN;
    }
    at = s + 11;
    return epochDay;
  }

  /**
   * The epoch day of the date whose digits yyyy-MM- are {@code word} (checked) and whose day is
   * {@code day}, or {@link #NOT_PLAIN} if there is no such date. Kept apart from {@link #plainDate}
   * so that the compiler inlines that one into the row's loop.
   */
  private static int epochDay(long word, int day) {
    int year =
        (int) (word & 0xF) * 1000
            + (int) ((word >>> 8) & 0xF) * 100
            + (int) ((word >>> 16) & 0xF) * 10
            + (int) ((word >>> 24) & 0xF);
    int month = (int) ((word >>> 40) & 0xF) * 10 + (int) ((word >>> 48) & 0xF);
    if (month < 1
        || month > 12
        || day < 1
        || (day > 28 && day > Dates.lengthOfMonth(year, month))) {
      return NOT_PLAIN;
    }
    return year >= 1900 && year < 2100
        ? MONTH_STARTS[(year - 1900) * 12 + month - 1] + day - 1
        : Dates.epochDay(year, month, day);
  }

  private static final long LOW_NIBBLES = 0x0F0F0F0F0F0F0F0FL;
  private static final long HIGH_NIBBLES = 0xF0F0F0F0F0F0F0F0L;
  private static final long ZEROS = 0x3030303030303030L;
  private static final long SIXES = 0x0606060606060606L;

  /**
   * A whole number of 1 to 7 digits and its comma, in the column's range; or -1. The digits are
   * read as one word and combined in three multiplications (pairs, then fours, then the eight
   * places, the missing leading ones zero), so that a number's length costs no branch.
   */
  private int plainInteger(int f) {
    long word = (long) CodeTable.LONGS.get(b, at);
    long x = word ^ 0x2C2C2C2C2C2C2C2CL;
    long comma = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
    int length = Long.numberOfTrailingZeros(comma) >>> 3;
    if (length == 0 || length == 8) {
      return -1;
    }
    long mask = (1L << (length << 3)) - 1;
    long digits = word & mask;
    // every byte a digit: its high half 3, and still 3 after adding six
    if ((digits & HIGH_NIBBLES & mask) != (ZEROS & mask)
        || ((digits + (SIXES & mask)) & HIGH_NIBBLES & mask) != (ZEROS & mask)) {
      return -1;
    }
    long v = (digits & LOW_NIBBLES) << (64 - (length << 3));
    v = (v * (10 * 256 + 1)) >>> 8;
    v = ((v & 0x00FF00FF00FF00FFL) * (100 * 65536 + 1)) >>> 16;
    v = ((v & 0x0000FFFF0000FFFFL) * (10000L * (1L << 32) + 1)) >>> 32;
    if (v < MIN_INTEGER[f] || v > MAX_INTEGER[f]) {
      return -1;
    }
    at += length + 1;
    return (int) v;
  }

  /** true or false and its comma: 1 or 0; or -1. */
  private int plainBool() {
    long word = (long) CodeTable.LONGS.get(b, at);
    if ((word & 0xFF_FFFF_FFFFL) == TRUE_COMMA) {
      at += 5;
      return 1;
    }
    if ((word & 0xFFFF_FFFF_FFFFL) == FALSE_COMMA) {
      at += 6;
      return 0;
    }
    return -1;
  }

  private static final long TRUE_COMMA = littleEndian("true,");
  private static final long FALSE_COMMA = littleEndian("false,");

  private static long littleEndian(String text) {
    long v = 0;
    for (int i = text.length() - 1; i >= 0; i--) {
      v = (v << 8) | text.charAt(i);
    }
    return v;
  }

  /**
   * The weight, digits with at most one inner point, at most 15 digits, then LF, in the column's
   * range: the value {@link #plainDecimal} gives; or NaN. Leaves {@link #at} at the next line.
   */
  private double plainWeight() {
    int s = at;
    long mantissa = 0;
    int digits = 0;
    int fraction = -1;
    int i = s;
    for (int last = s + 17; ; i++) {
      byte c = b[i];
      if (c >= '0' && c <= '9') {
        mantissa = mantissa * 10 + (c - '0');
        digits++;
        if (fraction >= 0) {
          fraction++;
        }
      } else if (c == '.' && fraction < 0 && i > s) {
        fraction = 0;
      } else {
        break;
      }
      if (i == last) {
        return Double.NaN;
      }
    }
    if (b[i] != '\n' || i == s || fraction == 0 || digits > 15) {
      return Double.NaN;
    }
    double value = fraction < 0 ? (double) mantissa : mantissa / POWERS_OF_TEN[fraction];
    if (value < SPECS[12].minDecimal() || value > SPECS[12].maxDecimal()) {
      return Double.NaN;
    }
    at = i + 1;
    return value;
  }

  /** Appends row {@code r}'s identifier, {@code b[s, e)}, noting whether it keeps ascending. */
  private void appendId(int r, int s, int e) {
    int length = e - s;
    if (idLength + length > ids.length) {
      ids = Arrays.copyOf(ids, Math.max(ids.length * 2, idLength + length));
    }
    idOrder.offer(b, s, e, ids, r > 0 ? out.idOffsets[r - 1] : 0, idLength);
    System.arraycopy(b, s, ids, idLength, length);
    out.idOffsets[r] = idLength;
    idLength += length;
  }

  /** Whether the row set in {@link #row} keeps every cross-column rule. */
  private boolean rulesHold() {
    boolean kept = true;
    for (Rule rule : ORDERED_RULES) {
      kept = kept && rule.holds(row);
    }
    for (int m = 0; m < MEMOIZED.length; m++) {
      kept &= MEMOIZED[m].holds(row, memoRows[m]);
    }
    for (Rule rule : EVALUATED) {
      kept = kept && rule.holds(row);
    }
    return kept;
  }

  /** Writes the values set in {@link #row} to the output arrays at row {@code r}. */
  private void store(int r) {
    int[] codes = row.codes;
    int[] numbers = row.integers;
    out.providerType[r] = (byte) codes[0];
    out.providerCode[r] = (byte) codes[1];
    out.area[r] = (byte) codes[2];
    out.workType[r] = (byte) codes[3];
    out.start[r] = numbers[5];
    out.end[r] = numbers[6];
    out.sentenceMonths[r] = numbers[7];
    out.rarDays[r] = numbers[8];
    out.upwHours[r] = numbers[9];
    out.accredited[r] = row.accredited;
    out.termination[r] = (byte) codes[5];
    out.weight[r] = row.weight;
  }

  private void parseRow(int r) {
    line = r + 2L;
    // Split into fields in one scan to the line end.
    int field = 0;
    fieldStart[0] = p;
    int at = p;
    while (at < limit) {
      byte c = b[at];
      if (c == ',') {
        if (field == FIELDS - 1) {
          lineEnd = endOfLine(at);
          wrongFieldCount();
        }
        fieldEnd[field++] = at;
        fieldStart[field] = at + 1;
      } else if (c == '\n') {
        break;
      }
      at++;
    }
    int le = at;
    lineEnd = le;
    fieldEnd[field] = le;
    if (field < FIELDS - 1) {
      wrongFieldCount();
    }
    for (int f = 0; f < FIELDS; f++) {
      // A quote opening a field starts RFC 4180 quoting, and a CR may end a CRLF line: both are
      // valid CSV that the fast reader leaves to the validating loader.
      boolean quoted = fieldStart[f] < fieldEnd[f] && b[fieldStart[f]] == '"';
      if (quoted || (f == FIELDS - 1 && le > p && b[le - 1] == '\r')) {
        Refusal declined = problem(f, "the generator's canonical form (no quotes, LF line ends)");
        declined.declined = true;
        throw declined;
      }
    }
    // case_id
    int s = fieldStart[0];
    int e = fieldEnd[0];
    if (s == e) {
      throw problem(0, "a value (required): " + EXPECTED[0]);
    }
    for (int i = s; i < e; i++) {
      // Control bytes (a bare CR among them) and bytes outside ASCII (possibly not UTF-8) are left
      // to the validating loader, which decodes strictly and locates what is wrong.
      if (b[i] < 0x20 || b[i] >= 0x7F) {
        Refusal declined = problem(0, "printable ASCII, as the generator writes identifiers");
        declined.declined = true;
        throw declined;
      }
    }
    if (b[s] == ' ' || b[e - 1] == ' ') {
      throw problem(0, EXPECTED[0]);
    }
    appendId(r, s, e);

    int providerType = code(1, PROVIDER_TYPE);
    int providerCode = code(2, PROVIDER_CODE);
    int area = code(3, AREA);
    int workType = code(4, WORK_TYPE);
    int start = date(5);
    int end = date(6);
    int sentence = (int) integer(7);
    int rar = (int) integer(8);
    int upw = (int) integer(9);
    boolean accredited = bool(10);
    int termination = code(11, TERMINATION);
    double weight = decimal(12);

    // Cross-column rules: the schema's own, in its order, on this row.
    row.set(
        providerType,
        providerCode,
        area,
        workType,
        start,
        end,
        sentence,
        rar,
        upw,
        accredited,
        termination,
        weight);
    if (!rulesHold()) {
      // the first rule broken, in the schema's order, as the validating loader reports it
      for (Rule rule : RULES) {
        if (!rule.holds(row)) {
          throw problem(POSITION.get(rule.column()), rule.expected());
        }
      }
    }
    store(r);
    p = le + 1;
  }

  private int endOfLine(int from) {
    int i = from;
    while (i < limit && b[i] != '\n') {
      i++;
    }
    return i;
  }

  private void wrongFieldCount() {
    int fields = 1;
    for (int i = p; i < lineEnd; i++) {
      if (b[i] == ',') {
        fields++;
      }
    }
    String found = fields == 1 && lineEnd == p ? "an empty line" : fields + " fields";
    String expected = FIELDS + " fields, as in the header";
    if (fields < FIELDS) {
      throw new Refusal(
          new Problem(label, line, CaseCsv.COLUMNS[fields], fields + 1, found, expected));
    }
    throw new Refusal(new Problem(label, line, "(extra field)", FIELDS + 1, found, expected));
  }

  private int code(int f, CodeTable table) {
    int s = fieldStart[f];
    int e = fieldEnd[f];
    int code = table.lookup(b, s, e);
    if (code < 0) {
      throw problem(f, s == e ? "a value (required): " + EXPECTED[f] : EXPECTED[f]);
    }
    return code;
  }

  private int date(int f) {
    int s = fieldStart[f];
    int e = fieldEnd[f];
    String expected = EXPECTED[f];
    if (e - s != 10 || b[s + 4] != '-' || b[s + 7] != '-') {
      throw problem(f, s == e ? "a value (required): " + expected : expected);
    }
    int year = digits(s, 4);
    int month = digits(s + 5, 2);
    int day = digits(s + 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > Dates.lengthOfMonth(year, month)) {
      throw problem(f, expected);
    }
    int epochDay = Dates.epochDay(year, month, day);
    if (epochDay < MIN_DAY[f] || epochDay > MAX_DAY[f]) {
      throw problem(f, expected);
    }
    return epochDay;
  }

  private int digits(int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private long integer(int f) {
    long min = MIN_INTEGER[f];
    long max = MAX_INTEGER[f];
    String expected = EXPECTED[f];
    int s = fieldStart[f];
    int e = fieldEnd[f];
    int i = s;
    boolean negative = i < e && b[i] == '-';
    if (negative) {
      i++;
    }
    if (i == e || e - i > 18) {
      throw problem(f, s == e ? "a value (required): " + expected : expected);
    }
    long v = 0;
    for (; i < e; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        throw problem(f, expected);
      }
      v = v * 10 + d;
    }
    if (negative) {
      v = -v;
    }
    if (v < min || v > max) {
      throw problem(f, expected);
    }
    return v;
  }

  private boolean bool(int f) {
    int s = fieldStart[f];
    int e = fieldEnd[f];
    if (e - s == 4 && b[s] == 't' && b[s + 1] == 'r' && b[s + 2] == 'u' && b[s + 3] == 'e') {
      return true;
    }
    if (e - s == 5
        && b[s] == 'f'
        && b[s + 1] == 'a'
        && b[s + 2] == 'l'
        && b[s + 3] == 's'
        && b[s + 4] == 'e') {
      return false;
    }
    String expected = EXPECTED[f];
    throw problem(f, s == e ? "a value (required): " + expected : expected);
  }

  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  /**
   * Parses a plain decimal {@code digits[.digits]} >= 0. With at most 15 significant digits the
   * mantissa and the power of ten are exact doubles, so one division gives the correctly rounded
   * value, the same as {@link Double#parseDouble}; longer numbers go through that method.
   */
  private double decimal(int f) {
    double value = plainDecimal(f);
    // Finite and in the schema's range: a 400-digit number parses to Infinity, which is refused.
    if (!Double.isFinite(value) || value < SPECS[f].minDecimal() || value > SPECS[f].maxDecimal()) {
      throw problem(f, EXPECTED[f]);
    }
    return value;
  }

  private double plainDecimal(int f) {
    int s = fieldStart[f];
    int e = fieldEnd[f];
    String expected = EXPECTED[f];
    if (s == e) {
      throw problem(f, "a value (required): " + expected);
    }
    long mantissa = 0;
    int digits = 0;
    int fraction = -1;
    for (int i = s; i < e; i++) {
      byte c = b[i];
      if (c == '.') {
        if (fraction >= 0 || i == s || i == e - 1) {
          throw problem(f, expected);
        }
        fraction = 0;
      } else if (c >= '0' && c <= '9') {
        if (digits < 18) {
          mantissa = mantissa * 10 + (c - '0');
        }
        digits++;
        if (fraction >= 0) {
          fraction++;
        }
      } else {
        throw problem(f, expected);
      }
    }
    if (digits <= 15) {
      return fraction <= 0 ? (double) mantissa : mantissa / POWERS_OF_TEN[fraction];
    }
    return Double.parseDouble(new String(b, s, e - s, StandardCharsets.US_ASCII));
  }

  /**
   * Rules that read code or boolean columns and at most one date or whole-number column, the same
   * one (a CRC case's provider against its area; a start date against the work type, an end date
   * against the termination reason, hours against the work type): whether all of them hold for each
   * combination of those values is remembered the first time a row has it, so later rows cost one
   * array read per group instead of a call through each rule's predicate, its string comparisons
   * and look-ups. A date outside 1970 to 2052 or a number outside 0 to 4,095 is checked by the
   * rules each time. Rules reading two dates or numbers, or an identifier, are run per row. When a
   * group's verdict is broken, the row is read again byte by byte and the first broken rule in the
   * schema's order is reported, as before.
   *
   * <p>A remembered verdict is exact: it is worked out on a row that can read the rules' declared
   * columns only ({@link Rule#reads()}), so it depends on the remembered values alone; a rule that
   * reads another column throws {@link UndeclaredRead} there and that row is checked by the rules
   * on the full row, without remembering. The table is shared by the parsing threads: a verdict is
   * written as one byte (0 not yet known, 1 holds, 2 broken), and a thread that does not yet see
   * another's write works the same verdict out again.
   */
  private static final class Memoized {
    /** The code and boolean fields a verdict is kept by: 1, 2, 3, 4, 10, 11. */
    private static final int[] CODE_FIELDS = {1, 2, 3, 4, 10, 11};

    private static final int[] SIZES = {
      CaseCsv.PROVIDER_TYPES.length,
      CaseCsv.PROVIDER_CODES.length,
      CaseCsv.PCC_AREAS.length,
      CaseCsv.WORK_TYPES.length,
      2,
      CaseCsv.TERMINATION_REASONS.length
    };

    private static final int NUMBER_RANGE = 4096;

    /** The largest table kept, in verdicts. */
    private static final int MAX_SIZE = 1 << 22;

    /** The rules whose verdicts are kept together: a verdict holds when all of them hold. */
    final List<Rule> rules;

    private final Rule[] checked;
    final long readable;

    /** Each code field's place value in the table's index; 0 for those not read. */
    private final int[] stride;

    /**
     * The field of the date or whole number read (5, 6 for dates; 7, 8, 9 for numbers), or -1 for a
     * rule on codes and booleans only.
     */
    final int numberField;

    /** The field of a second date or whole number read, or -1. */
    final int secondField;

    /** For the first and second number: the lowest value kept, how many, their place value. */
    private final int numberLow;

    private final int numberRange;
    private final int numberStride;
    private final int secondLow;
    private final int secondRange;
    private final int secondStride;
    private final byte[] verdicts;

    private Memoized(List<Rule> rules, long readable, int[] stride, int codeSize, int[][] numbers) {
      this.rules = List.copyOf(rules);
      this.checked = rules.toArray(Rule[]::new);
      this.readable = readable;
      this.stride = stride;
      this.numberField = numbers[0][0];
      this.numberLow = numbers[0][1];
      this.numberRange = numbers[0][2];
      this.numberStride = codeSize;
      this.secondField = numbers[1][0];
      this.secondLow = numbers[1][1];
      this.secondRange = numbers[1][2];
      this.secondStride = codeSize * numberRange;
      this.verdicts = new byte[codeSize * numberRange * secondRange];
    }

    /**
     * The values of field {@code f} a table keeps: {field, lowest, how many}. A date column with a
     * range in the schema keeps that range (start dates: 2014 to 2020), else the days of 1970 to
     * 2052; a whole-number column keeps at most 4,096 values from its minimum.
     */
    private static int[] kept(int f) {
      if (f <= 6) {
        long span = MAX_DAY[f] - MIN_DAY[f] + 1;
        if (MIN_DAY[f] > Long.MIN_VALUE && MAX_DAY[f] < Long.MAX_VALUE && span > 0) {
          return new int[] {f, (int) MIN_DAY[f], (int) Math.min(span, DAYS_KEPT)};
        }
        return new int[] {f, 0, DAYS_KEPT};
      }
      long span = MAX_INTEGER[f] - MIN_INTEGER[f] + 1;
      return new int[] {f, (int) MIN_INTEGER[f], (int) Math.min(span, NUMBER_RANGE)};
    }

    /**
     * The rules with one verdict table, or null if together they read other columns, more than two
     * dates or numbers, or too many combinations. With two, the second keeps fewer values if the
     * table would be too large (RAR days by start date: 2,406 days by 1,743 values).
     */
    static Memoized of(List<Rule> rules) {
      int[] stride = new int[CODE_FIELDS.length];
      long readable = 0;
      int codeSize = 1;
      int numberField = -1;
      int secondField = -1;
      List<String> reads = new ArrayList<>();
      rules.forEach(rule -> reads.addAll(rule.reads()));
      for (String column : reads) {
        Integer field = POSITION.get(column);
        if (field == null) {
          return null;
        }
        int argument = indexOf(CODE_FIELDS, field);
        if (argument >= 0) {
          if (stride[argument] == 0) {
            stride[argument] = codeSize;
            codeSize *= SIZES[argument];
          }
        } else if (field >= 5 && field <= 9 && (numberField < 0 || numberField == field)) {
          numberField = field;
        } else if (field >= 5 && field <= 9 && (secondField < 0 || secondField == field)) {
          secondField = field;
        } else {
          return null;
        }
        readable |= 1L << field;
      }
      int[][] numbers = {{-1, 0, 1}, {-1, 0, 1}};
      if (numberField >= 0) {
        numbers[0] = kept(numberField);
      }
      if (secondField >= 0) {
        numbers[1] = kept(secondField);
        if (numbers[1][2] < numbers[0][2]) {
          int[] first = numbers[0];
          numbers[0] = numbers[1];
          numbers[1] = first;
        }
        long room = MAX_SIZE / ((long) codeSize * numbers[0][2]);
        if (room < 16) {
          return null;
        }
        numbers[1][2] = (int) Math.min(numbers[1][2], room);
      }
      if ((long) codeSize * numbers[0][2] * numbers[1][2] > MAX_SIZE) {
        return null;
      }
      return new Memoized(rules, readable, stride, codeSize, numbers);
    }

    /**
     * Whether the rule holds for the row {@code full}; {@code scratch}, a row readable in the
     * rule's columns only, takes its values when the verdict is not yet known.
     */
    private static int indexOf(int[] values, int value) {
      for (int i = 0; i < values.length; i++) {
        if (values[i] == value) {
          return i;
        }
      }
      return -1;
    }

    /** A verdict index below every real one, whatever code strides are added to it. */
    private static final int OUTSIDE = Integer.MIN_VALUE / 2;

    /**
     * The first of rows {@code [from, to)} of {@code out} for which the group does not hold, or
     * {@code to}. The verdict index is built in {@code index} a column at a time (the number, then
     * each code read), and then the verdicts are read; a row whose verdict is not yet known, or
     * whose number is outside the table, is set in {@code full} and worked out as in {@link
     * #holds}.
     */
    int firstBroken(CaseCsv.Columns out, int from, int to, int[] index, Row full, Row scratch) {
      int rows = to - from;
      if (numberField < 0) {
        Arrays.fill(index, 0, rows, 0);
      } else {
        int[] numbers = out.numbers(numberField);
        int low = numberLow;
        int range = numberRange;
        int place = numberStride;
        for (int i = 0; i < rows; i++) {
          int n = numbers[from + i] - low;
          index[i] = n >= 0 && n < range ? n * place : OUTSIDE;
        }
      }
      if (secondField >= 0) {
        int[] numbers = out.numbers(secondField);
        int low = secondLow;
        int range = secondRange;
        int place = secondStride;
        for (int i = 0; i < rows; i++) {
          int n = numbers[from + i] - low;
          index[i] += n >= 0 && n < range ? n * place : OUTSIDE;
        }
      }
      for (int k = 0; k < CODE_FIELDS.length; k++) {
        int place = stride[k];
        if (place == 0) {
          continue;
        }
        if (CODE_FIELDS[k] == 10) {
          boolean[] flags = out.accredited;
          for (int i = 0; i < rows; i++) {
            if (flags[from + i]) {
              index[i] += place;
            }
          }
        } else {
          byte[] codes = out.codes(CODE_FIELDS[k]);
          for (int i = 0; i < rows; i++) {
            index[i] += codes[from + i] * place;
          }
        }
      }
      byte[] known = verdicts;
      for (int i = 0; i < rows; i++) {
        int v = index[i];
        if (v >= 0 && known[v] == 1) {
          continue;
        }
        full.setFrom(out, from + i);
        if (!holds(full, scratch)) {
          return from + i;
        }
      }
      return to;
    }

    /** Whether every rule holds on {@code row}, each worked out there. */
    private boolean allHold(Row row) {
      for (Rule rule : checked) {
        if (!rule.holds(row)) {
          return false;
        }
      }
      return true;
    }

    boolean holds(Row full, Row scratch) {
      int number = numberField < 0 ? 0 : full.integers[numberField] - numberLow;
      int second = secondField < 0 ? 0 : full.integers[secondField] - secondLow;
      if (number < 0 || number >= numberRange || second < 0 || second >= secondRange) {
        return allHold(full);
      }
      int[] codes = full.codes;
      int index =
          number * numberStride
              + second * secondStride
              + codes[0] * stride[0]
              + codes[1] * stride[1]
              + codes[2] * stride[2]
              + codes[3] * stride[3]
              + (full.accredited ? stride[4] : 0)
              + codes[5] * stride[5];
      byte known = verdicts[index];
      if (known != 0) {
        return known == 1;
      }
      boolean holds;
      try {
        scratch.copyOf(full);
        holds = allHold(scratch);
      } catch (UndeclaredRead e) {
        return allHold(full);
      }
      verdicts[index] = holds ? (byte) 1 : (byte) 2;
      return holds;
    }
  }

  /** A rule read a column it does not declare; see {@link Memoized}. */
  private static final class UndeclaredRead extends RuntimeException {
    UndeclaredRead() {
      super(null, null, false, false);
    }
  }

  /** The row being checked, as the schema's rules read it; values are the dictionaries' own. */
  private static final class Row implements ParsedRow {
    private final int[] integers = new int[FIELDS];

    /** The codes of {@link Memoized#CODE_FIELDS}' columns, the flag's place left at 0. */
    private final int[] codes = new int[6];

    private final long readable;
    private boolean accredited;
    private double weight;

    /** A row whose every column can be read. */
    Row() {
      this(-1L);
    }

    /** A row that can read the columns whose bits are set in {@code readable} only. */
    Row(long readable) {
      this.readable = readable;
    }

    void set(
        int providerType,
        int providerCode,
        int area,
        int workType,
        int start,
        int end,
        int sentence,
        int rar,
        int upw,
        boolean accredited,
        int termination,
        double weight) {
      codes[0] = providerType;
      codes[1] = providerCode;
      codes[2] = area;
      codes[3] = workType;
      codes[5] = termination;
      integers[5] = start;
      integers[6] = end;
      integers[7] = sentence;
      integers[8] = rar;
      integers[9] = upw;
      this.accredited = accredited;
      this.weight = weight;
    }

    /** Takes the values of row {@code r} of {@code out}. */
    void setFrom(CaseCsv.Columns out, int r) {
      codes[0] = out.providerType[r];
      codes[1] = out.providerCode[r];
      codes[2] = out.area[r];
      codes[3] = out.workType[r];
      codes[5] = out.termination[r];
      integers[5] = out.start[r];
      integers[6] = out.end[r];
      integers[7] = out.sentenceMonths[r];
      integers[8] = out.rarDays[r];
      integers[9] = out.upwHours[r];
      accredited = out.accredited[r];
      weight = out.weight[r];
    }

    /** Takes the values of another row (what it may read stays its own). */
    void copyOf(Row other) {
      System.arraycopy(other.integers, 0, integers, 0, FIELDS);
      System.arraycopy(other.codes, 0, codes, 0, codes.length);
      accredited = other.accredited;
      weight = other.weight;
    }

    private int at(String column) {
      int f = position(column);
      if ((readable & (1L << f)) == 0) {
        throw new UndeclaredRead();
      }
      return f;
    }

    private static int position(String column) {
      // the rules name columns by string literals, which are interned, as are the header's names
      // here: an identity scan of 13 references is much cheaper than a hash look-up per call
      for (int f = 0; f < FIELDS; f++) {
        if (INTERNED[f] == column) {
          return f;
        }
      }
      Integer f = POSITION.get(column);
      if (f == null) {
        throw new IllegalArgumentException("no column named \"" + column + "\" in cases.csv");
      }
      return f;
    }

    private static IllegalArgumentException wrongType(String column, String type) {
      return new IllegalArgumentException("column \"" + column + "\" is not " + type);
    }

    @Override
    public String text(String column) {
      switch (at(column)) {
        case 1:
          return CaseCsv.PROVIDER_TYPES[codes[0]];
        case 2:
          return CaseCsv.PROVIDER_CODES[codes[1]];
        case 3:
          return CaseCsv.PCC_AREAS[codes[2]];
        case 4:
          return CaseCsv.WORK_TYPES[codes[3]];
        case 11:
          return CaseCsv.TERMINATION_REASONS[codes[5]];
        default:
          throw wrongType(column, "a code column the rules may read");
      }
    }

    @Override
    public int integer(String column) {
      int f = at(column);
      if (f < 7 || f > 9) {
        throw wrongType(column, "an integer column");
      }
      return integers[f];
    }

    @Override
    public double decimal(String column) {
      if (at(column) != 12) {
        throw wrongType(column, "a decimal column");
      }
      return weight;
    }

    @Override
    public boolean bool(String column) {
      if (at(column) != 10) {
        throw wrongType(column, "a boolean column");
      }
      return accredited;
    }

    @Override
    public LocalDate date(String column) {
      int f = at(column);
      if (f != 5 && f != 6) {
        throw wrongType(column, "a date column");
      }
      return dateOf(integers[f]);
    }

    @Override
    public YearQuarter quarter(String column) {
      throw wrongType(column, "a quarter column");
    }
  }

  private Refusal problem(int f, String expected) {
    String value =
        new String(b, fieldStart[f], fieldEnd[f] - fieldStart[f], StandardCharsets.UTF_8);
    if (expected.equals(EXPECTED[f])) {
      expected = SPECS[f].expectedFor(value);
    }
    return new Refusal(new Problem(label, line, CaseCsv.COLUMNS[f], f + 1, value, expected));
  }
}
