package org.probationlens.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.probationlens.read.Problem;

/**
 * The five kinds of probation work in the case-level contract ({@code cases.csv}, {@code
 * forecast.csv}), in the order the forecast lists them: community orders, suspended sentence
 * orders, licences, post-sentence supervision and pre-release work. Each has the code the files use
 * ({@link #name()}, e.g. {@code PSS}) and the spelled-out name charts and tables show ({@link
 * #label()}).
 *
 * <p>The one list of work types: the loaders' vocabularies, the fast reader's dictionary and the
 * synthetic generator all take it from here.
 */
public enum WorkType {
  /** Community order. */
  CO("Community order"),
  /** Suspended sentence order with supervision. */
  SSO("Suspended sentence order"),
  /** Licence after release from custody. */
  LIC("Licence"),
  /** Post-sentence supervision (Offender Rehabilitation Act 2014, from 1 February 2015). */
  PSS("Post-sentence supervision"),
  /** Pre-release work with a prisoner in custody (through the gate). */
  PRE("Pre-release");

  private final String label;

  WorkType(String label) {
    this.label = label;
  }

  /**
   * The spelled-out name, for charts and tables, e.g. {@code Post-sentence supervision}.
   *
   * @return the name, not null
   */
  public String label() {
    return label;
  }

  /**
   * Whether this is a court order (community or suspended sentence order), the only work that can
   * carry a rehabilitation activity requirement or unpaid work.
   *
   * @return true for {@link #CO} and {@link #SSO}
   */
  public boolean isCourtOrder() {
    return this == CO || this == SSO;
  }

  /**
   * Whether this work follows a custodial sentence (licence or pre-release).
   *
   * @return true for {@link #LIC} and {@link #PRE}
   */
  public boolean isCustodial() {
    return this == LIC || this == PRE;
  }

  /**
   * Whether a case of this work type may be on an accredited programme: court orders and licences,
   * never post-sentence supervision or pre-release work.
   *
   * @return true for {@link #CO}, {@link #SSO} and {@link #LIC}
   */
  public boolean allowsAccreditedProgramme() {
    return isCourtOrder() || this == LIC;
  }

  /**
   * The codes as the files write them, in order.
   *
   * @return {@code [CO, SSO, LIC, PSS, PRE]}
   */
  public static List<String> codes() {
    List<String> codes = new ArrayList<>();
    for (WorkType type : values()) {
      codes.add(type.name());
    }
    return List.copyOf(codes);
  }

  /**
   * The work type a file's code names, matched exactly.
   *
   * @param code the code, e.g. {@code LIC}, not null
   * @return the work type
   * @throws IllegalArgumentException naming the codes there are, for any other text
   */
  public static WorkType ofCode(String code) {
    Objects.requireNonNull(code, "code");
    for (WorkType type : values()) {
      if (type.name().equals(code)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "no work type \"" + Problem.bounded(code) + "\"; expected one of " + codes());
  }
}
