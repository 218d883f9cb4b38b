package org.probationlens.reference;

import java.util.List;
import java.util.Objects;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.Table;

/**
 * Published findings shown as they were published, with their sources: for example what HMI
 * Probation found about staff workloads, the third sector or victims, row by row with each row's
 * citation and tag. Nothing here is computed.
 *
 * @param title what the findings are about, not blank
 * @param findings the rows as published, not null (copied)
 * @param notes caveats a reader needs, not null
 * @param sources the reference tables read, not null
 */
public record PublishedFindings(String title, Table findings, List<String> notes, Sources sources)
    implements Result {

  /** Validates and copies. */
  public PublishedFindings {
    Objects.requireNonNull(title, "title");
    if (title.isBlank()) {
      throw new IllegalArgumentException("title is blank");
    }
    findings = Objects.requireNonNull(findings, "findings").copy();
    notes = List.copyOf(notes);
    Objects.requireNonNull(sources, "sources");
  }

  @Override
  public Table table() {
    return findings.copy();
  }

  /**
   * The findings; the same as {@link #table()}.
   *
   * @return a copy, not null
   */
  @Override
  public Table findings() {
    return findings.copy();
  }
}
