package org.probationlens.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.kernel.LensKernel;
import org.probationlens.reference.FigureChecks;
import org.probationlens.reference.PublishedFigures;

/** What a headless run's record is built from: files read by cells and checks they showed. */
class RunLogTest {
  @TempDir Path dir;

  @Test
  void filesReadAreKeptOnceAbsoluteAndJdkClassAndJarFilesAreSkipped() throws Exception {
    Path cases = Files.writeString(dir.resolve("cases.csv"), "case_id\n");
    RunLog log = new RunLog(Optional.empty());
    log.fileRead(cases.toString());
    log.fileRead(cases.toString());
    log.fileRead(dir.resolve("Snippet.class").toString());
    log.fileRead(dir.resolve("lib.jar").toString());
    log.fileRead(Path.of(System.getProperty("java.home"), "lib", "modules").toString());
    log.fileRead(dir.resolve("checked-but-missing.csv").toString());
    assertEquals(List.of(cases.toString()), log.filesRead());
  }

  @Test
  void aFileACellReadsIsRecordedThroughTheKernel() throws Exception {
    Path cases = Files.writeString(dir.resolve("read-by-a-cell.csv"), "case_id\nK1\n");
    LensKernel kernel = LensKernel.create();
    try {
      kernel.eval("Files.readAllLines(Path.of(\"" + cases + "\")).size()");
      assertTrue(kernel.runLog().filesRead().contains(cases.toString()));
    } finally {
      kernel.onShutdown(false);
    }
  }

  @Test
  void checksShownAreWrittenWithTheirStatusToTheNamedFile() throws Exception {
    Path target = dir.resolve("run-log.json");
    RunLog log = new RunLog(Optional.of(target));
    PublishedFigures published = PublishedFigures.standard();
    // the published 2015-16 shortfall range is 6 to 36 percent: 50 to 60 cannot pass
    var check =
        published.check(
            "shortfall_range_2015_16",
            50.0,
            60.0,
            org.probationlens.provenance.Sources.assumed("test: deliberately wrong"));
    log.shown(FigureChecks.of(check));
    log.write();
    JsonObject written = JsonParser.parseString(Files.readString(target)).getAsJsonObject();
    JsonObject entry = written.getAsJsonArray("registry_checks").get(0).getAsJsonObject();
    assertEquals("shortfall_range_2015_16", entry.get("id").getAsString());
    assertEquals(false, entry.get("pass").getAsBoolean());
    assertEquals("NOT_REPRODUCED", entry.get("status").getAsString());
    assertEquals("2", written.get("generator_version").getAsString());
  }
}
