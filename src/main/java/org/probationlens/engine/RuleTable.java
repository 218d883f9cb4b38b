package org.probationlens.engine;

import static org.probationlens.engine.CaseFields.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.probationlens.read.Rule;

/**
 * A rule table: remembered verdicts of a group of cross-column rules, by the values they read.
 *
 * <p>Rules that read code or boolean columns and at most one date or whole-number column, the same
 * one (a CRC case's provider against its area; a start date against the work type, an end date
 * against the termination reason, hours against the work type): whether all of them hold for each
 * combination of those values is remembered the first time a row has it, so later rows cost one
 * array read per group instead of a call through each rule's predicate, its string comparisons and
 * look-ups. A date outside 1970 to 2052 or a number outside 0 to 4,095 is checked by the rules each
 * time. Rules reading two dates or numbers, or an identifier, are run per row. When a group's
 * verdict is broken, the row is read again byte by byte and the first broken rule in the schema's
 * order is reported, as before.
 *
 * <p>A remembered verdict is exact: it is worked out on a row that can read the rules' declared
 * columns only ({@link Rule#reads()}), so it depends on the remembered values alone; a rule that
 * reads another column throws {@link CaseRow.UndeclaredRead} there and that row is checked by the
 * rules on the full row, without remembering. The table is shared by the parsing threads: a verdict
 * is written as one byte (0 not yet known, 1 holds, 2 broken), and a thread that does not yet see
 * another's write works the same verdict out again.
 */
final class RuleTable {
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

  private RuleTable(List<Rule> rules, long readable, int[] stride, int codeSize, int[][] numbers) {
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
  static RuleTable of(List<Rule> rules) {
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
    return new RuleTable(rules, readable, stride, codeSize, numbers);
  }

  /**
   * Whether the rule holds for the row {@code full}; {@code scratch}, a row readable in the rule's
   * columns only, takes its values when the verdict is not yet known.
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
   * each code read), and then the verdicts are read; a row whose verdict is not yet known, or whose
   * number is outside the table, is set in {@code full} and worked out as in {@link #holds}.
   */
  int firstBroken(
      CaseCsv.Columns out, int from, int to, int[] index, CaseRow full, CaseRow scratch) {
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
  private boolean allHold(CaseRow row) {
    for (Rule rule : checked) {
      if (!rule.holds(row)) {
        return false;
      }
    }
    return true;
  }

  boolean holds(CaseRow full, CaseRow scratch) {
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
    } catch (CaseRow.UndeclaredRead e) {
      return allHold(full);
    }
    verdicts[index] = holds ? (byte) 1 : (byte) 2;
    return holds;
  }
}
