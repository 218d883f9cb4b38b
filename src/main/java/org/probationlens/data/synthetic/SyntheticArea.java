package org.probationlens.data.synthetic;

import java.util.List;
import java.util.Objects;

/**
 * One police/PCC area as the synthetic generator sees it: the contract package area (CPA) whose
 * community rehabilitation company (CRC) supervises its lower-risk cases, the National Probation
 * Service (NPS) division (or divisions, when the published sources leave it uncertain) that
 * supervises its high-risk cases, and its share of national starts.
 *
 * @param pccCode the nDelius legacy area code, e.g. {@code "NBR"}; not blank
 * @param cpaCode the CPA code {@code C01..C21} whose CRC takes the area's CRC cases; not blank
 * @param npsDivisionCandidates the NPS division codes the area may belong to: one code when known,
 *     several when uncertain (Northamptonshire: N04 or N06); each NPS case picks one of them at
 *     random, uniformly, so analyses must not read anything into that choice; not empty
 * @param relativeSize the area's share of starts, relative to the other areas (any positive scale)
 */
public record SyntheticArea(
    String pccCode, String cpaCode, List<String> npsDivisionCandidates, double relativeSize) {

  /** Validates every component and copies the candidate list. */
  public SyntheticArea {
    requireCode("pccCode", pccCode);
    requireCode("cpaCode", cpaCode);
    Objects.requireNonNull(npsDivisionCandidates, "npsDivisionCandidates");
    if (npsDivisionCandidates.isEmpty()) {
      throw new IllegalArgumentException(
          "area " + pccCode + ": npsDivisionCandidates is empty; expected at least one NPS code");
    }
    for (String code : npsDivisionCandidates) {
      requireCode("npsDivisionCandidates of " + pccCode, code);
    }
    npsDivisionCandidates = List.copyOf(npsDivisionCandidates);
    if (!(relativeSize > 0) || !Double.isFinite(relativeSize)) {
      throw new IllegalArgumentException(
          "area "
              + pccCode
              + ": relativeSize is "
              + relativeSize
              + "; expected a finite number > 0");
    }
  }

  private static void requireCode(String what, String code) {
    if (code == null || code.isBlank() || !code.chars().allMatch(c -> c >= '!' && c <= '~')) {
      throw new IllegalArgumentException(
          what + " is '" + code + "'; expected a non-blank code of printable ASCII without spaces");
    }
    if (code.indexOf(',') >= 0) {
      throw new IllegalArgumentException(what + " is '" + code + "'; a code may not contain ','");
    }
  }
}
