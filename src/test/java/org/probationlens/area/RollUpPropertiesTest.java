package org.probationlens.area;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RollUpPropertiesTest {

  private static final Geography GEO = Geography.standard();

  /** A roll-up moves counts between groups but never creates or loses any. */
  @Property(tries = 200)
  void rollUpPreservesTheNationalTotal(
      @ForAll @Size(42) List<@IntRange(min = 0, max = 1_000_000) Integer> counts) {
    List<PccArea> areas = GEO.pccAreas();
    StringColumn codes = StringColumn.create("area");
    IntColumn n = IntColumn.create("n");
    long total = 0;
    for (int i = 0; i < areas.size(); i++) {
      codes.append(areas.get(i).code());
      n.append(counts.get(i));
      total += counts.get(i);
    }
    Table t = Table.create("t", codes, n);
    LocalDate asOf = LocalDate.of(2017, 4, 1);
    for (Level to : List.of(Level.CPA, Level.OWNER, Level.ENGLAND_AND_WALES)) {
      Table r = GEO.rollUp(t, "area", Level.PCC_AREA, to, asOf, RollUp.sum("n"));
      assertEquals(total, (long) r.longColumn("n").sum(), to.toString());
    }
    Table byCpa = GEO.rollUp(t, "area", Level.PCC_AREA, Level.CPA, asOf, RollUp.sum("n"));
    assertEquals(21, byCpa.rowCount());
    Table byOwner = GEO.rollUp(byCpa, "cpa", Level.CPA, Level.OWNER, asOf, RollUp.sum("n"));
    assertEquals(8, byOwner.rowCount());
    assertEquals(total, (long) byOwner.longColumn("n").sum());
  }
}
