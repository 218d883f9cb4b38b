package org.probationlens.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.probationlens.data.DataFirstFiles;
import org.probationlens.read.Manifest;

/**
 * The MoJ's Data First probation Parquet parts read by Spark into the project's case table, for an
 * extract that outgrows one machine. Spark reads the parts itself ({@code
 * moj_probation_flatfile_NN} and {@code moj_probation_rqmnts_NN}, with or without {@code
 * .parquet}), turns the columns the rules use into text, and hash-partitions the rows of both files
 * by {@code event_id_hash}, so that every event's flat-file rows and requirements meet in one
 * partition; each partition is then mapped on its executor by the core library's own rules ({@link
 * DataFirstFiles#mapBatch}). So the cases Spark gives are the ones {@link DataFirstFiles} gives for
 * the same files, and a problem fails the job with the library's message, located by part and row
 * (Spark's {@code _metadata.row_index}, counted from 1).
 *
 * <p>{@link #read} runs the job at once and keeps its result (persisted), so that the counts the
 * library's notes are made from (rows read, duplicates collapsed, events excluded by reason and
 * value, requirement categories read past) are summed over the partitions exactly once and given
 * with the cases. The lookup ({@value DataFirstFiles#LOOKUP}, small) is read on the driver and
 * shipped to each task; its source must be stated in the directory's {@code MANIFEST}, as for the
 * core reader. The files' SHA-256s are not computed here (the core reader's provenance does that).
 */
public final class SparkDataFirst {
  private SparkDataFirst() {}

  /**
   * The cases and the notes of reading them.
   *
   * @param cases the cases, with {@link SparkCases#SCHEMA}, persisted; unpersist when done
   * @param notes the notes {@link DataFirstFiles#notes} makes from the counts of every partition
   */
  public record Result(Dataset<Row> cases, List<String> notes) {}

  /**
   * Reads and maps a directory of Data First Parquet parts.
   *
   * @param spark the session, not null
   * @param dir a directory every executor can read, holding the parts, {@value
   *     DataFirstFiles#LOOKUP} and a {@code MANIFEST} stating the lookup's source; not null
   * @param partitions how many partitions to map the events in, at least 1
   * @return the cases and the notes
   * @throws IllegalArgumentException when parts, the lookup or its source are missing; files the
   *     library refuses fail the job (Spark's exception, carrying the library's message)
   */
  public static Result read(SparkSession spark, Path dir, int partitions) {
    Objects.requireNonNull(spark, "spark");
    Objects.requireNonNull(dir, "dir");
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
    }
    List<String> flatParts = parts(dir, DataFirstFiles.FLAT_FILE_PART);
    List<String> rqParts = parts(dir, DataFirstFiles.RQMNTS_PART);
    if (flatParts.isEmpty() || rqParts.isEmpty()) {
      throw new IllegalArgumentException(
          dir
              + ": expected the Parquet parts moj_probation_flatfile_01 ... and"
              + " moj_probation_rqmnts_01 ...; found "
              + flatParts.size()
              + " flat-file and "
              + rqParts.size()
              + " requirements part(s)");
    }
    Path manifest = dir.resolve(Manifest.FILE_NAME);
    if (!Files.isRegularFile(manifest)
        || Manifest.read(manifest).value(DataFirstFiles.LOOKUP_SOURCE_KEY).isEmpty()) {
      throw new IllegalArgumentException(
          dir
              + ": the source of "
              + DataFirstFiles.LOOKUP
              + " is not stated; write a line "
              + DataFirstFiles.LOOKUP_SOURCE_KEY
              + "=... in "
              + manifest);
    }
    HashMap<String, String> lookup = new HashMap<>(DataFirstFiles.lookup(dir));

    Dataset<Row> flat = spark.read().parquet(flatParts.toArray(String[]::new));
    Dataset<Row> rq = spark.read().parquet(rqParts.toArray(String[]::new));
    List<String> flatColumns =
        present(flat, DataFirstFiles.FLAT_FILE_COLUMNS, DataFirstFiles.CUSTODIAL_STATUS);
    List<String> rqColumns =
        present(rq, DataFirstFiles.RQMNTS_COLUMNS, DataFirstFiles.RQMNT_SUB_CATEGORY);
    Dataset<Row> rows = tagged(flat, "F", flatColumns).unionByName(tagged(rq, "R", rqColumns));
    boolean javaTime =
        Boolean.parseBoolean(spark.conf().get("spark.sql.datetime.java8API.enabled", "false"));
    JavaRDD<Row> mapped =
        rows.repartition(partitions, col("hash"))
            .javaRDD()
            .mapPartitions(new MapEvents(flatColumns, rqColumns, lookup, javaTime))
            .persist(StorageLevel.MEMORY_AND_DISK());
    int width = SparkCases.SCHEMA.size();
    Map<String, Long> counts = new TreeMap<>();
    for (Row r : mapped.filter(r -> r.size() == 2).collect()) {
      counts.merge(r.getString(0), r.getLong(1), Long::sum);
    }
    Dataset<Row> cases =
        spark.createDataFrame(mapped.filter(r -> r.size() == width), SparkCases.SCHEMA);
    return new Result(cases, DataFirstFiles.notes(counts));
  }

  /** The parts of one file in the directory, sorted by name, as absolute paths. */
  private static List<String> parts(Path dir, Pattern pattern) {
    try (Stream<Path> listing = Files.list(dir)) {
      return listing
          .filter(p -> pattern.matcher(p.getFileName().toString()).matches())
          .map(p -> p.toAbsolutePath().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The columns the rules use that the parts have, in the rules' order, then the optional one when
   * present; a missing one is left out, so the library names it.
   */
  private static List<String> present(Dataset<Row> parts, List<String> needed, String optional) {
    Set<String> have = Set.of(parts.columns());
    List<String> columns = new ArrayList<>();
    for (String name : needed) {
      if (have.contains(name)) {
        columns.add(name);
      }
    }
    if (have.contains(optional)) {
      columns.add(optional);
    }
    return columns;
  }

  /** One file's rows as (kind, part, row from 1, hash, cells as text). */
  private static Dataset<Row> tagged(Dataset<Row> parts, String kind, List<String> columns) {
    Column[] cells = new Column[columns.size()];
    for (int c = 0; c < cells.length; c++) {
      cells[c] = col(columns.get(c)).cast("string");
    }
    Column hash =
        columns.contains("event_id_hash") ? col("event_id_hash").cast("string") : lit(null);
    return parts.select(
        lit(kind).as("kind"),
        col("_metadata.file_path").as("file"),
        col("_metadata.row_index").plus(1).as("row"),
        hash.as("hash"),
        array(cells).as("cells"));
  }

  /** Runs on an executor: one partition of events through the library's rules. */
  private record MapEvents(
      List<String> flatColumns,
      List<String> rqColumns,
      HashMap<String, String> lookup,
      boolean javaTime)
      implements FlatMapFunction<Iterator<Row>, Row> {

    MapEvents {
      flatColumns = new ArrayList<>(flatColumns);
      rqColumns = new ArrayList<>(rqColumns);
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      List<DataFirstFiles.Cells> flat = new ArrayList<>();
      List<DataFirstFiles.Cells> rq = new ArrayList<>();
      while (rows.hasNext()) {
        Row r = rows.next();
        List<String> cells = r.getList(4);
        String file = r.getString(1);
        if (file.startsWith("file:")) {
          file = java.net.URI.create(file).getPath();
        }
        DataFirstFiles.Cells c =
            new DataFirstFiles.Cells(file, r.getLong(2), cells.toArray(String[]::new));
        (r.getString(0).equals("F") ? flat : rq).add(c);
      }
      if (flat.isEmpty() && rq.isEmpty()) {
        return java.util.Collections.emptyIterator();
      }
      DataFirstFiles.Batch batch =
          DataFirstFiles.mapBatch(flatColumns, flat, rqColumns, rq, lookup);
      List<Row> out = new ArrayList<>(batch.table().rowCount() + batch.counts().size());
      SparkCases.rows(batch.table(), javaTime).forEachRemaining(out::add);
      for (Map.Entry<String, Long> e : new LinkedHashMap<>(batch.counts()).entrySet()) {
        out.add(RowFactory.create(e.getKey(), e.getValue()));
      }
      return out.iterator();
    }
  }
}
