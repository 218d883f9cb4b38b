package org.probationlens.area;

import java.util.List;
import java.util.Objects;

/**
 * A police and crime commissioner (PCC) area: the finest geography of probation reporting. London
 * (Metropolitan Police plus City of London) counts as one area, giving 42.
 *
 * @param code the nDelius legacy probation area code, e.g. {@code "DRH"} for Durham
 * @param name the police force area name, e.g. {@code "Durham"}
 * @param cpaCode the contract package area the area belongs to, {@code C01} to {@code C21}
 * @param npsDivisionCode the NPS division, or {@code null} where the published sources do not
 *     settle it (Northamptonshire)
 * @param npsDivisionCandidates the divisions the sources allow; exactly one when the division is
 *     known
 * @param npsDivisionConfidence how sure the assignment is: {@code confirmed}, {@code medium},
 *     {@code inferred} or {@code uncertain}
 * @param probationTrust the probation trust that served the area before June 2014
 */
public record PccArea(
    String code,
    String name,
    String cpaCode,
    String npsDivisionCode,
    List<String> npsDivisionCandidates,
    String npsDivisionConfidence,
    String probationTrust) {

  /** Validates the fields; the candidate list is copied. */
  public PccArea {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cpaCode, "cpaCode");
    Objects.requireNonNull(npsDivisionConfidence, "npsDivisionConfidence");
    Objects.requireNonNull(probationTrust, "probationTrust");
    npsDivisionCandidates = List.copyOf(npsDivisionCandidates);
    if (npsDivisionCode == null && npsDivisionCandidates.size() < 2) {
      throw new IllegalArgumentException(
          "area "
              + code
              + ": an uncertain NPS division needs at least two candidates, got "
              + npsDivisionCandidates);
    }
    if (npsDivisionCode != null && !npsDivisionCandidates.equals(List.of(npsDivisionCode))) {
      throw new IllegalArgumentException(
          "area "
              + code
              + ": NPS division "
              + npsDivisionCode
              + " must be its only candidate, got "
              + npsDivisionCandidates);
    }
  }

  /**
   * Whether the published sources leave this area's NPS division open.
   *
   * @return true when {@link #npsDivisionCode()} is null
   */
  public boolean npsDivisionUncertain() {
    return npsDivisionCode == null;
  }
}
