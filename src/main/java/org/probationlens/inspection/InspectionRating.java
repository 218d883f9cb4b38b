package org.probationlens.inspection;

import java.util.Arrays;
import java.util.List;

/**
 * HM Inspectorate of Probation's four-point rating of a provider or of one of its standards, in
 * order from worst to best. Ordinal: the order is known, the distance between levels is not, so no
 * mean rating is ever taken.
 */
public enum InspectionRating {
  /** Inadequate. */
  INADEQUATE("Inadequate"),
  /** Requires improvement. */
  REQUIRES_IMPROVEMENT("Requires improvement"),
  /** Good. */
  GOOD("Good"),
  /** Outstanding. */
  OUTSTANDING("Outstanding");

  private final String label;

  InspectionRating(String label) {
    this.label = label;
  }

  /**
   * The rating as HMI Probation writes it.
   *
   * @return e.g. "Requires improvement"
   */
  public String label() {
    return label;
  }

  /**
   * Whether the rating is Good or Outstanding.
   *
   * @return true for {@link #GOOD} and {@link #OUTSTANDING}
   */
  public boolean goodOrBetter() {
    return compareTo(GOOD) >= 0;
  }

  /**
   * The labels, worst first.
   *
   * @return "Inadequate", "Requires improvement", "Good", "Outstanding"
   */
  public static List<String> labels() {
    return Arrays.stream(values()).map(InspectionRating::label).toList();
  }

  /**
   * The rating with a label, exactly as written.
   *
   * @param label e.g. "Good"
   * @return the rating
   * @throws IllegalArgumentException naming the label and the four allowed
   */
  public static InspectionRating parse(String label) {
    for (InspectionRating r : values()) {
      if (r.label.equals(label)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "rating '" + label + "' is not one of " + String.join(", ", labels()));
  }

  @Override
  public String toString() {
    return label;
  }
}
