package org.probationlens.provenance;

import java.util.List;
import tech.tablesaw.api.Table;

/**
 * What an analysis returns: data, never HTML. A title that says what was computed, the figures as a
 * table, notes a reader needs (caveats, what is calibrated, what is missing from the published
 * record), and the {@link Sources} they came from. {@code org.probationlens.render} draws any
 * result with its sources beneath; nothing else builds HTML.
 *
 * <p>Implementations are immutable records with typed accessors for their figures; {@link #table()}
 * returns a fresh copy each call, so a caller cannot change the result.
 */
public interface Result {

  /**
   * What the result shows, in words, e.g. "Weighted shortfall against forecast by CPA, 2015-16".
   *
   * @return the title, not blank
   */
  String title();

  /**
   * The result's figures as a table, a copy the caller may change.
   *
   * @return the table, not null
   */
  Table table();

  /**
   * Notes a reader needs beside the figures, each a sentence; empty when there are none.
   *
   * @return the notes, not null
   */
  List<String> notes();

  /**
   * Where the figures came from.
   *
   * @return the sources, not null
   */
  Sources sources();

  /**
   * Which columns of {@link #table()} count people or cases, and which totals it shows, for
   * disclosure control when the result comes from case-level records. The default, {@link
   * CountColumns#undeclared()}, makes {@code render} treat every whole-number column as a count; a
   * result over case-level data should say exactly.
   *
   * @return the declaration, not null
   */
  default CountColumns countColumns() {
    return CountColumns.undeclared();
  }
}
