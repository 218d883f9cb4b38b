package org.probationlens.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The stopping-rule figures quoted in notebook 05 and the issue note. Printed by {@code mvn -B -o
 * -q test -Dtest=StoppingRuleStudyTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class StoppingRuleStudyTest {

  @Test
  void theSequentialRuleKeepsItsErrorsAndSavesCases() {
    StoppingRuleStudy s =
        StoppingRuleStudy.simulate(
            StoppingRuleDesign.between(0.6, 0.75)
                .withAlpha(0.05)
                .withBeta(0.05)
                .withMaxCases(400)
                .withRuns(20_000)
                .withSeed(2014));
    System.out.println(s.title());
    System.out.println(s.table().print());
    s.notes().forEach(n -> System.out.println("- " + n));
    // Wald: a' <= a/(1-b) = 0.0526 (+ 4 Monte Carlo SE of 0.0016 at 20,000 runs = 0.059).
    assertTrue(s.sequentialAlpha() <= 0.059, "alpha " + s.sequentialAlpha());
    assertTrue(s.sequentialBeta() <= 0.059, "beta " + s.sequentialBeta());
    assertEquals(103, s.fixed().cases());
    assertTrue(s.sequential().get(0).meanCases() < 0.7 * 103);
    assertTrue(s.sequential().get(2).meanCases() < 0.7 * 103);
    // the naive rule, looking at a 95% interval after every case, clears the midpoint far more
    // often than 5% when the true share is the midpoint
    assertTrue(s.naive().get(1).decisiveShare() > 0.15, "naive " + s.naive().get(1));
  }
}
