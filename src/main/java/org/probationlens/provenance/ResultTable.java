package org.probationlens.provenance;

import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * An analysis result that is one table: a breakdown (innovations by owner, reports by type, volumes
 * by year), its title, notes and {@link Sources}. The analyses whose figures a caller reads one by
 * one return richer records; this is for the tables that are read as tables. Immutable: the table
 * is copied in and {@link #table()} returns a fresh copy.
 *
 * @param title what the table shows, not blank
 * @param table the figures, not null (copied)
 * @param notes caveats a reader needs, not null
 * @param sources where the figures came from, not null
 * @param counts which columns count people and which totals the table shows, for disclosure control
 *     ({@link CountColumns#undeclared()} when not said), not null; each declared column must be in
 *     the table
 */
public record ResultTable(
    String title, Table table, List<String> notes, Sources sources, CountColumns counts)
    implements Result {

  /**
   * A result table whose counts are not declared.
   *
   * @param title what the table shows, not blank
   * @param table the figures, not null (copied)
   * @param notes caveats a reader needs, not null
   * @param sources where the figures came from, not null
   */
  public ResultTable(String title, Table table, List<String> notes, Sources sources) {
    this(title, table, notes, sources, CountColumns.undeclared());
  }

  /** Checks the parts and copies the table and notes. */
  public ResultTable {
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(title, "title");
    if (title.isBlank()) {
      throw new IllegalArgumentException("title is blank; say what the table shows");
    }
    table = Objects.requireNonNull(table, "table").copy();
    notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    Objects.requireNonNull(sources, "sources");
    for (String c : counts.columns()) {
      if (!table.containsColumn(c)) {
        throw new IllegalArgumentException(
            "count column '" + c + "' is not in the table; its columns are " + table.columnNames());
      }
    }
  }

  /**
   * This result with its count columns and totals declared, so that disclosure control protects
   * exactly those (and a total as a total).
   *
   * @param declared the declaration, e.g. {@code CountColumns.of("starts", "total")
   *     .withTotalColumn("total")}, not null
   * @return the new result, not null
   * @throws IllegalArgumentException naming a declared column the table does not have
   */
  public ResultTable withCounts(CountColumns declared) {
    return new ResultTable(title, table, notes, sources, declared);
  }

  /** {@return the count columns and totals declared with {@link #withCounts}} */
  @Override
  public CountColumns countColumns() {
    return counts;
  }

  /**
   * A result table with no notes.
   *
   * @param title what the table shows, not blank
   * @param table the figures, not null (copied)
   * @param sources where they came from, not null
   * @return the result, not null
   */
  public static ResultTable of(String title, Table table, Sources sources) {
    return new ResultTable(title, table, List.of(), sources);
  }

  /**
   * The figures: a copy the caller may change.
   *
   * @return a new table, not null
   */
  @Override
  public Table table() {
    return table.copy();
  }

  /**
   * The number of rows, without copying the table.
   *
   * @return the row count
   */
  public int rowCount() {
    return table.rowCount();
  }

  /**
   * This result with one more note.
   *
   * @param note a sentence, not blank
   * @return the new result, not null
   */
  public ResultTable withNote(String note) {
    Objects.requireNonNull(note, "note");
    if (note.isBlank()) {
      throw new IllegalArgumentException("note is blank");
    }
    List<String> more = new java.util.ArrayList<>(notes);
    more.add(note);
    return new ResultTable(title, table, more, sources, counts);
  }

  /**
   * Some of the columns, with the same title, notes and sources: for showing the columns that
   * matter.
   *
   * @param columns the column names, at least one, each in the table
   * @return the narrower result, not null
   * @throws IllegalStateException naming a column the table does not have
   */
  public ResultTable select(String... columns) {
    List<String> kept = List.of(columns);
    List<String> countsKept = counts.columns().stream().filter(kept::contains).toList();
    CountColumns narrowed =
        countsKept.isEmpty()
            ? CountColumns.undeclared()
            : new CountColumns(
                countsKept, counts.totalColumn().filter(kept::contains), counts.lastRowIsTotal());
    return new ResultTable(title, table.selectColumns(columns), notes, sources, narrowed);
  }

  /** The title, then the table as Tablesaw prints it (at most 20 rows), then the notes. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(title).append('\n').append(table.print(20));
    notes.forEach(n -> b.append("\n- ").append(n));
    return b.toString();
  }
}
