package org.probationlens.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.probationlens.data.DataFirstFiles;
import org.probationlens.data.synthetic.SyntheticDataFirst;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.DatasetValidationException;

/**
 * The MoJ's Data First probation files as the MoJ delivers them, Parquet parts ({@code
 * moj_probation_flatfile_01.parquet} ..., {@code moj_probation_rqmnts_01.parquet} ...; the ending
 * {@code .parquet} may be absent, as in the names a Data First fellow's code reads), read into the
 * project's case table by {@link DataFirstFiles}'s own rules: this class only turns each Parquet
 * row into text cells (dates as {@code yyyy-MM-dd}, whole numbers stored as doubles as {@code
 * 12.0}, which the rules accept, a null as an empty cell) and hands them over as a {@link
 * DataFirstFiles.PartReader}. So a Parquet directory is read exactly as the same rows in CSV would
 * be, and problems are located by the part and its 1-based row.
 *
 * <p>With this module on the class path {@link DataFirstFiles#load(Path, Provenance.Kind)} finds
 * this reader itself (a {@link java.util.ServiceLoader} entry), so a directory of parts and one of
 * CSV files load through the same call.
 */
public final class DataFirstParquet implements DataFirstFiles.PartReader {

  /** The columns written as Parquet {@code DATE}; the others are text or whole numbers. */
  private static final Set<String> DATES =
      Set.of("referral_date", "disposal_date", "disposal_termination_date", "rqmnt_start_date");

  private static final Set<String> WHOLE_NUMBERS = Set.of("length", "length_in_days");

  /** For {@link java.util.ServiceLoader}; use the static methods. */
  public DataFirstParquet() {}

  /**
   * Loads a directory of Data First Parquet parts (or CSV files) whose provenance the caller
   * states; see {@link DataFirstFiles#load(Path, Provenance.Kind)}.
   *
   * @param dir the directory, not null
   * @param stated OFFICIAL_SENSITIVE or SYNTHETIC, not null
   * @return the cases in the case table's layout, with their provenance and notes
   * @throws DatasetValidationException listing every problem, located by part and row
   * @throws IllegalArgumentException when a file is missing, naming what to supply
   */
  public static LoadedDataset load(Path dir, Provenance.Kind stated) {
    return DataFirstFiles.load(
        dir, Objects.requireNonNull(stated, "stated"), new DataFirstParquet());
  }

  /**
   * Loads a directory whose {@code MANIFEST} says what the files are; see {@link
   * DataFirstFiles#load(Path)}.
   *
   * @param dir the directory, not null
   * @return the cases in the case table's layout, with their provenance and notes
   * @throws DatasetValidationException listing every problem, located by part and row
   * @throws IllegalArgumentException when a file is missing, naming what to supply
   */
  public static LoadedDataset load(Path dir) {
    return DataFirstFiles.load(dir, null, new DataFirstParquet());
  }

  @Override
  public void read(Path file, DataFirstFiles.RowSink sink) throws IOException {
    CaseParquet.requireParquet(file);
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            new LocalInputFile(file),
            ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      List<ColumnDescriptor> columns = schema.getColumns();
      List<String> names = new ArrayList<>();
      for (ColumnDescriptor d : columns) {
        if (d.getPath().length != 1 || d.getMaxRepetitionLevel() != 0) {
          throw new IOException(
              "column "
                  + String.join(".", d.getPath())
                  + " is nested or repeated; the Data First files have flat columns only");
        }
        names.add(d.getPath()[0]);
      }
      sink.header(names);
      String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
      long row = 0;
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
          String[] cells = new String[readers.length];
          for (int c = 0; c < readers.length; c++) {
            cells[c] = CaseParquet.text(readers[c], columns.get(c));
            readers[c].consume();
          }
          sink.row(++row, cells);
        }
      }
    }
  }

  /**
   * Writes the cases of a generator run ({@code cases.csv} and its {@code MANIFEST}) as Data First
   * Parquet parts: {@code parts} flat-file parts and as many requirements parts (part {@code k}
   * holds the requirements of the events of flat-file part {@code k}), the synthetic LSOA lookup
   * and a {@code MANIFEST} saying all of it is synthetic, with the rows of {@link
   * SyntheticDataFirst#rows}. Dates are written as Parquet {@code DATE}, {@code length} and {@code
   * length_in_days} as {@code INT32}, the rest as strings; Snappy compression.
   *
   * @param generated the generator's directory, not null
   * @param out where to write (not the generator's directory), not null
   * @param parts how many parts of each file, 1 to 99
   * @throws UncheckedIOException when a file cannot be read or written
   */
  public static void write(Path generated, Path out, int parts) {
    if (parts < 1 || parts > 99) {
      throw new IllegalArgumentException("parts must be 1 to 99, was " + parts);
    }
    try {
      SyntheticDataFirst.Run run = SyntheticDataFirst.Run.of(generated, out);
      MessageType flatType = type("moj_probation_flatfile", SyntheticDataFirst.FLAT_FILE_HEADER);
      MessageType rqType = type("moj_probation_rqmnts", SyntheticDataFirst.RQMNTS_HEADER);
      List<Path> written = new ArrayList<>();
      int n = run.cases().rowCount();
      for (int k = 0; k < parts; k++) {
        String number = String.format("%02d", k + 1);
        Path flat = out.resolve("moj_probation_flatfile_" + number + ".parquet");
        Path rq = out.resolve("moj_probation_rqmnts_" + number + ".parquet");
        try (ParquetWriter<Group> f = writer(flat, flatType);
            ParquetWriter<Group> q = writer(rq, rqType)) {
          SimpleGroupFactory flatGroups = new SimpleGroupFactory(flatType);
          SimpleGroupFactory rqGroups = new SimpleGroupFactory(rqType);
          SyntheticDataFirst.rows(
              run.cases(),
              (int) ((long) n * k / parts),
              (int) ((long) n * (k + 1) / parts),
              new SyntheticDataFirst.Sink() {
                @Override
                public void flatRow(String[] cells) throws IOException {
                  f.write(group(flatGroups, SyntheticDataFirst.FLAT_FILE_HEADER, cells));
                }

                @Override
                public void rqmntRow(String[] cells) throws IOException {
                  q.write(group(rqGroups, SyntheticDataFirst.RQMNTS_HEADER, cells));
                }
              });
        }
        written.add(flat);
        written.add(rq);
      }
      written.add(SyntheticDataFirst.writeLookup(out));
      SyntheticDataFirst.writeManifest(out, run.seed(), run.version(), n, written);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write Data First parts to " + out, e);
    }
  }

  private static MessageType type(String name, List<String> columns) {
    Types.MessageTypeBuilder schema = Types.buildMessage();
    for (String column : columns) {
      if (DATES.contains(column)) {
        schema.addField(
            Types.optional(PrimitiveTypeName.INT32)
                .as(LogicalTypeAnnotation.dateType())
                .named(column));
      } else if (WHOLE_NUMBERS.contains(column)) {
        schema.addField(Types.optional(PrimitiveTypeName.INT32).named(column));
      } else {
        schema.addField(
            Types.optional(PrimitiveTypeName.BINARY)
                .as(LogicalTypeAnnotation.stringType())
                .named(column));
      }
    }
    return schema.named(name);
  }

  private static ParquetWriter<Group> writer(Path file, MessageType type) throws IOException {
    Files.deleteIfExists(file);
    return ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withConf(new PlainParquetConfiguration())
        .withType(type)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withDictionaryEncoding(true)
        .build();
  }

  private static Group group(SimpleGroupFactory groups, List<String> columns, String[] cells) {
    Group g = groups.newGroup();
    for (int c = 0; c < cells.length; c++) {
      String v = cells[c];
      if (v == null) {
        continue;
      }
      String column = columns.get(c);
      if (DATES.contains(column)) {
        g.add(c, (int) java.time.LocalDate.parse(v).toEpochDay());
      } else if (WHOLE_NUMBERS.contains(column)) {
        g.add(c, Integer.parseInt(v));
      } else {
        g.add(c, v);
      }
    }
    return g;
  }
}
