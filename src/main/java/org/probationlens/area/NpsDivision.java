package org.probationlens.area;

import java.util.Objects;

/**
 * A division of the National Probation Service, which from June 2014 supervised high-risk offenders
 * and advised courts.
 *
 * @param code the nDelius code, {@code N01} to {@code N07}
 * @param name the division's name, e.g. {@code "NPS North West"}
 */
public record NpsDivision(String code, String name) {
  /** Validates that no field is null. */
  public NpsDivision {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
  }
}
