package org.probationlens.kernel.execution;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.probationlens.data.synthetic.CaseGenerator;
import org.probationlens.reference.FigureCheck;
import org.probationlens.reference.FigureChecks;

/**
 * What a headless run of a notebook needs for its run record, gathered by the kernel so the
 * analyses stay free of it: every file a cell's code opened for reading (seen by {@link ExitGuard}
 * as the JDK asks it), every published-figure check a cell showed with its status, and the library
 * and generator versions. Written as JSON after every cell to the file named by the environment
 * variable {@value #ENV} when it is set (./lens run sets it); otherwise only kept.
 */
public final class RunLog {
  /** The environment variable naming the file the log is written to. */
  static final String ENV = "LENS_RUN_LOG";

  private static final Logger LOG = Logger.getLogger(RunLog.class.getName());
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  private final Set<String> filesRead = new LinkedHashSet<>();
  private final Map<String, Map<String, Object>> checks = new LinkedHashMap<>();
  private final Path javaHome = Path.of(System.getProperty("java.home")).toAbsolutePath();
  private final Optional<Path> target;

  RunLog(Optional<Path> target) {
    this.target = target;
  }

  /** The log of this process: written where {@value #ENV} says, if it is set. */
  public static RunLog fromEnvironment() {
    String file = System.getenv(ENV);
    return new RunLog(
        file == null || file.isBlank() ? Optional.empty() : Optional.of(Path.of(file)));
  }

  /** Notes a file a cell opened for reading (class files, jars and the JDK's own are skipped). */
  void fileRead(String file) {
    if (file == null
        || file.endsWith(".class")
        || file.endsWith(".jar")
        || file.endsWith(".jmod")
        || file.startsWith("/proc/")
        || file.startsWith("/sys/")) {
      return;
    }
    Path path;
    try {
      path = Path.of(file).toAbsolutePath().normalize();
    } catch (RuntimeException e) {
      return;
    }
    if (path.startsWith(javaHome)) {
      return;
    }
    synchronized (this) {
      filesRead.add(path.toString());
    }
  }

  /** Notes the published-figure checks in a value a cell showed. */
  public void shown(Object value) {
    if (value instanceof FigureCheck check) {
      check(check);
    } else if (value instanceof FigureChecks all) {
      all.checks().forEach(this::check);
    }
  }

  private synchronized void check(FigureCheck check) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", check.figure().id());
    entry.put("status", check.status().name());
    entry.put("pass", check.pass());
    entry.put("text", check.toString());
    checks.put(check.figure().id() + "|" + check.toString(), entry);
  }

  /** The files read so far, absolute, in first-read order, that are regular files. */
  public synchronized List<String> filesRead() {
    List<String> files = new ArrayList<>();
    for (String file : filesRead) {
      if (Files.isRegularFile(Path.of(file))) {
        files.add(file);
      }
    }
    return files;
  }

  /** The checks shown so far, each with id, status, pass and text. */
  synchronized List<Map<String, Object>> checks() {
    return new ArrayList<>(checks.values());
  }

  /** The log as JSON. */
  String json() {
    Map<String, Object> log = new LinkedHashMap<>();
    log.put(
        "library_version",
        Optional.ofNullable(RunLog.class.getPackage().getImplementationVersion())
            .orElse("development build"));
    log.put("generator_version", CaseGenerator.VERSION);
    log.put("java_version", System.getProperty("java.version"));
    log.put("working_directory", Path.of("").toAbsolutePath().toString());
    log.put("files_read", filesRead());
    log.put("registry_checks", checks());
    return GSON.toJson(log);
  }

  /** Writes the log where {@value #ENV} named, if it did; a failure is logged, not thrown. */
  public void write() {
    if (target.isEmpty()) {
      return;
    }
    try {
      Path file = target.get();
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temporary, json(), StandardCharsets.UTF_8);
      Files.move(
          temporary,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "cannot write the run log " + target.get(), e);
    }
  }
}
