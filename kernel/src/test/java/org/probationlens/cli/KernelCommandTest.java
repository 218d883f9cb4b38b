package org.probationlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code lens kernel install}: its options and the kernel.json it writes. */
class KernelCommandTest {
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
            + "    \"-XX:+UseSerialGC\",\n"
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
  void optionsDefaultToTheSystemWideKernelNamedProbationLensWithFourGigabytes() {
    KernelCommand.InstallOptions options = KernelCommand.InstallOptions.parse(List.of());
    assertEquals(new KernelCommand.InstallOptions("probation-lens", "4g", false, null), options);
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
