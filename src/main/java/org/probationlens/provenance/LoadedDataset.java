package org.probationlens.provenance;

import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * A validated dataset and where it came from: the table every analysis reads, and the provenance
 * every output built on it must show.
 *
 * @param table the rows, with the schema's columns and types, not null
 * @param provenance its source, kind and file hash, not null
 */
public record LoadedDataset(Table table, Provenance provenance) {

  /** Requires both parts. */
  public LoadedDataset {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(provenance, "provenance");
  }

  /**
   * The provenance as one printable line; see {@link Provenance#oneLine()}.
   *
   * @return the line, not null
   */
  public String provenanceLine() {
    return provenance.oneLine();
  }

  /** Returns the table's name and size, then the provenance line. */
  @Override
  public String toString() {
    return table.name()
        + ": "
        + table.rowCount()
        + " rows x "
        + table.columnCount()
        + " columns. "
        + provenance.oneLine();
  }
}
