package org.probationlens.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.probationlens.progress.Progress;
import org.probationlens.progress.ProgressView;
import org.probationlens.provenance.Result;
import org.probationlens.stats.DisclosurePolicy;

class LensSessionTest {

  @Test
  void eachSessionKeepsItsOwnDisclosureSettings() {
    LensSession a = new LensSession();
    LensSession b = new LensSession();
    a.protectSynthetic(true);
    a.disclosurePolicy(DisclosurePolicy.withDefaults().withRounding(5));
    assertFalse(b.protectSynthetic());
    assertEquals(DisclosurePolicy.withDefaults(), b.disclosurePolicy());
    Result synthetic = DisclosureRenderTest.hand(DisclosureRenderTest.SYNTHETIC);
    assertEquals(
        Optional.of(DisclosurePolicy.withDefaults().withRounding(5)),
        Disclosure.policyFor(synthetic, a));
    assertEquals(Optional.empty(), Disclosure.policyFor(synthetic, b));
    a.resetDisclosure();
    assertFalse(a.protectSynthetic());
    assertEquals(DisclosurePolicy.withDefaults(), a.disclosurePolicy());
  }

  @Test
  void theStaticEntryPointsFollowTheSessionInUse() {
    LensSession mine = new LensSession();
    LensSession before = LensSession.use(mine);
    try {
      assertSame(mine, LensSession.current());
      Disclosure.onForSynthetic(true);
      assertTrue(mine.protectSynthetic());
      assertFalse(before.protectSynthetic());
      List<String> seen = new ArrayList<>();
      mine.progress()
          .listen(
              new ProgressView() {
                @Override
                public void started(long id, String what, long total, String unit) {
                  seen.add(what);
                }

                @Override
                public void advanced(long id, long done) {}

                @Override
                public void finished(long id, long done, long nanos, boolean completed) {}
              });
      try (Progress.Task task = Progress.start("reading cases.csv", 1, "rows")) {
        task.advance(1);
      }
      assertEquals(List.of("reading cases.csv"), seen);
      List<Object> shown = new ArrayList<>();
      mine.displayTo(
          new LensSession.Output() {
            @Override
            public void show(Object value) {
              shown.add(value);
            }

            @Override
            public void clearOutput(boolean wait) {
              shown.add("cleared " + wait);
            }
          });
      mine.display("area 1 of 21");
      mine.clearOutput(true);
      assertEquals(List.of("area 1 of 21", "cleared true"), shown);
    } finally {
      LensSession.use(before);
    }
    assertSame(before, LensSession.current());
    assertSame(before.progress(), Progress.reporter());
  }
}
