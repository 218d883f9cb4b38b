package org.probationlens.court;

/**
 * How effective a court's probation liaison manager is judged to be: the Chief Inspector found that
 * the effectiveness of managers tends to determine the links between CRCs/NPS and courts. No such
 * rating is published; in this project it exists only in the synthetic court data.
 */
public enum LiaisonRating {
  /** A manager who keeps sentencers informed and resolves problems quickly. */
  STRONG,
  /** A manager who keeps the basic arrangements working. */
  ADEQUATE,
  /** A manager with little contact with sentencers. */
  WEAK
}
