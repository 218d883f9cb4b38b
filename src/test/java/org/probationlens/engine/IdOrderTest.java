package org.probationlens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The order check that lets the fast reader skip its duplicate hash tables: its verdict is held to
 * {@link Arrays#compareUnsigned} over the same bytes, identifier after identifier.
 */
class IdOrderTest {
  /** {@code ids} offered in turn, each in a buffer of its own with {@code pad} junk bytes after. */
  private static boolean offered(List<byte[]> ids, int pad) {
    IdOrder order = new IdOrder();
    byte[] previous = new byte[0];
    for (byte[] id : ids) {
      byte[] buffer = new byte[1 + id.length + pad];
      Arrays.fill(buffer, (byte) 0x7A);
      System.arraycopy(id, 0, buffer, 1, id.length);
      order.offer(buffer, 1, 1 + id.length, previous, 0, previous.length);
      previous = id;
    }
    return order.ascending();
  }

  /** What {@link IdOrder} must find: each identifier after the one before, byte by byte. */
  private static boolean strictlyAscending(List<byte[]> ids) {
    for (int i = 1; i < ids.size(); i++) {
      if (Arrays.compareUnsigned(ids.get(i - 1), ids.get(i)) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyZeroByte(List<byte[]> ids) {
    for (byte[] id : ids) {
      for (byte x : id) {
        if (x == 0) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Short identifiers over a few bytes (zero, digits, a letter, 0xFF), so that equal values,
   * prefixes and bytes above 0x7F come up often; lengths to 20, past the two words compared.
   */
  @Provide
  Arbitrary<List<byte[]>> identifiers() {
    Arbitrary<Byte> bytes =
        Arbitraries.of((byte) 0, (byte) '0', (byte) '1', (byte) 'K', (byte) 0xFF);
    Arbitrary<byte[]> id =
        bytes
            .list()
            .ofMinSize(0)
            .ofMaxSize(20)
            .map(
                list -> {
                  byte[] out = new byte[list.size()];
                  for (int i = 0; i < out.length; i++) {
                    out[i] = list.get(i);
                  }
                  return out;
                });
    return id.list().ofMinSize(1).ofMaxSize(6);
  }

  @Property(tries = 3000)
  void ascendingOnlyWhenEachSortsAfterTheOneBefore(
      @ForAll("identifiers") List<byte[]> ids, @ForAll("pads") int pad) {
    boolean verdict = offered(ids, pad);
    if (verdict) {
      assertTrue(strictlyAscending(ids), "claimed ascending");
    }
    // without zero bytes (never in a plain identifier) the verdict is exact
    if (!anyZeroByte(ids)) {
      assertEquals(strictlyAscending(ids), verdict);
    }
  }

  /** No padding (the identifier ends its buffer, so it is compared byte by byte) or plenty. */
  @Provide
  Arbitrary<Integer> pads() {
    return Arbitraries.of(0, 3, 16);
  }

  private static List<byte[]> ascii(String... ids) {
    return Arrays.stream(ids).map(s -> s.getBytes(StandardCharsets.ISO_8859_1)).toList();
  }

  @Test
  void casesAsTheGeneratorWritesThemAscend() {
    assertTrue(offered(ascii("K00000009", "K00000010", "K00000011", "K10000000"), 64));
  }

  @Test
  void aValueComesBeforeItsExtensionsAndEqualValuesDoNotAscend() {
    assertTrue(offered(ascii("K1", "K10", "K100000000000000", "K1000000000000000"), 64));
    assertFalse(offered(ascii("K1", "K1"), 64));
    assertFalse(offered(ascii("K10", "K1"), 64));
    // differing only in the 17th byte: past the two words, compared byte by byte
    assertTrue(offered(ascii("ABCDEFGHIJKLMNOPQ", "ABCDEFGHIJKLMNOPR"), 64));
    assertFalse(offered(ascii("ABCDEFGHIJKLMNOPR", "ABCDEFGHIJKLMNOPQ"), 64));
  }

  @Test
  void bytesAboveSevenFAreUnsigned() {
    // 0xC3 (the first byte of a UTF-8 "é") sorts after 'a' (0x61), as unsigned bytes do
    assertTrue(offered(ascii("Ka", "K\u00c3"), 64));
    assertFalse(offered(ascii("K\u00c3", "Ka"), 64));
  }

  @Test
  void valuesEqualButForTrailingZeroBytesAreNotTakenAsAscending() {
    // "K" and "K\0" have the same padded words: the check cannot tell, so it says not ascending
    // (the reader then hashes), though byte order has "K" first
    List<byte[]> ids = List.of(new byte[] {'K'}, new byte[] {'K', 0});
    assertFalse(offered(ids, 64));
    assertTrue(strictlyAscending(ids));
  }
}
