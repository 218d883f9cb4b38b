package org.probationlens.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session's start-up: the class path JShell is given and the packages imported. */
class StartupImportsTest {
  @TempDir Path dir;

  private Path jar(String name, String classPath, String... classes) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (classPath != null) {
      manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    }
    Path jar = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      for (String entry : classes) {
        out.putNextEntry(new JarEntry(entry));
        out.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void aManifestOnlyJarsClassPathIsFollowed() throws IOException {
    Path library = jar("library.jar", null, "org/probationlens/area/Geography.class");
    Path launcher = jar("launcher.jar", "library.jar");
    assertEquals(
        List.of(launcher.toString(), library.toString()),
        StartupImports.classPath(launcher.toString()));
  }

  @Test
  void firstLevelLibraryPackagesAreImportedButNotTheKernelOrCli() throws IOException {
    // two analysis packages, a nested package (not first level), and the machinery
    Path jar =
        jar(
            "lens.jar",
            null,
            "org/probationlens/area/Geography.class",
            "org/probationlens/volume/VolumeVariance.class",
            "org/probationlens/volume/detail/Row.class",
            "org/probationlens/kernel/LensKernel.class",
            "org/probationlens/cli/Lens.class");
    Path classes = dir.resolve("classes/org/probationlens/court");
    Files.createDirectories(classes);
    Files.writeString(classes.resolve("Court.class"), "");
    Files.createDirectories(dir.resolve("classes/org/probationlens/empty"));
    StartupImports startup =
        StartupImports.of(List.of(jar.toString(), dir.resolve("classes").toString()));
    assertEquals(
        List.of("org.probationlens.area", "org.probationlens.court", "org.probationlens.volume"),
        startup.libraryPackages());
    List<String> snippets = startup.snippets();
    assertEquals("import java.util.*;", snippets.get(0));
    assertTrue(snippets.contains("import org.probationlens.court.*;"), snippets.toString());
    assertEquals(
        "import static org.probationlens.kernel.display.Display.clearOutput;",
        snippets.get(snippets.size() - 1));
  }
}
