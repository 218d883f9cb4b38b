package org.probationlens.stats;

import java.util.Objects;

/**
 * One group's line in a log-rank test: how many subjects it had, how many events were observed in
 * it, and how many were expected if every group shared one survival function. In the sign-off
 * analysis a group is a CRC owner and an event is an approval.
 *
 * @param label the group's label, for example an owner code; not null
 * @param subjects the number of subjects in the group, at least 1
 * @param observed the observed number of events, 0 to {@code subjects}
 * @param expected the expected number of events under the null hypothesis, at least 0
 */
public record LogRankGroup(String label, int subjects, int observed, double expected) {

  /** Validates the label and the counts. */
  public LogRankGroup {
    Objects.requireNonNull(label, "label");
    if (subjects < 1 || observed < 0 || observed > subjects) {
      throw new IllegalArgumentException(
          "group "
              + label
              + ": expected subjects >= 1 and 0 <= observed <= subjects, got subjects "
              + subjects
              + ", observed "
              + observed);
    }
    if (!(expected >= 0) || Double.isInfinite(expected)) {
      throw new IllegalArgumentException(
          "group " + label + ": expected a finite expected count >= 0, got " + expected);
    }
  }
}
