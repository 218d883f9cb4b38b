package org.probationlens.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Finds the dictionary code of a short ASCII value given as bytes, without making a String. */
final class CodeTable {
  private final byte[][] codes;
  private final int[] slots;
  private final int mask;

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
