package org.probationlens.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void aProblemInAFileIsLocatedByLine() {
    Problem p = new Problem("cases.csv", 7, "sentence_months", 8, "ten", "an integer 1..120");
    assertEquals(Problem.Origin.FILE, p.origin());
    assertEquals(
        "cases.csv: line 7, column 8 (sentence_months): found \"ten\", expected an integer 1..120",
        p.toString());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new Problem("cases.csv", 0, null, 0, "x", "y"));
    assertEquals("line must be >= 1, was 0", e.getMessage());
  }

  @Test
  void aProblemInATableIsLocatedByRowOrByColumn() {
    Problem row = Problem.inTable("caseload", 3, "starts", 2, "-4", "a count >= 0");
    assertEquals(Problem.Origin.TABLE, row.origin());
    assertEquals("row 3, column 2 (starts): found \"-4\", expected a count >= 0", row.describe());
    assertEquals(
        "table 'caseload': row 3, column 2 (starts): found \"-4\", expected a count >= 0",
        row.toString());
    assertEquals(
        "row 5: found \"7 cells\", expected 6 cells",
        Problem.inTable("caseload", 5, null, 0, "7 cells", "6 cells").describe());
    assertEquals(
        "column 2 (starts): found \"STRING\", expected a numeric column",
        Problem.inTable("caseload", 0, "starts", 2, "STRING", "a numeric column").describe());
    assertEquals(
        "the table: found \"columns [area]\", expected a column 'starts'",
        Problem.inTable("caseload", 0, null, 0, "columns [area]", "a column 'starts'").describe());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Problem.inTable("caseload", -1, null, 0, "x", "y"));
    assertEquals("row must be >= 0, was -1", e.getMessage());
  }

  @Test
  void aRefusedTableIsReportedByName() {
    DatasetValidationException e =
        DatasetValidationException.inTable(
            "caseload",
            "nothing was rolled up",
            List.of(Problem.inTable("caseload", 2, "area", 1, "XXX", "a PCC area code")),
            4);
    assertEquals("caseload", e.file());
    assertEquals(5, e.total());
    assertEquals(
        "table 'caseload': 5 problems; nothing was rolled up\n"
            + "  row 2, column 1 (area): found \"XXX\", expected a PCC area code\n"
            + "  ... and 4 more not listed (the listing stops at 1)",
        e.getMessage());
  }
}
