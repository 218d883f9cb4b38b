package org.probationlens.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Finds the dictionary code of a short ASCII value given as bytes, without making a String. */
final class CodeTable {
  private final byte[][] codes;
  private final int[] slots;
  private final int mask;
  private final long[] shortKeys;
  private final int[] shortCodes;
  private final int shortShift;

  /** Eight bytes of an array at any index, read as one little-endian long. */
  static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * The bytes a field ending in a comma may take in {@link #lookupToComma}: the longest value and
   * its comma, and the eight bytes read at once.
   */
  final int span;

  /**
   * For {@link #lookupToComma}: each value's first eight bytes (fewer, zero-filled, for a shorter
   * value) by slot, and its length and code as {@code length << 8 | code} (-1 for an empty slot);
   * if no collision-free table of at most 4,096 slots was found (two values sharing both prefix and
   * length have none), two empty slots, and then that look-up always declines.
   */
  private final long[] prefixKeys;

  private final int[] prefixEntries;
  private final long prefixMultiplier;
  private final int prefixShift;

  CodeTable(String[] values) {
    codes = new byte[values.length][];
    int capacity = Integer.highestOneBit(Math.max(8, values.length * 4)) << 1;
    slots = new int[capacity];
    Arrays.fill(slots, -1);
    mask = capacity - 1;
    for (int i = 0; i < values.length; i++) {
      codes[i] = values[i].getBytes(StandardCharsets.US_ASCII);
      int slot = hash(codes[i], 0, codes[i].length) & mask;
      while (slots[slot] >= 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = i;
    }
    // Values of 1 to 7 bytes: packed into a long with their length, found by one probe or so.
    int bits = 32 - Integer.numberOfLeadingZeros(capacity - 1);
    shortShift = 64 - bits;
    shortKeys = new long[capacity];
    shortCodes = new int[capacity];
    Arrays.fill(shortCodes, -1);
    for (int i = 0; i < values.length; i++) {
      if (codes[i].length >= 1 && codes[i].length <= 7) {
        long key = pack(codes[i], 0, codes[i].length);
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> shortShift);
        while (shortCodes[slot] >= 0) {
          slot = (slot + 1) & mask;
        }
        shortKeys[slot] = key;
        shortCodes[slot] = i;
      }
    }
    int longest = 0;
    long[] prefixes = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      longest = Math.max(longest, codes[i].length);
      for (int k = Math.min(8, codes[i].length) - 1; k >= 0; k--) {
        prefixes[i] = (prefixes[i] << 8) | (codes[i][k] & 0xFF);
      }
    }
    span = longest + 1 + 8;
    // A table with one slot per value and no collisions: the first multiplier and size that
    // give one, tried in a fixed order, so that a look-up reads a single slot.
    long[] keys = null;
    int[] entries = null;
    int slotBits = 0;
    long multiplier = 0;
    search:
    for (slotBits = 32 - Integer.numberOfLeadingZeros(Math.max(2, values.length * 2) - 1);
        slotBits <= 12;
        slotBits++) {
      for (int attempt = 0; attempt < 256; attempt++) {
        multiplier = 0x9E3779B97F4A7C15L * (2L * attempt + 1) + 0x632BE59BD9B4E019L * attempt;
        multiplier |= 1;
        keys = new long[1 << slotBits];
        entries = new int[1 << slotBits];
        Arrays.fill(entries, -1);
        boolean clash = false;
        for (int i = 0; i < values.length && !clash; i++) {
          int slot = prefixSlot(prefixes[i], codes[i].length, multiplier, slotBits);
          clash = entries[slot] >= 0;
          keys[slot] = prefixes[i];
          entries[slot] = (codes[i].length << 8) | i;
        }
        if (!clash) {
          break search;
        }
      }
    }
    if (slotBits <= 12 && values.length < 256) {
      prefixKeys = keys;
      prefixEntries = entries;
      prefixMultiplier = multiplier;
      prefixShift = 64 - slotBits;
    } else {
      // two empty slots: every look-up declines
      prefixKeys = new long[2];
      prefixEntries = new int[] {-1, -1};
      prefixMultiplier = 1;
      prefixShift = 63;
    }
  }

  private static int prefixSlot(long prefix, int length, long multiplier, int bits) {
    return (int) (((prefix ^ (length * 0x632BE59BD9B4E019L)) * multiplier) >>> (64 - bits));
  }

  /**
   * {@link #lookupToComma}'s answer when the value runs to eight bytes or more: the caller then
   * asks {@link #lookupLong}. The two are apart so that a field whose values are all shorter
   * compiles to the short look-up alone, small enough to be inlined into the row's parser.
   */
  static final int LONGER = -2;

  /**
   * Finds the value that starts at {@code b[from]} and ends at the next comma, if it is shorter
   * than eight bytes, reading them at once; the caller guarantees that {@code b} holds {@link
   * #span} bytes from {@code from}.
   *
   * @return the code in the low 8 bits and the value's length above them; {@link #LONGER} if there
   *     is no comma in the first eight bytes; or -1 if the bytes up to the comma are not one of the
   *     values: the caller then takes the byte-by-byte path, which locates what is wrong
   */
  int lookupToComma(byte[] b, int from) {
    long word = (long) LONGS.get(b, from);
    // Bytes equal to a comma become zero; the lowest flagged byte is exactly the first zero.
    long zero = commas(word);
    if (zero == 0) {
      return LONGER;
    }
    int length = Long.numberOfTrailingZeros(zero) >>> 3;
    long prefix = word & ((1L << (length << 3)) - 1);
    int slot =
        (int) (((prefix ^ (length * 0x632BE59BD9B4E019L)) * prefixMultiplier) >>> prefixShift);
    int entry = prefixEntries[slot];
    return prefixKeys[slot] == prefix && (entry >>> 8) == length ? entry : -1;
  }

  /**
   * {@link #lookupToComma} for a value of eight bytes or more, eight bytes at a time; the same
   * guarantee and answer, but never {@link #LONGER}.
   */
  int lookupLong(byte[] b, int from) {
    long word = (long) LONGS.get(b, from);
    int length = 8;
    for (long more = commas((long) LONGS.get(b, from + 8)); ; ) {
      if (more != 0) {
        length += Long.numberOfTrailingZeros(more) >>> 3;
        break;
      }
      length += 8;
      if (length > span - 9) {
        return -1;
      }
      more = commas((long) LONGS.get(b, from + length));
    }
    int slot = (int) (((word ^ (length * 0x632BE59BD9B4E019L)) * prefixMultiplier) >>> prefixShift);
    int entry = prefixEntries[slot];
    if (prefixKeys[slot] != word
        || (entry >>> 8) != length
        || !Arrays.equals(codes[entry & 0xFF], 8, length, b, from + 8, from + length)) {
      return -1;
    }
    return entry;
  }

  /**
   * The bytes of {@code word} that are commas, flagged by their high bit; exact up to the first.
   */
  private static long commas(long word) {
    long x = word ^ 0x2C2C2C2C2C2C2C2CL;
    return (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
  }

  /** Packs 1..7 bytes and their count into a long; distinct for distinct byte strings. */
  private static long pack(byte[] b, int from, int to) {
    long key = to - from;
    for (int i = from; i < to; i++) {
      key = (key << 8) | (b[i] & 0xFF);
    }
    return key;
  }

  private static int hash(byte[] b, int from, int to) {
    int h = to - from;
    for (int i = from; i < to; i++) {
      h = h * 31 + b[i];
    }
    return h ^ (h >>> 7);
  }

  /** Returns the code of {@code b[from, to)}, or -1 if it is not one of the values. */
  int lookup(byte[] b, int from, int to) {
    int length = to - from;
    if (length >= 1 && length <= 7) {
      long key = pack(b, from, to);
      int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> shortShift);
      for (int code = shortCodes[slot]; code >= 0; code = shortCodes[slot]) {
        if (shortKeys[slot] == key) {
          return code;
        }
        slot = (slot + 1) & mask;
      }
      return -1;
    }
    int slot = hash(b, from, to) & mask;
    for (int code = slots[slot]; code >= 0; code = slots[slot]) {
      byte[] c = codes[code];
      if (Arrays.equals(c, 0, c.length, b, from, to)) {
        return code;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }
}
