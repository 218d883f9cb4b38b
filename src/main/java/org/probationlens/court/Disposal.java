package org.probationlens.court;

/**
 * The kind of sentence a pre-sentence report proposes or a court passes, in the four groups used to
 * judge whether the sentence followed the proposal.
 */
public enum Disposal {
  /** Immediate custody. */
  CUSTODY,
  /**
   * A suspended sentence order (custody suspended, with requirements supervised in the community).
   */
  SSO,
  /** A community order with one or more requirements (such as a RAR or unpaid work). */
  CO,
  /** A fine, a discharge or another disposal without supervision. */
  FINE_OR_DISCHARGE;

  /**
   * Whether this disposal puts the person under probation supervision in the community.
   *
   * @return true for {@link #SSO} and {@link #CO}
   */
  public boolean isSupervisedInCommunity() {
    return this == SSO || this == CO;
  }
}
