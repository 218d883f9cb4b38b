package org.probationlens.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.threeten.extra.YearQuarter;
import tech.tablesaw.api.ColumnType;

class ColumnSpecTest {

  @Test
  void integersAreDigitsOnlyWithinTheRange() {
    ColumnSpec months = ColumnSpec.integer("sentence_months", 1, 120);
    assertEquals(120, months.parse("120"));
    for (String bad :
        List.of("0", "121", "+5", "5.0", " 5", "5 ", "1e2", "0x10", "99999999999999999999")) {
      assertSame(ColumnSpec.INVALID, months.parse(bad), bad);
    }
    assertEquals("an integer 1..120", months.expected());
  }

  @Test
  void decimalsRejectNanInfinityAndSuffixes() {
    ColumnSpec weight = ColumnSpec.decimal("weight", 0, Double.MAX_VALUE);
    assertEquals(1.5, weight.parse("1.5"));
    assertEquals(1000.0, weight.parse("1e3"));
    for (String bad : List.of("NaN", "Infinity", "1.5d", "1e999", "-0.1", ".5", "1,5")) {
      assertSame(ColumnSpec.INVALID, weight.parse(bad), bad);
    }
    assertEquals("a decimal number >= 0", weight.expected());
  }

  @Test
  void datesAreStrictInTheirPattern() {
    ColumnSpec published = ColumnSpec.date("date", "dd/MM/uuuu");
    assertEquals(LocalDate.of(2016, 2, 29), published.parse("29/02/2016"));
    for (String bad : List.of("29/02/2015", "31/04/2016", "1/3/2016", "2016-03-31")) {
      assertSame(ColumnSpec.INVALID, published.parse(bad), bad);
    }
    ColumnSpec iso = ColumnSpec.isoDate("start_date");
    assertSame(ColumnSpec.INVALID, iso.parse("20160-01-01"));
    assertSame(ColumnSpec.INVALID, iso.parse("2016-1-01"));
    assertEquals("a date yyyy-MM-dd", iso.expected());
  }

  /** Jan-Mar is Q1, Apr-Jun Q2, Jul-Sep Q3, Oct-Dec Q4 (calendar quarters). */
  @Property
  void periodsParseToTheirCalendarQuarter(
      @ForAll @IntRange(min = 1900, max = 2100) int year,
      @ForAll @IntRange(min = 1, max = 4) int q) {
    String span = List.of("Jan-Mar", "Apr-Jun", "Jul-Sep", "Oct-Dec").get(q - 1);
    assertEquals(
        YearQuarter.of(year, q), ColumnSpec.quarterPeriod("date").parse(span + " " + year));
  }

  @Test
  void periodsThatAreNotCalendarQuartersAreRejected() {
    ColumnSpec period = ColumnSpec.quarterPeriod("date");
    for (String bad :
        List.of("Feb-Apr 2016", "jan-mar 2016", "Jan-Mar 16", "Jan - Mar 2016", "2016-Q1")) {
      assertSame(ColumnSpec.INVALID, period.parse(bad), bad);
    }
  }

  @Test
  void badDefinitionsFailWithTheirReason() {
    IllegalArgumentException range =
        assertThrows(IllegalArgumentException.class, () -> ColumnSpec.integer("n", 5, 1));
    assertEquals("column n: min 5 is greater than max 1", range.getMessage());
    IllegalArgumentException marker =
        assertThrows(
            IllegalArgumentException.class,
            () -> ColumnSpec.integer("value", 0, 9).withMissingMarkers("0"));
    assertEquals(
        "column value: a missing marker must be non-empty, distinct and not a valid value; bad"
            + " marker \"0\"",
        marker.getMessage());
    IllegalArgumentException codes =
        assertThrows(IllegalArgumentException.class, () -> ColumnSpec.code("c", List.of("A", "A")));
    assertEquals(
        "column c: codes must be non-empty and distinct; bad code \"A\"", codes.getMessage());
  }

  @Test
  void schemaRejectsAKeyOrRuleOnAMissingColumn() {
    IllegalArgumentException key =
        assertThrows(
            IllegalArgumentException.class,
            () -> Schema.builder("s").columns(ColumnSpec.text("a")).primaryKey("b").build());
    assertEquals(
        "schema s: primary key names column \"b\", which is not one of [a]", key.getMessage());
    IllegalArgumentException twice =
        assertThrows(
            IllegalArgumentException.class,
            () -> Schema.builder("s").columns(ColumnSpec.text("a"), ColumnSpec.bool("a")).build());
    assertEquals("schema s: column \"a\" is declared twice", twice.getMessage());
  }

  @Test
  void eachKindHasTheTypeOfTheColumnItIsReadInto() {
    List<ColumnSpec> specs =
        List.of(
            ColumnSpec.text("t"),
            ColumnSpec.code("c", List.of("A")),
            ColumnSpec.quarterPeriod("q"),
            ColumnSpec.integer("i", 0, 9),
            ColumnSpec.decimal("d", 0, 1),
            ColumnSpec.bool("b"),
            ColumnSpec.isoDate("iso"),
            ColumnSpec.date("dmy", "dd/MM/uuuu"));
    assertEquals(
        List.of(
            ColumnType.STRING,
            ColumnType.STRING,
            ColumnType.STRING,
            ColumnType.INTEGER,
            ColumnType.DOUBLE,
            ColumnType.BOOLEAN,
            ColumnType.LOCAL_DATE,
            ColumnType.LOCAL_DATE),
        specs.stream().map(ColumnSpec::type).toList());
    for (ColumnSpec spec : specs) {
      assertEquals(spec.type(), spec.newColumn().type(), spec.name());
    }
  }

  @Test
  void aSchemasHeaderIsItsColumnNamesInOrder() {
    Schema schema =
        Schema.builder("s")
            .columns(ColumnSpec.text("b"), ColumnSpec.integer("a", 0, 1), ColumnSpec.bool("c"))
            .build();
    assertEquals("b,a,c", schema.header());
  }
}
