package org.probationlens.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * A validated dataset and where it came from: the table every analysis reads, the provenance every
 * output built on it must show, and the notes its reader made while loading it (what it corrected,
 * counted or set apart, so nothing a reader did to the file goes unsaid).
 *
 * @param table the rows, with the schema's columns and types, not null
 * @param provenance its source, kind and file hash, not null
 * @param notes sentences about how the file was read (for example a published misspelling read as
 *     the name it stands for, and on how many rows), in the order the reader made them; not null,
 *     empty when the reader had nothing to say
 */
public record LoadedDataset(Table table, Provenance provenance, List<String> notes) {

  /** Requires every part and copies the notes. */
  public LoadedDataset {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(provenance, "provenance");
    notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    if (provenance.kind() == Provenance.Kind.OFFICIAL_SENSITIVE) {
      OfficialSensitiveLoads.loaded();
    }
  }

  /**
   * A dataset whose reader made no notes.
   *
   * @param table the rows, not null
   * @param provenance its source, kind and file hash, not null
   */
  public LoadedDataset(Table table, Provenance provenance) {
    this(table, provenance, List.of());
  }

  /**
   * This dataset with one more note.
   *
   * @param note a sentence, not blank
   * @return a new dataset with the same table and provenance, not null
   */
  public LoadedDataset withNote(String note) {
    Objects.requireNonNull(note, "note");
    if (note.isBlank()) {
      throw new IllegalArgumentException("note is blank");
    }
    List<String> more = new ArrayList<>(notes);
    more.add(note);
    return new LoadedDataset(table, provenance, more);
  }

  /**
   * The provenance as one printable line; see {@link Provenance#oneLine()}.
   *
   * @return the line, not null
   */
  public String provenanceLine() {
    return provenance.oneLine();
  }

  /**
   * Returns the table's name and size, then the provenance line, then any notes. For
   * official-sensitive records the notes are not written out: a reader's notes count records (rows
   * excluded, by value), and such counts are not shown unprotected; {@link #notes()} gives them to
   * an analyst who asks.
   */
  @Override
  public String toString() {
    String said;
    if (notes.isEmpty()) {
      said = "";
    } else if (provenance.kind() == Provenance.Kind.OFFICIAL_SENSITIVE) {
      said =
          " The reader made "
              + notes.size()
              + (notes.size() == 1 ? " note" : " notes")
              + ", which count records of these official-sensitive data and so are not shown"
              + " here: notes() gives them to you (not for publication).";
    } else {
      said = " Notes: " + String.join(" ", notes);
    }
    return table.name()
        + ": "
        + table.rowCount()
        + " rows x "
        + table.columnCount()
        + " columns. "
        + provenance.oneLine()
        + said;
  }
}
