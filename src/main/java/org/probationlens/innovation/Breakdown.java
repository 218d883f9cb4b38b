package org.probationlens.innovation;

/** A way to count the innovations in a register. */
public enum Breakdown {
  /** By provider: the CRC's CPA code, or the owner's code for an owner-wide innovation. */
  PROVIDER,
  /** By the organisation that owned the CRC when the innovation began. */
  OWNER,
  /** By {@link InnovationType}. */
  TYPE,
  /**
   * By the calendar year of the innovation's first dated event (for a "by" date, the year the
   * source saw it in place); {@code unknown} when no event is dated.
   */
  YEAR
}
