package org.probationlens.engine;

import java.time.LocalDate;
import java.util.ArrayList;
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
          int[] codes = cat.codes;
          byte[] smallCodes = cat.smallCodes;
          if (smallCodes != null) {
            return (from, to, gid) -> {
              for (int i = from; i < to; i++) {
                if (!keep[smallCodes[i]]) {
                  gid[i] = -1;
                }
              }
            };
          }
          if (codes == null) {
            return (from, to, gid) -> {
              for (int i = from; i < to; i++) {
                if (!keep[cat.code(i)]) {
                  gid[i] = -1;
                }
              }
            };
          }
          return (from, to, gid) -> {
            for (int i = from; i < to; i++) {
              if (!keep[codes[i]]) {
                gid[i] = -1;
              }
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
          int[] days = table.days(column).epochDays;
          return (from, to, gid) -> {
            for (int i = from; i < to; i++) {
              if (days[i] < lo || days[i] > hi) {
                gid[i] = -1;
              }
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
          if (col instanceof Col.Ints) {
            int[] values = ((Col.Ints) col).values;
            return (from, to, gid) -> {
              for (int i = from; i < to; i++) {
                if (values[i] < min || values[i] > max) {
                  gid[i] = -1;
                }
              }
            };
          }
          if (col instanceof Col.DayDifference) {
            int[] end = ((Col.DayDifference) col).to;
            int[] start = ((Col.DayDifference) col).from;
            return (from, to, gid) -> {
              for (int i = from; i < to; i++) {
                int v = end[i] - start[i];
                if (v < min || v > max) {
                  gid[i] = -1;
                }
              }
            };
          }
          if (col instanceof Col.Doubles) {
            double[] values = ((Col.Doubles) col).values;
            return (from, to, gid) -> {
              for (int i = from; i < to; i++) {
                if (!(values[i] >= min && values[i] <= max)) {
                  gid[i] = -1;
                }
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
