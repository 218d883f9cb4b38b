package org.probationlens.provenance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where an analysis result came from: the provenance of every dataset it was computed from, and
 * every assumption it rests on (an unpublished input the caller or the model chose). Results made
 * from several inputs combine their sources with {@link #and(Sources)}; anything synthetic makes
 * the whole result synthetic, so a figure computed partly from synthetic cases can never be shown
 * as published. Immutable.
 *
 * @param inputs the datasets read, each once (the same file, by SHA-256, is kept once), in the
 *     order first used; not null, may be empty only when {@code assumptions} is not
 * @param assumptions the assumptions, each a short sentence, in the order given; not null
 * @param calibratedTo the ids of published figures (in {@code
 *     data/reference/published_figures.csv}) that an input or an assumption was set to match, as a
 *     generator's calibration or a price calibrated to a published total; a figure check against
 *     one of them is CALIBRATED, never reproduced; not null, in the order given
 * @param protection how the counts of people in the result were protected where they were made (the
 *     disclosure control method and its parameters, e.g. the cell key method's), so that {@code
 *     render} draws them as they are and says so; empty when they were not protected at source; not
 *     null
 */
public record Sources(
    List<Provenance> inputs,
    List<String> assumptions,
    Set<String> calibratedTo,
    String protection) {

  /**
   * Copies the lists, keeps each input once, and requires at least one input or assumption.
   *
   * @throws IllegalArgumentException if there is no input and no assumption, an assumption is blank
   *     or a figure id is not lower-case letters, digits and _
   */
  public Sources {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(assumptions, "assumptions");
    Objects.requireNonNull(calibratedTo, "calibratedTo");
    Objects.requireNonNull(protection, "protection");
    protection = protection.strip();
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    for (String id : calibratedTo) {
      Objects.requireNonNull(id, "calibratedTo holds a null");
      if (!id.matches("[a-z0-9_]+")) {
        throw new IllegalArgumentException(
            "calibratedTo holds \""
                + id
                + "\"; a published figure id is lower-case letters, digits and _");
      }
      ids.add(id);
    }
    calibratedTo = java.util.Collections.unmodifiableSet(ids);
    Map<String, Provenance> unique = new LinkedHashMap<>();
    for (Provenance p : inputs) {
      Objects.requireNonNull(p, "inputs holds a null provenance");
      unique.putIfAbsent(p.kind() + ":" + p.sha256() + ":" + p.title(), p);
    }
    LinkedHashSet<String> said = new LinkedHashSet<>();
    for (String a : assumptions) {
      Objects.requireNonNull(a, "assumptions holds a null");
      if (a.isBlank()) {
        throw new IllegalArgumentException("an assumption is blank; say what was assumed");
      }
      said.add(a);
    }
    inputs = List.copyOf(unique.values());
    assumptions = List.copyOf(said);
    if (inputs.isEmpty() && assumptions.isEmpty()) {
      throw new IllegalArgumentException(
          "a result needs at least one source: an input's provenance or an assumption");
    }
  }

  /**
   * Sources whose counts were not protected at source.
   *
   * @param inputs the datasets read, not null
   * @param assumptions the assumptions, not null
   * @param calibratedTo the published figures an input or assumption was set to match, not null
   */
  public Sources(List<Provenance> inputs, List<String> assumptions, Set<String> calibratedTo) {
    this(inputs, assumptions, calibratedTo, "");
  }

  /**
   * Sources calibrated to no published figure.
   *
   * @param inputs the datasets read, not null
   * @param assumptions the assumptions, not null
   */
  public Sources(List<Provenance> inputs, List<String> assumptions) {
    this(inputs, assumptions, Set.of());
  }

  /**
   * The sources of figures that rest on assumptions alone, or on inputs a caller passed without
   * their provenance (a bare table): each assumption says what was taken on trust.
   *
   * @param assumptions at least one, each a short sentence
   * @return the sources, not null
   */
  public static Sources assumed(String... assumptions) {
    return new Sources(List.of(), List.of(assumptions));
  }

  /**
   * These sources, declared calibrated to the given published figures as well.
   *
   * @param figureIds ids from the published-figures registry, e.g. {@code shortfall_range_2015_16}
   * @return the sources with the ids added, not null
   */
  public Sources calibratedTo(Collection<String> figureIds) {
    LinkedHashSet<String> ids = new LinkedHashSet<>(calibratedTo);
    ids.addAll(Objects.requireNonNull(figureIds, "figureIds"));
    return new Sources(inputs, assumptions, ids, protection);
  }

  /**
   * These sources, with the counts of the result protected where they were made: {@code render}
   * then draws them as they are, with the method in the note beneath.
   *
   * @param method the method and its parameters in words, not blank
   * @return the sources with the protection stated, not null
   */
  public Sources protectedBy(String method) {
    Objects.requireNonNull(method, "method");
    if (method.isBlank()) {
      throw new IllegalArgumentException("say how the counts were protected");
    }
    return new Sources(inputs, assumptions, calibratedTo, method);
  }

  /**
   * Whether the result's counts were protected where they were made ({@link #protectedBy}).
   *
   * @return true when a protection is stated
   */
  public boolean protectedAtSource() {
    return !protection.isEmpty();
  }

  /**
   * The sources of a result computed from the given datasets alone.
   *
   * @param inputs the provenance of each input, at least one, none null
   * @return the sources, not null
   */
  public static Sources of(Provenance... inputs) {
    return new Sources(List.of(inputs), List.of());
  }

  /**
   * The sources of a result computed from the given loaded datasets.
   *
   * @param inputs the datasets, at least one, none null
   * @return the sources, not null
   */
  public static Sources of(LoadedDataset... inputs) {
    List<Provenance> p = new ArrayList<>();
    for (LoadedDataset d : inputs) {
      p.add(Objects.requireNonNull(d, "inputs holds a null dataset").provenance());
    }
    return new Sources(p, List.of());
  }

  /**
   * These sources and another result's together, as for a result computed from both.
   *
   * @param other the other sources, not null
   * @return the union, inputs and assumptions each kept once, not null
   */
  public Sources and(Sources other) {
    Objects.requireNonNull(other, "other");
    List<Provenance> p = new ArrayList<>(inputs);
    p.addAll(other.inputs);
    List<String> a = new ArrayList<>(assumptions);
    a.addAll(other.assumptions);
    LinkedHashSet<String> ids = new LinkedHashSet<>(calibratedTo);
    ids.addAll(other.calibratedTo);
    // Protected only if every side holding official-sensitive records was protected.
    boolean thisNeeds = needsProtection();
    boolean otherNeeds = other.needsProtection();
    String protection;
    if ((thisNeeds && !protectedAtSource()) || (otherNeeds && !other.protectedAtSource())) {
      protection = "";
    } else {
      LinkedHashSet<String> said = new LinkedHashSet<>();
      if (protectedAtSource()) {
        said.add(this.protection);
      }
      if (other.protectedAtSource()) {
        said.add(other.protection);
      }
      protection = String.join("; ", said);
    }
    return new Sources(p, a, ids, protection);
  }

  /**
   * These sources with further assumptions.
   *
   * @param more the assumptions, each a short sentence, not blank
   * @return the sources with them added, not null
   */
  public Sources withAssumptions(Collection<String> more) {
    List<String> a = new ArrayList<>(assumptions);
    a.addAll(Objects.requireNonNull(more, "more"));
    return new Sources(inputs, a, calibratedTo, protection);
  }

  /**
   * Whether any input holds official-sensitive records (real, unpublished case-level data), whose
   * counts of people must be protected before they are shown.
   *
   * @return true when at least one input is {@link Provenance.Kind#OFFICIAL_SENSITIVE}
   */
  public boolean needsProtection() {
    return inputs.stream().anyMatch(p -> p.kind() == Provenance.Kind.OFFICIAL_SENSITIVE);
  }

  /**
   * Whether any input is synthetic, which makes every figure of the result synthetic.
   *
   * @return true when at least one input is synthetic
   */
  public boolean synthetic() {
    return inputs.stream().anyMatch(p -> p.kind() == Provenance.Kind.SYNTHETIC);
  }

  /**
   * The kind of the result as a whole: {@code SYNTHETIC} when any input is synthetic; else {@code
   * DERIVED} when any input is derived or any assumption was made; else the kind every input
   * shares.
   *
   * @return the kind, not null
   */
  public Provenance.Kind kind() {
    if (synthetic()) {
      return Provenance.Kind.SYNTHETIC;
    }
    if (!assumptions.isEmpty()
        || inputs.stream().anyMatch(p -> p.kind() == Provenance.Kind.DERIVED)) {
      return Provenance.Kind.DERIVED;
    }
    return inputs.stream()
        .map(Provenance::kind)
        .reduce((a, b) -> a == b ? a : Provenance.Kind.DERIVED)
        .orElse(Provenance.Kind.DERIVED);
  }
}
