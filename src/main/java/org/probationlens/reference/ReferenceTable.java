package org.probationlens.reference;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.DatasetLoader;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Rule;
import org.probationlens.read.Schema;
import org.probationlens.read.Sha256;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * One of the published tables in {@code data/reference} (shipped in the jar), read from the class
 * path through {@link DatasetLoader} against its {@link Schema}, with its provenance attached:
 * published figures, each row with its own source and tag ({@code found}, {@code secondary}, {@code
 * derived}, {@code uncertain}; see {@code data/reference/SOURCES.md}), and the SHA-256 of the bytes
 * read.
 */
public final class ReferenceTable {

  /** The terms of the figures in {@code data/reference}. */
  public static final String LICENCE =
      "published figures quoted with their citations (Open Government Licence v3.0 for HMIP, NAO,"
          + " Parliament and MoJ; other publishers as cited)";

  private ReferenceTable() {}

  /**
   * The tags a reference row carries: {@code found} (in the publisher's own text), {@code
   * secondary} (reported by another), {@code derived} (put together from published figures) or
   * {@code uncertain}; see {@code data/reference/SOURCES.md}.
   */
  public static final List<String> TAGS = List.of("found", "secondary", "derived", "uncertain");

  /**
   * How a published value was stated, in the findings tables ({@code staff_surveys.csv}, {@code
   * caseloads.csv}, {@code victim_contact.csv}, {@code third_sector.csv}): a point figure, an
   * approximate one ("~700"), a lower bound ("more than half"), a range, a rating in words, a rule,
   * or a finding with no number.
   */
  public static final List<String> VALUE_KINDS =
      List.of("point", "approximate", "lower_bound", "range", "rating", "rule", "qualitative");

  /**
   * A rule that a column holds a date to the precision it was published at: a year ({@code 2014}),
   * a month ({@code 2018-05}) or a day ({@code 2018-04-17}), each one that exists.
   *
   * @param column the date column, not null
   * @return the rule, reported at that column
   */
  public static Rule publishedDate(String column) {
    return Rule.of(
        column,
        "a date as published: yyyy, yyyy-MM or yyyy-MM-dd",
        row -> isPublishedDate(row.text(column)));
  }

  private static boolean isPublishedDate(String text) {
    try {
      switch (text.length()) {
        case 4 -> Year.parse(text);
        case 7 -> YearMonth.parse(text);
        case 10 -> LocalDate.parse(text);
        default -> {
          return false;
        }
      }
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /**
   * Reads a reference table with every column as optional text, checking its header; for tables
   * whose reader checks each value's meaning itself. Prefer {@link #read(String, String, Schema)}.
   *
   * @param file the file name in {@code data/reference}, e.g. {@code staff_surveys.csv}
   * @param title what the table is, e.g. "Staff surveys and inspection findings on workload"
   * @param header the columns expected, in order
   * @return the table (all columns text, empty cells as "") and its provenance, not null
   * @throws DatasetValidationException naming file, line, column and value when the header differs
   *     or the file is not well-formed CSV
   * @throws IllegalArgumentException when the file is missing from the class path
   */
  public static LoadedDataset read(String file, String title, List<String> header) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(header, "header");
    return read(file, title, Schema.text(file, header));
  }

  /**
   * Reads a reference table shipped in the jar through the project's one CSV reader ({@link
   * DatasetLoader}), validated against its schema: types, codes, ranges, required columns.
   *
   * @param file the file name in {@code data/reference}, e.g. {@code staff_surveys.csv}
   * @param title what the table is, not null
   * @param schema the table's layout, not null
   * @return the table, named {@code file}, and its provenance (SHA-256 of the bytes read), not null
   * @throws DatasetValidationException naming file, line, column, value and what was expected
   * @throws IllegalArgumentException when the file is missing from the class path
   */
  public static LoadedDataset read(String file, String title, Schema schema) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(title, "title");
    LoadedDataset d =
        DatasetLoader.of(schema)
            .loadResource("data/reference/" + file, sha -> provenance(file, title, sha));
    d.table().setName(file);
    return d;
  }

  /**
   * Reads a user's copy of a reference table (for example one with later findings added), laid out
   * as the shipped one, validated against its schema.
   *
   * @param path the CSV file, not null
   * @param title what the table is, not null
   * @param schema the table's layout, not null
   * @return the table, named after the file, and its provenance (SHA-256 of the bytes read)
   * @throws DatasetValidationException naming file, line, column, value and what was expected
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public static LoadedDataset load(Path path, String title, Schema schema) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(title, "title");
    String file = path.getFileName().toString();
    LoadedDataset d = DatasetLoader.of(schema).load(path, sha -> provenance(file, title, sha));
    d.table().setName(file);
    return d;
  }

  private static Provenance provenance(String file, String title, String sha) {
    return Provenance.published(
        title,
        "data/reference/"
            + file
            + " (each row cites its publisher and carries a found/secondary/derived/uncertain"
            + " tag; see SOURCES.md)",
        null,
        LICENCE,
        sha);
  }

  /**
   * The SHA-256 of some bytes, as 64 lower-case hex digits: {@link Sha256#of(byte[])}, kept here
   * for the generators that quote it.
   *
   * @param bytes the bytes, not null
   * @return the digest, not null
   */
  public static String sha256(byte[] bytes) {
    return Sha256.of(bytes);
  }

  /**
   * A cell as a number, or a located error.
   *
   * @param t a table read by {@link #read}; a numeric column (typed by its schema) is read as it
   *     is, a text column is parsed
   * @param column the column
   * @param row the 0-based row
   * @return the number
   * @throws IllegalStateException naming file, line, column and value when it is not a number
   */
  public static double number(Table t, String column, int row) {
    if (t.column(column) instanceof NumericColumn<?> numbers) {
      if (numbers.isMissing(row)) {
        throw new IllegalStateException(
            "data/reference/"
                + t.name()
                + " row "
                + (row + 1)
                + ", column "
                + column
                + ": empty; expected a number");
      }
      return numbers.getDouble(row);
    }
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
