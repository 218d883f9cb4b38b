package org.probationlens.engine;

import static org.probationlens.engine.CaseFields.*;

import java.time.LocalDate;
import org.probationlens.read.ParsedRow;
import org.threeten.extra.YearQuarter;

/**
 * One row of {@code cases.csv} as the schema's rules read it (a {@link ParsedRow}), its values the
 * dictionaries' own codes and day numbers; a row can be limited to the columns a rule declares, as
 * the {@link RuleTable} needs to remember a verdict exactly.
 */
final class CaseRow implements ParsedRow {
  /** A rule read a column it does not declare; see {@link RuleTable}. */
  static final class UndeclaredRead extends RuntimeException {
    UndeclaredRead() {
      super(null, null, false, false);
    }
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

  /** The dates (fields 5, 6) and whole numbers (7 to 9) as day numbers and values, by field. */
  final int[] integers = new int[FIELDS];

  /**
   * The codes of the code and boolean fields 1, 2, 3, 4, 10, 11 (the columns a {@link RuleTable}
   * keeps its verdicts by), the flag's place left at 0.
   */
  final int[] codes = new int[6];

  private final long readable;
  boolean accredited;
  double weight;

  /** A row whose every column can be read. */
  CaseRow() {
    this(-1L);
  }

  /** A row that can read the columns whose bits are set in {@code readable} only. */
  CaseRow(long readable) {
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
  void copyOf(CaseRow other) {
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
