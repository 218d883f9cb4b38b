package org.probationlens.people;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.ColumnSpec;
import org.probationlens.read.DatasetLoader;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import org.probationlens.read.Schema;
import tech.tablesaw.api.Table;

/**
 * Paired judgements of the same cases: for each case, the service user's view of their supervision
 * and the inspector's rating of it, both on the four {@link CaseRating} points.
 *
 * @param cases columns case_id, user_view, inspector_rating (ratings in HMI Probation's words)
 * @param provenance where the pairs came from (synthetic from {@link SyntheticPairedViews}, or a
 *     user's own records)
 */
public record PairedViews(Table cases, Provenance provenance) {

  /** Checks the columns and every rating, naming the row and value of a bad one. */
  public PairedViews {
    Objects.requireNonNull(cases, "cases");
    Objects.requireNonNull(provenance, "provenance");
    for (String c : new String[] {"case_id", "user_view", "inspector_rating"}) {
      if (!cases.containsColumn(c)) {
        throw new IllegalArgumentException(
            cases.name() + ": no column '" + c + "'; columns are " + cases.columnNames());
      }
    }
    if (cases.isEmpty()) {
      throw new IllegalArgumentException(cases.name() + " has no cases");
    }
    for (int i = 0; i < cases.rowCount(); i++) {
      for (String c : new String[] {"user_view", "inspector_rating"}) {
        String v = cases.stringColumn(c).get(i);
        try {
          CaseRating.ofLabel(v);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              cases.name() + " row " + (i + 1) + ", column " + c + ": " + e.getMessage(), e);
        }
      }
    }
    cases = cases.copy();
  }

  /** The ratings in HMI Probation's words, worst first: the vocabulary of both rating columns. */
  private static final List<String> LABELS =
      Arrays.stream(CaseRating.values()).map(CaseRating::label).toList();

  /**
   * The layout of a paired-judgements file: {@code case_id} (required, one row per case), {@code
   * user_view} and {@code inspector_rating}, each one of {@link CaseRating}'s labels exactly.
   */
  public static final Schema SCHEMA =
      Schema.builder("paired_views")
          .columns(
              ColumnSpec.text("case_id"),
              ColumnSpec.code("user_view", LABELS),
              ColumnSpec.code("inspector_rating", LABELS))
          .primaryKey("case_id")
          .build();

  /**
   * Reads a user's own paired judgements from a CSV file with the header {@code
   * case_id,user_view,inspector_rating} (ratings in HMI Probation's words), for example real case
   * assessments matched to the same people's survey answers. Read through {@link DatasetLoader}
   * against {@link #SCHEMA}: every problem is listed, and a bad file loads nothing.
   *
   * @param file the CSV file, not null
   * @param provenance what the file is, as the caller states it (for real case records {@link
   *     Provenance#officialSensitive}), not null
   * @return the pairs, not null
   * @throws DatasetValidationException naming the file, line, column, value and what was expected
   *     for every bad cell, a header that differs, a repeated case or a file with no cases
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public static PairedViews load(Path file, Provenance provenance) {
    Objects.requireNonNull(provenance, "provenance");
    return load(file, sha -> provenance);
  }

  /**
   * Reads a user's own paired judgements as {@link #load(Path, Provenance)} does, with a provenance
   * made from the SHA-256 of the exact bytes read, for example {@code sha ->
   * Provenance.officialSensitive(title, source, licence, sha)}.
   *
   * @param file the CSV file, not null
   * @param provenance makes the provenance from the file's SHA-256, not null
   * @return the pairs, not null
   * @throws DatasetValidationException naming the file, line, column, value and what was expected
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public static PairedViews load(Path file, Function<String, Provenance> provenance) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(provenance, "provenance");
    LoadedDataset d = DatasetLoader.of(SCHEMA).load(file, provenance);
    Table t = d.table();
    if (t.isEmpty()) {
      throw new DatasetValidationException(
          file.toString(),
          List.of(
              new Problem(
                  file.toString(),
                  2,
                  null,
                  0,
                  "the end of the file",
                  "at least one case after the header")),
          0);
    }
    t.setName(file.toString());
    return new PairedViews(t, d.provenance());
  }

  @Override
  public Table cases() {
    return cases.copy();
  }

  /**
   * The cross-tabulation: rows the user's view, columns the inspector's rating, in {@link
   * CaseRating} order.
   *
   * @return a fresh 4 x 4 array of counts
   */
  public long[][] counts() {
    int k = CaseRating.values().length;
    long[][] t = new long[k][k];
    for (int i = 0; i < cases.rowCount(); i++) {
      t[CaseRating.ofLabel(cases.stringColumn("user_view").get(i)).ordinal()][
              CaseRating.ofLabel(cases.stringColumn("inspector_rating").get(i)).ordinal()] +=
          1;
    }
    return t;
  }
}
