package org.probationlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lens kernel install}: its options and the kernel.json it writes. */
class KernelCommandTest {
  @Test
  void theDefaultHeapIsHalfTheMachinesMemoryInWholeGigabytes() {
    // 24 GiB of memory: half is 12g; 3 GiB: 1.5, so 1g; 1 GiB: still at least 1g
    assertEquals("12g", KernelCommand.heapFor(24L << 30));
    assertEquals("1g", KernelCommand.heapFor(3L << 30));
    assertEquals("1g", KernelCommand.heapFor(1L << 30));
    assertEquals("7g", KernelCommand.heapFor((15L << 30) + 123));
  }

  @Test
  void kernelJsonRunsThisJarWithTheJavaFoundAndAHeapAndInterruptsByMessage() {
    String json =
        KernelCommand.kernelJson(
            Path.of("/usr/lib/jvm/java-17/bin/java"), Path.of("/opt/lens/lens-all.jar"), "6g");
    assertEquals(
        "{\n"
            + "  \"argv\": [\n"
            + "    \"/usr/lib/jvm/java-17/bin/java\",\n"
            + "    \"-Xmx6g\",\n"
            + "    \"-XX:TieredStopAtLevel=1\",\n"
            + "    \"-XX:+UseParallelGC\",\n"
            + "    \"-Djava.awt.headless=true\",\n"
            + "    \"-Djava.security.manager=allow\",\n"
            + "    \"-jar\",\n"
            + "    \"/opt/lens/lens-all.jar\",\n"
            + "    \"kernel\",\n"
            + "    \"run\",\n"
            + "    \"{connection_file}\"\n"
            + "  ],\n"
            + "  \"display_name\": \"Java (Probation Lens)\",\n"
            + "  \"language\": \"java\",\n"
            + "  \"interrupt_mode\": \"message\",\n"
            + "  \"metadata\": {\"debugger\": false}\n"
            + "}\n",
        json);
  }

  @Test
  void theKernelspecCarriesTheBundledPlotlyJsWithItsLicence(@TempDir Path dir) throws Exception {
    KernelCommand.writeSpec(dir, "{}\n");
    assertEquals("{}\n", Files.readString(dir.resolve("kernel.json")));
    // the same bytes as the npm package's plotly.min.js: its SHA-256 is the one pinned in the
    // library's pom.xml (plotly.sha256) and checked by scripts/bundle-plotly.sh
    byte[] script = Files.readAllBytes(dir.resolve("plotly.min.js"));
    assertEquals(
        "2f645d1bade8182fce161b7f10f89402f8b315805250ff4a94672a28d23c390a",
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(script)));
    assertTrue(Files.readString(dir.resolve("plotly.LICENSE.txt")).contains("MIT"));
  }

  @Test
  void optionsDefaultToTheSystemWideKernelNamedProbationLensWithHalfTheMemory() {
    KernelCommand.InstallOptions options = KernelCommand.InstallOptions.parse(List.of());
    assertEquals(
        new KernelCommand.InstallOptions(
            "probation-lens", KernelCommand.defaultHeap(), false, null),
        options);
  }

  @Test
  void badOptionsAreRefusedNamingTheValue() {
    assertEquals(
        "--heap lots: expected a size such as 4g or 2048m",
        assertThrows(
                IllegalArgumentException.class,
                () -> KernelCommand.InstallOptions.parse(List.of("--heap", "lots")))
            .getMessage());
    assertEquals(
        "--name my kernel: expected letters, digits, '.', '_' or '-'",
        assertThrows(
                IllegalArgumentException.class,
                () -> KernelCommand.InstallOptions.parse(List.of("--name", "my kernel")))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> KernelCommand.InstallOptions.parse(List.of("--user", "--prefix", "/tmp/x")));
  }
}
