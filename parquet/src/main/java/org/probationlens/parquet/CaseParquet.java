package org.probationlens.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.probationlens.data.CaseRecords;
import org.probationlens.engine.CaseCsv;
import org.probationlens.engine.ColumnCells;
import org.probationlens.engine.ColumnTable;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;

/**
 * The case table ({@code cases.csv}'s columns, one row per order or licence started) as Apache
 * Parquet, so that cases move between the kernel, DuckDB and Spark without CSV: {@link #write}
 * writes a {@link ColumnTable} from {@link CaseCsv#read} (or any with the contract's columns), and
 * {@link #read} reads a Parquet file, ours or one that DuckDB or Spark wrote, and validates it.
 *
 * <p>Validation is the CSV contract's, by construction: {@link #read} turns every row into the line
 * the contract's CSV would hold (dates as {@code yyyy-MM-dd}, flags as {@code true}/{@code false},
 * a null as an empty cell, the file's own column names as the header) and hands that text to {@link
 * CaseCsv#read}, whose verdicts are those of {@link CaseRecords#schema()}. So a Parquet file is
 * accepted exactly when the same cases as CSV would be, and refused with the same problems: a
 * {@link DatasetValidationException} whose lines count as the CSV's (the header is line 1, so the
 * file's row r, counted from 1, is line r + 1), naming the Parquet file and that rule. Any Parquet
 * column type is taken and turned into text (a date stored as text is checked as text), so a type
 * is never the reason for a refusal that the CSV path would not give. The price is a pass over the
 * text: reading 10 million cases takes a few seconds more than reading the CSV directly.
 *
 * <p>The file is written with Parquet's column types (strings with dictionary encoding, {@code
 * DATE}, {@code INT32}, {@code BOOLEAN}, {@code DOUBLE}) and Snappy compression, the defaults
 * DuckDB and Spark read without options. Reading and writing use the Apache Parquet library
 * (parquet-hadoop, with the few Hadoop classes it needs and nothing of a Hadoop installation); no
 * part of the format is written by hand.
 */
public final class CaseParquet {
  private CaseParquet() {}

  /** Rows per row group when writing: about 64 MB of cases per group. */
  private static final int ROW_GROUP_BYTES = 64 << 20;

  /**
   * Writes cases as Parquet, replacing the file.
   *
   * @param cases the cases, with at least one column; every column is written, not null
   * @param file the file to write, not null
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(ColumnTable cases, Path file) {
    Objects.requireNonNull(cases, "cases");
    Objects.requireNonNull(file, "file");
    List<String> names = cases.columnNames();
    List<ColumnCells> cols = new ArrayList<>();
    Types.MessageTypeBuilder schema = Types.buildMessage();
    for (String name : names) {
      ColumnCells col = cases.cells(name);
      cols.add(col);
      schema.addField(typeOf(col));
    }
    MessageType type = schema.named(cases.name());
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withType(type)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withRowGroupSize((long) ROW_GROUP_BYTES)
            .withDictionaryEncoding(true)
            .build()) {
      SimpleGroupFactory groups = new SimpleGroupFactory(type);
      for (int r = 0; r < cases.rowCount(); r++) {
        Group g = groups.newGroup();
        for (int c = 0; c < cols.size(); c++) {
          append(g, c, cols.get(c), r);
        }
        writer.write(g);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static Type typeOf(ColumnCells col) {
    return switch (col.type()) {
      case DATE ->
          Types.required(PrimitiveTypeName.INT32)
              .as(LogicalTypeAnnotation.dateType())
              .named(col.name());
      case WHOLE_NUMBER -> Types.required(PrimitiveTypeName.INT32).named(col.name());
      case DECIMAL -> Types.required(PrimitiveTypeName.DOUBLE).named(col.name());
      case FLAG -> Types.required(PrimitiveTypeName.BOOLEAN).named(col.name());
      case CATEGORY, TEXT ->
          Types.required(PrimitiveTypeName.BINARY)
              .as(LogicalTypeAnnotation.stringType())
              .named(col.name());
    };
  }

  private static void append(Group g, int field, ColumnCells col, int row) {
    switch (col.type()) {
      case DATE -> g.add(field, col.epochDay(row));
      case WHOLE_NUMBER -> g.add(field, col.wholeNumber(row));
      case DECIMAL -> g.add(field, col.decimal(row));
      case FLAG -> g.add(field, col.flag(row));
      case CATEGORY, TEXT -> g.add(field, col.text(row));
    }
  }

  /**
   * Reads and validates a Parquet file of cases on all available processors.
   *
   * @param file the file, not null
   * @return the cases, as {@link CaseCsv#read} gives them for the same cases as CSV
   * @throws DatasetValidationException if the cases are not a valid case dataset, with every
   *     problem located as described above
   * @throws UncheckedIOException if the file cannot be read, or is not Parquet
   */
  public static ColumnTable read(Path file) {
    Objects.requireNonNull(file, "file");
    Path text = null;
    try {
      text = Files.createTempFile("lens-cases-", ".csv");
      toCsv(file, text);
      return CaseCsv.read(text);
    } catch (DatasetValidationException e) {
      throw namingParquet(e, text, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " as Parquet: " + e.getMessage(), e);
    } finally {
      if (text != null) {
        try {
          Files.deleteIfExists(text);
        } catch (IOException ignored) {
          // a temporary file left behind is no reason to lose the answer
        }
      }
    }
  }

  /**
   * The same problems, named by the Parquet file the user gave instead of the temporary CSV text
   * (deleted by the time the message is read), with the rule that turns a line into a row.
   */
  private static DatasetValidationException namingParquet(
      DatasetValidationException e, Path text, Path parquet) {
    String name = parquet + " (checked as CSV text: its row r, counted from 1, is line r + 1)";
    String temporary = text.toString();
    List<Problem> problems = new ArrayList<>();
    for (Problem p : e.problems()) {
      problems.add(
          new Problem(
              p.file().equals(temporary) ? name : p.file(),
              p.line(),
              p.column(),
              p.columnNumber(),
              p.value(),
              p.expected()));
    }
    DatasetValidationException named = new DatasetValidationException(name, problems, e.unlisted());
    named.initCause(e);
    return named;
  }

  /**
   * Writes the cases of a Parquet file as the contract's CSV text: the file's columns in its order
   * as the header, one line per row, LF line ends, a cell quoted only when it must be.
   */
  static void toCsv(Path parquet, Path csv) throws IOException {
    requireParquet(parquet);
    try (ParquetFileReader reader =
            ParquetFileReader.open(
                new LocalInputFile(parquet),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build());
        java.io.OutputStream out =
            new java.io.BufferedOutputStream(Files.newOutputStream(csv), 1 << 20)) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      List<ColumnDescriptor> columns = schema.getColumns();
      StringBuilder header = new StringBuilder();
      for (int c = 0; c < columns.size(); c++) {
        ColumnDescriptor d = columns.get(c);
        if (d.getPath().length != 1 || d.getMaxRepetitionLevel() != 0) {
          throw new IOException(
              "column "
                  + String.join(".", d.getPath())
                  + " is nested or repeated; the case table has flat columns only");
        }
        header.append(c == 0 ? "" : ",").append(d.getPath()[0]);
      }
      out.write(header.append('\n').toString().getBytes(StandardCharsets.UTF_8));
      String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
      CsvLine line = new CsvLine();
      CsvLine.Cell[] cells = new CsvLine.Cell[columns.size()];
      for (int c = 0; c < cells.length; c++) {
        cells[c] = CsvLine.cellFor(columns.get(c));
      }
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        ColumnReadStoreImpl store =
            new ColumnReadStoreImpl(
                pages, new GroupRecordConverter(schema).getRootConverter(), schema, createdBy);
        ColumnReader[] readers = new ColumnReader[columns.size()];
        for (int c = 0; c < readers.length; c++) {
          readers[c] = store.getColumnReader(columns.get(c));
        }
        for (long r = 0; r < pages.getRowCount(); r++) {
          line.clear();
          for (int c = 0; c < readers.length; c++) {
            if (c > 0) {
              line.append((byte) ',');
            }
            if (readers[c].getCurrentDefinitionLevel() == columns.get(c).getMaxDefinitionLevel()) {
              cells[c].append(readers[c], line);
            }
            readers[c].consume();
          }
          line.append((byte) '\n');
          out.write(line.bytes(), 0, line.size());
        }
      }
    }
  }

  /** Refuses, naming the file, one that does not begin and end with Parquet's magic bytes. */
  static void requireParquet(Path file) throws IOException {
    byte[] magic = "PAR1".getBytes(StandardCharsets.US_ASCII);
    try (java.nio.channels.SeekableByteChannel in = Files.newByteChannel(file)) {
      long size = in.size();
      java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(4);
      java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(4);
      if (size >= 12) {
        in.read(head);
        in.position(size - 4).read(tail);
      }
      if (size < 12
          || !java.util.Arrays.equals(head.array(), magic)
          || !java.util.Arrays.equals(tail.array(), magic)) {
        throw new IOException(
            "not a Parquet file (expected the bytes PAR1 at its start and end; "
                + size
                + " bytes)");
      }
    }
  }

  /**
   * One cell's value as the contract's CSV writes it, unquoted: null for a null; a {@code DATE} as
   * {@code yyyy-MM-dd}; whole numbers and flags as Java prints them; decimals in plain notation;
   * text as UTF-8. Shared with {@link DataFirstParquet}.
   */
  static String text(ColumnReader reader, ColumnDescriptor column) {
    if (reader.getCurrentDefinitionLevel() < column.getMaxDefinitionLevel()) {
      return null;
    }
    PrimitiveType type = column.getPrimitiveType();
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    StringBuilder line = new StringBuilder();
    switch (type.getPrimitiveTypeName()) {
      case INT32 -> {
        int v = reader.getInteger();
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
          line.append(LocalDate.ofEpochDay(v));
        } else {
          line.append(v);
        }
      }
      case INT64 -> line.append(reader.getLong());
      case BOOLEAN -> line.append(reader.getBoolean());
      case DOUBLE -> decimal(line, reader.getDouble());
      case FLOAT -> decimal(line, reader.getFloat());
      case BINARY, FIXED_LEN_BYTE_ARRAY -> line.append(reader.getBinary().toStringUsingUTF8());
      default ->
          throw new IllegalArgumentException(
              "column "
                  + column.getPath()[0]
                  + " has Parquet type "
                  + type
                  + "; the case table holds text, dates, whole numbers, decimals and flags");
    }
    return line.toString();
  }

  /** A decimal in plain notation: the shortest text that reads back as the same double. */
  static void decimal(StringBuilder line, double v) {
    if (Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e15) {
      line.append((long) v).append(".0");
    } else if (Double.isFinite(v)) {
      line.append(new java.math.BigDecimal(Double.toString(v)).toPlainString());
    } else {
      line.append(v);
    }
  }

  static void quoted(StringBuilder line, String value) {
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char ch = value.charAt(i);
      quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
    }
    if (!quote) {
      line.append(value);
      return;
    }
    line.append('"').append(value.replace("\"", "\"\"")).append('"');
  }
}
