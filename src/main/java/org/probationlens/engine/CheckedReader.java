package org.probationlens.engine;

import static org.probationlens.engine.CaseFields.*;
import static org.probationlens.engine.CaseRules.*;

import java.nio.charset.StandardCharsets;
import org.probationlens.read.Problem;
import org.probationlens.read.Rule;

/**
 * The checked path of the fast reader: reads one row of a segment byte by byte, each field against
 * its column's specification and the cross-column rules in line, and either stores its values or
 * throws a {@link Refusal} locating the first problem as the validating loader would. {@link
 * SegmentParser} calls it for a row that is not in the generator's plain form, and to report a row
 * its block check found breaking a rule.
 */
final class CheckedReader {
  private final SegmentParser segment;
  private final String label;
  private final byte[] b;
  private final int limit;

  /** The row being read, as the rules read it, and its copies limited per {@link RuleTable}. */
  private final CaseRow row;

  private final CaseRow[] memoRows;

  private final int[] fieldStart = new int[FIELDS];
  private final int[] fieldEnd = new int[FIELDS];
  private int p;
  private int lineEnd;
  private long line;

  /**
   * A reader of the lines of {@code segment}'s {@code buffer[0, limit)}, storing into its columns;
   * {@code row} and {@code memoRows} are the segment's.
   */
  CheckedReader(
      SegmentParser segment,
      String label,
      byte[] buffer,
      int limit,
      CaseRow row,
      CaseRow[] memoRows) {
    this.segment = segment;
    this.label = label;
    this.b = buffer;
    this.limit = limit;
    this.row = row;
    this.memoRows = memoRows;
  }

  /**
   * Reads row {@code r}, which starts at byte {@code from}, and returns where the next row starts.
   */
  int read(int r, int from) {
    p = from;
    parseRow(r);
    return p;
  }

  /** Reads row {@code r} again, byte by byte and rules in line, which reports its problem. */
  void reportRow(int r) {
    int at = 0;
    for (int line = 0; line < r; line++) {
      at = endOfLine(at) + 1;
    }
    p = at;
    parseRow(r);
    throw new IllegalStateException("row " + r + " breaks a rule but reads without a problem");
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
    CaseCsv.Columns out = segment.out;
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
    segment.appendId(r, s, e);

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

  private Refusal problem(int f, String expected) {
    String value =
        new String(b, fieldStart[f], fieldEnd[f] - fieldStart[f], StandardCharsets.UTF_8);
    if (expected.equals(EXPECTED[f])) {
      expected = SPECS[f].expectedFor(value);
    }
    return new Refusal(new Problem(label, line, CaseCsv.COLUMNS[f], f + 1, value, expected));
  }
}
