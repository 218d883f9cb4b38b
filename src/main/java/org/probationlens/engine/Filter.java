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

  /**
   * The condition compiled against one table. Each kind of column has its own small class, so that
   * each loop below is compiled for one array type alone, whatever other queries ran before.
   */
  interface Compiled {
    /**
     * Sets to -1 the entries of {@code groupOfRow} (indexed by row) of rows in [from, to) that
     * fail.
     */
    void reject(int from, int to, int[] groupOfRow);

    /** Lists the rows of [from, to) that pass in {@code sel}, in order; returns how many. */
    int select(int from, int to, int[] sel);

    /** Keeps those of the rows {@code sel[0..n)} that pass, in order; returns how many. */
    int refine(int[] sel, int n);

    /**
     * What is known of rows [from, to) without reading them: {@link Filter#KEEPS_NONE}, {@link
     * Filter#KEEPS_ALL} or {@link Filter#KEEPS_SOME} (not known: read the rows).
     */
    default int verdict(int from, int to) {
      return KEEPS_SOME;
    }
  }

  /** A {@link Compiled#verdict}: no row of the range passes. */
  static final int KEEPS_NONE = 0;

  /** A {@link Compiled#verdict}: some rows may pass; {@link Compiled#reject} tells which. */
  static final int KEEPS_SOME = 1;

  /** A {@link Compiled#verdict}: every row of the range passes. */
  static final int KEEPS_ALL = 2;

  /**
   * A date-range filter that knows, from its column's zone map, the ranges of rows it keeps whole
   * or rejects whole.
   */
  private record DateRange(int[] days, int[][] zones, long lo, long hi) implements Compiled {
    @Override
    public void reject(int from, int to, int[] gid) {
      for (int i = from; i < to; i++) {
        gid[i] |= outside(days[i], lo, hi);
      }
    }

    @Override
    public int select(int from, int to, int[] sel) {
      int n = 0;
      for (int i = from; i < to; i++) {
        sel[n] = i;
        n += 1 + outside(days[i], lo, hi);
      }
      return n;
    }

    @Override
    public int refine(int[] sel, int n) {
      int m = 0;
      for (int k = 0; k < n; k++) {
        int i = sel[k];
        sel[m] = i;
        m += 1 + outside(days[i], lo, hi);
      }
      return m;
    }

    @Override
    public int verdict(int from, int to) {
      int[] zoneMin = zones[0];
      int[] zoneMax = zones[1];
      int min = Integer.MAX_VALUE;
      int max = Integer.MIN_VALUE;
      for (int z = from >>> Col.Days.ZONE_SHIFT, last = (to - 1) >>> Col.Days.ZONE_SHIFT;
          z <= last;
          z++) {
        min = Math.min(min, zoneMin[z]);
        max = Math.max(max, zoneMax[z]);
      }
      if (max < lo || min > hi) {
        return KEEPS_NONE;
      }
      return min >= lo && max <= hi ? KEEPS_ALL : KEEPS_SOME;
    }
  }

  /**
   * A compiled filter that no row can pass (a date range outside the column's dates), so that
   * {@link Aggregate} can skip the pass over the rows.
   */
  static final Compiled NONE =
      new Compiled() {
        @Override
        public void reject(int from, int to, int[] gid) {
          Arrays.fill(gid, from, to, -1);
        }

        @Override
        public int select(int from, int to, int[] sel) {
          return 0;
        }

        @Override
        public int refine(int[] sel, int n) {
          return 0;
        }

        @Override
        public int verdict(int from, int to) {
          return KEEPS_NONE;
        }
      };

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
          // -1 for a code to reject, 0 for one to keep: or-ed into the row's group id, or added
          // to 1 to count a kept row, so the loops have no branch to mispredict when the kept
          // rows are mixed with the others
          int[] reject = new int[keep.length];
          for (int c = 0; c < keep.length; c++) {
            reject[c] = keep[c] ? 0 : -1;
          }
          if (cat.smallCodes != null) {
            return new SmallCodesIn(cat.smallCodes, reject);
          }
          if (cat.codes != null) {
            return new CodesIn(cat.codes, reject);
          }
          return new DayCodesIn(cat.sourceDays, cat.codeOfDay, cat.base, reject);
        });
  }

  /** A category filter on byte codes; {@code reject[code]} is -1 or 0. */
  private record SmallCodesIn(byte[] codes, int[] reject) implements Compiled {
    @Override
    public void reject(int from, int to, int[] gid) {
      for (int i = from; i < to; i++) {
        gid[i] |= reject[codes[i]];
      }
    }

    @Override
    public int select(int from, int to, int[] sel) {
      int n = 0;
      for (int i = from; i < to; i++) {
        sel[n] = i;
        n += 1 + reject[codes[i]];
      }
      return n;
    }

    @Override
    public int refine(int[] sel, int n) {
      int m = 0;
      for (int k = 0; k < n; k++) {
        int i = sel[k];
        sel[m] = i;
        m += 1 + reject[codes[i]];
      }
      return m;
    }
  }

  /** A category filter on int codes; {@code reject[code]} is -1 or 0. */
  private record CodesIn(int[] codes, int[] reject) implements Compiled {
    @Override
    public void reject(int from, int to, int[] gid) {
      for (int i = from; i < to; i++) {
        gid[i] |= reject[codes[i]];
      }
    }

    @Override
    public int select(int from, int to, int[] sel) {
      int n = 0;
      for (int i = from; i < to; i++) {
        sel[n] = i;
        n += 1 + reject[codes[i]];
      }
      return n;
    }

    @Override
    public int refine(int[] sel, int n) {
      int m = 0;
      for (int k = 0; k < n; k++) {
        int i = sel[k];
        sel[m] = i;
        m += 1 + reject[codes[i]];
      }
      return m;
    }
  }

  /**
   * A category filter on a category read from a date (a quarter); {@code reject[code]} as above.
   */
  private record DayCodesIn(int[] days, int[] codeOfDay, int base, int[] reject)
      implements Compiled {
    @Override
    public void reject(int from, int to, int[] gid) {
      for (int i = from; i < to; i++) {
        gid[i] |= reject[codeOfDay[days[i] - base]];
      }
    }

    @Override
    public int select(int from, int to, int[] sel) {
      int n = 0;
      for (int i = from; i < to; i++) {
        sel[n] = i;
        n += 1 + reject[codeOfDay[days[i] - base]];
      }
      return n;
    }

    @Override
    public int refine(int[] sel, int n) {
      int m = 0;
      for (int k = 0; k < n; k++) {
        int i = sel[k];
        sel[m] = i;
        m += 1 + reject[codeOfDay[days[i] - base]];
      }
      return m;
    }
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
          return new DateRange(days, dates.zones(), lo, hi);
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
          if (col instanceof Col.Ints ints) {
            if (ints.values != null) {
              return new IntRange(ints.values, lo, hi);
            }
            return ints.shorts != null
                ? new ShortRange(ints.shorts, lo, hi)
                : new ByteRange(ints.bytes, lo, hi);
          }
          if (col instanceof Col.DayDifference) {
            Col.DayDifference d = (Col.DayDifference) col;
            return new DayDifferenceRange(d.to, d.from, lo, hi);
          }
          if (col instanceof Col.Doubles) {
            return new DoubleRange(((Col.Doubles) col).values, min, max);
          }
          if (col instanceof Col.Booleans) {
            return new NumberRange(col, min, max);
          }
          throw new IllegalArgumentException(
              "filter on "
                  + column
                  + ": it is a "
                  + col.kind()
                  + " column, expected a whole-number, decimal or boolean column");
        });
  }

  /** Whole numbers in lo..hi. */
  private record IntRange(int[] values, long lo, long hi) implements Compiled {
    @Override
    public void reject(int from, int to, int[] gid) {
      for (int i = from; i < to; i++) {
        gid[i] |= outside(values[i], lo, hi);
      }
    }

    @Override
    public int select(int from, int to, int[] sel) {
      int n = 0;
      for (int i = from; i < to; i++) {
        sel[n] = i;
        n += 1 + outside(values[i], lo, hi);
      }
      return n;
    }

    @Override
    public int refine(int[] sel, int n) {
      int m = 0;
      for (int k = 0; k < n; k++) {
        int i = sel[k];
        sel[m] = i;
        m += 1 + outside(values[i], lo, hi);
      }
      return m;
    }
  }

  /** Whole numbers held in shorts, in lo..hi. */
  private record ShortRange(short[] values, long lo, long hi) implements Compiled {
    @Override
    public void reject(int from, int to, int[] gid) {
      for (int i = from; i < to; i++) {
        gid[i] |= outside(values[i], lo, hi);
      }
    }

    @Override
    public int select(int from, int to, int[] sel) {
      int n = 0;
      for (int i = from; i < to; i++) {
        sel[n] = i;
        n += 1 + outside(values[i], lo, hi);
      }
      return n;
    }

    @Override
    public int refine(int[] sel, int n) {
      int m = 0;
      for (int k = 0; k < n; k++) {
        int i = sel[k];
        sel[m] = i;
        m += 1 + outside(values[i], lo, hi);
      }
      return m;
    }
  }

  /** Whole numbers held in bytes, in lo..hi. */
  private record ByteRange(byte[] values, long lo, long hi) implements Compiled {
    @Override
    public void reject(int from, int to, int[] gid) {
      for (int i = from; i < to; i++) {
        gid[i] |= outside(values[i], lo, hi);
      }
    }

    @Override
    public int select(int from, int to, int[] sel) {
      int n = 0;
      for (int i = from; i < to; i++) {
        sel[n] = i;
        n += 1 + outside(values[i], lo, hi);
      }
      return n;
    }

    @Override
    public int refine(int[] sel, int n) {
      int m = 0;
      for (int k = 0; k < n; k++) {
        int i = sel[k];
        sel[m] = i;
        m += 1 + outside(values[i], lo, hi);
      }
      return m;
    }
  }

  /** Days between two dates (end - start) in lo..hi. */
  private record DayDifferenceRange(int[] end, int[] start, long lo, long hi) implements Compiled {
    @Override
    public void reject(int from, int to, int[] gid) {
      for (int i = from; i < to; i++) {
        gid[i] |= outside(end[i] - start[i], lo, hi);
      }
    }

    @Override
    public int select(int from, int to, int[] sel) {
      int n = 0;
      for (int i = from; i < to; i++) {
        sel[n] = i;
        n += 1 + outside(end[i] - start[i], lo, hi);
      }
      return n;
    }

    @Override
    public int refine(int[] sel, int n) {
      int m = 0;
      for (int k = 0; k < n; k++) {
        int i = sel[k];
        sel[m] = i;
        m += 1 + outside(end[i] - start[i], lo, hi);
      }
      return m;
    }
  }

  /** Decimals in min..max. */
  private record DoubleRange(double[] values, double min, double max) implements Compiled {
    @Override
    public void reject(int from, int to, int[] gid) {
      for (int i = from; i < to; i++) {
        double v = values[i];
        gid[i] |= (v >= min & v <= max) ? 0 : -1;
      }
    }

    @Override
    public int select(int from, int to, int[] sel) {
      int n = 0;
      for (int i = from; i < to; i++) {
        double v = values[i];
        sel[n] = i;
        n += (v >= min & v <= max) ? 1 : 0;
      }
      return n;
    }

    @Override
    public int refine(int[] sel, int n) {
      int m = 0;
      for (int k = 0; k < n; k++) {
        int i = sel[k];
        double v = values[i];
        sel[m] = i;
        m += (v >= min & v <= max) ? 1 : 0;
      }
      return m;
    }
  }

  /** Any other numeric column (flags as 0 and 1) in min..max, read value by value. */
  private record NumberRange(Col col, double min, double max) implements Compiled {
    private boolean passes(int row) {
      double value = col.number(row);
      return value >= min && value <= max;
    }

    @Override
    public void reject(int from, int to, int[] gid) {
      for (int i = from; i < to; i++) {
        if (!passes(i)) {
          gid[i] = -1;
        }
      }
    }

    @Override
    public int select(int from, int to, int[] sel) {
      int n = 0;
      for (int i = from; i < to; i++) {
        if (passes(i)) {
          sel[n++] = i;
        }
      }
      return n;
    }

    @Override
    public int refine(int[] sel, int n) {
      int m = 0;
      for (int k = 0; k < n; k++) {
        if (passes(sel[k])) {
          sel[m++] = sel[k];
        }
      }
      return m;
    }
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
