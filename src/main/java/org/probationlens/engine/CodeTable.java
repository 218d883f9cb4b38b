package org.probationlens.engine;

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
