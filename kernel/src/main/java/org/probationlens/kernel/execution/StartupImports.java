package org.probationlens.kernel.execution;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.probationlens.kernel.display.Display;

/**
 * What a session starts with: the kernel JVM's class path handed to JShell, and the imports an
 * analyst of probation volumes, payments and inspections expects without typing them (java.util,
 * java.time, Tablesaw's api and every first-level package of this library, found on the class path
 * so a package added later is imported without a change here).
 */
public final class StartupImports {
  private static final Logger LOG = Logger.getLogger(StartupImports.class.getName());

  /** Base imports every session starts with, before the library's own packages. */
  static final List<String> BASE_PACKAGES =
      List.of(
          "java.util",
          "java.util.function",
          "java.util.stream",
          "java.time",
          "java.io",
          "java.nio.file",
          "java.math",
          "tech.tablesaw.api");

  /** Packages of this project that are machinery, not analysis, and so are not imported. */
  static final Set<String> NOT_IMPORTED =
      Set.of("org.probationlens.kernel", "org.probationlens.cli");

  private final List<String> classPath;
  private final List<String> libraryPackages;

  private StartupImports(List<String> classPath, List<String> libraryPackages) {
    this.classPath = List.copyOf(classPath);
    this.libraryPackages = List.copyOf(libraryPackages);
  }

  /** The start-up of a kernel running on this JVM's class path. */
  public static StartupImports ofThisJvm() {
    List<String> classPath = classPath(System.getProperty("java.class.path"));
    return new StartupImports(classPath, libraryPackages(classPath));
  }

  /** The start-up for a given class path (entries as in java.class.path). */
  public static StartupImports of(List<String> classPath) {
    return new StartupImports(classPath, libraryPackages(classPath));
  }

  /** The class path entries JShell compiles snippets against, manifest Class-Paths followed. */
  public List<String> classPath() {
    return classPath;
  }

  /** The first-level packages org.probationlens.X imported into the session. */
  public List<String> libraryPackages() {
    return libraryPackages;
  }

  /** The import snippets, one a string, in the order they are evaluated. */
  List<String> snippets() {
    List<String> imports = new ArrayList<>();
    for (String pkg : BASE_PACKAGES) {
      imports.add("import " + pkg + ".*;");
    }
    for (String pkg : libraryPackages) {
      imports.add("import " + pkg + ".*;");
    }
    imports.add("import static " + Display.class.getName() + ".display;");
    imports.add("import static " + Display.class.getName() + ".clearOutput;");
    return imports;
  }

  /** A class path string's entries, with the Class-Path of manifest-only jars followed. */
  public static List<String> classPath(String javaClassPath) {
    Set<String> entries = new LinkedHashSet<>();
    for (String entry : javaClassPath.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        addWithManifest(Path.of(entry).toAbsolutePath(), entries);
      }
    }
    return new ArrayList<>(entries);
  }

  private static void addWithManifest(Path entry, Set<String> entries) {
    if (!entries.add(entry.toString())
        || !entry.toString().endsWith(".jar")
        || !Files.isRegularFile(entry)) {
      return;
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      if (jar.getManifest() == null) {
        return;
      }
      String manifestPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
      if (manifestPath == null) {
        return;
      }
      for (String item : manifestPath.trim().split("\\s+")) {
        Path resolved =
            item.startsWith("file:") ? Path.of(URI.create(item)) : entry.getParent().resolve(item);
        addWithManifest(resolved.normalize(), entries);
      }
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(Level.FINE, "cannot read manifest of " + entry, e);
    }
  }

  /** The first-level packages org.probationlens.X that hold classes on the class path. */
  public static List<String> libraryPackages(List<String> classPath) {
    Set<String> found = new TreeSet<>();
    for (String entry : classPath) {
      Path path = Path.of(entry);
      if (Files.isDirectory(path)) {
        Path root = path.resolve("org/probationlens");
        if (Files.isDirectory(root)) {
          try (Stream<Path> children = Files.list(root)) {
            children
                .filter(Files::isDirectory)
                .filter(StartupImports::holdsClasses)
                .forEach(d -> found.add("org.probationlens." + d.getFileName()));
          } catch (IOException e) {
            LOG.log(Level.FINE, "cannot list " + root, e);
          }
        }
      } else if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
        try (JarFile jar = new JarFile(path.toFile())) {
          jar.stream()
              .map(JarEntry::getName)
              .filter(n -> n.startsWith("org/probationlens/") && n.endsWith(".class"))
              .map(n -> n.substring(0, n.lastIndexOf('/')))
              .filter(n -> n.chars().filter(c -> c == '/').count() == 2)
              .forEach(n -> found.add(n.replace('/', '.')));
        } catch (IOException e) {
          LOG.log(Level.FINE, "cannot read " + path, e);
        }
      }
    }
    found.removeAll(NOT_IMPORTED);
    return List.copyOf(found);
  }

  private static boolean holdsClasses(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.anyMatch(f -> f.toString().endsWith(".class"));
    } catch (IOException e) {
      return false;
    }
  }
}
