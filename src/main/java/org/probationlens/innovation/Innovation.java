package org.probationlens.innovation;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One innovation in the register: a change a CRC (or an owner across all its CRCs) made to how it
 * delivered probation, with its dated lifecycle and the evidence for each step.
 *
 * @param id the register key, for example {@code "DOC-01"} or {@code "SYN-0042"}; not blank
 * @param name a short description, for example "Community-based hubs"; not blank
 * @param type the kind of innovation, not null
 * @param provider the CPA code of the CRC ({@code C01} to {@code C21}), or the owner's code when
 *     the innovation applied across all the CRCs that owner held; not null
 * @param ownerCode the code of the organisation that owned the CRC when the innovation began (see
 *     {@code data/reference/owners.csv}); not null
 * @param events its lifecycle events in stage order; not empty
 */
public record Innovation(
    String id,
    String name,
    InnovationType type,
    String provider,
    String ownerCode,
    List<InnovationEvent> events) {

  /** Validates the fields and puts the events in stage order. */
  public Innovation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(ownerCode, "ownerCode");
    Objects.requireNonNull(events, "events");
    if (id.isBlank() || name.isBlank()) {
      throw new IllegalArgumentException("id and name must not be blank");
    }
    if (events.isEmpty()) {
      throw new IllegalArgumentException("innovation " + id + ": expected at least one event");
    }
    events = events.stream().sorted(Comparator.comparing(InnovationEvent::stage)).toList();
  }

  /**
   * Whether the innovation applied across all the CRCs of its owner rather than one CRC.
   *
   * @return {@code true} when {@link #provider()} is the owner's code
   */
  public boolean ownerWide() {
    return provider.equals(ownerCode);
  }

  /**
   * Whether every event is synthetic (made by the generator). An innovation is either wholly
   * synthetic or wholly documented: the register refuses a mixture.
   *
   * @return {@code true} for a synthetic innovation
   */
  public boolean synthetic() {
    return events.get(0).tag() == EvidenceTag.SYNTHETIC;
  }

  /**
   * The event at a stage, if the innovation reached it.
   *
   * @param stage the stage, not null
   * @return the event, or empty
   */
  public Optional<InnovationEvent> event(LifecycleStage stage) {
    Objects.requireNonNull(stage, "stage");
    return events.stream().filter(e -> e.stage() == stage).findFirst();
  }

  /**
   * The furthest stage reached before any withdrawal: how far the innovation got.
   *
   * @return the stage; {@link LifecycleStage#WITHDRAWN} only when that is its only event
   */
  public LifecycleStage furthestStage() {
    return events.stream()
        .map(InnovationEvent::stage)
        .filter(s -> s != LifecycleStage.WITHDRAWN)
        .max(Comparator.naturalOrder())
        .orElse(LifecycleStage.WITHDRAWN);
  }
}
