package org.probationlens.engine;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** One column of a {@link ColumnTable}, held in a primitive array. Package-private machinery. */
abstract class Col {
  final String name;

  Col(String name) {
    this.name = name;
  }

  abstract int size();

  /** Returns a short word for messages, e.g. {@code "category"}. */
  abstract String kind();

  /** Returns the value of a row as a double, for measures; categories cannot be measured. */
  abstract double number(int row);

  /** Returns whether {@link #number} means something for this column. */
  abstract boolean numeric();

  abstract Col renamed(String newName);

  /**
   * A dictionary-encoded category: each row holds the index of its value in the dictionary. A
   * category derived from a date column (such as the quarter) holds no codes of its own: its code
   * is {@code codeOfDay[epochDay - base]}, looked up when needed, so deriving it costs nothing.
   */
  static final class Category extends Col {
    /** The codes, or null for a category derived from dates or held in bytes. */
    final int[] codes;

    /** The codes in one byte each (dictionaries of at most 127 values), or null. */
    final byte[] smallCodes;

    final String[] dictionary;
    final int[] sourceDays;
    final int base;
    final int[] codeOfDay;

    Category(String name, int[] codes, String[] dictionary) {
      super(name);
      this.codes = codes;
      this.smallCodes = null;
      this.dictionary = dictionary;
      this.sourceDays = null;
      this.base = 0;
      this.codeOfDay = null;
    }

    /** A category of at most 127 values with its codes in bytes, a quarter of the memory. */
    Category(String name, byte[] smallCodes, String[] dictionary) {
      super(name);
      if (dictionary.length > Byte.MAX_VALUE) {
        throw new IllegalArgumentException(name + ": too many values for byte codes");
      }
      this.codes = null;
      this.smallCodes = smallCodes;
      this.dictionary = dictionary;
      this.sourceDays = null;
      this.base = 0;
      this.codeOfDay = null;
    }

    private Category(
        String name, String[] dictionary, int[] sourceDays, int base, int[] codeOfDay) {
      super(name);
      this.codes = null;
      this.smallCodes = null;
      this.dictionary = dictionary;
      this.sourceDays = sourceDays;
      this.base = base;
      this.codeOfDay = codeOfDay;
    }

    /** A category computed from a date column through a table of codes by day. */
    static Category ofDays(
        String name, String[] dictionary, int[] sourceDays, int base, int[] codeOfDay) {
      return new Category(name, dictionary, sourceDays, base, codeOfDay);
    }

    int code(int row) {
      if (codes != null) {
        return codes[row];
      }
      return smallCodes != null ? smallCodes[row] : codeOfDay[sourceDays[row] - base];
    }

    @Override
    int size() {
      if (codes != null) {
        return codes.length;
      }
      return smallCodes != null ? smallCodes.length : sourceDays.length;
    }

    @Override
    String kind() {
      return "category";
    }

    @Override
    double number(int row) {
      throw new UnsupportedOperationException(name);
    }

    @Override
    boolean numeric() {
      return false;
    }

    @Override
    Col renamed(String newName) {
      if (codes != null) {
        return new Category(newName, codes, dictionary);
      }
      return smallCodes != null
          ? new Category(newName, smallCodes, dictionary)
          : new Category(newName, dictionary, sourceDays, base, codeOfDay);
    }

    int codeOf(String value) {
      for (int i = 0; i < dictionary.length; i++) {
        if (dictionary[i].equals(value)) {
          return i;
        }
      }
      return -1;
    }

    /** Returns rank[code]: the position of each dictionary value in sorted (natural) order. */
    int[] sortRanks() {
      Integer[] order = new Integer[dictionary.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparing(i -> dictionary[i]));
      int[] rank = new int[order.length];
      for (int r = 0; r < order.length; r++) {
        rank[order[r]] = r;
      }
      return rank;
    }

    List<String> values() {
      return List.of(dictionary);
    }
  }

  /**
   * Whole numbers, such as sentence months or RAR days, held in the narrowest of {@code byte},
   * {@code short} and {@code int} their values fit ({@link #narrowest}): exactly one of {@link
   * #values}, {@link #shorts} and {@link #bytes} is not null. Sentence months (1 to 120) and RAR
   * days take a byte a case, unpaid-work hours (0 to 300) two, where an int takes four.
   */
  static final class Ints extends Col {
    /** The values as ints, or null when they are held narrower. */
    final int[] values;

    /** The values as shorts, or null. */
    final short[] shorts;

    /** The values as bytes, or null. */
    final byte[] bytes;

    Ints(String name, int[] values) {
      this(name, values, null, null);
    }

    Ints(String name, short[] shorts) {
      this(name, null, shorts, null);
    }

    Ints(String name, byte[] bytes) {
      this(name, null, null, bytes);
    }

    private Ints(String name, int[] values, short[] shorts, byte[] bytes) {
      super(name);
      this.values = values;
      this.shorts = shorts;
      this.bytes = bytes;
    }

    /**
     * The values in the narrowest array that holds them all: bytes for -128 to 127, shorts for
     * -32,768 to 32,767, else the ints given.
     */
    static Ints narrowest(String name, int[] values) {
      int min = 0;
      int max = 0;
      for (int v : values) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      Class<?> type = narrowestType(min, max);
      if (type == byte.class) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < out.length; i++) {
          out[i] = (byte) values[i];
        }
        return new Ints(name, out);
      }
      if (type == short.class) {
        short[] out = new short[values.length];
        for (int i = 0; i < out.length; i++) {
          out[i] = (short) values[i];
        }
        return new Ints(name, out);
      }
      return new Ints(name, values);
    }

    /** {@code byte}, {@code short} or {@code int}: the narrowest that holds {@code min..max}. */
    static Class<?> narrowestType(int min, int max) {
      if (min >= Byte.MIN_VALUE && max <= Byte.MAX_VALUE) {
        return byte.class;
      }
      return min >= Short.MIN_VALUE && max <= Short.MAX_VALUE ? short.class : int.class;
    }

    /** Whole numbers held in {@code array}, a {@code byte[]}, {@code short[]} or {@code int[]}. */
    static Ints of(String name, Object array) {
      if (array instanceof byte[] b) {
        return new Ints(name, b);
      }
      return array instanceof short[] s ? new Ints(name, s) : new Ints(name, (int[]) array);
    }

    int get(int row) {
      return values != null ? values[row] : shorts != null ? shorts[row] : bytes[row];
    }

    /** The values as a new int array (or the one held, when it is one). */
    int[] toIntArray() {
      if (values != null) {
        return values;
      }
      int[] out = new int[size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = get(i);
      }
      return out;
    }

    @Override
    int size() {
      return values != null ? values.length : shorts != null ? shorts.length : bytes.length;
    }

    @Override
    String kind() {
      return "integer";
    }

    @Override
    double number(int row) {
      return get(row);
    }

    @Override
    boolean numeric() {
      return true;
    }

    @Override
    Col renamed(String newName) {
      return new Ints(newName, values, shorts, bytes);
    }
  }

  /**
   * Days from one date column to another ({@code to - from}), such as the planned length of an
   * order; computed when read, so deriving it stores nothing.
   */
  static final class DayDifference extends Col {
    final int[] to;
    final int[] from;

    DayDifference(String name, int[] to, int[] from) {
      super(name);
      this.to = to;
      this.from = from;
    }

    @Override
    int size() {
      return to.length;
    }

    @Override
    String kind() {
      return "integer";
    }

    @Override
    double number(int row) {
      return to[row] - from[row];
    }

    @Override
    boolean numeric() {
      return true;
    }

    @Override
    Col renamed(String newName) {
      return new DayDifference(newName, to, from);
    }

    int[] materialize() {
      int[] out = new int[to.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = to[i] - from[i];
      }
      return out;
    }
  }

  /** Decimal numbers, such as the weighted-volume weight. */
  static final class Doubles extends Col {
    final double[] values;

    Doubles(String name, double[] values) {
      super(name);
      this.values = values;
    }

    @Override
    int size() {
      return values.length;
    }

    @Override
    String kind() {
      return "decimal";
    }

    @Override
    double number(int row) {
      return values[row];
    }

    @Override
    boolean numeric() {
      return true;
    }

    @Override
    Col renamed(String newName) {
      return new Doubles(newName, values);
    }
  }

  /** Dates as epoch days. Measured as the epoch day (so min and max are dates). */
  static final class Days extends Col {
    final int[] epochDays;

    /** Rows per zone of {@link #zones()}: a power of two, a quarter of an aggregation block. */
    static final int ZONE_SHIFT = 10;

    /**
     * The earliest and latest day of each zone of {@code 1 << ZONE_SHIFT} rows (a "zone map"),
     * found once on first use (the array never changes): {@code zones()[0][z]} and {@code
     * zones()[1][z]}. Cases are usually stored in about the order they started, so that a period
     * filter can skip the zones outside the period, and keep the zones inside it without reading a
     * row.
     */
    private volatile int[][] zones;

    /** {min, max} of the days, found once on first use. */
    private volatile int[] range;

    Days(String name, int[] epochDays) {
      super(name);
      this.epochDays = epochDays;
    }

    /** Returns {earliest, latest} epoch day; the column must not be empty. */
    int[] range() {
      int[] known = range;
      if (known == null) {
        int[][] z = zones();
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int c = 0; c < z[0].length; c++) {
          min = Math.min(min, z[0][c]);
          max = Math.max(max, z[1][c]);
        }
        known = new int[] {min, max};
        range = known;
      }
      return known;
    }

    /** The zone map: {min per zone, max per zone}; see {@link #ZONE_SHIFT}. */
    int[][] zones() {
      int[][] known = zones;
      if (known == null) {
        int rows = epochDays.length;
        int count = (rows + (1 << ZONE_SHIFT) - 1) >>> ZONE_SHIFT;
        int[] zoneMin = new int[count];
        int[] zoneMax = new int[count];
        int chunks = Chunks.count(rows);
        int zonesPerChunk = Chunks.SIZE >>> ZONE_SHIFT;
        Parallel.run(
            chunks,
            Parallel.defaultThreads(),
            c -> {
              for (int z = c * zonesPerChunk; z < Math.min(count, (c + 1) * zonesPerChunk); z++) {
                int lo = Integer.MAX_VALUE;
                int hi = Integer.MIN_VALUE;
                for (int i = z << ZONE_SHIFT, end = Math.min(rows, (z + 1) << ZONE_SHIFT);
                    i < end;
                    i++) {
                  lo = Math.min(lo, epochDays[i]);
                  hi = Math.max(hi, epochDays[i]);
                }
                zoneMin[z] = lo;
                zoneMax[z] = hi;
              }
            });
        known = new int[][] {zoneMin, zoneMax};
        zones = known;
      }
      return known;
    }

    @Override
    int size() {
      return epochDays.length;
    }

    @Override
    String kind() {
      return "date";
    }

    @Override
    double number(int row) {
      return epochDays[row];
    }

    @Override
    boolean numeric() {
      return false;
    }

    @Override
    Col renamed(String newName) {
      return new Days(newName, epochDays);
    }

    LocalDate date(int row) {
      return LocalDate.ofEpochDay(epochDays[row]);
    }
  }

  /** Yes/no flags, such as whether an accredited programme was required. */
  static final class Booleans extends Col {
    final boolean[] values;

    Booleans(String name, boolean[] values) {
      super(name);
      this.values = values;
    }

    @Override
    int size() {
      return values.length;
    }

    @Override
    String kind() {
      return "boolean";
    }

    @Override
    double number(int row) {
      return values[row] ? 1 : 0;
    }

    @Override
    boolean numeric() {
      return true;
    }

    @Override
    Col renamed(String newName) {
      return new Booleans(newName, values);
    }
  }

  /**
   * Free text such as case identifiers, held as ASCII/UTF-8 bytes end to end with row offsets, so
   * ten million identifiers cost bytes rather than ten million {@code String} objects.
   */
  static final class Text extends Col {
    final byte[] bytes;

    /** Where each row's text starts, and one more at the end; null when {@link #width} is set. */
    final int[] offsets;

    /**
     * The length of every row's text when all have the same (case identifiers usually do), so that
     * no offsets are held: row r is {@code bytes[r * width, (r + 1) * width)}; else 0.
     */
    final int width;

    Text(String name, byte[] bytes, int[] offsets) {
      super(name);
      this.bytes = bytes;
      this.offsets = offsets;
      this.width = 0;
    }

    /** Rows of text all {@code width} bytes long, end to end in {@code bytes}. */
    Text(String name, byte[] bytes, int width, int rows) {
      super(name);
      if (width < 1 || (long) width * rows != bytes.length) {
        throw new IllegalArgumentException(
            name + ": " + rows + " rows of " + width + " bytes in " + bytes.length);
      }
      this.bytes = bytes;
      this.offsets = null;
      this.width = width;
    }

    @Override
    int size() {
      return offsets != null ? offsets.length - 1 : bytes.length / width;
    }

    /** Where row {@code row}'s text starts in {@link #bytes}; {@code row} may be the row count. */
    int start(int row) {
      return offsets != null ? offsets[row] : row * width;
    }

    @Override
    String kind() {
      return "text";
    }

    @Override
    double number(int row) {
      throw new UnsupportedOperationException(name);
    }

    @Override
    boolean numeric() {
      return false;
    }

    @Override
    Col renamed(String newName) {
      return offsets != null
          ? new Text(newName, bytes, offsets)
          : new Text(newName, bytes, width, size());
    }

    String get(int row) {
      Objects.checkIndex(row, size());
      int from = start(row);
      return new String(
          bytes, from, start(row + 1) - from, java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
