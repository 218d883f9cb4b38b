package org.probationlens.innovation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class AccreditedProgrammesTest {

  /** A hand-made case table: 2015 Q1 has 4 orders (2 with a programme), 2016 Q3 has 2 (0). */
  private static Table cases() {
    return Table.create(
        "hand-made cases",
        StringColumn.create(
            "start_date",
            "2015-01-05",
            "2015-02-10",
            "2015-03-31",
            "2015-03-01",
            "2015-03-02",
            "2016-07-01",
            "2016-09-30"),
        StringColumn.create("work_type", "CO", "SSO", "CO", "CO", "LIC", "CO", "SSO"),
        StringColumn.create("provider_type", "CRC", "CRC", "NPS", "CRC", "NPS", "CRC", "NPS"),
        StringColumn.create(
            "accredited_programme", "true", "false", "true", "false", "true", "false", "false"));
  }

  @Test
  void shareOfOrdersByQuarterMatchesHandCount() {
    // 2015-Q1 orders (LIC is not an order): CRC 3 (1 programme), NPS 1 (1): ALL 4 (2) = 0.5
    // 2016-Q3: CRC 1 (0), NPS 1 (0): ALL 2 (0) = 0
    Table t = AccreditedProgrammes.shareByQuarter(cases());
    assertEquals(
        List.of("2015-Q1", "2015-Q1", "2015-Q1", "2016-Q3", "2016-Q3", "2016-Q3"),
        t.stringColumn("quarter").asList());
    assertEquals(
        List.of("ALL", "CRC", "NPS", "ALL", "CRC", "NPS"),
        t.stringColumn("provider_type").asList());
    assertEquals(List.of(4, 3, 1, 2, 1, 1), t.intColumn("orders").asList());
    assertEquals(List.of(2, 1, 1, 0, 0, 0), t.intColumn("programme_starts").asList());
    assertEquals(0.5, t.doubleColumn("share").getDouble(0), 0.0);
    assertEquals(1.0 / 3, t.doubleColumn("share").getDouble(1), 1e-12);
  }

  @Test
  void badCellIsLocated() {
    Table t = cases();
    t.stringColumn("accredited_programme").set(3, "yes");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AccreditedProgrammes.shareByQuarter(t));
    assertEquals(
        "table 'hand-made cases': row 4: column accredited_programme: value 'yes': expected true |"
            + " false",
        e.getMessage());
  }
}
