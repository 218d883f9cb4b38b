package org.probationlens.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.data.OmsProbation;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * The generic loader, on a small schema of its own; the case-level contract is in CaseRecordsTest.
 */
class DatasetLoaderTest {

  @TempDir Path dir;

  /** A small layout: one row per area and quarter-end count. */
  private static final Schema COUNTS =
      Schema.builder("counts")
          .columns(
              ColumnSpec.text("id"),
              ColumnSpec.code("area", List.of("ASP", "KNT")),
              ColumnSpec.integer("count", 0, Integer.MAX_VALUE),
              ColumnSpec.isoDate("on", LocalDate.of(2014, 6, 1), LocalDate.of(2020, 12, 31)),
              ColumnSpec.bool("flag"),
              ColumnSpec.decimal("share", 0, 1).optional())
          .primaryKey("id")
          .build();

  private static final String HEADER = "id,area,count,on,flag,share\n";

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private DatasetValidationException fails(Path file) {
    return assertThrows(
        DatasetValidationException.class, () -> DatasetLoader.of(COUNTS).read(file));
  }

  private Problem at(Path file, long line, String column, int number, String value, String exp) {
    return new Problem(file.toString(), line, column, number, value, exp);
  }

  @Test
  void loadsValidRowsWithExplicitTypes() throws IOException {
    Path file =
        write(
            "ok.csv", HEADER + "a1,KNT,12,2016-03-31,true,0.25\n" + "a2,ASP,0,2014-06-01,false,\n");
    Table table = DatasetLoader.of(COUNTS).read(file);
    assertEquals("counts", table.name());
    assertEquals(List.of("id", "area", "count", "on", "flag", "share"), table.columnNames());
    assertEquals(
        List.of(
            ColumnType.STRING,
            ColumnType.STRING,
            ColumnType.INTEGER,
            ColumnType.LOCAL_DATE,
            ColumnType.BOOLEAN,
            ColumnType.DOUBLE),
        table.types());
    assertEquals(2, table.rowCount());
    assertEquals(12, table.intColumn("count").get(0));
    assertEquals(LocalDate.of(2016, 3, 31), table.dateColumn("on").get(0));
    assertEquals(true, table.booleanColumn("flag").get(0));
    assertEquals(0.25, table.doubleColumn("share").get(0));
    // the optional empty share loads as missing, not as 0
    assertTrue(table.doubleColumn("share").isMissing(1));
  }

  @Test
  void acceptsCrLfAndNoFinalNewlineAndAByteOrderMark() throws IOException {
    Path file =
        write("crlf.csv", "\uFEFF" + HEADER.replace("\n", "\r\n") + "a1,KNT,12,2016-03-31,true,1");
    Table table = DatasetLoader.of(COUNTS).read(file);
    assertEquals(1, table.rowCount());
    assertEquals(1.0, table.doubleColumn("share").get(0));
  }

  @Test
  void headerMissingAndExtraColumnsAreEachReported() throws IOException {
    Path file =
        write("header.csv", "id,area,on,flag,share,notes\n" + "a1,KNT,2016-03-31,true,0.5,x\n");
    DatasetValidationException e = fails(file);
    String agreed = "id,area,count,on,flag,share";
    assertEquals(
        List.of(
            at(file, 1, "count", 3, "on", "the column \"count\" (the header is " + agreed + ")"),
            at(file, 1, "notes", 6, "notes", "only the columns " + agreed)),
        e.problems());
  }

  @Test
  void headerInAnotherOrderIsReportedOnce() throws IOException {
    Path file = write("order.csv", "area,id,count,on,flag,share\nKNT,a1,1,2016-03-31,true,0.5\n");
    DatasetValidationException e = fails(file);
    assertEquals(
        List.of(
            at(
                file,
                1,
                "area",
                1,
                "area",
                "the column \"id\" here (the header is id,area,count,on,flag,share)")),
        e.problems());
  }

  @Test
  void everyCellProblemIsListedWithLineColumnValueAndExpectation() throws IOException {
    Path file =
        write(
            "cells.csv",
            HEADER
                + "a1,KNT,twelve,2016-03-31,true,0.5\n" // line 2: text in a count
                + "a2,XYZ,3,2016-03-31,yes,0.5\n" // line 3: unknown code and a bad boolean
                + ",ASP,-1,2016-02-30,true,1.5\n" // line 4: empty id, negative, no such date, >1
                + "a3,ASP, 4,2021-01-01,false,NaN\n"); // line 5: space, date out of range, NaN
    DatasetValidationException e = fails(file);
    String count = "an integer >= 0";
    String date = "a date yyyy-MM-dd in 2014-06-01..2020-12-31";
    assertEquals(
        List.of(
            at(file, 2, "count", 3, "twelve", count),
            at(file, 3, "area", 2, "XYZ", "one of ASP, KNT"),
            at(file, 3, "flag", 5, "yes", "true or false"),
            at(file, 4, "id", 1, "", "a value (required): text"),
            at(file, 4, "count", 3, "-1", count),
            at(file, 4, "on", 4, "2016-02-30", date),
            at(file, 4, "share", 6, "1.5", "a decimal number 0..1"),
            at(file, 5, "count", 3, " 4", count + ", with no leading or trailing spaces"),
            at(file, 5, "on", 4, "2021-01-01", date),
            at(file, 5, "share", 6, "NaN", "a decimal number 0..1")),
        e.problems());
    assertEquals(0, e.unlisted());
  }

  @Test
  void wrongFieldCountsAndAnEmptyLineAreRowProblems() throws IOException {
    Path file =
        write(
            "fields.csv",
            HEADER
                + "a1,KNT,1,2016-03-31,true,0.5,extra\n" // line 2: 7 fields
                + "\n" // line 3: empty
                + "a2,KNT,1\n"); // line 4: 3 fields
    DatasetValidationException e = fails(file);
    String expected = "6 fields, as in the header";
    assertEquals(
        List.of(
            at(file, 2, "(extra field)", 7, "7 fields", expected),
            at(file, 3, "area", 2, "an empty line", expected),
            at(file, 4, "on", 4, "3 fields", expected)),
        e.problems());
  }

  @Test
  void anUnclosedQuoteOnTheLastLineIsReportedAtTheLineWhereItOpens() throws IOException {
    Path file =
        write("quote.csv", HEADER + "a1,KNT,1,2016-03-31,true,0.5\n" + "\"a2,KNT,1,2016-03-31");
    DatasetValidationException e = fails(file);
    assertEquals(
        List.of(
            new Problem(
                file.toString(),
                3,
                null,
                0,
                "a quoted field with no closing quote",
                "a closing double quote before the end of the file")),
        e.problems());
  }

  @Test
  void textAfterAClosingQuoteStopsTheCheckAtThatLine() throws IOException {
    Path file =
        write(
            "afterquote.csv",
            HEADER
                + "a1,KNT,x,2016-03-31,true,0.5\n" // line 2: reported before the check stops
                + "\"a2\"b,KNT,1,2016-03-31,true,0.5\n" // line 3: "a2"b is not valid CSV
                + "a3,KNT,y,2016-03-31,true,0.5\n"); // line 4: not reached
    DatasetValidationException e = fails(file);
    assertEquals(
        List.of(
            at(file, 2, "count", 3, "x", "an integer >= 0"),
            new Problem(
                file.toString(),
                3,
                null,
                0,
                "text after a closing quote",
                "a comma or the end of the line right after a closing double quote; checking"
                    + " stopped at this line")),
        e.problems());
  }

  @Test
  void anEmptyFileSaysTheHeaderIsMissing() throws IOException {
    Path file = write("empty.csv", "");
    DatasetValidationException e = fails(file);
    assertEquals(
        file
            + ": 1 problem; nothing was loaded\n"
            + "  line 1: found \"the end of the file\", expected the header"
            + " id,area,count,on,flag,share",
        e.getMessage());
  }

  @Test
  void quotedFieldsSpanningLinesKeepPhysicalLineNumbers() throws IOException {
    // line 2's id is quoted and holds a line break, so the next row starts on line 4
    Path file =
        write(
            "multiline.csv",
            HEADER + "\"a\n1\",KNT,1,2016-03-31,true,0.5\n" + "a2,KNT,x,2016-03-31,true,0.5\n");
    DatasetValidationException e = fails(file);
    assertEquals(List.of(at(file, 4, "count", 3, "x", "an integer >= 0")), e.problems());
  }

  @Test
  void aDuplicateKeyNamesBothLines() throws IOException {
    Path file =
        write(
            "dup.csv",
            HEADER
                + "a1,KNT,1,2016-03-31,true,0.5\n"
                + "a2,KNT,1,2016-03-31,true,0.5\n"
                + "a1,ASP,2,2016-03-31,true,0.5\n");
    DatasetValidationException e = fails(file);
    assertEquals(
        List.of(at(file, 4, "id", 1, "a1", "a unique id; line 2 has the same")), e.problems());
  }

  @Test
  void bytesThatAreNotUtf8AreLocatedByLine() throws IOException {
    byte[] good = (HEADER + "a1,KNT,1,2016-03-31,true,0.5\n").getBytes(StandardCharsets.UTF_8);
    byte[] bad = "a\u00e92,KNT,1,2016-03-31,true,0.5\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[good.length + bad.length];
    System.arraycopy(good, 0, all, 0, good.length);
    System.arraycopy(bad, 0, all, good.length, bad.length);
    Path file = Files.write(dir.resolve("latin1.csv"), all);
    DatasetValidationException e = fails(file);
    assertEquals(
        List.of(
            new Problem(
                file.toString(),
                3,
                null,
                0,
                "bytes that are not UTF-8",
                "UTF-8 text; checking stopped at this line")),
        e.problems());
  }

  @Test
  void theListingStopsAtTheLimitAndCountsTheRest() throws IOException {
    StringBuilder text = new StringBuilder(HEADER);
    for (int i = 0; i < 5; i++) {
      text.append("a").append(i).append(",KNT,bad,2016-03-31,true,0.5\n");
    }
    Path file = write("many.csv", text.toString());
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class,
            () -> DatasetLoader.of(COUNTS).withMaxProblems(2).read(file));
    assertEquals(2, e.problems().size());
    assertEquals(3, e.unlisted());
    assertEquals(5, e.total());
    assertEquals(
        file
            + ": 5 problems; nothing was loaded\n"
            + "  line 2, column 3 (count): found \"bad\", expected an integer >= 0\n"
            + "  line 3, column 3 (count): found \"bad\", expected an integer >= 0\n"
            + "  ... and 3 more not listed (the listing stops at 2)",
        e.getMessage());
  }

  @Test
  void theDefaultLimitIsOneHundred() throws IOException {
    StringBuilder text = new StringBuilder(HEADER);
    for (int i = 0; i < 150; i++) {
      text.append("a").append(i).append(",KNT,bad,2016-03-31,true,0.5\n");
    }
    DatasetValidationException e = fails(write("150.csv", text.toString()));
    assertEquals(100, e.problems().size());
    assertEquals(50, e.unlisted());
  }

  @Test
  void noteRowsAreSkippedAndAShortFileSaysWhatWasExpected() throws IOException {
    Schema withNotes =
        Schema.builder("noted")
            .noteRows(2)
            .columns(ColumnSpec.text("a"), ColumnSpec.integer("b", 0, 9))
            .build();
    Path ok = write("noted.csv", "Title, with a comma\n\"Note\"\na,b\nx,1\n");
    assertEquals(1, DatasetLoader.of(withNotes).read(ok).rowCount());

    Path shortFile = write("short.csv", "Title only\n");
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class, () -> DatasetLoader.of(withNotes).read(shortFile));
    assertEquals(
        List.of(
            new Problem(
                shortFile.toString(),
                2,
                null,
                0,
                "the end of the file",
                "2 note rows, then the header a,b")),
        e.problems());
  }

  @Test
  void provenanceCarriesTheSha256OfTheFileBytes() throws IOException {
    // The file's bytes are exactly "id,area,count,on,flag,share\na1,KNT,12,2016-03-31,true,0.25\n";
    // expected hash from: printf 'id,area,count,on,flag,share\na1,KNT,12,2016-03-31,true,0.25\n'
    //   | sha256sum
    Path file = write("hash.csv", HEADER + "a1,KNT,12,2016-03-31,true,0.25\n");
    LoadedDataset loaded =
        DatasetLoader.of(COUNTS)
            .load(file, sha -> Provenance.derived("Counts", "test input", "test only", sha));
    assertEquals(EXPECTED_SHA, loaded.provenance().sha256());
    assertEquals(1, loaded.table().rowCount());
  }

  private static final String EXPECTED_SHA =
      "e5f3f53651b9f96d6065d3e7c6ca674c43f8286dc3ccf02148a9c0802dcadc05";

  @Test
  void readsClassPathResourcesAndNamesAMissingOne() {
    Table table =
        DatasetLoader.of(OmsProbation.startsSchema()).readResource("fixtures/oms/starts.csv");
    assertEquals(5, table.rowCount());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DatasetLoader.of(COUNTS).readResource("no/such.csv"));
    assertEquals("no class-path resource named \"no/such.csv\"", e.getMessage());
  }

  @Test
  void aMissingFileIsAnIoErrorNamingIt() {
    Path file = dir.resolve("absent.csv");
    UncheckedIOException e =
        assertThrows(UncheckedIOException.class, () -> DatasetLoader.of(COUNTS).read(file));
    assertTrue(e.getMessage().startsWith("cannot read " + file + ": "), e.getMessage());
  }
}
