package org.probationlens.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A condition on one column that keeps the cases meeting it, for {@link Aggregate#where}: for
 * example cases run by a CRC ({@code Filter.equalTo("provider_type", "CRC")}) or cases started in
 * the first contract year ({@code Filter.between("start_date", from, to)}). Several filters are
 * combined with "and".
 *
 * <p>A category value must be one of the column's dictionary (for {@link CaseCsv} tables, the
 * values the dataset contract allows): a misspelt code fails with the allowed values rather than
 * silently matching nothing.
 */
public final class Filter {

  /** Marks rows that fail the condition in a chunk; compiled against one table. */
  interface Compiled {
    void reject(int from, int to, int[] groupOfRow);
  }

  /**
   * A compiled filter that no row can pass (a date range outside the column's dates), so that
   * {@link Aggregate} can skip the pass over the rows.
   */
  static final Compiled NONE = (from, to, gid) -> Arrays.fill(gid, from, to, -1);

  /** Bounds of whole-number filters are clamped to plus or minus this. */
  private static final double WIDE = 1L << 40;

  /**
   * -1 if {@code v} is outside {@code lo..hi}, else 0, without a branch: kept and rejected rows are
   * often interleaved at random, where a branch per row is mispredicted about half the time.
   */
  static int outside(long v, long lo, long hi) {
    return (int) (((v - lo) | (hi - v)) >> 63);
  }

  private interface Compiler {
    Compiled compile(ColumnTable table);
  }

  private final String description;
  private final Compiler compiler;

  private Filter(String description, Compiler compiler) {
    this.description = description;
    this.compiler = compiler;
  }

  /**
   * Keeps cases whose category column has the given value, e.g. {@code provider_type = CRC}.
   *
   * @param column a category column
   * @param value one of its values
   */
  public static Filter equalTo(String column, String value) {
    Objects.requireNonNull(value, "value");
    return in(column, value);
  }

  /**
   * Keeps cases whose category column has one of the given values, e.g. {@code work_type in (CO,
   * SSO)}.
   *
   * @param column a category column
   * @param values one or more of its values
   */
  public static Filter in(String column, String... values) {
    Objects.requireNonNull(column, "column");
    if (values.length == 0) {
      throw new IllegalArgumentException("Filter.in(" + column + ") needs at least one value");
    }
    List<String> wanted = List.of(values);
    String text = column + (values.length == 1 ? " = " + values[0] : " in " + wanted);
    return new Filter(
        text,
        table -> {
          Col.Category cat = table.category(column);
          boolean[] keep = new boolean[cat.dictionary.length];
          for (String value : wanted) {
            int code = cat.codeOf(value);
            if (code < 0) {
              throw new IllegalArgumentException(
                  "filter "
                      + text
                      + ": \""
                      + value
                      + "\" is not a value of column "
                      + column
                      + "; expected one of "
                      + cat.values());
            }
            keep[code] = true;
          }
          // -1 for a code to reject, 0 for one to keep: or-ed into the row's group id, so the
          // loop has no branch to mispredict when the kept rows are mixed with the others
          int[] reject = new int[keep.length];
          for (int c = 0; c < keep.length; c++) {
            reject[c] = keep[c] ? 0 : -1;
          }
          int[] codes = cat.codes;
          byte[] smallCodes = cat.smallCodes;
          if (smallCodes != null) {
            return (from, to, gid) -> {
              for (int i = from; i < to; i++) {
                gid[i] |= reject[smallCodes[i]];
              }
            };
          }
          if (codes == null) {
            return (from, to, gid) -> {
              for (int i = from; i < to; i++) {
                gid[i] |= reject[cat.code(i)];
              }
            };
          }
          return (from, to, gid) -> {
            for (int i = from; i < to; i++) {
              gid[i] |= reject[codes[i]];
            }
          };
        });
  }

  /**
   * Keeps cases whose date column falls between two dates, both included, e.g. starts in the
   * financial year 2015-16: {@code between("start_date", 2015-04-01, 2016-03-31)}.
   *
   * @param column a date column
   * @param first the first date kept, not null
   * @param last the last date kept, not null and not before {@code first}
   */
  public static Filter between(String column, LocalDate first, LocalDate last) {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (last.isBefore(first)) {
      throw new IllegalArgumentException(
          "filter on " + column + ": last date " + last + " is before first date " + first);
    }
    long lo = first.toEpochDay();
    long hi = last.toEpochDay();
    return new Filter(
        column + " between " + first + " and " + last,
        table -> {
          Col.Days dates = table.days(column);
          int[] days = dates.epochDays;
          if (days.length > 0) {
            int[] range = dates.range();
            if (range[1] < lo || range[0] > hi) {
              return NONE;
            }
          }
          return (from, to, gid) -> {
            for (int i = from; i < to; i++) {
              gid[i] |= outside(days[i], lo, hi);
            }
          };
        });
  }

  /**
   * Keeps cases whose numeric column lies between two bounds, both included, e.g. sentences of 12
   * to 24 months: {@code between("sentence_months", 12, 24)}.
   *
   * @param column a whole-number, decimal or boolean column
   * @param min the smallest value kept
   * @param max the largest value kept, not below {@code min}
   */
  public static Filter between(String column, double min, double max) {
    Objects.requireNonNull(column, "column");
    if (!(min <= max)) {
      throw new IllegalArgumentException(
          "filter on " + column + ": max " + max + " is below min " + min + " (or NaN)");
    }
    return new Filter(
        column + " between " + min + " and " + max,
        table -> {
          Col col = table.column(column);
          // Whole numbers between min and max are those between ceil(min) and floor(max); the
          // bounds are clamped well outside the int range so that the long arithmetic of
          // outside() cannot overflow.
          long lo = (long) Math.max(-WIDE, Math.min(WIDE, Math.ceil(min)));
          long hi = (long) Math.max(-WIDE, Math.min(WIDE, Math.floor(max)));
          if (col instanceof Col.Ints) {
            int[] values = ((Col.Ints) col).values;
            return (from, to, gid) -> {
              for (int i = from; i < to; i++) {
                gid[i] |= outside(values[i], lo, hi);
              }
            };
          }
          if (col instanceof Col.DayDifference) {
            int[] end = ((Col.DayDifference) col).to;
            int[] start = ((Col.DayDifference) col).from;
            return (from, to, gid) -> {
              for (int i = from; i < to; i++) {
                gid[i] |= outside(end[i] - start[i], lo, hi);
              }
            };
          }
          if (col instanceof Col.Doubles) {
            double[] values = ((Col.Doubles) col).values;
            return (from, to, gid) -> {
              for (int i = from; i < to; i++) {
                double v = values[i];
                gid[i] |= (v >= min & v <= max) ? 0 : -1;
              }
            };
          }
          if (col instanceof Col.Booleans) {
            return (from, to, gid) -> {
              for (int i = from; i < to; i++) {
                double value = col.number(i);
                if (value < min || value > max) {
                  gid[i] = -1;
                }
              }
            };
          }
          throw new IllegalArgumentException(
              "filter on "
                  + column
                  + ": it is a "
                  + col.kind()
                  + " column, expected a whole-number, decimal or boolean column");
        });
  }

  static List<Compiled> compileAll(List<Filter> filters, ColumnTable table) {
    List<Compiled> out = new ArrayList<>();
    for (Filter filter : filters) {
      out.add(filter.compiler.compile(table));
    }
    return out;
  }

  /** Returns the condition in words, e.g. {@code provider_type = CRC}. */
  @Override
  public String toString() {
    return description;
  }
}
