package org.probationlens.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Progress as the library reports it: throttled updates, one end, and checked arguments. */
class ProgressTest {
  private final List<String> heard = new ArrayList<>();

  private final ProgressView recorder =
      new ProgressView() {
        @Override
        public void started(long id, String what, long total, String unit) {
          heard.add("started " + what + " " + total + " " + unit);
        }

        @Override
        public void advanced(long id, long done) {
          heard.add("advanced " + done);
        }

        @Override
        public void finished(long id, long done, long nanos, boolean completed) {
          heard.add("finished " + done + " " + completed);
        }
      };

  @AfterEach
  void noListener() {
    Progress.listen(null);
  }

  @Test
  void aFastLoopReachesTheListenerOnlyAtItsLastUnitAndEndsOnce() {
    Progress.listen(recorder);
    try (Progress.Task task = Progress.start("generating cases", 100_000, "cases")) {
      for (int i = 0; i < 100_000; i++) {
        task.advance(1);
      }
      task.close();
    }
    // 100,000 advances in well under 250 ms: only the last unit is reported, and one end
    assertEquals(
        List.of("started generating cases 100000 cases", "advanced 100000", "finished 100000 true"),
        heard);
  }

  @Test
  void aTaskClosedEarlySaysItDidNotComplete() {
    Progress.listen(recorder);
    try (Progress.Task task = Progress.start("reading cases.csv", 10, "rows")) {
      task.advance(3);
    }
    assertEquals("finished 3 false", heard.get(heard.size() - 1));
  }

  @Test
  void withoutAListenerATaskOnlyCounts() {
    try (Progress.Task task = Progress.start("reading", 0, "rows")) {
      task.advance(5);
      assertEquals(5, task.done());
    }
    assertEquals(List.of(), heard);
  }

  @Test
  void blankNamesAndNegativeTotalsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Progress.start(" ", 1, "rows"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Progress.start("reading", -1, "rows"));
    assertEquals(
        "progress of reading: total -1 is negative; expected 0 (unknown) or more", e.getMessage());
  }

  @Test
  void workThatCountsForItselfMovesTheTaskTo() {
    Progress.listen(recorder);
    try (Progress.Task task = Progress.start("generating cases", 300, "cases")) {
      task.moveTo(100);
      task.moveTo(300);
    }
    assertEquals("advanced 300", heard.get(heard.size() - 2));
    assertEquals("finished 300 true", heard.get(heard.size() - 1));
  }
}
