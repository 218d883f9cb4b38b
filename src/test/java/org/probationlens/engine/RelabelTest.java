package org.probationlens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Grouping by a coarser unit: the NPS division of a PCC area, counted by hand. */
class RelabelTest {
  private static final Table CASES =
      Table.create(
          "cases",
          StringColumn.create("pcc_area", "CHS", "MRS", "LDN", "CHS", "LDN"),
          DoubleColumn.create("weight", 1.0, 2.0, 4.0, 8.0, 16.0));

  @Test
  void groupsByTheLabelOfEachRowsCategory() {
    // Cheshire and Merseyside are in the North West division N01 here; London is N02 (made up).
    ColumnTable t =
        ColumnTable.fromTablesaw(CASES)
            .withRelabelled(
                "division", "pcc_area", Map.of("CHS", "N01", "MRS", "N01", "LDN", "N02"));
    Table sums = Aggregate.of(t).by("division").count().sum("weight").run();
    assertEquals(List.of("N01", "N02"), sums.stringColumn("division").asList());
    // N01: rows 1, 2, 4 -> 3 cases, 1 + 2 + 8 = 11; N02: rows 3, 5 -> 2 cases, 4 + 16 = 20
    assertEquals(List.of(3, 2), sums.intColumn("count").asList());
    assertEquals(List.of(11.0, 20.0), sums.doubleColumn("sum_weight").asList());
  }

  @Test
  void refusesAValueWithoutALabel() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ColumnTable.fromTablesaw(CASES)
                    .withRelabelled("division", "pcc_area", Map.of("CHS", "N01", "MRS", "N01")));
    assertEquals(
        true, e.getMessage().startsWith("no label for pcc_area value LDN"), e.getMessage());
  }
}
