package org.probationlens.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.probationlens.read.Problem;

/**
 * Reads an OMSQ file's header line by position, as the MoJ's tidyCSV does ({@code read.csv(skip =
 * n)}, then the first five columns renamed), and hands the validating loader a copy of the bytes
 * whose header is the five names the reader's schema uses. Everything else (note rows, data rows,
 * line breaks, line numbers) is left exactly as it was, so the loader's problems point at the
 * file's own lines.
 *
 * <p>The published header text is not documented (real_layouts.md section 3.1), so a header cell
 * this project does not know is accepted, read by position and reported in the notes. What the
 * header can prove wrong is refused: fewer than five columns; text after the fifth; a cell that is
 * a known name of another column (the columns are in another order) or of the other OMSQ file (a
 * starts file given as a caseload). Empty columns after the fifth are accepted (tidyCSV keeps the
 * first five), and each row's empty fields after the fifth are dropped; a row with text there keeps
 * it and is refused by the loader.
 */
final class OmsqFile {

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  /**
   * The file prepared for the loader.
   *
   * @param bytes the bytes for the loader: the original with its header replaced, or the original
   *     unchanged when the file cannot be split (the loader then reports why)
   * @param notes what the header said and how it was read
   * @param problems what the header proves wrong; empty when it is usable
   * @param rows the data rows as split here, each with the line it starts on; empty when the header
   *     was not usable
   */
  record Prepared(byte[] bytes, List<String> notes, List<Problem> problems, List<Row> rows) {

    Prepared(byte[] bytes, List<String> notes, List<Problem> problems) {
      this(bytes, notes, problems, List.of());
    }
  }

  /**
   * One data row as split here.
   *
   * @param line the 1-based physical line it starts on
   * @param fields its fields as written
   */
  record Row(long line, List<String> fields) {}

  /** One of the two OMSQ layouts, as its reader names its columns. */
  record Layout(
      String what,
      int noteRows,
      List<String> columns,
      String otherFirst,
      java.util.Set<String> dataNames) {}

  private OmsqFile() {}

  static Prepared prepare(String label, byte[] original, Layout layout) {
    String other = layout.what().equals("caseload") ? "starts" : "caseload";
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(original))
              .toString();
    } catch (CharacterCodingException e) {
      return new Prepared(original, List.of(), List.of());
    }
    String bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
    String body = text.substring(bom.length());
    List<CSVRecord> records = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(body, FORMAT)) {
      for (CSVRecord record : parser) {
        records.add(record);
      }
    } catch (IOException | UncheckedIOException e) {
      return new Prepared(original, List.of(), List.of());
    }
    int h = layout.noteRows();
    if (records.size() <= h) {
      return new Prepared(original, List.of(), List.of());
    }
    CSVRecord header = records.get(h);
    int start = (int) header.getCharacterPosition();
    int end =
        h + 1 < records.size() ? (int) records.get(h + 1).getCharacterPosition() : body.length();
    String slice = body.substring(start, end);
    String ending = ending(slice);
    String content = slice.substring(0, slice.length() - ending.length());
    long line = lineOf(body, start);
    List<String> cells = header.toList();
    List<Problem> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> columns = layout.columns();
    int width = columns.size();
    String expectedShape =
        width
            + " columns read by position as "
            + String.join(", ", columns)
            + " (the MoJ's "
            + layout.what()
            + " layout, as its tidyCSV package reads it)";
    if (content.indexOf('\n') >= 0 || content.indexOf('\r') >= 0) {
      problems.add(new Problem(label, line, null, 0, content, "a header on one line"));
      return new Prepared(original, notes, problems);
    }
    if (cells.size() < width) {
      problems.add(new Problem(label, line, null, 0, cells.size() + " fields", expectedShape));
      return new Prepared(original, notes, problems);
    }
    if (layout.dataNames().contains(cells.get(0))
        || layout.dataNames().contains(cells.get(1))
        || cells.get(width - 1).matches("[0-9]+|\\*|\\.\\.")) {
      problems.add(
          new Problem(
              label,
              line,
              null,
              0,
              content,
              "the header line after "
                  + h
                  + " note rows; this line is a data row (a note row missing or one too many?)"));
      return new Prepared(original, notes, problems);
    }
    boolean trailingEmpties = false;
    for (int f = width; f < cells.size(); f++) {
      if (cells.get(f).isEmpty()) {
        trailingEmpties = true;
      } else {
        problems.add(
            new Problem(
                label,
                line,
                "(extra column)",
                f + 1,
                cells.get(f),
                expectedShape + ", with nothing after the " + width + "th"));
      }
    }
    List<String> unknown = new ArrayList<>();
    for (int f = 0; f < width; f++) {
      String cell = cells.get(f);
      String name = normal(cell);
      if (name.equals(columns.get(f))) {
        continue;
      }
      int elsewhere = columns.indexOf(name);
      if (elsewhere >= 0) {
        problems.add(
            new Problem(
                label,
                line,
                columns.get(f),
                f + 1,
                cell,
                "the column "
                    + columns.get(f)
                    + " here (columns are read by position: "
                    + expectedShape
                    + "); \""
                    + cell
                    + "\" names column "
                    + (elsewhere + 1)));
      } else if (name.equals(layout.otherFirst())) {
        problems.add(
            new Problem(
                label,
                line,
                columns.get(f),
                f + 1,
                cell,
                "the column "
                    + columns.get(f)
                    + " here; \""
                    + cell
                    + "\" is the first column of an OMSQ "
                    + other
                    + " file (read it with OmsProbation."
                    + other
                    + ")"));
      } else {
        unknown.add("column " + (f + 1) + " \"" + cell + "\" read as " + columns.get(f));
      }
    }
    notes.add(
        "Header seen on line "
            + line
            + ": "
            + content
            + " (the columns are read by position as "
            + String.join(", ", columns)
            + ").");
    if (!unknown.isEmpty()) {
      notes.add(
          "Header cells not among the names known for their column (the published header is not"
              + " documented; tidyCSV ignores it): "
              + String.join("; ", unknown)
              + ".");
    }
    if (!problems.isEmpty()) {
      return new Prepared(original, notes, problems);
    }
    StringBuilder out = new StringBuilder(text.length());
    out.append(bom).append(body, 0, start).append(String.join(",", columns)).append(ending);
    int dropped = 0;
    List<Row> rows = new ArrayList<>();
    long rowLine = line;
    int counted = start;
    for (int r = h + 1; r < records.size(); r++) {
      CSVRecord record = records.get(r);
      int from = (int) record.getCharacterPosition();
      rowLine += lineOf(body.substring(counted, from), from - counted) - 1;
      counted = from;
      rows.add(new Row(rowLine, record.toList()));
      int to =
          r + 1 < records.size() ? (int) records.get(r + 1).getCharacterPosition() : body.length();
      String row = body.substring(from, to);
      if (trailingEmpties && record.size() > width && emptyAfter(record, width)) {
        String end2 = ending(row);
        String kept = row.substring(0, row.length() - end2.length());
        for (int k = record.size() - width; k > 0; k--) {
          kept = kept.endsWith(",\"\"") ? kept.substring(0, kept.length() - 3) : kept;
          kept = kept.endsWith(",") ? kept.substring(0, kept.length() - 1) : kept;
        }
        out.append(kept).append(end2);
        dropped++;
      } else {
        out.append(row);
      }
    }
    if (trailingEmpties) {
      notes.add(
          "The header has "
              + (cells.size() - width)
              + " empty column(s) after the "
              + width
              + "th; the empty fields after the "
              + width
              + "th were dropped on "
              + dropped
              + " row(s).");
    }
    return new Prepared(out.toString().getBytes(StandardCharsets.UTF_8), notes, problems, rows);
  }

  private static boolean emptyAfter(CSVRecord record, int width) {
    for (int f = width; f < record.size(); f++) {
      if (!record.get(f).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** A header cell as a column name: trimmed, lower case, spaces and hyphens as underscores. */
  static String normal(String cell) {
    return cell.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
  }

  private static String ending(String slice) {
    if (slice.endsWith("\r\n")) {
      return "\r\n";
    }
    if (slice.endsWith("\n") || slice.endsWith("\r")) {
      return slice.substring(slice.length() - 1);
    }
    return "";
  }

  /** The 1-based physical line at a character position (CRLF, LF and a lone CR each end a line). */
  private static long lineOf(String body, int position) {
    long line = 1;
    for (int i = 0; i < position; i++) {
      char c = body.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= body.length() || body.charAt(i + 1) != '\n'))) {
        line++;
      }
    }
    return line;
  }
}
