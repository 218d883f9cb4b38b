package org.probationlens.read;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.Result;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads a dataset's CSV file into a Tablesaw table with the column types its {@link Schema} gives,
 * after checking every row. If anything is wrong (a missing column, a count written as text, an
 * unknown area code, a row cut short, a repeated key) nothing is loaded: one {@link
 * DatasetValidationException} lists every problem, each with file, line, column, value and what was
 * expected, up to a limit (default {@value #DEFAULT_MAX_PROBLEMS}), and counts the rest.
 *
 * <p>The file must be UTF-8 (a leading byte-order mark is allowed and skipped), comma-separated,
 * with RFC 4180 double quotes where a field needs them. Values are taken exactly as written: no
 * trimming, no type guessing, no default for an empty cell. A row with the wrong number of fields
 * gets one problem for the row, since which field is missing cannot be known; its cells are not
 * checked further. A quote that is never closed, or bytes that are not UTF-8, end the check at that
 * line, since the rest of the file cannot be split reliably.
 *
 * <p>Immutable and thread-safe: {@link #withMaxProblems(int)} returns a copy.
 */
public final class DatasetLoader {

  /** How many problems an exception lists unless {@link #withMaxProblems(int)} says otherwise. */
  public static final int DEFAULT_MAX_PROBLEMS = 100;

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  private final Schema schema;
  private final int maxProblems;

  private DatasetLoader(Schema schema, int maxProblems) {
    this.schema = Objects.requireNonNull(schema, "schema");
    if (maxProblems < 1) {
      throw new IllegalArgumentException("maxProblems must be >= 1, was " + maxProblems);
    }
    this.maxProblems = maxProblems;
  }

  /**
   * A loader for files laid out as {@code schema} says.
   *
   * @param schema the dataset's layout, not null
   * @return a loader listing up to {@value #DEFAULT_MAX_PROBLEMS} problems
   */
  public static DatasetLoader of(Schema schema) {
    return new DatasetLoader(schema, DEFAULT_MAX_PROBLEMS);
  }

  /**
   * This loader listing at most {@code max} problems; every row is still checked and the rest are
   * counted.
   *
   * @param max the listing limit, at least 1
   * @return a copy with that limit
   */
  public DatasetLoader withMaxProblems(int max) {
    return new DatasetLoader(schema, max);
  }

  /**
   * The layout this loader checks.
   *
   * @return the schema, not null
   */
  public Schema schema() {
    return schema;
  }

  /**
   * Reads and validates a file.
   *
   * @param file the CSV file, not null
   * @return the table, named after the schema
   * @throws DatasetValidationException when anything in the file breaks the schema
   * @throws UncheckedIOException when the file cannot be read
   */
  public Table read(Path file) {
    return run(file.toString(), () -> Files.newInputStream(file)).table;
  }

  /**
   * A validated table and the SHA-256 of the exact bytes it was read from, for readers that build
   * their provenance themselves (the court data, whose manifest lists one hash per file).
   *
   * @param table the rows, not null
   * @param sha256 the SHA-256 of the file's bytes as read, 64 lower-case hex digits
   * @param lines the line each row starts on; use {@link #lineOf(int)}
   */
  public record Hashed(Table table, String sha256, long[] lines) {

    /**
     * The 1-based line of the file where row {@code row} of the table starts (after quoted line
     * breaks, counting note rows and the header), for checks a reader makes across rows.
     *
     * @param row the 0-based row of the table
     * @return the line, at least 1
     */
    public long lineOf(int row) {
      return lines[row];
    }
  }

  /**
   * Reads and validates a file, and gives the SHA-256 of the bytes read.
   *
   * @param file the CSV file, not null
   * @return the table and its hash
   * @throws DatasetValidationException when anything in the file breaks the schema
   * @throws UncheckedIOException when the file cannot be read
   */
  public Hashed readHashed(Path file) {
    Result result = run(file.toString(), () -> Files.newInputStream(file));
    return new Hashed(result.table, result.sha256, result.lines);
  }

  /**
   * Reads and validates bytes held in memory (a register made by a generator, a resource already
   * read), and gives their SHA-256.
   *
   * @param label the name problems give as the file, not null
   * @param bytes the file's bytes, not null
   * @return the table and its hash
   * @throws DatasetValidationException when anything in the bytes breaks the schema
   */
  public Hashed readBytes(String label, byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    Result result =
        run(Objects.requireNonNull(label, "label"), () -> new java.io.ByteArrayInputStream(bytes));
    return new Hashed(result.table, result.sha256, result.lines);
  }

  /**
   * Reads and validates a class-path resource, such as {@code data/sample/cases.csv}.
   *
   * @param resource the resource name, without a leading slash, not null
   * @return the table, named after the schema
   * @throws DatasetValidationException when anything in the resource breaks the schema
   * @throws IllegalArgumentException when there is no such resource
   */
  public Table readResource(String resource) {
    return run(resourceLabel(resource), () -> openResource(resource)).table;
  }

  /**
   * Reads and validates a file, and attaches its provenance.
   *
   * @param file the CSV file, not null
   * @param provenance makes the provenance from the SHA-256 of the file's bytes, not null
   * @return the table with its provenance
   * @throws DatasetValidationException when anything in the file breaks the schema
   * @throws UncheckedIOException when the file cannot be read
   */
  public LoadedDataset load(Path file, Function<String, Provenance> provenance) {
    Objects.requireNonNull(provenance, "provenance");
    Result result = run(file.toString(), () -> Files.newInputStream(file));
    return new LoadedDataset(result.table, provenance.apply(result.sha256));
  }

  /**
   * Reads and validates a class-path resource, and attaches its provenance.
   *
   * @param resource the resource name, without a leading slash, not null
   * @param provenance makes the provenance from the SHA-256 of the resource's bytes, not null
   * @return the table with its provenance
   * @throws DatasetValidationException when anything in the resource breaks the schema
   * @throws IllegalArgumentException when there is no such resource
   */
  public LoadedDataset loadResource(String resource, Function<String, Provenance> provenance) {
    Objects.requireNonNull(provenance, "provenance");
    Result result = run(resourceLabel(resource), () -> openResource(resource));
    return new LoadedDataset(result.table, provenance.apply(result.sha256));
  }

  private static String resourceLabel(String resource) {
    return "classpath:" + Objects.requireNonNull(resource, "resource");
  }

  private static InputStream openResource(String resource) {
    InputStream stream = DatasetLoader.class.getClassLoader().getResourceAsStream(resource);
    if (stream == null) {
      throw new IllegalArgumentException("no class-path resource named \"" + resource + "\"");
    }
    return stream;
  }

  /** Opens the bytes to read; called again to locate a byte that is not UTF-8. */
  private interface Opener {
    InputStream open() throws IOException;
  }

  private record Result(Table table, String sha256, long[] lines) {}

  private Result run(String label, Opener opener) {
    try {
      return new Check(label, opener).run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + label + ": " + e.getMessage(), e);
    }
  }

  /** One pass over one file. */
  private final class Check {
    private final String label;
    private final Opener opener;
    private final List<ColumnSpec> specs = schema.columns();
    private final List<Problem> listed = new ArrayList<>();
    private long unlisted;
    private List<String> header;
    private int[] specOfField;
    private int[] fieldOfSpec;
    private final Map<String, Long> keys = new HashMap<>();
    private final List<Column<?>> columns = new ArrayList<>();
    private final StringColumn[] markerColumns = new StringColumn[specs.size()];
    private final Map<String, Integer> positions = new HashMap<>();
    private final List<java.util.LinkedHashSet<String>> seenValues = new ArrayList<>();

    /** Each combination of the completeness columns' values seen, with the line it is on. */
    private final Map<List<String>, Long> seenCombinations = new HashMap<>();

    private long[] rowLines = new long[16];
    private int rows;

    Check(String label, Opener opener) {
      this.label = label;
      this.opener = opener;
      for (int s = 0; s < specs.size(); s++) {
        ColumnSpec spec = specs.get(s);
        positions.put(spec.name(), s);
        columns.add(spec.newColumn());
        if (!spec.missingMarkers().isEmpty()) {
          markerColumns[s] = StringColumn.create(spec.markerColumnName());
          columns.add(markerColumns[s]);
        }
      }
    }

    private void problem(long line, String column, int number, String value, String expected) {
      if (listed.size() < maxProblems) {
        listed.add(new Problem(label, line, column, number, value, expected));
      } else {
        unlisted++;
      }
    }

    private boolean clean() {
      return listed.isEmpty();
    }

    Result run() throws IOException {
      MessageDigest digest = sha256();
      try (InputStream raw = opener.open();
          DigestInputStream bytes = new DigestInputStream(new BufferedInputStream(raw), digest)) {
        CharsetDecoder decoder =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader reader = new BufferedReader(new InputStreamReader(bytes, decoder));
        try {
          skipByteOrderMark(reader);
          parse(FORMAT.parse(reader));
        } catch (CharacterCodingException e) {
          notUtf8();
        } catch (UncheckedIOException e) {
          if (e.getCause() instanceof CharacterCodingException) {
            notUtf8();
          } else {
            throw e.getCause();
          }
        }
        if (!clean()) {
          throw new DatasetValidationException(label, listed, unlisted);
        }
        bytes.transferTo(java.io.OutputStream.nullOutputStream());
      }
      Table table = Table.create(schema.name());
      columns.forEach(table::addColumns);
      return new Result(
          table,
          HexFormat.of().formatHex(digest.digest()),
          java.util.Arrays.copyOf(rowLines, rows));
    }

    private void skipByteOrderMark(Reader reader) throws IOException {
      reader.mark(1);
      if (reader.read() != '\uFEFF') {
        reader.reset();
      }
    }

    private void parse(CSVParser parser) {
      Iterator<CSVRecord> records = parser.iterator();
      long start = 1;
      try {
        for (int note = 0; note < schema.noteRows(); note++) {
          start = parser.getCurrentLineNumber() + 1;
          if (!records.hasNext()) {
            endedEarly(start);
            return;
          }
          records.next();
        }
        start = parser.getCurrentLineNumber() + 1;
        if (!records.hasNext()) {
          endedEarly(start);
          return;
        }
        readHeader(start, records.next());
        while (true) {
          start = parser.getCurrentLineNumber() + 1;
          if (!records.hasNext()) {
            checkComplete();
            return;
          }
          checkRow(start, records.next());
        }
      } catch (UncheckedIOException e) {
        if (!(e.getCause() instanceof CSVException)) {
          throw e; // not UTF-8, or the file could not be read: handled by run()
        }
        String message = String.valueOf(e.getCause().getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
          problem(
              start,
              null,
              0,
              "a quoted field with no closing quote",
              "a closing double quote before the end of the file");
        } else if (message.contains("Invalid character between encapsulated token")) {
          problem(
              start,
              null,
              0,
              "text after a closing quote",
              "a comma or the end of the line right after a closing double quote; checking"
                  + " stopped at this line");
        } else {
          problem(
              start,
              null,
              0,
              message,
              "well-formed CSV (RFC 4180 quoting); checking stopped at this line");
        }
      }
    }

    private void endedEarly(long line) {
      problem(
          line,
          null,
          0,
          "the end of the file",
          (schema.noteRows() == 0 ? "" : schema.noteRows() + " note rows, then ")
              + "the header "
              + String.join(",", names()));
    }

    private List<String> names() {
      return ColumnSpec.names(specs);
    }

    private void readHeader(long line, CSVRecord record) {
      header = record.toList();
      specOfField = new int[header.size()];
      fieldOfSpec = new int[specs.size()];
      java.util.Arrays.fill(fieldOfSpec, -1);
      Map<String, Integer> specIndex = new HashMap<>();
      for (int s = 0; s < specs.size(); s++) {
        specIndex.put(specs.get(s).name(), s);
      }
      String agreed = String.join(",", names());
      List<Problem> found = new ArrayList<>();
      for (int f = 0; f < header.size(); f++) {
        String name = header.get(f);
        Integer s = specIndex.get(name);
        specOfField[f] = -1;
        if (s == null) {
          found.add(
              new Problem(
                  label,
                  line,
                  name.isEmpty() ? "(blank)" : name,
                  f + 1,
                  name,
                  "only the columns " + agreed));
        } else if (fieldOfSpec[s] >= 0) {
          found.add(
              new Problem(
                  label,
                  line,
                  name,
                  f + 1,
                  name,
                  "each column once; \"" + name + "\" is already column " + (fieldOfSpec[s] + 1)));
        } else {
          specOfField[f] = s;
          fieldOfSpec[s] = f;
        }
      }
      for (int s = 0; s < specs.size(); s++) {
        if (fieldOfSpec[s] < 0) {
          String there = s < header.size() ? header.get(s) : "";
          found.add(
              new Problem(
                  label,
                  line,
                  specs.get(s).name(),
                  s + 1,
                  there,
                  "the column \"" + specs.get(s).name() + "\" (the header is " + agreed + ")"));
        }
      }
      if (found.isEmpty()) {
        for (int f = 0; f < header.size(); f++) {
          if (specOfField[f] != f) {
            found.add(
                new Problem(
                    label,
                    line,
                    header.get(f),
                    f + 1,
                    header.get(f),
                    "the column \""
                        + specs.get(f).name()
                        + "\" here (the header is "
                        + agreed
                        + ")"));
            break;
          }
        }
      }
      found.sort(Comparator.comparingInt(Problem::columnNumber));
      for (Problem p : found) {
        problem(p.line(), p.column(), p.columnNumber(), p.value(), p.expected());
      }
    }

    private void checkRow(long line, CSVRecord record) {
      int size = record.size();
      if (size != header.size()) {
        wrongFieldCount(line, record);
        return;
      }
      Object[] values = new Object[specs.size()];
      String[] markers = new String[specs.size()];
      for (int f = 0; f < size; f++) {
        int s = specOfField[f];
        if (s < 0) {
          continue;
        }
        ColumnSpec spec = specs.get(s);
        String raw = record.get(f);
        if (raw.isEmpty()) {
          if (spec.required()) {
            problem(line, spec.name(), f + 1, raw, "a value (required): " + spec.expected());
            values[s] = ColumnSpec.INVALID;
          }
        } else if (spec.missingMarkers().contains(raw)) {
          markers[s] = raw;
        } else {
          Object value = spec.parse(raw);
          values[s] = value;
          if (value == ColumnSpec.INVALID) {
            problem(line, spec.name(), f + 1, raw, spec.expectedFor(raw));
          }
        }
      }
      checkRules(line, record, values);
      checkKey(line, record, values);
      noteCombination(line, record, values);
      if (clean()) {
        if (rows == rowLines.length) {
          rowLines = java.util.Arrays.copyOf(rowLines, rows * 2);
        }
        rowLines[rows++] = line;
        int c = 0;
        for (int s = 0; s < specs.size(); s++) {
          ColumnSpec.append(columns.get(c++), values[s]);
          if (markerColumns[s] != null) {
            markerColumns[s].append(markers[s] == null ? "" : markers[s]);
            c++;
          }
        }
      }
    }

    private void wrongFieldCount(long line, CSVRecord record) {
      int size = record.size();
      String found = size == 1 && record.get(0).isEmpty() ? "an empty line" : size + " fields";
      String expected = header.size() + " fields, as in the header";
      if (size < header.size()) {
        int s = specOfField[size];
        String column = s >= 0 ? specs.get(s).name() : header.get(size);
        problem(line, column.isEmpty() ? "(blank)" : column, size + 1, found, expected);
      } else {
        problem(line, "(extra field)", header.size() + 1, found, expected);
      }
    }

    private boolean usable(Object[] values, String column) {
      int s = indexOf(column);
      return values[s] != null && values[s] != ColumnSpec.INVALID;
    }

    private int indexOf(String column) {
      return positions.get(column);
    }

    private void checkRules(long line, CSVRecord record, Object[] values) {
      List<Rule> rules = schema.rules();
      if (rules.isEmpty()) {
        return;
      }
      ParsedRow row = new ArrayRow(positions, values);
      for (Rule rule : rules) {
        boolean ready = true;
        for (String read : rule.reads()) {
          ready &= usable(values, read);
        }
        if (ready && !rule.holds(row)) {
          int f = fieldOfSpec[indexOf(rule.column())];
          problem(line, rule.column(), f + 1, record.get(f), rule.expected());
        }
      }
    }

    private void noteCombination(long line, CSVRecord record, Object[] values) {
      List<String> columns = schema.complete();
      if (columns.isEmpty()) {
        return;
      }
      List<String> combination = new ArrayList<>(columns.size());
      for (int c = 0; c < columns.size(); c++) {
        if (!usable(values, columns.get(c))) {
          return;
        }
        if (seenValues.size() <= c) {
          seenValues.add(new java.util.LinkedHashSet<>());
        }
        String value = record.get(fieldOfSpec[indexOf(columns.get(c))]);
        seenValues.get(c).add(value);
        combination.add(value);
      }
      seenCombinations.putIfAbsent(combination, line);
    }

    /**
     * After the last row: a row for every combination of the values seen. A missing row is located
     * at the gap where it belongs, between the rows holding the combinations just before and just
     * after it in key order (each column's values in the order its code list gives them, or for a
     * column without one in the order they first appear), and reported at the line of the row now
     * in its place, or of the last row when it belongs after every row.
     */
    private void checkComplete() {
      List<String> columns = schema.complete();
      if (columns.isEmpty() || !clean() || seenValues.size() < columns.size()) {
        return;
      }
      long expected = 1;
      for (java.util.Set<String> values : seenValues) {
        expected = Math.multiplyExact(expected, values.size());
      }
      if (expected == seenCombinations.size()) {
        return;
      }
      StringBuilder covers = new StringBuilder();
      for (int c = 0; c < columns.size(); c++) {
        covers.append(c == 0 ? "" : " x ").append(seenValues.get(c).size());
      }
      String text =
          "a row for every combination of "
              + String.join(", ", columns)
              + " the file covers ("
              + covers
              + " = "
              + expected
              + " rows; it has "
              + seenCombinations.size()
              + ")";
      Comparator<List<String>> order = keyOrder(columns);
      List<List<String>> present = new ArrayList<>(seenCombinations.keySet());
      present.sort(order);
      missing(columns, new ArrayList<>(), 0, text, present, order);
    }

    /**
     * Combinations compared column by column: a code column's values by their place in its code
     * list, another column's by the order they first appear in the file.
     */
    private Comparator<List<String>> keyOrder(List<String> columns) {
      List<Map<String, Integer>> ranks = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        Map<String, Integer> rank = new HashMap<>();
        List<String> codes = new ArrayList<>(specs.get(indexOf(columns.get(c))).codes());
        for (String value : seenValues.get(c)) {
          int place = codes.indexOf(value);
          rank.put(value, place >= 0 ? place : codes.size() + rank.size());
        }
        ranks.add(rank);
      }
      return (a, b) -> {
        for (int c = 0; c < a.size(); c++) {
          int compared = Integer.compare(ranks.get(c).get(a.get(c)), ranks.get(c).get(b.get(c)));
          if (compared != 0) {
            return compared;
          }
        }
        return 0;
      };
    }

    private void missing(
        List<String> columns,
        List<String> prefix,
        int depth,
        String text,
        List<List<String>> present,
        Comparator<List<String>> order) {
      if (depth == columns.size()) {
        if (!seenCombinations.containsKey(prefix)) {
          missingRow(List.copyOf(prefix), text, present, order);
        }
        return;
      }
      for (String value : seenValues.get(depth)) {
        prefix.add(value);
        missing(columns, prefix, depth + 1, text, present, order);
        prefix.remove(prefix.size() - 1);
      }
    }

    /** Reports one missing row at the gap where it belongs among the rows present. */
    private void missingRow(
        List<String> row, String text, List<List<String>> present, Comparator<List<String>> order) {
      // present holds no row equal to this one: the search gives -(insertion point) - 1
      int after = -Collections.binarySearch(present, row, order) - 1;
      List<String> before = after > 0 ? present.get(after - 1) : null;
      List<String> next = after < present.size() ? present.get(after) : null;
      String where;
      if (before == null) {
        where = "before line " + lineOf(next) + ", the first in key order";
      } else if (next == null) {
        where = "after line " + lineOf(before) + ", the last in key order";
      } else {
        where = "after line " + lineOf(before) + " and before line " + lineOf(next);
      }
      problem(
          seenCombinations.get(next != null ? next : before),
          null,
          0,
          "no row " + String.join(",", row),
          text + "; it belongs " + where);
    }

    /** The line of a combination present, with its values: {@code 101 (C03,2019-20,PRE)}. */
    private String lineOf(List<String> combination) {
      return seenCombinations.get(combination) + " (" + String.join(",", combination) + ")";
    }

    private void checkKey(long line, CSVRecord record, Object[] values) {
      List<String> key = schema.primaryKey();
      if (key.isEmpty()) {
        return;
      }
      StringBuilder joined = new StringBuilder();
      for (String column : key) {
        if (!usable(values, column)) {
          return;
        }
        if (joined.length() > 0) {
          joined.append(',');
        }
        joined.append(record.get(fieldOfSpec[indexOf(column)]));
      }
      String text = joined.toString();
      Long first = keys.putIfAbsent(text, line);
      if (first != null) {
        int f = fieldOfSpec[indexOf(key.get(0))];
        problem(
            line,
            key.get(0),
            f + 1,
            text,
            "a unique " + String.join(",", key) + "; line " + first + " has the same");
      }
    }

    private void notUtf8() throws IOException {
      problem(
          locateNonUtf8(),
          null,
          0,
          "bytes that are not UTF-8",
          "UTF-8 text; checking stopped at this line");
    }

    /** The 1-based line of the first byte sequence that is not UTF-8, found by a second pass. */
    private long locateNonUtf8() throws IOException {
      CharsetDecoder decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      long line = 1;
      try (InputStream in = opener.open()) {
        byte[] buffer = new byte[8192];
        ByteBuffer bytes = ByteBuffer.allocate(16384);
        CharBuffer chars = CharBuffer.allocate(16384);
        boolean end = false;
        while (!end) {
          int n = in.read(buffer);
          end = n < 0;
          if (!end) {
            bytes.put(buffer, 0, n);
          }
          bytes.flip();
          CoderResult result = decoder.decode(bytes, chars, end);
          chars.flip();
          while (chars.hasRemaining()) {
            if (chars.get() == '\n') {
              line++;
            }
          }
          chars.clear();
          if (result.isError()) {
            return line;
          }
          bytes.compact();
        }
      }
      return line;
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM lacks SHA-256, which every Java SE has", e);
    }
  }
}
