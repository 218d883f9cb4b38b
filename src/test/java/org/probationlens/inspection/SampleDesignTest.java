package org.probationlens.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SampleDesignTest {

  @Test
  void defaultsAreHalfNinetyFivePercentAndNoCorrection() {
    SampleDesign d = SampleDesign.withDefaults();
    assertEquals(0.5, d.expectedShare());
    assertEquals(0.95, d.confidence());
    assertEquals(SampleDesign.UNLIMITED, d.caseload());
    assertFalse(d.finite());
    assertEquals("expected share 0.5, confidence 0.95, caseload unlimited", d.toString());
  }

  @Test
  void eachWithReturnsAChangedCopy() {
    SampleDesign d =
        SampleDesign.withDefaults().withExpectedShare(0.6).withConfidence(0.9).withCaseload(2_000);
    assertEquals(0.6, d.expectedShare());
    assertEquals(0.9, d.confidence());
    assertEquals(2_000, d.caseload());
    assertTrue(d.finite());
    assertEquals(0.5, SampleDesign.withDefaults().expectedShare());
    assertEquals(
        SampleDesign.withDefaults().withCaseload(2_000).withConfidence(0.9).withExpectedShare(0.6),
        d);
    assertEquals(
        SampleDesign.withDefaults()
            .withCaseload(2_000)
            .withConfidence(0.9)
            .withExpectedShare(0.6)
            .hashCode(),
        d.hashCode());
    assertNotEquals(d.withConfidence(0.95), d);
  }

  @Test
  void badInputsAreQuoted() {
    SampleDesign d = SampleDesign.withDefaults();
    assertEquals(
        "expectedShare must be strictly between 0 and 1, was 60.0",
        assertThrows(IllegalArgumentException.class, () -> d.withExpectedShare(60)).getMessage());
    assertEquals(
        "confidence must be strictly between 0 and 1, e.g. 0.95; was 95.0",
        assertThrows(IllegalArgumentException.class, () -> d.withConfidence(95)).getMessage());
    assertEquals(
        "caseload must be at least 1 (or UNLIMITED for no correction), was 0",
        assertThrows(IllegalArgumentException.class, () -> d.withCaseload(0)).getMessage());
  }

  @Test
  void aPlanKeepsItsDesign() {
    SampleDesign d = SampleDesign.withDefaults().withExpectedShare(0.6).withCaseload(2_000);
    SamplePlan p = SamplePlan.ofSample(d, 214);
    assertEquals(d, p.design());
    assertEquals(d, p.scaled(2).design());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SamplePlan.ofSample(d, 2_001));
    assertEquals("n must be between 1 and the population (2000), was 2001", e.getMessage());
  }
}
