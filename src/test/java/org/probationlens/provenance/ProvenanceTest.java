package org.probationlens.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

  private static final String SHA =
      "e5f3f53651b9f96d6065d3e7c6ca674c43f8286dc3ccf02148a9c0802dcadc05";

  @Test
  void publishedLineNamesSourceDateLicenceAndHash() {
    Provenance p =
        Provenance.published(
            "Probation caseload (OMSQ)",
            "Ministry of Justice, Offender Management Statistics Quarterly",
            LocalDate.of(2019, 7, 25),
            "Open Government Licence v3.0",
            SHA);
    assertEquals(
        "Probation caseload (OMSQ). Source: Ministry of Justice, Offender Management Statistics"
            + " Quarterly (PUBLISHED, published 2019-07-25; Open Government Licence v3.0); SHA-256 "
            + SHA,
        p.oneLine());
  }

  @Test
  void derivedLineSaysDerived() {
    Provenance p = Provenance.derived("Shortfall by CPA", "PAC HC 484 (2016)", "OGL v3.0", SHA);
    assertEquals(
        "Shortfall by CPA. Source: PAC HC 484 (2016) (DERIVED; OGL v3.0); SHA-256 " + SHA,
        p.oneLine());
  }

  @Test
  void rejectsABadHashBlankTextAndASeedOnPublishedData() {
    IllegalArgumentException hash =
        assertThrows(
            IllegalArgumentException.class,
            () -> Provenance.derived("t", "s", "l", SHA.toUpperCase()));
    assertEquals(
        "sha256 must be 64 lower-case hex digits, was \"" + SHA.toUpperCase() + "\"",
        hash.getMessage());
    IllegalArgumentException blank =
        assertThrows(IllegalArgumentException.class, () -> Provenance.derived(" ", "s", "l", SHA));
    assertEquals("title is blank", blank.getMessage());
    IllegalArgumentException seed =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Provenance("t", "s", null, "l", SHA, Provenance.Kind.PUBLISHED, 1L, null));
    assertEquals(
        "seed and generatorVersion are only for SYNTHETIC data, not PUBLISHED", seed.getMessage());
  }
}
