package org.probationlens.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.probationlens.read.Problem;

/**
 * One table of a relational extract (an nDelius table written as CSV): the columns a reader needs,
 * found by name in the header (other columns are ignored), with the line each row starts on and the
 * SHA-256 of the bytes read. Problems (a missing file or column, a row of the wrong width, a cell
 * that is not an id, date or flag) are added to the caller's list, located.
 */
final class ExtractTable {

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  final String name;
  final String label;
  final String sha256;
  private final Map<String, Integer> columnOf = new HashMap<>();
  private final Map<String, Integer> numberOf = new HashMap<>();
  private final List<String[]> rows = new ArrayList<>();
  private final List<Long> lines = new ArrayList<>();
  private final List<Problem> problems;

  private ExtractTable(String name, String label, String sha256, List<Problem> problems) {
    this.name = name;
    this.label = label;
    this.sha256 = sha256;
    this.problems = problems;
  }

  /**
   * Reads {@code dir/NAME.csv}. A missing file or a missing column is one problem (and the table
   * comes back empty); so is a file that is not UTF-8 or not well-formed CSV.
   *
   * @param required the columns the reader needs, by name
   * @return the table, or null when the file is missing
   */
  static ExtractTable read(Path dir, String name, List<String> required, List<Problem> problems) {
    Path file = dir.resolve(name + ".csv");
    String label = file.toString();
    if (!Files.isRegularFile(file)) {
      problems.add(
          new Problem(
              label,
              1,
              null,
              0,
              "no such file",
              "the table " + name + ".csv with the columns " + String.join(",", required)));
      return null;
    }
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
    List<Problem> found = new ArrayList<>();
    ExtractTable table;
    try (InputStream raw = Files.newInputStream(file);
        DigestInputStream bytes = new DigestInputStream(new BufferedInputStream(raw), digest)) {
      Reader reader =
          new BufferedReader(
              new InputStreamReader(
                  bytes,
                  StandardCharsets.UTF_8
                      .newDecoder()
                      .onMalformedInput(CodingErrorAction.REPORT)
                      .onUnmappableCharacter(CodingErrorAction.REPORT)));
      reader.mark(1);
      if (reader.read() != '\uFEFF') {
        reader.reset();
      }
      table = new ExtractTable(name, label, null, found);
      try {
        table.parse(FORMAT.parse(reader), required);
      } catch (UncheckedIOException e) {
        String what =
            e.getCause() instanceof CharacterCodingException
                ? "bytes that are not UTF-8"
                : String.valueOf(e.getCause().getMessage());
        found.add(
            new Problem(
                label,
                table.lastLine(),
                null,
                0,
                what,
                "UTF-8, comma-separated values with RFC 4180 quotes; reading stopped here"));
      }
      bytes.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + label + ": " + e.getMessage(), e);
    }
    problems.addAll(found);
    ExtractTable done =
        new ExtractTable(name, label, HexFormat.of().formatHex(digest.digest()), problems);
    done.columnOf.putAll(table.columnOf);
    done.numberOf.putAll(table.numberOf);
    if (found.isEmpty()) {
      done.rows.addAll(table.rows);
      done.lines.addAll(table.lines);
    }
    return done;
  }

  private long lastLine() {
    return lines.isEmpty() ? 2 : lines.get(lines.size() - 1) + 1;
  }

  private void parse(CSVParser parser, List<String> required) {
    Iterator<CSVRecord> records = parser.iterator();
    if (!records.hasNext()) {
      problems.add(
          new Problem(
              label, 1, null, 0, "an empty file", "the header " + String.join(",", required)));
      return;
    }
    List<String> header = records.next().toList();
    Map<String, Integer> position = new HashMap<>();
    for (int f = 0; f < header.size(); f++) {
      if (position.putIfAbsent(header.get(f), f) != null) {
        problems.add(
            new Problem(
                label,
                1,
                header.get(f).isEmpty() ? "(blank)" : header.get(f),
                f + 1,
                header.get(f),
                "each column once"));
      }
    }
    boolean complete = true;
    for (String column : required) {
      Integer f = position.get(column);
      if (f == null) {
        complete = false;
        problems.add(
            new Problem(
                label,
                1,
                column,
                Math.min(header.size() + 1, required.indexOf(column) + 1),
                String.join(",", header),
                "a column named "
                    + column
                    + " (this reader needs "
                    + String.join(",", required)
                    + " of "
                    + name
                    + "; other columns are ignored)"));
      } else {
        columnOf.put(column, required.indexOf(column));
        numberOf.put(column, f + 1);
      }
    }
    if (!complete || !problems.isEmpty()) {
      return;
    }
    int[] fields = new int[required.size()];
    for (int c = 0; c < required.size(); c++) {
      fields[c] = position.get(required.get(c));
    }
    while (true) {
      long line = parser.getCurrentLineNumber() + 1;
      if (!records.hasNext()) {
        return;
      }
      CSVRecord record = records.next();
      if (record.size() != header.size()) {
        String what =
            record.size() == 1 && record.get(0).isEmpty()
                ? "an empty line"
                : record.size() + " fields";
        problems.add(
            new Problem(label, line, null, 0, what, header.size() + " fields, as in the header"));
        continue;
      }
      String[] values = new String[fields.length];
      for (int c = 0; c < fields.length; c++) {
        values[c] = record.get(fields[c]);
      }
      rows.add(values);
      lines.add(line);
    }
  }

  /** The number of rows read. */
  int size() {
    return rows.size();
  }

  /** The 1-based line row {@code row} starts on. */
  long line(int row) {
    return lines.get(row);
  }

  /** The text of a cell exactly as written. */
  String text(int row, String column) {
    return rows.get(row)[columnOf.get(column)];
  }

  /** A located problem at a cell of this table. */
  void problem(int row, String column, String value, String expected) {
    problems.add(new Problem(label, line(row), column, numberOf.get(column), value, expected));
  }

  /** An id (a whole number), or null with a problem; null without one when empty and allowed. */
  Long id(int row, String column, boolean required) {
    String raw = text(row, column);
    if (raw.isEmpty()) {
      if (required) {
        problem(row, column, raw, "an id (a whole number); required");
      }
      return null;
    }
    long id = 0;
    for (int i = 0; i < raw.length(); i++) {
      char ch = raw.charAt(i);
      if (ch < '0' || ch > '9' || i == 18) {
        problem(row, column, raw, "an id (a whole number of up to 18 digits)");
        return null;
      }
      id = id * 10 + (ch - '0');
    }
    return id;
  }

  /** A date written YYYY-MM-DD, or null with a problem; null without one when empty and allowed. */
  LocalDate date(int row, String column, boolean required) {
    String raw = text(row, column);
    if (raw.isEmpty()) {
      if (required) {
        problem(row, column, raw, "a date YYYY-MM-DD; required");
      }
      return null;
    }
    try {
      if (raw.length() == 10) {
        return LocalDate.parse(raw);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    problem(row, column, raw, "a date YYYY-MM-DD");
    return null;
  }

  /** A flag written 0 or 1 (nDelius NUMBER(1)); false with a problem for anything else. */
  boolean flag(int row, String column) {
    String raw = text(row, column);
    if (raw.equals("1")) {
      return true;
    }
    if (!raw.equals("0")) {
      problem(row, column, raw, "0 or 1");
    }
    return false;
  }
}
