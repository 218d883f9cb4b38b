package org.probationlens.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected values are written out by hand from the rules in TableOptions' Javadoc. */
class TextTest {

  @Test
  void integersGetThousandsSeparatorsWhenAsked() {
    assertEquals("1,234,567", Text.integer(1_234_567, true));
    assertEquals("-1,234", Text.integer(-1_234, true));
    assertEquals("999", Text.integer(999, true));
    assertEquals("1234567", Text.integer(1_234_567, false));
  }

  @Test
  void decimalsRoundHalfUpToTheGivenPlaces() {
    // 1234.5678 to 2 places: 1234.57; grouped: 1,234.57
    assertEquals("1,234.57", Text.decimal(1234.5678, 2, true, 3));
    assertEquals("1234.57", Text.decimal(1234.5678, 2, false, 3));
    // 0.125 is exact in binary, so half-up gives 0.13 (half-even would give 0.12)
    assertEquals("0.13", Text.decimal(0.125, 2, true, 3));
    assertEquals("3", Text.decimal(2.5, 0, true, 3));
    assertEquals("-12.0", Text.decimal(-12.0, 1, true, 3));
  }

  @Test
  void negativeZeroAndValuesThatRoundToZeroAreNotShownAsMinusZero() {
    assertEquals("0.00", Text.decimal(-0.0, 2, true, 3));
    assertEquals("0.00", Text.decimal(0.0, 2, true, 3));
  }

  @Test
  void nonZeroValuesTooSmallOrTooLargeForTheColumnUseScientificNotation() {
    // 0.001 with 2 places would read 0.00: shown as 1.00E-03 (3 significant figures)
    assertEquals("1.00E-03", Text.decimal(0.001, 2, true, 3));
    assertEquals("-4.99E-03", Text.decimal(-0.004_99, 2, true, 3));
    // 0.005 is the smallest that rounds to 0.01
    assertEquals("0.01", Text.decimal(0.005, 2, true, 3));
    assertEquals("1.00E+15", Text.decimal(1e15, 2, true, 3));
    assertEquals("Infinity", Text.decimal(Double.POSITIVE_INFINITY, 2, true, 3));
    assertEquals("-Infinity", Text.decimal(Double.NEGATIVE_INFINITY, 2, true, 3));
  }

  @Test
  void htmlEscapesTheFiveSpecialCharacters() {
    assertEquals(
        "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;",
        Text.html("<script>alert(\"x\") & 'y'</script>"));
  }

  @Test
  void cellsAreCutToTheLimitWithAnEllipsisAndKeepSurrogatePairsWhole() {
    assertEquals("abcdefghi…", Text.cell("abcdefghijklmnop", 10));
    assertEquals("abcdefghij", Text.cell("abcdefghij", 10));
    // U+1F600 is one code point but two chars: the cut counts code points
    assertEquals("\uD83D\uDE00\uD83D\uDE00…", Text.cell("\uD83D\uDE00".repeat(5), 3));
    assertEquals(3, Text.width("\uD83D\uDE00\uD83D\uDE00…"));
  }

  @Test
  void lineBreaksAndControlCharactersBecomeVisibleSymbols() {
    assertEquals("a↵b↵c d\uFFFDe", Text.cell("a\r\nb\nc\td\u0007e", 60));
  }

  @Test
  void countsAreSingularOrPlural() {
    assertEquals("1 row", Text.count(1, "row", "rows"));
    assertEquals("0 rows", Text.count(0, "row", "rows"));
    assertEquals("1,234 rows", Text.count(1234, "row", "rows"));
  }
}
