package org.probationlens.court;

/**
 * The kind of pre-sentence report the probation service gave the court (HMI Probation, R&amp;A
 * Bulletin 2020/04, "Quality of pre-sentence information and advice").
 */
public enum ReportType {
  /** An oral report given on the day, usually after a short interview at court. */
  ORAL,
  /** A short-format (fast delivery) written report, usually on the day or within a few days. */
  SHORT_FORMAT,
  /** A full written standard delivery report, usually after an adjournment of about 3 weeks. */
  STANDARD_DELIVERY
}
