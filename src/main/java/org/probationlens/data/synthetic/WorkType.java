package org.probationlens.data.synthetic;

/** The work types of the case-level contract, in the order the forecast file lists them. */
enum WorkType {
  /** Community order. */
  CO,
  /** Suspended sentence order with supervision. */
  SSO,
  /** Licence after release from custody. */
  LIC,
  /** Post-sentence supervision (Offender Rehabilitation Act 2014, from 1 February 2015). */
  PSS,
  /** Pre-release work with a prisoner in custody (through the gate). */
  PRE;

  static final WorkType[] ALL = values();

  boolean isCourtOrder() {
    return this == CO || this == SSO;
  }

  boolean isCustodial() {
    return this == LIC || this == PRE;
  }
}
