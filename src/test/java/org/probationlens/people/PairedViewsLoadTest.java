package org.probationlens.people;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.DatasetValidationException;

/**
 * A user's paired-judgements file read through the one CSV reader: a good file gives the pairs as
 * written, and each damaged file is refused with its located problem (messages written out by hand
 * from the damaged line).
 */
class PairedViewsLoadTest {

  private static final String HEADER = "case_id,user_view,inspector_rating\n";
  private static final Provenance STATED =
      Provenance.officialSensitive("pairs", "a provider's extract", "agreement", "0".repeat(64));

  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void name() {
    file = dir.resolve("pairs.csv");
  }

  private String refused(String text) throws IOException {
    Files.writeString(file, text);
    DatasetValidationException e =
        assertThrows(DatasetValidationException.class, () -> PairedViews.load(file, STATED));
    return e.getMessage().replace(file.toString(), "FILE");
  }

  @Test
  void aGoodFileKeepsEveryPairAsWritten() throws IOException {
    Files.writeString(
        file,
        HEADER
            + "A1,Outstanding,Good\n"
            + "A2,Inadequate,Requires improvement\n"
            + "A3,Good,Good\n"
            + "A4,Requires improvement,Inadequate\n");
    PairedViews v = PairedViews.load(file, STATED);
    assertEquals(4, v.cases().rowCount());
    assertEquals("Requires improvement", v.cases().stringColumn("inspector_rating").get(1));
    assertEquals("A4", v.cases().stringColumn("case_id").get(3));
    // rows: user view, columns: inspector rating, worst first (counted by hand from the 4 lines)
    assertArrayEquals(
        new long[][] {{0, 1, 0, 0}, {1, 0, 0, 0}, {0, 0, 1, 0}, {0, 0, 1, 0}}, v.counts());
  }

  @Test
  void aRatingThatIsNotOneOfTheFourIsLocated() throws IOException {
    assertEquals(
        "FILE: 1 problem; nothing was loaded\n"
            + "  line 3, column 2 (user_view): found \"Very good\", expected one of Inadequate,"
            + " Requires improvement, Good, Outstanding",
        refused(HEADER + "A1,Good,Good\nA2,Very good,Good\n"));
  }

  @Test
  void aNumberForARatingIsLocated() throws IOException {
    assertEquals(
        "FILE: 1 problem; nothing was loaded\n"
            + "  line 2, column 3 (inspector_rating): found \"3\", expected one of Inadequate,"
            + " Requires improvement, Good, Outstanding",
        refused(HEADER + "A1,Good,3\n"));
  }

  @Test
  void aSpaceAroundARatingIsLocated() throws IOException {
    assertEquals(
        "FILE: 1 problem; nothing was loaded\n"
            + "  line 2, column 2 (user_view): found \"Good \", expected one of Inadequate,"
            + " Requires improvement, Good, Outstanding, with no leading or trailing spaces",
        refused(HEADER + "A1,Good ,Good\n"));
  }

  @Test
  void aSpaceAroundACaseIdIsLocated() throws IOException {
    assertEquals(
        "FILE: 1 problem; nothing was loaded\n"
            + "  line 3, column 1 (case_id): found \" A1\", expected text, with no leading or"
            + " trailing spaces",
        refused(HEADER + "A1,Good,Good\n A1,Good,Good\n"));
  }

  @Test
  void aMissingColumnIsLocated() throws IOException {
    assertEquals(
        "FILE: 1 problem; nothing was loaded\n"
            + "  line 1, column 3 (inspector_rating): found \"\", expected the column"
            + " \"inspector_rating\" (the header is case_id,user_view,inspector_rating)",
        refused("case_id,user_view\nA1,Good\n"));
  }

  @Test
  void aCaseTwiceIsLocated() throws IOException {
    assertEquals(
        "FILE: 1 problem; nothing was loaded\n"
            + "  line 3, column 1 (case_id): found \"A1\", expected a unique case_id; line 2 has"
            + " the same",
        refused(HEADER + "A1,Good,Good\nA1,Inadequate,Good\n"));
  }

  @Test
  void aFileWithNoCasesIsLocated() throws IOException {
    assertEquals(
        "FILE: 1 problem; nothing was loaded\n"
            + "  line 2: found \"the end of the file\", expected at least one case after the"
            + " header",
        refused(HEADER));
  }

  @Test
  void theFileHashIsOfTheBytesRead() throws Exception {
    // CRLF line ends and no final line end: the hash is of these bytes, not of a re-serialised copy
    byte[] bytes = "case_id,user_view,inspector_rating\r\nA1,Good,Good".getBytes("UTF-8");
    Files.write(file, bytes);
    String expected =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    PairedViews v =
        PairedViews.load(
            file, sha -> Provenance.officialSensitive("pairs", "an extract", "agreement", sha));
    assertEquals(expected, v.provenance().sha256());
    assertEquals("Good", v.cases().stringColumn("user_view").get(0));
  }
}
