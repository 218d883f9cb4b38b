package org.probationlens.area;

import java.util.Objects;

/**
 * An organisation that owned one or more CRCs after their transfer to private ownership on 1
 * February 2015.
 *
 * @param code a stable code, e.g. {@code "SODEXO"}
 * @param name the owner's name as usually reported
 * @param members the partners in the owning group, as published
 */
public record Owner(String code, String name, String members) {
  /** Validates that no field is null. */
  public Owner {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(members, "members");
  }
}
