package org.probationlens.area;

import java.util.Objects;

/**
 * A contract package area (CPA): the area one Community Rehabilitation Company was contracted to
 * serve from June 2014, made of whole PCC areas.
 *
 * @param code the nDelius code, {@code C01} to {@code C21}
 * @param shortName the short name used in tables, e.g. {@code "BeNCH"}
 * @param crcName the name of the CRC as HMI Probation reported it
 */
public record Cpa(String code, String shortName, String crcName) {
  /** Validates that no field is null. */
  public Cpa {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(shortName, "shortName");
    Objects.requireNonNull(crcName, "crcName");
  }
}
