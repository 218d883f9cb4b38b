package org.probationlens.engine;

import static org.probationlens.engine.CaseFields.*;
import static org.probationlens.engine.CaseRules.*;

import java.util.Arrays;
import org.probationlens.read.ParsedRow;
import org.probationlens.read.Rule;

/**
 * Parses the rows of one segment of {@code cases.csv} into the shared output arrays, validating
 * every field and cross-column rule of the dataset contract; stops at the first problem. Every rule
 * comes from {@link CaseCsv#SCHEMA}: code lists, ranges and expected texts from its column
 * specifications ({@link CaseFields}), cross-column rules by running its {@link Rule}s on a {@link
 * ParsedRow} view of the row ({@link CaseRow}).
 *
 * <p>This class is the scanner, the hot loop: each row in the generator's plain form is read in one
 * pass here, and the cross-column rules are checked a block of rows at a time against the verdict
 * tables of {@link CaseRules}. A row that is not plain, or that breaks a rule, goes to the {@link
 * CheckedReader}, which reads it byte by byte and locates its problem.
 */
final class SegmentParser {
  /** This row's parsed values, as the schema's rules read them. */
  private final CaseRow row = new CaseRow();

  /** For each memoized rule, a row readable in the columns it declares only. */
  private final CaseRow[] memoRows = new CaseRow[MEMOIZED.length];

  {
    for (int m = 0; m < MEMOIZED.length; m++) {
      memoRows[m] = new CaseRow(MEMOIZED[m].readable);
    }
  }

  /** The segment's bytes; dropped once it is parsed, while its rows wait to be joined. */
  private byte[] b;

  /** This segment's rows, grown as they are parsed; see {@link #parseAll()}. */
  CaseCsv.Columns out;

  /** How many rows were parsed, once {@link #parseAll()} returns. */
  int rows;

  private final int limit;

  byte[] ids;
  int idLength;

  /** The shortest and longest identifier parsed, in bytes, for a table of fixed-width ones. */
  int minIdWidth = Integer.MAX_VALUE;

  int maxIdWidth;

  /**
   * Whether each identifier so far sorts after the one before it, which proves them all different
   * without the duplicate check's hash tables.
   */
  final IdOrder idOrder = new IdOrder();

  private int p;

  /** Reads a row that is not plain, or reports one that breaks a rule; dropped with the bytes. */
  private CheckedReader reader;

  /**
   * A parser of the lines in {@code buffer[0, limit)}, each a row; a problem is reported with the
   * line it has in the segment, counting the file's header as line 1 before the segment's first
   * line, and {@link CaseCsv} moves it to its line in the file.
   */
  SegmentParser(String label, byte[] buffer, int limit) {
    this.b = buffer;
    this.limit = limit;
    this.reader = new CheckedReader(this, label, buffer, limit, row, memoRows);
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
          p = reader.read(r, p);
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
    reader = null;
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
      reader.reportRow(broken);
    }
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
   * <p>Anything else returns false before the row is counted, and {@link CheckedReader} reads the
   * row again byte by byte, rules in line: it accepts what is valid but not plain (a leading zero
   * past the seventh digit, a negative number) and locates every problem. Both give the same
   * values, so a row's outcome does not depend on which path took it; {@code CaseCsvPropertiesTest}
   * holds them to the validating loader's verdicts.
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
  void appendId(int r, int s, int e) {
    int length = e - s;
    minIdWidth = Math.min(minIdWidth, length);
    maxIdWidth = Math.max(maxIdWidth, length);
    if (idLength + length > ids.length) {
      ids = Arrays.copyOf(ids, Math.max(ids.length * 2, idLength + length));
    }
    idOrder.offer(b, s, e, ids, r > 0 ? out.idOffsets[r - 1] : 0, idLength);
    System.arraycopy(b, s, ids, idLength, length);
    out.idOffsets[r] = idLength;
    idLength += length;
  }
}
