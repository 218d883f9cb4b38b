package org.probationlens.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One output per task, shown once and then updated in place under the same display id. */
class ProgressBarTest {
  @Test
  void theBarTextShowsTheShareDoneAndTheCounts() {
    // 150,000 of 300,000 is 50%: 15 of the 30 characters filled
    assertEquals(
        "reading cases.csv [===============               ] 50% 150,000 of 300,000 rows",
        ProgressBar.line("reading cases.csv", 300_000, "rows", 150_000));
    assertEquals("reading: 1,234 rows", ProgressBar.line("reading", 0, "rows", 1234));
  }

  @Test
  void aTaskIsOneDisplayThenUpdatesOfItAndItsFinalLine() {
    List<DisplayData> shown = new ArrayList<>();
    List<DisplayData> updated = new ArrayList<>();
    ProgressBar bar = new ProgressBar(shown::add, updated::add);
    bar.started(7, "generating cases", 300_000, "cases");
    bar.advanced(7, 100_000);
    bar.finished(7, 300_000, 2_100_000_000L, true);
    assertEquals(1, shown.size());
    assertEquals(2, updated.size());
    assertEquals("lens-progress-7", shown.get(0).getDisplayId());
    assertEquals("lens-progress-7", updated.get(1).getDisplayId());
    assertEquals(
        "generating cases: done, 300,000 cases in 2.1 s",
        updated.get(1).getData(MIMEType.TEXT_PLAIN));
  }
}
