package org.probationlens.people;

/**
 * The four points on which HMI Probation rates probation work (from the 2018 standards), used here
 * for a single case: the inspector's judgement of it, and the service user's view of the same
 * supervision mapped onto the same four points ("poor", "not good enough", "good", "very good"). In
 * order, worst first.
 */
public enum CaseRating {
  /** Inadequate; for the user, "poor". */
  INADEQUATE("Inadequate"),
  /** Requires improvement; for the user, "not good enough". */
  REQUIRES_IMPROVEMENT("Requires improvement"),
  /** Good; for the user, "good". */
  GOOD("Good"),
  /** Outstanding; for the user, "very good". */
  OUTSTANDING("Outstanding");

  private final String label;

  CaseRating(String label) {
    this.label = label;
  }

  /**
   * The rating in HMI Probation's words.
   *
   * @return e.g. "Requires improvement"
   */
  public String label() {
    return label;
  }

  /**
   * The rating from HMI Probation's words, exactly (case matters).
   *
   * @param label e.g. "Requires improvement"
   * @return the rating, not null
   * @throws IllegalArgumentException listing the four labels when there is no such rating
   */
  public static CaseRating ofLabel(String label) {
    for (CaseRating r : values()) {
      if (r.label.equals(label)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + label
            + "' is not a rating; expected Inadequate, Requires improvement, Good or"
            + " Outstanding");
  }
}
