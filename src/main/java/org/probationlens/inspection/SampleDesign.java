package org.probationlens.inspection;

import java.util.Locale;

/**
 * What a provider's case sample is planned for, before its size is chosen: the share of cases
 * expected to meet the standard, the confidence level, and the caseload the cases are drawn from.
 * Immutable; built as {@code withDefaults().withExpectedShare(0.6).withConfidence(0.95)
 * .withCaseload(2_000)}, each {@code with} returning a changed copy (the Commons Statistics style),
 * so that the expected share and the confidence level, both numbers between 0 and 1, are named
 * where they are given and cannot be swapped. A {@link SamplePlan} adds the sample size and its
 * margin.
 *
 * <p><b>The defaults</b> are the usual choices when nothing is known: an expected share of 50%,
 * which gives the largest sample for a given margin since p(1-p) is largest there (Cochran,
 * <i>Sampling Techniques</i>, 3rd ed., 1977, ch. 4), 95% confidence, and no finite-population
 * correction ({@link #UNLIMITED}). They are not HM Inspectorate of Probation's: its own confidence
 * level and margin were not confirmed in the stored sources.
 */
public final class SampleDesign {

  /** The caseload to give when the finite-population correction is not wanted. */
  public static final long UNLIMITED = Long.MAX_VALUE;

  private static final SampleDesign DEFAULTS = new SampleDesign(0.5, 0.95, UNLIMITED);

  private final double expectedShare;
  private final double confidence;
  private final long caseload;

  private SampleDesign(double expectedShare, double confidence, long caseload) {
    if (!(expectedShare > 0 && expectedShare < 1)) {
      throw new IllegalArgumentException(
          "expectedShare must be strictly between 0 and 1, was " + expectedShare);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException(
          "confidence must be strictly between 0 and 1, e.g. 0.95; was " + confidence);
    }
    if (caseload < 1) {
      throw new IllegalArgumentException(
          "caseload must be at least 1 (or UNLIMITED for no correction), was " + caseload);
    }
    this.expectedShare = expectedShare;
    this.confidence = confidence;
    this.caseload = caseload;
  }

  /**
   * The default design: expected share 50%, 95% confidence, caseload not limited.
   *
   * @return the design, not null
   */
  public static SampleDesign withDefaults() {
    return DEFAULTS;
  }

  /**
   * This design with another expected share.
   *
   * @param share the share of cases expected to meet the standard (for example the share whose
   *     assessment is sufficient), strictly between 0 and 1; 0.5 when nothing is known
   * @return the changed copy, not null
   * @throws IllegalArgumentException quoting the share when it is not strictly between 0 and 1
   */
  public SampleDesign withExpectedShare(double share) {
    return new SampleDesign(share, confidence, caseload);
  }

  /**
   * This design with another confidence level.
   *
   * @param level the confidence level, strictly between 0 and 1 (0.95 for 95%)
   * @return the changed copy, not null
   * @throws IllegalArgumentException quoting the level when it is not strictly between 0 and 1
   */
  public SampleDesign withConfidence(double level) {
    return new SampleDesign(expectedShare, level, caseload);
  }

  /**
   * This design with another caseload: the provider's cases the sample is drawn from, at random and
   * without replacement.
   *
   * @param cases the caseload, at least 1, or {@link #UNLIMITED} for no finite-population
   *     correction
   * @return the changed copy, not null
   * @throws IllegalArgumentException quoting the caseload when it is under 1
   */
  public SampleDesign withCaseload(long cases) {
    return new SampleDesign(expectedShare, confidence, cases);
  }

  /**
   * The share of cases expected to meet the standard.
   *
   * @return a share strictly between 0 and 1
   */
  public double expectedShare() {
    return expectedShare;
  }

  /**
   * The confidence level.
   *
   * @return a level strictly between 0 and 1
   */
  public double confidence() {
    return confidence;
  }

  /**
   * The caseload the sample is drawn from.
   *
   * @return at least 1, or {@link #UNLIMITED}
   */
  public long caseload() {
    return caseload;
  }

  /**
   * Whether the caseload is finite (the finite-population correction applies).
   *
   * @return true unless the caseload is {@link #UNLIMITED}
   */
  public boolean finite() {
    return caseload != UNLIMITED;
  }

  /**
   * Whether another object is the same design.
   *
   * @param o the object, may be null
   * @return true for a design with the same share, confidence and caseload
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof SampleDesign d
        && Double.compare(d.expectedShare, expectedShare) == 0
        && Double.compare(d.confidence, confidence) == 0
        && d.caseload == caseload;
  }

  /**
   * A hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return java.util.Objects.hash(expectedShare, confidence, caseload);
  }

  /**
   * The design in words, for example {@code "expected share 0.6, confidence 0.95, caseload 2000"}.
   *
   * @return the description, not null
   */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "expected share %s, confidence %s, caseload %s",
        expectedShare,
        confidence,
        finite() ? Long.toString(caseload) : "unlimited");
  }
}
