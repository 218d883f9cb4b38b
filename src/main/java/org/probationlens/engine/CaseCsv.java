package org.probationlens.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.probationlens.data.CaseRecords;
import org.probationlens.progress.Progress;
import org.probationlens.read.DatasetLoader;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import org.probationlens.read.Schema;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The fast path for the synthetic case dataset {@code cases.csv} (one row per order or licence
 * started; columns as in the project's case-level dataset contract): reads it straight into a
 * {@link ColumnTable}, in parallel, with the categories dictionary-encoded while parsing and the
 * dates converted from their ISO digits without a {@code LocalDate} per row.
 *
 * <p>The dictionaries of the category columns are the values the contract allows, in the contract's
 * order (for example work types CO, SSO, LIC, PSS, PRE), so a filter on a code that no case happens
 * to have is still accepted, and a misspelt code is refused.
 *
 * <p>It validates as strictly as the validating loader of {@code org.probationlens.data} because it
 * takes its rules from the same {@link CaseRecords#schema()}: the header, the code lists (its
 * dictionaries), the ranges of the numeric and date columns, and the cross-column rules, which it
 * runs on its parsed row through {@link org.probationlens.read.ParsedRow}. It reports problems with
 * that loader's own {@link DatasetValidationException}: a file the fast reader does not take (a
 * problem, or a form it leaves to the loader: quotes, CR line ends, a byte-order mark, an
 * identifier with bytes outside printable ASCII) is handed to the loader, whose verdict and located
 * problem list are final. {@code CaseCsvPropertiesTest} feeds both readers the same mutated files
 * and requires the same verdict and values.
 */
public final class CaseCsv {
  private CaseCsv() {}

  /** The contract the fast reader checks: the validating loader's own schema. */
  static final Schema SCHEMA = CaseRecords.schema();

  /**
   * The header of {@code cases.csv}, as the dataset contract fixes it: the 13 column names of
   * {@link CaseRecords#schema()} in order, comma-separated, {@code case_id} first and {@code
   * weight} last.
   */
  public static final String HEADER = SCHEMA.header();

  static final String[] COLUMNS = HEADER.split(",");

  static final String[] PROVIDER_TYPES = codes(COLUMNS[1]);
  static final String[] PROVIDER_CODES = codes(COLUMNS[2]);
  static final String[] PCC_AREAS = codes(COLUMNS[3]);
  static final String[] WORK_TYPES = codes(COLUMNS[4]);
  static final String[] TERMINATION_REASONS = codes(COLUMNS[11]);

  /** The schema's code list of a column: the dictionary, in the contract's order. */
  private static String[] codes(String column) {
    return SCHEMA.column(column).codes().toArray(String[]::new);
  }

  private static final int SEGMENT_BYTES = 8 << 20;

  /** The duplicate check's partitions of the identifier hashes: the top six bits. */
  static final int HASH_PARTS = 64;

  static final int HASH_PART_SHIFT = 26;

  /**
   * The smallest file whose read is shown as a {@link Progress} task, in bytes (8 MiB, one
   * segment): a smaller file reads in well under a second, and starts no bar at all.
   */
  public static final long PROGRESS_MIN_BYTES = 8L << 20;

  private static final int MAX_LINE = 4096;

  /**
   * Reads and validates {@code cases.csv} on all available processors. A file of at least {@value
   * #PROGRESS_MIN_BYTES} bytes is shown as a {@link Progress} task counting bytes (one update per 8
   * MiB segment parsed, so nothing is added per row), ending at the file's size.
   *
   * @param file the file, not null
   * @return the cases, a table named {@code cases}
   * @throws DatasetValidationException if the file is not a valid case dataset: the validating
   *     loader's own exception, listing every problem with file, line, column, value and what was
   *     expected; nothing is returned then
   * @throws UncheckedIOException if the file cannot be read
   */
  public static ColumnTable read(Path file) {
    return read(file, Parallel.defaultThreads());
  }

  /**
   * Reads and validates {@code cases.csv} on at most {@code threads} threads; the result is the
   * same for any count.
   *
   * <p>The fast reader takes the form the generator writes (the header exactly, lines ending in LF,
   * no quotes, plain decimals) with every value and rule valid. Any other file, valid or not, goes
   * to the validating loader ({@link CaseRecords#schema()} read by {@link DatasetLoader}): its
   * verdict is final, so both paths accept the same files and report the same problems.
   *
   * @throws DatasetValidationException as {@link #read(Path)}
   */
  public static ColumnTable read(Path file, int threads) {
    Objects.requireNonNull(file, "file");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    try (Progress.Task task =
        size < PROGRESS_MIN_BYTES
            ? null
            : Progress.start("reading " + file.getFileName(), size, "bytes")) {
      ColumnTable table;
      try {
        table = readFast(file, threads, task);
      } catch (Refusal refusal) {
        // the loader's verdict is final; its read is not counted, so the bar jumps to the end
        table = fromLoaded(DatasetLoader.of(CaseRecords.schema()).read(file));
        if (task != null) {
          task.moveTo(size);
        }
      }
      if (task != null) {
        task.complete();
      }
      return table;
    }
  }

  /** The fast reader alone: the table, or a located {@link Refusal}. */
  static ColumnTable readFast(Path file, int threads) {
    return readFast(file, threads, null);
  }

  /** The fast reader alone, advancing {@code task} (if any) by the bytes of each block parsed. */
  private static ColumnTable readFast(Path file, int threads, Progress.Task task) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return new Reader(file.toString(), channel, threads, task).read();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Re-encodes a table from the validating loader with the contract's dictionaries. */
  static ColumnTable fromLoaded(Table table) {
    int rows = table.rowCount();
    List<Col> out = new ArrayList<>();
    StringColumn ids = table.stringColumn(COLUMNS[0]);
    int[] offsets = new int[rows + 1];
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int r = 0; r < rows; r++) {
      byte[] id = ids.get(r).getBytes(UTF8);
      bytes.write(id, 0, id.length);
      offsets[r + 1] = offsets[r] + id.length;
    }
    out.add(new Col.Text(COLUMNS[0], bytes.toByteArray(), offsets));
    out.add(category(table, COLUMNS[1], PROVIDER_TYPES));
    out.add(category(table, COLUMNS[2], PROVIDER_CODES));
    out.add(category(table, COLUMNS[3], PCC_AREAS));
    out.add(category(table, COLUMNS[4], WORK_TYPES));
    for (int c = 5; c <= 6; c++) {
      DateColumn dates = table.dateColumn(COLUMNS[c]);
      int[] days = new int[rows];
      for (int r = 0; r < rows; r++) {
        days[r] = Math.toIntExact(dates.get(r).toEpochDay());
      }
      out.add(new Col.Days(COLUMNS[c], days));
    }
    for (int c = 7; c <= 9; c++) {
      out.add(Col.Ints.narrowest(COLUMNS[c], table.intColumn(COLUMNS[c]).asIntArray()));
    }
    BooleanColumn flags = table.booleanColumn(COLUMNS[10]);
    boolean[] accredited = new boolean[rows];
    for (int r = 0; r < rows; r++) {
      accredited[r] = flags.get(r);
    }
    out.add(new Col.Booleans(COLUMNS[10], accredited));
    out.add(category(table, COLUMNS[11], TERMINATION_REASONS));
    out.add(new Col.Doubles(COLUMNS[12], table.doubleColumn(COLUMNS[12]).asDoubleArray()));
    return ColumnTable.of("cases", out);
  }

  private static Col category(Table table, String name, String[] dictionary) {
    Map<String, Integer> codeOf = new HashMap<>();
    for (int i = 0; i < dictionary.length; i++) {
      codeOf.put(dictionary[i], i);
    }
    StringColumn values = table.stringColumn(name);
    int[] codes = new int[table.rowCount()];
    for (int r = 0; r < codes.length; r++) {
      codes[r] = codeOf.get(values.get(r));
    }
    return new Col.Category(name, codes, dictionary.clone());
  }

  /** One read of one file. */
  private static final class Reader {
    private final String label;
    private final FileChannel channel;
    private final int threads;
    private final long size;
    private final Progress.Task task;

    Reader(String label, FileChannel channel, int threads, Progress.Task task) throws IOException {
      this.label = label;
      this.channel = channel;
      this.threads = threads;
      this.size = channel.size();
      this.task = task;
    }

    /** Counts {@code bytes} more read; called once per block, from any worker thread. */
    private void advance(long bytes) {
      if (task != null) {
        synchronized (task) {
          task.advance(bytes);
        }
      }
    }

    ColumnTable read() throws IOException {
      byte[] head = readAt(0, (int) Math.min(size, MAX_LINE));
      int headerEnd = indexOf(head, 0, head.length, (byte) '\n');
      byte[] expected = HEADER.getBytes(StandardCharsets.US_ASCII);
      if (headerEnd < 0
          || headerEnd != expected.length
          || !Arrays.equals(head, 0, headerEnd, expected, 0, expected.length)) {
        String found =
            new String(head, 0, headerEnd < 0 ? head.length : headerEnd, StandardCharsets.UTF_8);
        throw problem(1, null, 0, found, "the header " + HEADER + " followed by a line feed (LF)");
      }
      // Cut the body into segments at line ends; the cut depends on the file alone.
      long bodyStart = headerEnd + 1L;
      advance(bodyStart);
      List<Long> cuts = new ArrayList<>();
      cuts.add(bodyStart);
      for (long at = bodyStart + SEGMENT_BYTES; at < size; ) {
        byte[] window = readAt(at, (int) Math.min(MAX_LINE, size - at));
        int nl = indexOf(window, 0, window.length, (byte) '\n');
        if (nl < 0) {
          // No line end nearby (a malformed, very long line): look further on.
          at += window.length;
          continue;
        }
        long cut = at + nl + 1;
        if (cut < size) {
          cuts.add(cut);
        }
        at = cut + SEGMENT_BYTES;
      }
      cuts.add(size);
      int segments = cuts.size() - 1;
      long[] from = new long[segments];
      long[] to = new long[segments];
      for (int s = 0; s < segments; s++) {
        from[s] = cuts.get(s);
        to[s] = cuts.get(s + 1);
      }
      // Each segment parses into its own arrays; no pass counts the lines first.
      SegmentParser[] parsed = new SegmentParser[segments];
      Refusal[] refused = new Refusal[segments];
      Parallel.run(
          segments,
          threads,
          s -> {
            Buffers buffers = buffers();
            int length = (int) (to[s] - from[s]);
            byte[] buf = buffers.read(from[s], length);
            SegmentParser parser = new SegmentParser(label, buf, length);
            try {
              parser.parseAll();
              parsed[s] = parser;
            } catch (Refusal refusal) {
              refused[s] = refusal;
            } finally {
              spare.add(buffers);
            }
            advance(length);
          });
      // Report the earliest problem in the file, at its line in the file: the segments before the
      // first refused one were parsed whole, so their rows are known.
      long total = 0;
      for (int s = 0; s < segments; s++) {
        if (refused[s] != null) {
          throw refused[s].movedDown(total);
        }
        total += parsed[s].rows;
      }
      if (total > Integer.MAX_VALUE - 8) {
        throw problem(1, null, 0, total + " rows", "at most " + (Integer.MAX_VALUE - 8) + " rows");
      }
      int rows = (int) total;
      int[] firstRow = new int[segments + 1];
      long idTotal = 0;
      for (int s = 0; s < segments; s++) {
        firstRow[s + 1] = firstRow[s] + parsed[s].rows;
        idTotal += parsed[s].idLength;
      }
      if (idTotal > Integer.MAX_VALUE - 8) {
        throw problem(1, "case_id", 1, idTotal + " bytes", "case identifiers under 2 GB in all");
      }
      // Join the identifier bytes, then each array, column by column so that a column's segment
      // arrays are dropped once it is joined (at most one column is held twice).
      byte[] ids = new byte[(int) idTotal];
      int[] base = new int[segments];
      boolean[] ascending = new boolean[segments];
      Columns[] parts = new Columns[segments];
      // identifiers all of one width need no offsets: 4 bytes a case less
      int width = 0;
      boolean fixedWidth = rows > 0;
      for (int s = 0, at = 0; s < segments; s++) {
        System.arraycopy(parsed[s].ids, 0, ids, at, parsed[s].idLength);
        base[s] = at;
        at += parsed[s].idLength;
        ascending[s] = parsed[s].idOrder.ascending();
        parts[s] = parsed[s].out;
        if (parsed[s].rows > 0) {
          fixedWidth &=
              parsed[s].minIdWidth == parsed[s].maxIdWidth
                  && (width == 0 || width == parsed[s].minIdWidth);
          width = parsed[s].minIdWidth;
        }
        parsed[s] = null;
      }
      Object[] cols = Columns.join(parts, firstRow, base, threads, !fixedWidth);
      int[] idOffsets = (int[]) cols[Columns.OFFSETS];
      if (idOffsets != null) {
        idOffsets[rows] = (int) idTotal;
      }
      Col.Text caseIds =
          fixedWidth
              ? new Col.Text(COLUMNS[0], ids, width, rows)
              : new Col.Text(COLUMNS[0], ids, idOffsets);
      if (!ascending(caseIds, firstRow, ascending)) {
        checkUniqueIds(caseIds, firstRow);
      }
      List<Col> out = new ArrayList<>();
      out.add(caseIds);
      out.add(new Col.Category(COLUMNS[1], (byte[]) cols[0], PROVIDER_TYPES.clone()));
      out.add(new Col.Category(COLUMNS[2], (byte[]) cols[1], PROVIDER_CODES.clone()));
      out.add(new Col.Category(COLUMNS[3], (byte[]) cols[2], PCC_AREAS.clone()));
      out.add(new Col.Category(COLUMNS[4], (byte[]) cols[3], WORK_TYPES.clone()));
      out.add(new Col.Days(COLUMNS[5], (int[]) cols[4]));
      out.add(new Col.Days(COLUMNS[6], (int[]) cols[5]));
      for (int k = 6; k <= 8; k++) {
        out.add(Col.Ints.of(COLUMNS[k + 1], cols[k]));
      }
      out.add(new Col.Booleans(COLUMNS[10], (boolean[]) cols[9]));
      out.add(new Col.Category(COLUMNS[11], (byte[]) cols[10], TERMINATION_REASONS.clone()));
      out.add(new Col.Doubles(COLUMNS[12], (double[]) cols[11]));
      return ColumnTable.of("cases", out);
    }

    /**
     * Whether the identifiers are in strictly ascending byte order, and so all different: each
     * segment's parser compared every identifier with the one before it, so only where two segments
     * meet is left to compare. Files exported in case order pass; any other order goes to {@link
     * #checkUniqueIds}.
     */
    private static boolean ascending(Col.Text caseIds, int[] firstRow, boolean[] segmentAscending) {
      byte[] ids = caseIds.bytes;
      int last = -1;
      for (int s = 0; s < segmentAscending.length; s++) {
        if (!segmentAscending[s]) {
          return false;
        }
        int first = firstRow[s];
        if (first == firstRow[s + 1]) {
          continue;
        }
        if (last >= 0
            && Arrays.compareUnsigned(
                    ids,
                    caseIds.start(last),
                    caseIds.start(last + 1),
                    ids,
                    caseIds.start(first),
                    caseIds.start(first + 1))
                >= 0) {
          return false;
        }
        last = firstRow[s + 1] - 1;
      }
      return true;
    }

    /**
     * Finds the first repeated case_id, by hash partitions in parallel, and reports it. Each
     * segment hashes its identifiers and counts them per partition, then lists its rows into the
     * partitions, in parallel, so that each partition keeps row order.
     */
    private void checkUniqueIds(Col.Text caseIds, int[] firstRow) {
      byte[] ids = caseIds.bytes;
      int[] offsets = caseIds.offsets != null ? caseIds.offsets : new int[caseIds.size() + 1];
      if (caseIds.offsets == null) {
        // fixed-width identifiers: their offsets, for this check only
        for (int r = 0; r < offsets.length; r++) {
          offsets[r] = caseIds.start(r);
        }
      }
      int parts = HASH_PARTS;
      int segments = firstRow.length - 1;
      int rows = firstRow[segments];
      int[] hash = new int[rows];
      int[][] segmentParts = new int[segments][parts];
      Parallel.run(
          segments,
          threads,
          s -> {
            int[] count = segmentParts[s];
            for (int r = firstRow[s]; r < firstRow[s + 1]; r++) {
              int h = idHash(ids, offsets[r], offsets[r + 1]);
              hash[r] = h;
              count[h >>> HASH_PART_SHIFT]++;
            }
          });
      int[] partStart = new int[parts + 1];
      // where each segment's rows of each partition begin
      int[][] segmentAt = new int[segments][parts];
      for (int q = 0, at = 0; q < parts; q++) {
        partStart[q] = at;
        for (int s = 0; s < segments; s++) {
          segmentAt[s][q] = at;
          at += segmentParts[s][q];
        }
      }
      partStart[parts] = rows;
      // each partition's rows and, beside them, their hashes, so that a probe compares hashes
      // within the partition instead of reading the hash of a row anywhere in the file
      int[] byPart = new int[rows];
      int[] partHash = new int[rows];
      Parallel.run(
          segments,
          threads,
          s -> {
            int[] at = segmentAt[s];
            for (int r = firstRow[s]; r < firstRow[s + 1]; r++) {
              int h = hash[r];
              int x = at[h >>> HASH_PART_SHIFT]++;
              byPart[x] = r;
              partHash[x] = h;
            }
          });
      int[] firstDuplicate = new int[parts];
      int[] firstSeen = new int[parts];
      Arrays.fill(firstDuplicate, -1);
      Parallel.run(
          parts,
          threads,
          p -> {
            int size = partStart[p + 1] - partStart[p];
            int capacity = Integer.highestOneBit(Math.max(4, size * 2 - 1)) << 1;
            // a slot holds a row's place in its partition plus one, so that a new table is
            // empty as allocated
            int[] table = new int[capacity];
            int mask = capacity - 1;
            int base = partStart[p];
            for (int x = base; x < partStart[p + 1]; x++) {
              int h = partHash[x];
              int slot = h & mask;
              while (table[slot] != 0) {
                int y = base + table[slot] - 1;
                if (partHash[y] == h) {
                  int r = byPart[x];
                  int other = byPart[y];
                  if (Arrays.equals(
                      ids, offsets[r], offsets[r + 1], ids, offsets[other], offsets[other + 1])) {
                    firstDuplicate[p] = r;
                    firstSeen[p] = other;
                    return;
                  }
                }
                slot = (slot + 1) & mask;
              }
              table[slot] = x - base + 1;
            }
          });
      int first = -1;
      int seen = -1;
      for (int p = 0; p < parts; p++) {
        int d = firstDuplicate[p];
        if (d >= 0 && (first < 0 || d < first)) {
          first = d;
          seen = firstSeen[p];
        }
      }
      if (first >= 0) {
        String id = new String(ids, offsets[first], offsets[first + 1] - offsets[first], UTF8);
        throw problem(
            first + 2L,
            "case_id",
            1,
            id,
            "a unique case_id; line " + (seen + 2L) + " has the same");
      }
    }

    /** A hash of the identifier bytes {@code [from, to)} whose every bit depends on each byte. */
    private static int idHash(byte[] ids, int from, int to) {
      int h = to - from;
      for (int i = from; i < to; i++) {
        h = h * 31 + ids[i];
      }
      // Murmur3's finaliser spreads sequential identifiers over all bits.
      h ^= h >>> 16;
      h *= 0x85EBCA6B;
      h ^= h >>> 13;
      h *= 0xC2B2AE35;
      h ^= h >>> 16;
      return h;
    }

    /**
     * Buffers no segment parser holds: a worker takes one, parses a segment from it and puts it
     * back, so that a read allocates (and zeroes) at most one pair per thread, not one per segment.
     */
    private final java.util.concurrent.ConcurrentLinkedQueue<Buffers> spare =
        new java.util.concurrent.ConcurrentLinkedQueue<>();

    private Buffers buffers() {
      Buffers buffers = spare.poll();
      return buffers != null ? buffers : new Buffers();
    }

    /**
     * A segment's bytes, read into a direct buffer (which the channel fills without a copy of its
     * own) and copied once into an array the parser reads; both are sized for a segment and its
     * last line, and grown only for a segment cut around a longer line.
     */
    private final class Buffers {
      private ByteBuffer direct = ByteBuffer.allocateDirect(SEGMENT_BYTES + MAX_LINE);
      private byte[] bytes = new byte[SEGMENT_BYTES + MAX_LINE];

      /** The {@code length} bytes at {@code position}, in the first {@code length} of an array. */
      byte[] read(long position, int length) {
        if (length > bytes.length) {
          direct = ByteBuffer.allocateDirect(length);
          bytes = new byte[length];
        }
        direct.clear().limit(length);
        try {
          while (direct.hasRemaining()) {
            if (channel.read(direct, position + direct.position()) < 0) {
              throw new IOException(label + " shrank while being read");
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + label, e);
        }
        direct.flip().get(bytes, 0, length);
        return bytes;
      }
    }

    private byte[] readAt(long position, int length) throws IOException {
      byte[] out = new byte[length];
      ByteBuffer buffer = ByteBuffer.wrap(out);
      while (buffer.hasRemaining()) {
        int n = channel.read(buffer, position + buffer.position());
        if (n < 0) {
          throw new IOException(label + " shrank while being read");
        }
      }
      return out;
    }

    private Refusal problem(
        long line, String column, int columnNumber, String value, String expected) {
      return new Refusal(new Problem(label, line, column, columnNumber, value, expected));
    }
  }

  static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  static int indexOf(byte[] a, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (a[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The parsed values of rows, one array per column; a segment parser's arrays may have room for
   * more rows than it parsed.
   */
  static final class Columns {
    byte[] providerType;
    byte[] providerCode;
    byte[] area;
    byte[] workType;
    int[] start;
    int[] end;
    int[] sentenceMonths;
    int[] rarDays;
    int[] upwHours;
    boolean[] accredited;
    byte[] termination;
    double[] weight;

    /** Where each row's identifier starts in the identifier bytes; one more, at the end. */
    int[] idOffsets;

    Columns(int rows) {
      providerType = new byte[rows];
      providerCode = new byte[rows];
      area = new byte[rows];
      workType = new byte[rows];
      start = new int[rows];
      end = new int[rows];
      sentenceMonths = new int[rows];
      rarDays = new int[rows];
      upwHours = new int[rows];
      accredited = new boolean[rows];
      termination = new byte[rows];
      weight = new double[rows];
      idOffsets = new int[rows + 1];
    }

    private Columns() {}

    /** The whole-number or date column of field {@code f} (5 to 9), as epoch days for dates. */
    int[] numbers(int f) {
      switch (f) {
        case 5:
          return start;
        case 6:
          return end;
        case 7:
          return sentenceMonths;
        case 8:
          return rarDays;
        case 9:
          return upwHours;
        default:
          throw new IllegalArgumentException("field " + f + " is not a number or date");
      }
    }

    /** The dictionary codes of field {@code f} (1 to 4, 11). */
    byte[] codes(int f) {
      switch (f) {
        case 1:
          return providerType;
        case 2:
          return providerCode;
        case 3:
          return area;
        case 4:
          return workType;
        case 11:
          return termination;
        default:
          throw new IllegalArgumentException("field " + f + " is not a code");
      }
    }

    /** The arrays in a fixed order, for copying them alike. */
    private static final int ARRAYS = 13;

    private Object array(int k) {
      switch (k) {
        case 0:
          return providerType;
        case 1:
          return providerCode;
        case 2:
          return area;
        case 3:
          return workType;
        case 4:
          return start;
        case 5:
          return end;
        case 6:
          return sentenceMonths;
        case 7:
          return rarDays;
        case 8:
          return upwHours;
        case 9:
          return accredited;
        case 10:
          return termination;
        case 11:
          return weight;
        default:
          return idOffsets;
      }
    }

    private void set(int k, Object array) {
      switch (k) {
        case 0 -> providerType = (byte[]) array;
        case 1 -> providerCode = (byte[]) array;
        case 2 -> area = (byte[]) array;
        case 3 -> workType = (byte[]) array;
        case 4 -> start = (int[]) array;
        case 5 -> end = (int[]) array;
        case 6 -> sentenceMonths = (int[]) array;
        case 7 -> rarDays = (int[]) array;
        case 8 -> upwHours = (int[]) array;
        case 9 -> accredited = (boolean[]) array;
        case 10 -> termination = (byte[]) array;
        case 11 -> weight = (double[]) array;
        default -> idOffsets = (int[]) array;
      }
    }

    /** These arrays with room for {@code capacity} rows, the first {@code rows} copied. */
    Columns grownTo(int capacity, int rows) {
      Columns grown = new Columns();
      for (int k = 0; k < ARRAYS; k++) {
        Object old = array(k);
        int size = k == ARRAYS - 1 ? capacity + 1 : capacity;
        Object array = java.lang.reflect.Array.newInstance(old.getClass().getComponentType(), size);
        System.arraycopy(old, 0, array, 0, k == ARRAYS - 1 ? rows + 1 : rows);
        grown.set(k, array);
      }
      return grown;
    }

    /** {@link #join}'s index of the identifier offsets. */
    static final int OFFSETS = ARRAYS - 1;

    /**
     * The segments' rows in file order, one array per column in the order of {@link #array} (the
     * identifier offsets last, {@link #OFFSETS}, or null unless {@code offsets}): segment {@code
     * s}'s rows go to {@code firstRow[s]} onwards, its identifier offsets moved by {@code
     * idBase[s]}; the last offset is left for the caller. The whole numbers (sentence months, RAR
     * days, unpaid-work hours) are narrowed to bytes or shorts when all their values fit. Each
     * column is joined in parallel over the segments, and the segments' arrays of that column are
     * dropped before the next is joined.
     */
    static Object[] join(
        Columns[] parts, int[] firstRow, int[] idBase, int threads, boolean offsets) {
      int segments = parts.length;
      int rows = firstRow[segments];
      Object[] joined = new Object[ARRAYS];
      for (int k = 0; k < ARRAYS; k++) {
        int column = k;
        boolean isOffsets = k == OFFSETS;
        if (isOffsets && !offsets) {
          for (Columns part : parts) {
            part.set(k, null);
          }
          continue;
        }
        Class<?> type = parts[0].array(k).getClass().getComponentType();
        if (k >= 6 && k <= 8) {
          type = narrowest(parts, firstRow, k, threads);
        }
        Object into = java.lang.reflect.Array.newInstance(type, isOffsets ? rows + 1 : rows);
        Parallel.run(
            segments,
            threads,
            s -> {
              int from = firstRow[s];
              int count = firstRow[s + 1] - from;
              Object source = parts[s].array(column);
              if (isOffsets) {
                int[] offsetsIn = (int[]) source;
                int[] target = (int[]) into;
                int shift = idBase[s];
                for (int r = 0; r < count; r++) {
                  target[from + r] = offsetsIn[r] + shift;
                }
              } else if (into instanceof byte[] bytes && source instanceof int[] numbers) {
                for (int r = 0; r < count; r++) {
                  bytes[from + r] = (byte) numbers[r];
                }
              } else if (into instanceof short[] shorts) {
                int[] numbers = (int[]) source;
                for (int r = 0; r < count; r++) {
                  shorts[from + r] = (short) numbers[r];
                }
              } else {
                System.arraycopy(source, 0, into, from, count);
              }
              parts[s].set(column, null);
            });
        joined[k] = into;
      }
      return joined;
    }

    /** The narrowest of byte, short and int that holds every value of the int column {@code k}. */
    private static Class<?> narrowest(Columns[] parts, int[] firstRow, int k, int threads) {
      int segments = parts.length;
      int[] min = new int[segments];
      int[] max = new int[segments];
      Parallel.run(
          segments,
          threads,
          s -> {
            int[] numbers = (int[]) parts[s].array(k);
            int lo = 0;
            int hi = 0;
            for (int r = 0, count = firstRow[s + 1] - firstRow[s]; r < count; r++) {
              lo = Math.min(lo, numbers[r]);
              hi = Math.max(hi, numbers[r]);
            }
            min[s] = lo;
            max[s] = hi;
          });
      int lo = 0;
      int hi = 0;
      for (int s = 0; s < segments; s++) {
        lo = Math.min(lo, min[s]);
        hi = Math.max(hi, max[s]);
      }
      return Col.Ints.narrowestType(lo, hi);
    }
  }
}
