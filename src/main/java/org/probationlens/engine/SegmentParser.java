package org.probationlens.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses the rows of one segment of {@code cases.csv} into the shared output arrays, validating
 * every field and cross-column rule of the dataset contract; stops at the first problem.
 */
final class SegmentParser {
  private static final CodeTable PROVIDER_TYPE = new CodeTable(CaseCsv.PROVIDER_TYPES);
  private static final CodeTable PROVIDER_CODE = new CodeTable(CaseCsv.PROVIDER_CODES);
  private static final CodeTable AREA = new CodeTable(CaseCsv.PCC_AREAS);
  private static final CodeTable WORK_TYPE = new CodeTable(CaseCsv.WORK_TYPES);
  private static final CodeTable TERMINATION = new CodeTable(CaseCsv.TERMINATION_REASONS);
  private static final int FIELDS = 13;
  private static final int CO = 0;
  private static final int SSO = 1;
  private static final int PSS = 3;

  private final String label;
  private final byte[] b;
  private final CaseCsv.Columns out;
  private final int rowBase;
  private final int limit;
  private final int[] fieldStart = new int[FIELDS];
  private final int[] fieldEnd = new int[FIELDS];

  byte[] ids;
  int idLength;
  private int p;
  private int lineEnd;
  private long line;

  SegmentParser(String label, byte[] buffer, CaseCsv.Columns out, int rowBase, int limit) {
    this.label = label;
    this.b = buffer;
    this.out = out;
    this.rowBase = rowBase;
    this.limit = limit;
  }

  void parseAll(int rows) {
    ids = new byte[Math.max(16, rows * 10)];
    for (int r = 0; r < rows; r++) {
      parseRow(rowBase + r);
    }
  }

  private void parseRow(int row) {
    line = row + 2L;
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
      throw problem(0, "a value (required): text");
    }
    int length = e - s;
    if (idLength + length > ids.length) {
      ids = Arrays.copyOf(ids, Math.max(ids.length * 2, idLength + length));
    }
    System.arraycopy(b, s, ids, idLength, length);
    out.idOffsets[row] = idLength;
    int h = length;
    for (int i = s; i < e; i++) {
      h = h * 31 + b[i];
    }
    // Murmur3's finaliser spreads sequential identifiers over all bits.
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    h ^= h >>> 16;
    out.idHash[row] = h;
    idLength += length;

    int providerType = code(1, PROVIDER_TYPE, CaseCsv.PROVIDER_TYPES);
    int providerCode = code(2, PROVIDER_CODE, CaseCsv.PROVIDER_CODES);
    int area = code(3, AREA, CaseCsv.PCC_AREAS);
    int workType = code(4, WORK_TYPE, CaseCsv.WORK_TYPES);
    int start = date(5, true);
    int end = date(6, false);
    int sentence = (int) integer(7, 1, 120, "an integer 1..120");
    int rar = (int) integer(8, 0, Integer.MAX_VALUE, "an integer >= 0");
    int upw = (int) integer(9, 0, 300, "an integer 0..300");
    boolean accredited = bool(10);
    int termination = code(11, TERMINATION, CaseCsv.TERMINATION_REASONS);
    double weight = decimal(12);

    // Cross-column rules, in the contract's order.
    if ((providerType == 1) != (providerCode >= 7)) {
      throw problem(
          2, "a CPA code C01..C21 for a CRC case, an NPS division N01..N07 for an NPS case");
    }
    if (workType == PSS && start < CaseCsv.ORA_COMMENCEMENT) {
      throw problem(5, "a date on or after 2015-02-01 for post-sentence supervision (PSS)");
    }
    if (end < start) {
      throw problem(6, "a date on or after start_date");
    }
    boolean requirements = workType == CO || workType == SSO;
    if (rar != 0 && !requirements) {
      throw problem(8, "0 unless work_type is CO or SSO");
    }
    if (rar != 0 && start < CaseCsv.ORA_COMMENCEMENT) {
      throw problem(8, "0 for a start before 2015-02-01 (RAR exists from then)");
    }
    if (upw != 0 && upw < 40) {
      throw problem(9, "0 or 40..300 hours of unpaid work");
    }
    if (upw != 0 && !requirements) {
      throw problem(9, "0 unless work_type is CO or SSO");
    }
    out.providerType[row] = (byte) providerType;
    out.providerCode[row] = (byte) providerCode;
    out.area[row] = (byte) area;
    out.workType[row] = (byte) workType;
    out.start[row] = start;
    out.end[row] = end;
    out.sentenceMonths[row] = sentence;
    out.rarDays[row] = rar;
    out.upwHours[row] = upw;
    out.accredited[row] = accredited;
    out.termination[row] = (byte) termination;
    out.weight[row] = weight;
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
      throw new Refusal(label, line, CaseCsv.COLUMNS[fields], fields + 1, found, expected);
    }
    throw new Refusal(label, line, "(extra field)", FIELDS + 1, found, expected);
  }

  private int code(int f, CodeTable table, String[] values) {
    int s = fieldStart[f];
    int e = fieldEnd[f];
    int code = table.lookup(b, s, e);
    if (code < 0) {
      String expected = "one of " + String.join(", ", values);
      throw problem(f, s == e ? "a value (required): " + expected : expected);
    }
    return code;
  }

  private int date(int f, boolean isStart) {
    int s = fieldStart[f];
    int e = fieldEnd[f];
    String expected = isStart ? "a date yyyy-MM-dd in 2014-06-01..2020-12-31" : "a date yyyy-MM-dd";
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
    if (isStart && (epochDay < CaseCsv.FIRST_START || epochDay > CaseCsv.LAST_START)) {
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

  private long integer(int f, long min, long max, String expected) {
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
    throw problem(f, s == e ? "a value (required): true or false" : "true or false");
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
    int s = fieldStart[f];
    int e = fieldEnd[f];
    String expected = "a decimal number >= 0";
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
    return new Refusal(label, line, CaseCsv.COLUMNS[f], f + 1, value, expected);
  }
}
