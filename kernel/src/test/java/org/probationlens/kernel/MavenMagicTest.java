package org.probationlens.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.kernel.execution.CellMagicException;

/**
 * {@code %maven}: Maven artifacts resolved with their dependencies through the user's Maven
 * settings and added to the cells' class path. Every test resolves from a repository on disk (a
 * remote repository made here as a folder reached through a mirror, or the local repository the
 * build itself filled), so none depends on the network.
 */
class MavenMagicTest {
  private static LensKernel kernel;

  /** A remote repository in a folder: greeting 1.0, which depends on words 2.1. */
  @TempDir static Path remote;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws IOException {
    kernel = LensKernel.create();
    Path sources = Files.createTempDirectory("lens-maven-sources");
    // words 2.1: one class; greeting 1.0: a class that calls it, so greeting needs words to run
    publish(
        sources,
        "words",
        "2.1",
        "package org.example.lens.words;\n"
            + "public class Words { public static String hello() { return \"hello from words\"; } }\n",
        "",
        "");
    publish(
        sources,
        "greeting",
        "1.0",
        "package org.example.lens.greeting;\n"
            + "public class Greeting {\n"
            + "  public static String greet() {\n"
            + "    return org.example.lens.words.Words.hello() + \", via greeting\";\n"
            + "  }\n"
            + "}\n",
        "<dependencies><dependency><groupId>org.example.lens</groupId>"
            + "<artifactId>words</artifactId><version>2.1</version></dependency>"
            + "<dependency><groupId>org.example.lens</groupId><artifactId>testonly</artifactId>"
            + "<version>1.0</version><scope>test</scope></dependency></dependencies>",
        remote.resolve("org/example/lens/words/2.1/words-2.1.jar").toString());
  }

  @AfterAll
  static void stop() {
    kernel.onShutdown(false);
  }

  /**
   * Compiles one class into a jar and writes it with its POM into the remote folder, in Maven's
   * repository layout (group/artifact/version/artifact-version.jar).
   */
  private static void publish(
      Path sources,
      String artifact,
      String version,
      String source,
      String dependencies,
      String classPath)
      throws IOException {
    String className = source.split("public class ")[1].split(" ")[0];
    String pkg = source.substring("package ".length(), source.indexOf(';'));
    Path src =
        sources.resolve(artifact).resolve(pkg.replace('.', '/')).resolve(className + ".java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, source);
    Path classes = sources.resolve(artifact + "-classes");
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args =
        classPath.isEmpty()
            ? List.of("-d", classes.toString(), src.toString())
            : List.of("-cp", classPath, "-d", classes.toString(), src.toString());
    assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "javac " + args);
    Path folder = remote.resolve("org/example/lens").resolve(artifact).resolve(version);
    Files.createDirectories(folder);
    String entry = pkg.replace('.', '/') + "/" + className + ".class";
    try (OutputStream out =
            Files.newOutputStream(folder.resolve(artifact + "-" + version + ".jar"));
        JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new JarEntry(entry));
      jar.write(Files.readAllBytes(classes.resolve(entry)));
      jar.closeEntry();
    }
    Files.writeString(
        folder.resolve(artifact + "-" + version + ".pom"),
        "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
            + "<groupId>org.example.lens</groupId><artifactId>"
            + artifact
            + "</artifactId><version>"
            + version
            + "</version>"
            + dependencies
            + "</project>");
  }

  /**
   * A settings.xml with a fresh local repository under this test's folder and a mirror of every
   * repository (Central included) at the remote folder, so nothing goes to the network.
   */
  private Path settings(boolean offline) throws IOException {
    Path file = dir.resolve("settings.xml");
    Files.writeString(
        file,
        "<settings>\n"
            + "  <localRepository>"
            + dir.resolve("local")
            + "</localRepository>\n"
            + "  <offline>"
            + offline
            + "</offline>\n"
            + "  <mirrors><mirror><id>team-mirror</id><mirrorOf>*</mirrorOf><url>"
            + remote.toUri()
            + "</url></mirror></mirrors>\n"
            + "</settings>\n");
    return file;
  }

  private static String text(DisplayData data) {
    return (String) data.getData(MIMEType.TEXT_PLAIN);
  }

  @Test
  void resolvesAnArtifactWithItsDependencyThroughTheSettingsMirror() throws Exception {
    Path settings = settings(false);
    String said = text(kernel.eval("%maven -s " + settings + " org.example.lens:greeting:1.0"));
    Path local = dir.resolve("local");
    Path greeting = local.resolve("org/example/lens/greeting/1.0/greeting-1.0.jar");
    Path words = local.resolve("org/example/lens/words/2.1/words-2.1.jar");
    // the two jars, fetched through the mirror into the settings' local repository; not the
    // test-scoped dependency, which Maven leaves out of the runtime class path
    assertEquals(
        "resolved 2 jars from local repository "
            + local
            + "; team-mirror ("
            + remote.toUri()
            + ", mirror of central) (settings: "
            + settings
            + "):\n"
            + "  org.example.lens:greeting:jar:1.0\n"
            + "  org.example.lens:words:jar:2.1\n"
            + "added to the class path:\n"
            + "  "
            + greeting
            + "\n  "
            + words,
        said);
    assertTrue(Files.isRegularFile(greeting) && Files.isRegularFile(words));
    // greeting's class calls words': it runs only if the transitive dependency is there too
    assertEquals(
        "hello from words, via greeting",
        text(kernel.eval("org.example.lens.greeting.Greeting.greet()")));
    // asked again: resolved from the local repository, nothing added twice
    assertTrue(
        text(kernel.eval("%maven -s " + settings + " org.example.lens:greeting:1.0"))
            .endsWith(
                "  org.example.lens:words:jar:2.1\n"
                    + "already on the class path, not added again:\n  "
                    + greeting
                    + "\n  "
                    + words));
  }

  @Test
  void aMissingArtifactNamesItsCoordinatesAndTheRepositoriesTried() throws Exception {
    Path settings = settings(false);
    CellMagicException e =
        assertThrows(
            CellMagicException.class,
            () -> kernel.eval("%maven -s " + settings + " org.example.lens:absent:9.9"));
    assertEquals("MavenResolutionException", e.name());
    String message = e.getMessage();
    assertTrue(
        message.startsWith(
            "%maven org.example.lens:absent:9.9: not found: org.example.lens:absent:jar:9.9."
                + " Tried: local repository "
                + dir.resolve("local")
                + "; team-mirror ("
                + remote.toUri()
                + ", mirror of central)"),
        message);
    // then what the resolver said, and that nothing changed
    assertTrue(
        message.endsWith(
            "The resolver said: Could not find artifact org.example.lens:absent:jar:9.9 in"
                + " team-mirror ("
                + remote.toUri()
                + "). Nothing was added to the class path."),
        message);
  }

  @Test
  void offlineInTheSettingsIsHonoured() throws Exception {
    // the artifact is in the remote folder, but the settings say offline and the local
    // repository is empty: nothing may be fetched
    Path settings = settings(true);
    CellMagicException e =
        assertThrows(
            CellMagicException.class,
            () -> kernel.eval("%maven -s " + settings + " org.example.lens:words:2.1"));
    assertTrue(
        e.getMessage()
            .startsWith(
                "%maven org.example.lens:words:2.1: not in the local repository, and Maven is"
                    + " offline (settings or -o): org.example.lens:words:jar:2.1. Tried: local"
                    + " repository "
                    + dir.resolve("local")
                    + "; team-mirror ("
                    + remote.toUri()
                    + ", mirror of central); offline (settings: "
                    + settings
                    + ")."),
        e.getMessage());
    assertFalse(
        Files.exists(dir.resolve("local/org/example/lens/words/2.1/words-2.1.jar")),
        "fetched although offline");
  }

  @Test
  void badCoordinatesSayWhatIsExpected() {
    CellMagicException e =
        assertThrows(CellMagicException.class, () -> kernel.eval("%maven org.duckdb:duckdb_jdbc"));
    assertEquals(
        "%maven org.duckdb:duckdb_jdbc is not Maven coordinates: expected GROUP:ARTIFACT:VERSION,"
            + " such as org.duckdb:duckdb_jdbc:1.1.3",
        e.getMessage());
  }

  @Test
  void duckDbFromTheUsersLocalRepositoryOpensThroughDriverManager() throws Exception {
    // the local repository this build itself used (~/.m2/repository unless told otherwise): the
    // kernel's pom copies DuckDB's JDBC jar for its tests, so it is there; offline, so nothing
    // else is asked
    Path local = Path.of(System.getProperty("lens.test.localRepository"));
    Path settings = dir.resolve("settings.xml");
    Files.writeString(
        settings,
        "<settings><localRepository>" + local + "</localRepository></settings>",
        StandardCharsets.UTF_8);
    String said = text(kernel.eval("%maven -o -s " + settings + " org.duckdb:duckdb_jdbc:2.0.0.1"));
    assertTrue(
        said.endsWith(
            local.resolve("org/duckdb/duckdb_jdbc/2.0.0.1/duckdb_jdbc-2.0.0.1.jar")
                + "\nJDBC drivers registered with DriverManager:\n  org.duckdb.DuckDBDriver"),
        said);
    assertEquals(
        "42",
        text(
            kernel.eval(
                "var lensDb = java.sql.DriverManager.getConnection(\"jdbc:duckdb:\");\n"
                    + "var lensRows = lensDb.createStatement().executeQuery(\"select 6 * 7\");\n"
                    + "lensRows.next();\n"
                    + "lensRows.getInt(1)")));
  }
}
