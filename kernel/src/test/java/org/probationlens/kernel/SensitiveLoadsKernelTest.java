package org.probationlens.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bare table cut by hand from official-sensitive records in a kernel cell is drawn under
 * disclosure control from the moment the records are loaded, before any result built on them.
 */
class SensitiveLoadsKernelTest {
  private static LensKernel kernel;

  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    kernel = LensKernel.create();
    Path sample = Path.of(System.getProperty("lens.projectDir", "..")).resolve("data/sample");
    Files.copy(sample.resolve("cases.csv"), dir.resolve("cases.csv"));
  }

  @AfterAll
  static void stop() {
    kernel.onShutdown(false);
  }

  private static String html(DisplayData data) {
    return String.valueOf(data.getData(MIMEType.TEXT_HTML));
  }

  @Test
  void aCountByOnRealCasesIsPerturbedWhenDrawn() throws Exception {
    String table =
        "Table.create(\"by type\", StringColumn.create(\"work_type\", \"CO\", \"SSO\"),"
            + " IntColumn.create(\"cases\", 7, 120))";
    assertFalse(html(kernel.eval(table)).contains("pl-disclosure"), "nothing real loaded yet");
    kernel.eval(
        "LoadedDataset cases = CaseRecords.load(Path.of(\""
            + dir.resolve("cases.csv")
            + "\"), Provenance.Kind.OFFICIAL_SENSITIVE);");
    String drawn = html(kernel.eval("cases.table().countBy(\"work_type\")"));
    assertTrue(drawn.contains("pl-disclosure"), drawn);
    assertTrue(drawn.contains("cell key method"), drawn);
    assertTrue(drawn.contains("official-sensitive records were used in this session"), drawn);
  }
}
