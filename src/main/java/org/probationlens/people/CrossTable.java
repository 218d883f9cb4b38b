package org.probationlens.people;

import java.util.List;
import java.util.Objects;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.Table;

/**
 * A cross-tabulation of paired judgements (rows one rater, columns the other) with the sources of
 * the cases counted, so that it is never shown without saying whether the cases are real.
 *
 * @param title what is tabulated, not blank
 * @param counts the table, not null (copied)
 * @param notes caveats, not null
 * @param sources where the cases came from, not null
 */
public record CrossTable(String title, Table counts, List<String> notes, Sources sources)
    implements Result {

  /** Validates and copies. */
  public CrossTable {
    Objects.requireNonNull(title, "title");
    counts = Objects.requireNonNull(counts, "counts").copy();
    notes = List.copyOf(notes);
    Objects.requireNonNull(sources, "sources");
  }

  @Override
  public Table table() {
    return counts.copy();
  }

  @Override
  public Table counts() {
    return counts.copy();
  }
}
