package org.probationlens.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.threeten.extra.YearQuarter;

class RuleTest {
  /** A row of two dates, as a reader hands it to a rule. */
  private static ParsedRow dates(String start, String end) {
    Map<String, LocalDate> values =
        Map.of("start_date", LocalDate.parse(start), "end_date", LocalDate.parse(end));
    return new ParsedRow() {
      @Override
      public String text(String column) {
        throw new UnsupportedOperationException(column);
      }

      @Override
      public int integer(String column) {
        throw new UnsupportedOperationException(column);
      }

      @Override
      public double decimal(String column) {
        throw new UnsupportedOperationException(column);
      }

      @Override
      public boolean bool(String column) {
        throw new UnsupportedOperationException(column);
      }

      @Override
      public LocalDate date(String column) {
        return values.get(column);
      }

      @Override
      public YearQuarter quarter(String column) {
        throw new UnsupportedOperationException(column);
      }
    };
  }

  @Test
  void notBeforeComparesTwoDateColumnsAndSaysSo() {
    Rule rule = Rule.notBefore("end_date", "start_date", "a date on or after start_date");
    assertEquals("end_date", rule.column());
    assertEquals(List.of("end_date", "start_date"), rule.reads());
    assertEquals(Optional.of("start_date"), rule.notBefore());
    assertTrue(rule.holds(dates("2015-03-02", "2015-03-02")), "the same day");
    assertTrue(rule.holds(dates("2015-03-02", "2016-03-01")));
    assertFalse(rule.holds(dates("2015-03-02", "2015-03-01")), "a day before");
  }

  @Test
  void aRuleOfAnyPredicateDoesNotClaimToBeAComparison() {
    Rule rule = Rule.of("end_date", "anything", row -> true, "start_date");
    assertEquals(Optional.empty(), rule.notBefore());
  }
}
