package org.probationlens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.progress.Progress;
import org.probationlens.progress.ProgressView;

/**
 * A large read of {@code cases.csv} is shown as one progress task counting bytes, advancing as each
 * block is parsed and ending at the file's size; a small read shows nothing.
 */
class CaseCsvProgressTest {

  @TempDir Path dir;

  /** Every call the reader makes on the view, in order. */
  private static final class Recorder implements ProgressView {
    final List<String> started = Collections.synchronizedList(new ArrayList<>());
    final List<Long> advanced = Collections.synchronizedList(new ArrayList<>());
    final List<String> finished = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void started(long id, String what, long total, String unit) {
      started.add(what + "|" + total + "|" + unit);
    }

    @Override
    public void advanced(long id, long done) {
      advanced.add(done);
    }

    @Override
    public void finished(long id, long done, long nanos, boolean completed) {
      finished.add(done + "|" + completed);
    }
  }

  @AfterEach
  void stopListening() {
    Progress.listen(null);
  }

  /** The sample's 10,000 rows written {@code copies} times, each row with a new case_id. */
  private Path sampleCopies(int copies) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("data/sample/cases.csv"));
    Path file = dir.resolve("cases.csv");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      out.write(lines.get(0));
      out.write('\n');
      int id = 0;
      for (int c = 0; c < copies; c++) {
        for (int r = 1; r < lines.size(); r++) {
          String line = lines.get(r);
          out.write(String.format("K%08d", ++id));
          out.write(line, line.indexOf(','), line.length() - line.indexOf(','));
          out.write('\n');
        }
      }
    }
    return file;
  }

  @Test
  void aLargeReadReportsMonotoneProgressEndingAtTheFileSize() throws IOException {
    Path file = sampleCopies(24); // 240,000 rows, about 18 MB: three 8 MiB blocks
    long size = Files.size(file);
    assertTrue(size > 2 * CaseCsv.PROGRESS_MIN_BYTES, "size " + size);
    Recorder view = new Recorder();
    Progress.listen(view);
    ColumnTable table = CaseCsv.read(file, 2);
    assertEquals(240_000, table.rowCount());
    assertEquals(List.of("reading cases.csv|" + size + "|bytes"), view.started);
    assertTrue(!view.advanced.isEmpty(), "no update");
    for (int i = 1; i < view.advanced.size(); i++) {
      assertTrue(view.advanced.get(i) > view.advanced.get(i - 1), "not monotone: " + view.advanced);
    }
    assertEquals(size, view.advanced.get(view.advanced.size() - 1));
    assertEquals(List.of(size + "|true"), view.finished);
  }

  @Test
  void aSmallReadStartsNoTask() throws IOException {
    Path file = sampleCopies(1);
    assertTrue(Files.size(file) < CaseCsv.PROGRESS_MIN_BYTES);
    Recorder view = new Recorder();
    Progress.listen(view);
    assertEquals(10_000, CaseCsv.read(file, 2).rowCount());
    assertEquals(List.of(), view.started);
    assertEquals(List.of(), view.advanced);
    assertEquals(List.of(), view.finished);
  }
}
