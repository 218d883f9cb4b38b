package org.probationlens.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.probationlens.data.LoadedDataset;
import org.probationlens.data.Provenance;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * One of the published tables in {@code data/reference} (shipped in the jar), read from the class
 * path with every column as text and its provenance attached: published figures, each row with its
 * own source and tag ({@code found}, {@code secondary}, {@code derived}, {@code uncertain}; see
 * {@code data/reference/SOURCES.md}), and the SHA-256 of the bytes read.
 */
public final class ReferenceTable {

  /** The terms of the figures in {@code data/reference}. */
  public static final String LICENCE =
      "published figures quoted with their citations (Open Government Licence v3.0 for HMIP, NAO,"
          + " Parliament and MoJ; other publishers as cited)";

  private ReferenceTable() {}

  /**
   * Reads a reference table and checks its header.
   *
   * @param file the file name in {@code data/reference}, e.g. {@code staff_surveys.csv}
   * @param title what the table is, e.g. "Staff surveys and inspection findings on workload"
   * @param header the columns expected, in order
   * @return the table (all columns text, empty cells as "") and its provenance, not null
   * @throws IllegalStateException naming the file when it is missing or its header differs
   */
  public static LoadedDataset read(String file, String title, List<String> header) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(header, "header");
    String resource = "/data/reference/" + file;
    byte[] bytes;
    try (InputStream in = ReferenceTable.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("class-path resource " + resource + " is missing");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    Table t =
        Table.read()
            .usingOptions(
                CsvReadOptions.builder(new java.io.ByteArrayInputStream(bytes))
                    .tableName(file)
                    .columnTypes(c -> ColumnType.STRING)
                    .missingValueIndicator());
    if (!t.columnNames().equals(header)) {
      throw new IllegalStateException(
          "data/reference/"
              + file
              + " line 1: header is "
              + t.columnNames()
              + "; expected "
              + header);
    }
    Provenance p =
        Provenance.published(
            title,
            "data/reference/"
                + file
                + " (each row cites its publisher and carries a found/secondary/derived/uncertain"
                + " tag; see SOURCES.md)",
            null,
            LICENCE,
            sha256(bytes));
    return new LoadedDataset(t, p);
  }

  /**
   * The SHA-256 of some bytes, as 64 lower-case hex digits.
   *
   * @param bytes the bytes, not null
   * @return the digest, not null
   */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * A cell as a number, or a located error.
   *
   * @param t a table read by {@link #read}
   * @param column the column
   * @param row the 0-based row
   * @return the number
   * @throws IllegalStateException naming file, line, column and value when it is not a number
   */
  public static double number(Table t, String column, int row) {
    String v = t.stringColumn(column).get(row);
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          "data/reference/"
              + t.name()
              + " line "
              + (row + 2)
              + ", column "
              + column
              + ": '"
              + v
              + "'; expected a number",
          e);
    }
  }
}
