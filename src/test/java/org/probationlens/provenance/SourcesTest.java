package org.probationlens.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourcesTest {

  private static final String SHA_A = "a".repeat(64);
  private static final String SHA_B = "b".repeat(64);

  private static final Provenance RATINGS =
      Provenance.published(
          "HMIP ratings 2018-19", "HMIP annual report", LocalDate.of(2019, 12, 1), "OGL v3", SHA_A);
  private static final Provenance CASES =
      Provenance.synthetic("Synthetic cases", "CaseGenerator", 2014L, "2", SHA_B);

  @Test
  void anySyntheticInputMakesTheResultSynthetic() {
    Sources both = Sources.of(RATINGS).and(Sources.of(CASES));
    assertTrue(both.synthetic());
    assertEquals(Provenance.Kind.SYNTHETIC, both.kind());
    assertEquals(List.of(RATINGS, CASES), both.inputs());
  }

  @Test
  void publishedAloneStaysPublishedAndAnAssumptionMakesItDerived() {
    Sources published = Sources.of(RATINGS);
    assertFalse(published.synthetic());
    assertEquals(Provenance.Kind.PUBLISHED, published.kind());
    Sources assumed = published.withAssumptions(List.of("unit price £1,000 per case"));
    assertEquals(Provenance.Kind.DERIVED, assumed.kind());
    assertEquals(List.of("unit price £1,000 per case"), assumed.assumptions());
  }

  @Test
  void theSameFileIsKeptOnceAndAnEmptySourceIsRefused() {
    assertEquals(1, Sources.of(RATINGS, RATINGS).inputs().size());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Sources(List.of(), List.of()));
    assertEquals(
        "a result needs at least one source: an input's provenance or an assumption",
        e.getMessage());
  }

  @Test
  void calibrationsAreKeptThroughAndAndBadIdsAreRefused() {
    Sources price = Sources.of(RATINGS).calibratedTo(List.of("max_payments"));
    Sources both = price.and(Sources.of(CASES).calibratedTo(List.of("shortfall_range_2015_16")));
    assertEquals(
        List.of("max_payments", "shortfall_range_2015_16"), List.copyOf(both.calibratedTo()));
    assertEquals(
        List.of("max_payments"), List.copyOf(price.withAssumptions(List.of("x")).calibratedTo()));
    // the two-list constructor is calibrated to nothing
    assertTrue(new Sources(List.of(RATINGS), List.of()).calibratedTo().isEmpty());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Sources.of(RATINGS).calibratedTo(List.of("Max Payments")));
    assertEquals(
        "calibratedTo holds \"Max Payments\"; a published figure id is lower-case letters, digits"
            + " and _",
        e.getMessage());
  }

  @Test
  void assumedSourcesHaveNoInputAndAreDerived() {
    Sources s = Sources.assumed("tables passed without their provenance");
    assertEquals(List.of(), s.inputs());
    assertEquals(Provenance.Kind.DERIVED, s.kind());
  }
}
