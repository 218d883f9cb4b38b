package org.probationlens.innovation;

import java.util.Objects;

/**
 * One dated step in an innovation's life, with the evidence for it.
 *
 * @param stage the lifecycle stage reached, not null
 * @param date when, to the precision the source gives, not null
 * @param source where the event is documented (a citation), or the generator and seed for a
 *     synthetic event; not blank
 * @param tag how well it is evidenced, not null
 * @param origin the file and line it was read from, for example {@code "innovations.csv:12"}; not
 *     null
 */
public record InnovationEvent(
    LifecycleStage stage, EventDate date, String source, EvidenceTag tag, String origin) {

  /** Validates that no field is null and the source is not blank. */
  public InnovationEvent {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(origin, "origin");
    if (source.isBlank()) {
      throw new IllegalArgumentException("source: every event needs its evidence, got a blank");
    }
  }
}
