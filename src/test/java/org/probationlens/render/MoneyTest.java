package org.probationlens.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probationlens.provenance.CountColumns;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class MoneyTest {

  @Test
  void amountsReadAsAReaderWritesThem() {
    assertEquals("£110.2m", Money.format(110_174_485.8));
    assertEquals("£3.7bn", Money.format(3_700_000_000.0));
    assertEquals("£2.1bn", Money.format(2_149_000_000.0));
    assertEquals("£45.3k", Money.format(45_300));
    assertEquals("£512", Money.format(512));
    assertEquals("-£1.5m", Money.format(-1_500_000));
  }

  @Test
  void aResultsMoneyColumnsAreDrawnInPounds() {
    Table t =
        Table.create(
            "payments",
            StringColumn.create("financial_year", "2015-16"),
            DoubleColumn.create("maximum", 110_174_485.8),
            DoubleColumn.create("under_spend_pct", 8.25));
    DisclosureRenderTest.Starts r =
        new DisclosureRenderTest.Starts(
            t, Sources.of(DisclosureRenderTest.SYNTHETIC), CountColumns.undeclared());
    List<List<String>> cells = DisclosureRenderTest.cells(DisclosureRenderTest.html(r));
    assertEquals(List.of("2015-16", "£110.2m", "8.25"), cells.get(0));
    assertTrue(DisclosureRenderTest.plain(r).contains("£110.2m"));
  }
}
