package org.probationlens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The dictionary look-up of the fast case reader, by bytes up to a comma. */
class CodeTableTest {
  private static final String[] TERMINATIONS = CaseCsv.TERMINATION_REASONS;

  /** The field followed by a comma and padding, as the reader guarantees {@link CodeTable#span}. */
  private static byte[] field(String text, CodeTable table) {
    byte[] bytes =
        Arrays.copyOf(
            (text + ",").getBytes(StandardCharsets.ISO_8859_1), text.length() + 1 + table.span);
    Arrays.fill(bytes, text.length() + 1, bytes.length, (byte) 'Z');
    return bytes;
  }

  /** The look-up as the reader makes it: the short one, then the long one if it says so. */
  private static int toComma(CodeTable table, byte[] bytes) {
    int found = table.lookupToComma(bytes, 0);
    return found == CodeTable.LONGER ? table.lookupLong(bytes, 0) : found;
  }

  @Test
  void theShortLookUpDefersValuesOfEightBytesOrMore() {
    CodeTable table = new CodeTable(TERMINATIONS);
    // "OTHER" has 5 bytes, "COMPLETED" 9, "REVOKED_BREACH" 14
    assertEquals(
        5 << 8 | Arrays.asList(TERMINATIONS).indexOf("OTHER"),
        table.lookupToComma(field("OTHER", table), 0));
    assertEquals(CodeTable.LONGER, table.lookupToComma(field("COMPLETED", table), 0));
    assertEquals(CodeTable.LONGER, table.lookupToComma(field("12345678", table), 0));
    assertEquals(-1, table.lookupToComma(field("1234567", table), 0));
  }

  @Test
  void everyCodeIsFoundWithItsLength() {
    for (String[] values :
        new String[][] {
          CaseCsv.PROVIDER_TYPES,
          CaseCsv.PROVIDER_CODES,
          CaseCsv.PCC_AREAS,
          CaseCsv.WORK_TYPES,
          TERMINATIONS
        }) {
      CodeTable table = new CodeTable(values);
      for (int code = 0; code < values.length; code++) {
        int found = toComma(table, field(values[code], table));
        assertEquals(code, found & 0xFF, values[code]);
        assertEquals(values[code].length(), found >>> 8, values[code]);
      }
    }
  }

  @Test
  void anythingElseUpToTheCommaIsDeclined() {
    CodeTable table = new CodeTable(TERMINATIONS);
    for (String other :
        new String[] {
          "",
          "OTHERS",
          "OTHE",
          "OTHER ",
          "other",
          "OTH\0R",
          "OTHER\0",
          "COMPLETE",
          "COMPLETEDX",
          "REVOKED_BREACX",
          "REVOKED_NEW_OFFENCF",
          "REVOKED_NEW_OFFENCE_",
          "X".repeat(40)
        }) {
      assertEquals(-1, toComma(table, field(other, table)), other);
    }
  }

  @Test
  void valuesSharingTheirFirstEightBytesAndLengthAreLeftToTheByteByByteLookUp() {
    // "ABCDEFGH1" and "ABCDEFGH2": one prefix, one length, so no single-slot table tells them
    // apart; the word look-up declines every value and the byte look-up still finds each
    String[] values = {"ABCDEFGH1", "ABCDEFGH2", "X"};
    CodeTable table = new CodeTable(values);
    for (int code = 0; code < values.length; code++) {
      byte[] bytes = field(values[code], table);
      assertEquals(-1, toComma(table, bytes), values[code]);
      assertEquals(code, table.lookup(bytes, 0, values[code].length()), values[code]);
    }
  }
}
