package org.probationlens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.probationlens.data.CaseRecords;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import tech.tablesaw.api.Table;

/**
 * Mutated files fed to both case readers: one cell of a valid generated file replaced by a value
 * that is often wrong, or the file damaged byte by byte (a CR, a space, a quote, a comma, a line
 * break, bytes that are not UTF-8, a byte-order mark, a 400-digit number inserted anywhere; a byte
 * deleted; CRLF line ends; the file cut short). The fast reader must accept exactly the files the
 * validating loader accepts, with the same values, and where it refuses one the loader also
 * refuses, its refusal must name the loader's first problem.
 */
class CaseCsvPropertiesTest {
  private static final int ROWS = 30;
  private static final List<String> LINES = validLines();

  private static List<String> validLines() {
    try {
      Path file = Files.createTempFile("cases", ".csv");
      CaseFixtures.writeCases(file, ROWS, 31L);
      List<String> lines = Files.readAllLines(file);
      Files.delete(file);
      return lines;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Provide
  Arbitrary<String> cells() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "",
            "x",
            "-1",
            "0",
            "1",
            "007",
            "40",
            "39",
            "300",
            "301",
            "120",
            "121",
            " 12",
            "1e3",
            "0.5",
            "-0",
            "1.",
            ".5",
            "2015-02-29",
            "2016-02-29",
            "2014-05-31",
            "2014-06-01",
            "2020-12-31",
            "2021-01-01",
            "2015-1-01",
            "2015-02-01",
            "2015-01-31",
            "true",
            "TRUE",
            "false",
            "NPS",
            "CRC",
            "nps",
            "N01",
            "N08",
            "C01",
            "C21",
            "C22",
            "LDN",
            "XYZ",
            "CO",
            "SSO",
            "LIC",
            "PSS",
            "PRE",
            "ONGOING",
            "OTHER",
            "K00000001",
            "K00000002",
            "a\"b",
            "99999999999999999999"),
        Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(4));
  }

  @Property(tries = 300)
  void oneCorruptedCellIsJudgedAsTheLoaderJudgesIt(
      @ForAll @IntRange(min = 1, max = ROWS) int row,
      @ForAll @IntRange(min = 0, max = 12) int column,
      @ForAll("cells") String value)
      throws IOException {
    List<String> lines = new ArrayList<>(LINES);
    String[] fields = lines.get(row).split(",", -1);
    fields[column] = value;
    lines.set(row, String.join(",", fields));
    Path file = Files.createTempFile("cases", ".csv");
    try {
      Files.writeString(file, String.join("\n", lines) + "\n");
      DatasetValidationException normalError = null;
      Table normal = null;
      try {
        normal = CaseRecords.load(file, Provenance.Kind.SYNTHETIC).table();
      } catch (DatasetValidationException e) {
        normalError = e;
      }
      Refusal refusal = null;
      ColumnTable fast = null;
      try {
        fast = CaseCsv.readFast(file, 2);
      } catch (Refusal r) {
        refusal = r;
      }
      if (normalError == null) {
        // The loader accepts: the public reader gives its values, by either path.
        Table read = CaseCsv.read(file).toTablesaw();
        for (String name : normal.columnNames()) {
          assertEquals(normal.column(name).asList(), read.column(name).asList(), name);
        }
      } else {
        assertEquals(null, fast, "the fast reader accepted what the loader refused");
        if (refusal.declined) {
          return;
        }
        Problem first = normalError.problems().get(0);
        assertEquals(
            first.toString(),
            refusal.getMessage(),
            "fast refusal vs the loader's first problem for " + value);
      }
    } finally {
      Files.delete(file);
    }
  }

  /** Byte-level damage of a whole file: what a careless edit, an export or a transfer does. */
  @Provide
  Arbitrary<byte[]> damaged() {
    byte[] valid =
        (String.join("\n", LINES) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Arbitrary<Integer> at = Arbitraries.integers().between(0, valid.length - 1);
    Arbitrary<byte[]> inserted =
        Arbitraries.of(
            new byte[] {'\r'},
            new byte[] {' '},
            new byte[] {'"'},
            new byte[] {','},
            new byte[] {'\n'},
            new byte[] {(byte) 0xE9},
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xC3, (byte) 0xA9},
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            new byte[] {'\t'},
            new byte[] {0},
            "9".repeat(400).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    Arbitrary<byte[]> insert =
        Arbitraries.lazy(
            () ->
                net.jqwik.api.Combinators.combine(at, inserted)
                    .as(
                        (where, bytes) -> {
                          byte[] out = new byte[valid.length + bytes.length];
                          System.arraycopy(valid, 0, out, 0, where);
                          System.arraycopy(bytes, 0, out, where, bytes.length);
                          System.arraycopy(
                              valid, where, out, where + bytes.length, valid.length - where);
                          return out;
                        }));
    Arbitrary<byte[]> delete =
        at.map(
            where -> {
              byte[] out = new byte[valid.length - 1];
              System.arraycopy(valid, 0, out, 0, where);
              System.arraycopy(valid, where + 1, out, where, valid.length - where - 1);
              return out;
            });
    Arbitrary<byte[]> crlf =
        Arbitraries.just(
            (String.join("\r\n", LINES) + "\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Arbitrary<byte[]> truncate = at.map(where -> java.util.Arrays.copyOf(valid, where));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, insert),
        net.jqwik.api.Tuple.of(2, delete),
        net.jqwik.api.Tuple.of(1, crlf),
        net.jqwik.api.Tuple.of(1, truncate));
  }

  @Property(tries = 300)
  void aDamagedFileGetsTheSameVerdictAndValuesFromBothReaders(@ForAll("damaged") byte[] bytes)
      throws IOException {
    Path file = Files.createTempFile("cases", ".csv");
    try {
      Files.write(file, bytes);
      Table normal = null;
      DatasetValidationException normalError = null;
      try {
        normal = CaseRecords.load(file, Provenance.Kind.SYNTHETIC).table();
      } catch (DatasetValidationException e) {
        normalError = e;
      }
      ColumnTable fastOnly = null;
      try {
        fastOnly = CaseCsv.readFast(file, 2);
      } catch (Refusal r) {
        // the fast reader declines or refuses; the public reader then asks the loader
      }
      if (normalError != null) {
        assertEquals(null, fastOnly, "the fast reader accepted what the loader refused");
        DatasetValidationException viaPublic =
            org.junit.jupiter.api.Assertions.assertThrows(
                DatasetValidationException.class, () -> CaseCsv.read(file));
        assertEquals(normalError.problems(), viaPublic.problems());
        return;
      }
      Table read = CaseCsv.read(file).toTablesaw();
      for (String name : normal.columnNames()) {
        assertEquals(normal.column(name).asList(), read.column(name).asList(), name);
        if (fastOnly != null) {
          assertEquals(
              normal.column(name).asList(), fastOnly.toTablesaw().column(name).asList(), name);
        }
      }
    } finally {
      Files.delete(file);
    }
  }
}
