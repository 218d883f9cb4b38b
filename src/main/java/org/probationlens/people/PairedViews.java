package org.probationlens.people;

import java.util.Objects;
import org.probationlens.data.Provenance;
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

  /**
   * Reads a user's own paired judgements from a CSV file with the header {@code
   * case_id,user_view,inspector_rating} (ratings in HMI Probation's words), for example real case
   * assessments matched to the same people's survey answers.
   *
   * @param file the CSV file, not null
   * @param provenance what the file is, as the caller states it (for real case records {@link
   *     Provenance#officialSensitive}), not null
   * @return the pairs, not null
   * @throws IllegalArgumentException naming the file, line, column and value of the first bad cell,
   *     or the header found and the one expected
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public static PairedViews load(java.nio.file.Path file, Provenance provenance) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(provenance, "provenance");
    Table t;
    try {
      t =
          Table.read()
              .usingOptions(
                  tech.tablesaw.io.csv.CsvReadOptions.builder(file.toFile())
                      .tableName(file.toString())
                      .columnTypes(c -> tech.tablesaw.api.ColumnType.STRING));
    } catch (RuntimeException e) {
      throw new java.io.UncheckedIOException(
          new java.io.IOException("cannot read " + file + ": " + e.getMessage(), e));
    }
    java.util.List<String> header = java.util.List.of("case_id", "user_view", "inspector_rating");
    if (!t.columnNames().equals(header)) {
      throw new IllegalArgumentException(
          file + " line 1: header is " + t.columnNames() + "; expected " + header);
    }
    for (int i = 0; i < t.rowCount(); i++) {
      for (String c : new String[] {"user_view", "inspector_rating"}) {
        String v = t.stringColumn(c).get(i);
        try {
          CaseRating.ofLabel(v);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              file + " line " + (i + 2) + ", column " + c + ": " + e.getMessage(), e);
        }
      }
    }
    return new PairedViews(t, provenance);
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
