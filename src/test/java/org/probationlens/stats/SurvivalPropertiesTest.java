package org.probationlens.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SurvivalPropertiesTest {

  /** One subject: a whole-number time (ties are common), an event flag and a group 0..3. */
  record Subject(int time, boolean event, int group) {}

  @Provide
  Arbitrary<List<Subject>> subjects() {
    Arbitrary<Subject> one =
        Combinators.combine(
                Arbitraries.integers().between(0, 30),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 3))
            .as(Subject::new);
    return one.list().ofMinSize(1).ofMaxSize(60);
  }

  @Property
  void survivalIsNonIncreasingAndInUnitInterval(@ForAll("subjects") List<Subject> data) {
    KaplanMeierCurve km = KaplanMeier.estimate(times(data), events(data));
    double previous = 1.0;
    for (SurvivalStep s : km.steps()) {
      assertTrue(s.survival() >= 0 && s.survival() <= 1, "S in [0,1]: " + s);
      assertTrue(s.survival() <= previous, "S non-increasing: " + s);
      if (s.survival() > 0) {
        assertTrue(s.lower() <= s.survival() && s.survival() <= s.upper(), "band: " + s);
      }
      previous = s.survival();
    }
    int atRiskAtStart = km.steps().get(0).atRisk();
    assertEquals(data.size(), atRiskAtStart);
  }

  @Property
  void logRankIsInvariantUnderRelabellingOfGroups(
      @ForAll("subjects") List<Subject> data, @ForAll("permutations") List<String> labels) {
    String[] a = new String[data.size()];
    String[] b = new String[data.size()];
    for (int i = 0; i < data.size(); i++) {
      a[i] = "g" + data.get(i).group();
      b[i] = labels.get(data.get(i).group());
    }
    LogRankResult first;
    try {
      first = LogRankTest.test(times(data), events(data), a);
    } catch (IllegalArgumentException notTestable) {
      // fewer than 2 groups, or no event time with two groups at risk: both labellings must agree
      try {
        LogRankTest.test(times(data), events(data), b);
      } catch (IllegalArgumentException alsoNot) {
        return;
      }
      throw new AssertionError("relabelled data became testable");
    }
    LogRankResult second = LogRankTest.test(times(data), events(data), b);
    assertEquals(first.statistic(), second.statistic(), 1e-8 * Math.max(1, first.statistic()));
    assertEquals(first.degreesOfFreedom(), second.degreesOfFreedom());
    assertEquals(first.pValue(), second.pValue(), 1e-8);
  }

  @Provide
  Arbitrary<List<String>> permutations() {
    return Arbitraries.shuffle(List.of("zeta", "alpha", "mu", "beta"));
  }

  private static double[] times(List<Subject> data) {
    return data.stream().mapToDouble(Subject::time).toArray();
  }

  private static boolean[] events(List<Subject> data) {
    boolean[] e = new boolean[data.size()];
    for (int i = 0; i < e.length; i++) {
      e[i] = data.get(i).event();
    }
    return e;
  }
}
