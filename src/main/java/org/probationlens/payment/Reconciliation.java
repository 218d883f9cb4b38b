package org.probationlens.payment;

/**
 * How the annual reconciliation of fee for service treats a year whose actual weighted volume falls
 * outside the baseline band. Published: "retrospective payment or clawback outside the range"
 * (Justice Committee HC 1004, 2014, ch.3); how much was reconciled was not published, so both
 * readings are offered.
 */
public enum Reconciliation {
  /**
   * Only the volume beyond the band's edge is paid for or clawed back: a CRC 20% below baseline
   * with a 5% band loses 15% of its fee. The default reading.
   */
  BEYOND_BAND_EDGE,
  /** Once outside the band, the whole difference from the baseline is paid for or clawed back. */
  WHOLE_DIFFERENCE
}
