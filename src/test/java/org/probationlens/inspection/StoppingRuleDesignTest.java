package org.probationlens.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StoppingRuleDesignTest {

  @Test
  void defaultsAfterTheBoundaries() {
    StoppingRuleDesign d = StoppingRuleDesign.between(0.6, 0.75);
    assertEquals(0.6, d.p0());
    assertEquals(0.75, d.p1());
    assertEquals(0.05, d.alpha());
    assertEquals(0.05, d.beta());
    assertEquals(400, d.maxCases());
    assertEquals(20_000, d.runs());
    assertEquals(2014, d.seed());
    assertEquals(
        "p0 0.6, p1 0.75, alpha 0.05, beta 0.05, at most 400 cases, 20000 runs, seed 2014",
        d.toString());
  }

  @Test
  void eachWithReturnsAChangedCopy() {
    StoppingRuleDesign d =
        StoppingRuleDesign.between(0.5, 0.7)
            .withAlpha(0.1)
            .withBeta(0.2)
            .withMaxCases(50)
            .withRuns(10)
            .withSeed(7);
    assertEquals(
        "p0 0.5, p1 0.7, alpha 0.1, beta 0.2, at most 50 cases, 10 runs, seed 7", d.toString());
    assertEquals(
        StoppingRuleDesign.between(0.5, 0.7)
            .withSeed(7)
            .withRuns(10)
            .withMaxCases(50)
            .withBeta(0.2)
            .withAlpha(0.1),
        d);
    assertNotEquals(d.withAlpha(0.2), d);
    assertEquals(d.withBeta(0.2).hashCode(), d.hashCode());
    // the same design gives the same study
    assertEquals(
        StoppingRuleStudy.simulate(d).sequential(), StoppingRuleStudy.simulate(d).sequential());
  }

  @Test
  void boundariesGivenTheWrongWayRoundAreRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StoppingRuleDesign.between(0.75, 0.6));
    assertEquals(
        "p1 (sufficient at or above) must exceed p0 (insufficient at or below), were p0=0.75,"
            + " p1=0.6",
        e.getMessage());
    StoppingRuleDesign d = StoppingRuleDesign.between(0.6, 0.75);
    assertEquals(
        "alpha must be strictly between 0 and 1, was 5.0",
        assertThrows(IllegalArgumentException.class, () -> d.withAlpha(5)).getMessage());
    assertEquals(
        "beta must be strictly between 0 and 1, was 0.0",
        assertThrows(IllegalArgumentException.class, () -> d.withBeta(0)).getMessage());
    assertEquals(
        "maxCases must be at least 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> d.withMaxCases(0)).getMessage());
    assertEquals(
        "runs must be at least 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> d.withRuns(0)).getMessage());
    assertEquals(
        "p0 must be strictly between 0 and 1, was 0.0",
        assertThrows(IllegalArgumentException.class, () -> StoppingRuleDesign.between(0, 0.5))
            .getMessage());
  }
}
