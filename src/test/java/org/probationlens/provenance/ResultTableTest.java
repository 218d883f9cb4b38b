package org.probationlens.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ResultTableTest {

  private static final Sources SOURCES =
      Sources.of(
          Provenance.synthetic("Synthetic cases", "CaseGenerator", 2014L, "2", "a".repeat(64)));

  private static Table starts() {
    return Table.create(
        "starts", StringColumn.create("cpa", "C01", "C02"), IntColumn.create("n", 10, 20));
  }

  @Test
  void neitherTheCallersTableNorTheReturnedOneCanChangeTheResult() {
    Table given = starts();
    ResultTable r = ResultTable.of("Starts by CPA", given, SOURCES);
    given.intColumn("n").set(0, 99);
    r.table().intColumn("n").set(1, 99);
    assertEquals(List.of(10, 20), r.table().intColumn("n").asList());
    assertEquals(2, r.rowCount());
  }

  @Test
  void selectAndNotesKeepTheSources() {
    ResultTable r = ResultTable.of("Starts by CPA", starts(), SOURCES).withNote("two CPAs only");
    ResultTable narrow = r.select("n");
    assertEquals(List.of("n"), narrow.table().columnNames());
    assertEquals(SOURCES, narrow.sources());
    assertEquals(List.of("two CPAs only"), narrow.notes());
  }

  @Test
  void aBlankTitleIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ResultTable.of(" ", starts(), SOURCES));
    assertEquals("title is blank; say what the table shows", e.getMessage());
  }
}
