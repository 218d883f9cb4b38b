package org.probationlens.parquet;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * One line of the CSV text {@link CaseParquet#toCsv} writes, built as bytes, and for each column a
 * {@link Cell} that appends a value as exactly the text {@link CaseParquet#text} gives (quoted as
 * {@link CaseParquet#quoted} quotes it), without a {@code String} or {@code StringBuilder} a cell.
 * Written by hand because the Parquet library turns values into objects, not text: going through
 * {@code text} cost most of a Parquet read (10.8 s at 10 million cases against 0.85 s for the same
 * cases' CSV), in strings made and encoded per cell.
 *
 * <p>Values that repeat are written from a small cache of their text: dates (a case table has a few
 * thousand days), decimals (weights take a few dozen values). Text that is printable ASCII with
 * nothing to quote is copied byte for byte; anything else goes through {@code text} and {@code
 * quoted}, so every byte written is the one the slower path writes.
 */
final class CsvLine {
  private byte[] bytes = new byte[256];
  private int size;

  void clear() {
    size = 0;
  }

  byte[] bytes() {
    return bytes;
  }

  int size() {
    return size;
  }

  void append(byte b) {
    if (size == bytes.length) {
      bytes = Arrays.copyOf(bytes, size * 2);
    }
    bytes[size++] = b;
  }

  void append(byte[] b, int from, int length) {
    if (size + length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
    }
    System.arraycopy(b, from, bytes, size, length);
    size += length;
  }

  void append(byte[] b) {
    append(b, 0, b.length);
  }

  /** Appends a whole number's decimal digits, as {@code Long.toString} writes them. */
  void appendLong(long v) {
    if (v < 0) {
      if (v == Long.MIN_VALUE) {
        append(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
        return;
      }
      append((byte) '-');
      v = -v;
    }
    int digits = 1;
    for (long t = v; t >= 10; t /= 10) {
      digits++;
    }
    if (size + digits > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + digits));
    }
    for (int i = size + digits - 1; i >= size; i--) {
      bytes[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    size += digits;
  }

  /** Appends one column's non-null value, the reader at that value. */
  interface Cell {
    void append(ColumnReader reader, CsvLine line);
  }

  /** The cell writer for a column of the given type. */
  static Cell cellFor(ColumnDescriptor column) {
    PrimitiveType type = column.getPrimitiveType();
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    return switch (type.getPrimitiveTypeName()) {
      case INT32 ->
          logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
              ? new Dates()
              : (reader, line) -> line.appendLong(reader.getInteger());
      case INT64 -> (reader, line) -> line.appendLong(reader.getLong());
      case BOOLEAN -> (reader, line) -> line.append(reader.getBoolean() ? TRUE : FALSE);
      case DOUBLE -> new Decimals(false);
      case FLOAT -> new Decimals(true);
      case BINARY, FIXED_LEN_BYTE_ARRAY -> CsvLine::appendText;
      default -> (reader, line) -> CaseParquet.text(reader, column); // refuses, naming the type
    };
  }

  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

  /** The most values a cache of texts keeps; values past it are written without caching. */
  private static final int CACHED = 1 << 16;

  /** Dates as {@code LocalDate.toString} writes them, each day's text made once. */
  private static final class Dates implements Cell {
    private final Map<Integer, byte[]> texts = new HashMap<>();

    @Override
    public void append(ColumnReader reader, CsvLine line) {
      int day = reader.getInteger();
      byte[] text = texts.get(day);
      if (text == null) {
        text = LocalDate.ofEpochDay(day).toString().getBytes(StandardCharsets.US_ASCII);
        if (texts.size() < CACHED) {
          texts.put(day, text);
        }
      }
      line.append(text);
    }
  }

  /** Decimals as {@code CaseParquet.decimal} writes them, each value's text made once. */
  private static final class Decimals implements Cell {
    private final boolean single;
    private final Map<Long, byte[]> texts = new HashMap<>();

    Decimals(boolean single) {
      this.single = single;
    }

    @Override
    public void append(ColumnReader reader, CsvLine line) {
      double v = single ? reader.getFloat() : reader.getDouble();
      long key = Double.doubleToRawLongBits(v);
      byte[] text = texts.get(key);
      if (text == null) {
        StringBuilder b = new StringBuilder();
        CaseParquet.decimal(b, v);
        text = b.toString().getBytes(StandardCharsets.US_ASCII);
        if (texts.size() < CACHED) {
          texts.put(key, text);
        }
      }
      line.append(text);
    }
  }

  /**
   * Text: printable ASCII with no comma or quote copied as it is; anything else as {@code
   * CaseParquet.quoted} writes the value's UTF-8 reading.
   */
  private static void appendText(ColumnReader reader, CsvLine line) {
    Binary value = reader.getBinary();
    byte[] b = value.getBytesUnsafe();
    int length = value.length();
    for (int i = 0; i < length; i++) {
      byte c = b[i];
      if (c < 0x20 || c > 0x7E || c == ',' || c == '"') {
        StringBuilder quoted = new StringBuilder();
        CaseParquet.quoted(quoted, value.toStringUsingUTF8());
        line.append(quoted.toString().getBytes(StandardCharsets.UTF_8));
        return;
      }
    }
    line.append(b, 0, length);
  }
}
