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
