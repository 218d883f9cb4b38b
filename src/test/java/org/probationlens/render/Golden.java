package org.probationlens.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test support: compares rendered output with a reviewed golden file under
 * src/test/resources/golden/render/. Run with {@code -Dgolden.update=true} to rewrite the files,
 * then review the diff before committing.
 */
final class Golden {

  private Golden() {}

  static Path file(String name) {
    return Path.of(System.getProperty("lens.projectDir", "."))
        .resolve("src/test/resources/golden/render")
        .resolve(name);
  }

  static void assertMatches(String name, String actual) throws IOException {
    Path file = file(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    if (!Files.exists(file)) {
      fail("golden file " + file + " is missing: run with -Dgolden.update=true and review it");
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "differs from " + file);
  }
}
