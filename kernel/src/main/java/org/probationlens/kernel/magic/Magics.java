package org.probationlens.kernel.magic;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.probationlens.data.synthetic.CaseGenerator;
import org.probationlens.kernel.execution.CellCompilationException;
import org.probationlens.kernel.execution.CellException;
import org.probationlens.kernel.execution.CellMagicException;
import org.probationlens.kernel.execution.CellRunner;
import org.probationlens.kernel.execution.RunLog;
import org.probationlens.kernel.execution.StartupImports;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.Result;

/**
 * The kernel's magics, with IPython's and JJava's names: a line that starts with {@code %name} is a
 * line magic, a cell whose first line is {@code %%name} a cell magic. The rest of a cell is Java,
 * run as usual, with its line numbers kept in error reports.
 */
public final class Magics {
  /** One magic: its name, whether it is a cell magic, its usage line and what it does. */
  record Magic(String name, boolean cell, String usage, String help) {
    Magic {
      if (name.isBlank() || usage.isBlank() || help.isBlank()) {
        throw new IllegalArgumentException("a magic needs a name, a usage and a help text");
      }
    }

    /** How it is typed: {@code %time} or {@code %%time}. */
    String typed() {
      return (cell ? "%%" : "%") + name;
    }
  }

  /** Every magic, in the order %lsmagic lists them. */
  static final List<Magic> ALL =
      List.of(
          new Magic(
              "time",
              false,
              "%time CODE",
              "Runs CODE (Java on the rest of the line) and prints its wall time and the kernel"
                  + " process's CPU time."),
          new Magic(
              "timeit",
              false,
              "%timeit [-n LOOPS] [-r REPEATS] CODE",
              "Runs CODE many times and prints the mean and standard deviation of one run over"
                  + " REPEATS repeats (default 7) of LOOPS loops (default: chosen so a repeat"
                  + " takes at least 0.2 s)."),
          new Magic(
              "load",
              false,
              "%load FILE",
              "Runs the Java of FILE (.jsh or .java, relative to the notebook's folder) as if it"
                  + " were typed in the cell."),
          new Magic(
              "classpath",
              false,
              "%classpath [add PATH...]",
              "Shows the class path cells are compiled against; with add, adds jars or folders"
                  + " to it."),
          new Magic(
              "maven",
              false,
              "%maven [-s SETTINGS] [-o] GROUP:ARTIFACT:VERSION...",
              "Resolves Maven artifacts and their runtime dependencies through your Maven"
                  + " settings (~/.m2/settings.xml: local repository, mirrors, proxies, offline;"
                  + " -s another settings file, -o offline) and adds the jars to the class path,"
                  + " registering the JDBC drivers among them."),
          new Magic(
              "lens",
              false,
              "%lens",
              "Shows the Probation Lens library and generator versions, the data held in this"
                  + " session's variables with their provenance, and the files cells have read"
                  + " with their SHA-256."),
          new Magic("lsmagic", false, "%lsmagic", "Lists the magics."),
          new Magic(
              "time",
              true,
              "%%time",
              "Runs the rest of the cell and prints its wall time and the kernel process's CPU"
                  + " time."),
          new Magic(
              "timeit",
              true,
              "%%timeit [-n LOOPS] [-r REPEATS]",
              "Times the rest of the cell as %timeit does (declarations are not allowed in it)."),
          new Magic(
              "html",
              true,
              "%%html",
              "Shows the rest of the cell as HTML (with the text itself as the plain-text"
                  + " fallback)."),
          new Magic(
              "markdown", true, "%%markdown", "Shows the rest of the cell as Markdown prose."));

  private static final Pattern LINE_MAGIC = Pattern.compile("^%([A-Za-z_]\\w*)(.*)$");
  private static final Pattern CELL_MAGIC = Pattern.compile("^%%([A-Za-z_]\\w*)(.*)$");

  /** What magics need from the kernel. */
  public interface Host {
    /** Runs Java as a cell (the text keeps the cell's line breaks so line numbers hold). */
    DisplayData runJava(String code) throws CellException;

    /** The session's JShell, for the class path and variables. */
    CellRunner runner();

    /** The files cells have read. */
    RunLog runLog();
  }

  private final Host host;

  public Magics(Host host) {
    this.host = host;
  }

  /** Whether a cell uses any magic (else it is run as Java untouched). */
  public static boolean usesMagic(String code) {
    return code.lines().anyMatch(line -> line.startsWith("%"));
  }

  /** Runs a cell that may hold magics; returns what the cell shows as its result. */
  public DisplayData run(String code) throws CellException {
    if (!usesMagic(code)) {
      return host.runJava(code);
    }
    String[] lines = code.split("\n", -1);
    Matcher cell = CELL_MAGIC.matcher(lines[0]);
    if (cell.matches()) {
      String body = "\n" + code.substring(Math.min(code.length(), lines[0].length() + 1));
      return cellMagic(cell.group(1), cell.group(2).strip(), body);
    }
    DisplayData result = null;
    StringBuilder java = new StringBuilder();
    boolean pending = false;
    for (int i = 0; i < lines.length; i++) {
      Matcher line = LINE_MAGIC.matcher(lines[i]);
      if (line.matches()) {
        if (pending) {
          result = host.runJava(java.toString());
          pending = false;
        }
        result = lineMagic(line.group(1), line.group(2).strip(), "\n".repeat(i));
        java.setLength(0);
        java.append("\n".repeat(i + 1));
      } else {
        java.append(lines[i]).append('\n');
        pending |= !lines[i].isBlank();
      }
    }
    if (pending) {
      result = host.runJava(java.toString());
    }
    return result;
  }

  private DisplayData lineMagic(String name, String args, String padding) throws CellException {
    switch (name) {
      case "time":
        return timed(padding + args);
      case "timeit":
        return timeit(args, padding, null);
      case "load":
        return load(args);
      case "classpath":
        return classpath(args);
      case "maven":
        return maven(args);
      case "lens":
        return text(lens());
      case "lsmagic":
        return text(lsmagic());
      default:
        throw unknown(name, false);
    }
  }

  private DisplayData cellMagic(String name, String args, String body) throws CellException {
    switch (name) {
      case "time":
        return timed(body);
      case "timeit":
        return timeit(args, "", body);
      case "html":
        {
          DisplayData data = new DisplayData(body.strip());
          data.putHTML(body.strip());
          return data;
        }
      case "markdown":
        {
          DisplayData data = new DisplayData(body.strip());
          data.putData(MIMEType.TEXT_MARKDOWN, body.strip());
          return data;
        }
      default:
        throw unknown(name, true);
    }
  }

  // ------------------------------------------------------------------ the magics

  private DisplayData timed(String code) throws CellException {
    long cpu = processCpuNanos();
    long wall = System.nanoTime();
    try {
      return host.runJava(code);
    } finally {
      long wallNanos = System.nanoTime() - wall;
      long cpuNanos = processCpuNanos() - cpu;
      System.out.println(
          "CPU time: "
              + (cpuNanos < 0 ? "not available" : Timing.duration(cpuNanos))
              + " (the whole kernel process), wall time: "
              + Timing.duration(wallNanos));
    }
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  private DisplayData timeit(String args, String padding, String body) throws CellException {
    long loops = 0;
    int repeats = 7;
    String rest = args;
    Matcher option = Pattern.compile("^-([nr])\\s*(\\S+)\\s*(.*)$", Pattern.DOTALL).matcher(rest);
    while (option.matches()) {
      try {
        if (option.group(1).equals("n")) {
          loops = Long.parseLong(option.group(2));
        } else {
          repeats = Integer.parseInt(option.group(2));
        }
      } catch (NumberFormatException e) {
        throw new CellMagicException(
            "MagicUsage",
            "%timeit -" + option.group(1) + " " + option.group(2) + ": expected a whole number");
      }
      rest = option.group(3);
      option.reset(rest);
    }
    String code = body == null ? rest : body;
    if (code.isBlank()) {
      throw new CellMagicException("MagicUsage", "%timeit needs code to time: %timeit CODE");
    }
    String call =
        "org.probationlens.kernel.magic.Timing.timeit(() -> { %s }, "
            + loops
            + "L, "
            + repeats
            + ")";
    String asStatements = padding + String.format(Locale.ROOT, call, code.strip() + ";");
    DisplayData line;
    try {
      line = host.runJava(asStatements);
    } catch (CellCompilationException notStatements) {
      // an expression such as 1 + 1 is not a statement: time its value being computed
      String asExpression =
          padding
              + String.format(
                  Locale.ROOT, call, "Object timedValue = (" + stripSemicolon(code) + ");");
      line = host.runJava(asExpression);
    }
    return line;
  }

  private static String stripSemicolon(String code) {
    String s = code.strip();
    return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
  }

  private DisplayData load(String args) throws CellException {
    if (args.isBlank()) {
      throw new CellMagicException("MagicUsage", "%load needs a file: %load FILE");
    }
    Path file = Path.of(args.strip());
    String source;
    try {
      source = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new CellMagicException(
          "NoSuchFileException",
          "%load "
              + args.strip()
              + ": no such file (the kernel's working directory is "
              + Path.of("").toAbsolutePath()
              + ")");
    } catch (IOException e) {
      throw new CellMagicException("IOException", "%load " + args.strip() + ": " + e);
    }
    return host.runJava(source);
  }

  private DisplayData classpath(String args) throws CellException {
    List<String> words = List.of(args.strip().split("\\s+"));
    if (!args.isBlank() && words.get(0).equals("add")) {
      if (words.size() < 2) {
        throw new CellMagicException("MagicUsage", "%classpath add needs a jar or folder");
      }
      List<Path> paths = new ArrayList<>();
      for (String entry : words.subList(1, words.size())) {
        Path path = Path.of(entry).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
          throw new CellMagicException(
              "NoSuchFileException", "%classpath add " + entry + ": no such file " + path);
        }
        paths.add(path);
      }
      return text(addToClassPath("%classpath add", paths));
    }
    if (!args.isBlank()) {
      throw new CellMagicException(
          "MagicUsage", "%classpath " + args.strip() + ": expected %classpath or %classpath add");
    }
    return text(
        "class path of this session:\n  "
            + String.join("\n  ", StartupImports.classPath(System.getProperty("java.class.path"))));
  }

  /**
   * Adds jars or folders to the cells' class path and registers the JDBC drivers they declare;
   * returns what it says it did. Every entry is checked before any is added: JShell cannot take an
   * entry back, and javac fails on every later cell when it cannot read one (a web page saved as
   * .jar, say).
   */
  private String addToClassPath(String magic, List<Path> paths) throws CellException {
    List<String> added = new ArrayList<>();
    List<String> already = new ArrayList<>();
    List<String> drivers = new ArrayList<>();
    List<String> before = host.runner().addedClassPath();
    for (Path path : paths) {
      if (before.contains(path.toString()) || added.contains(path.toString())) {
        already.add(path.toString());
        continue;
      }
      drivers.addAll(jdbcDrivers(magic, path.toString(), path));
      added.add(path.toString());
    }
    added.forEach(host.runner()::addToClasspath);
    List<String> said = new ArrayList<>();
    if (!added.isEmpty()) {
      said.add("added to the class path:\n  " + String.join("\n  ", added));
    }
    if (!already.isEmpty()) {
      said.add("already on the class path, not added again:\n  " + String.join("\n  ", already));
    }
    if (!drivers.isEmpty()) {
      host.runJava(registerDrivers(drivers));
      said.add("JDBC drivers registered with DriverManager:\n  " + String.join("\n  ", drivers));
    }
    return String.join("\n", said);
  }

  /**
   * {@code %maven [-s SETTINGS] [-o] GROUP:ARTIFACT:VERSION...}: resolves the artifacts and their
   * runtime dependencies through the user's Maven settings ({@link MavenDependencies}, whose
   * resolver classes load only now), then adds the jars as {@code %classpath add} does.
   */
  private DisplayData maven(String args) throws CellException {
    MavenDependencies.Resolution resolved;
    try {
      resolved = MavenDependencies.resolve(MavenDependencies.parse(args));
    } catch (IllegalArgumentException e) {
      throw new CellMagicException("MavenResolutionException", "%maven " + e.getMessage());
    }
    List<Path> paths = resolved.jars().stream().map(MavenDependencies.Jar::file).toList();
    StringBuilder said = new StringBuilder("resolved ");
    said.append(resolved.jars().size())
        .append(resolved.jars().size() == 1 ? " jar" : " jars")
        .append(" from ")
        .append(resolved.from())
        .append(':');
    resolved.jars().forEach(jar -> said.append("\n  ").append(jar.coordinates()));
    said.append('\n').append(addToClassPath("%maven", paths));
    return text(said.toString());
  }

  /**
   * The JDBC drivers a jar or folder declares for {@link java.util.ServiceLoader} (its {@code
   * META-INF/services/java.sql.Driver}), read while the jar is checked: DriverManager looks for
   * them once, on the class path the JVM started with, so a driver added from a cell is invisible
   * to {@code DriverManager.getConnection} until it is registered. A file that cannot be opened as
   * a jar (a zip archive) is refused, naming it and the reason, and saying nothing was added.
   */
  private static List<String> jdbcDrivers(String magic, String entry, Path path)
      throws CellMagicException {
    String service = "META-INF/services/java.sql.Driver";
    List<String> lines = List.of();
    if (Files.isDirectory(path)) {
      Path file = path.resolve(service);
      try {
        lines = Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
      } catch (IOException e) {
        throw new CellMagicException("IOException", magic + " " + entry + ": " + e);
      }
    } else {
      try (JarFile jar = new JarFile(path.toFile())) {
        jar.getManifest(); // reads the central directory and the manifest, as javac will
        var found = jar.getJarEntry(service);
        if (found != null) {
          try (InputStream in = jar.getInputStream(found)) {
            lines =
                new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .toList();
          }
        }
      } catch (IOException | RuntimeException e) {
        throw new CellMagicException(
            e.getClass().getSimpleName(),
            magic
                + " "
                + entry
                + ": "
                + path
                + " cannot be opened as a jar ("
                + e.getMessage()
                + "); expected a jar (zip) file or a folder of classes. Nothing was added to the"
                + " class path.");
      }
    }
    List<String> drivers = new ArrayList<>();
    for (String line : lines) {
      String name = line.replaceFirst("#.*", "").strip();
      if (name.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*")) {
        drivers.add(name);
      }
    }
    return drivers;
  }

  /**
   * Java that loads each driver through the cells' own class loader (the one that sees the jars
   * added from cells) and registers it with DriverManager unless loading it already did, so that a
   * later cell's {@code DriverManager.getConnection} finds it.
   */
  private static String registerDrivers(List<String> drivers) {
    return "{\n"
        + "  ClassLoader lensCells = new Object() {}.getClass().getClassLoader();\n"
        + "  for (String lensDriver : new String[] {\""
        + String.join("\", \"", drivers)
        + "\"}) {\n"
        + "    Class<?> lensType = Class.forName(lensDriver, true, lensCells);\n"
        + "    if (java.sql.DriverManager.drivers().noneMatch(d -> d.getClass() == lensType)) {\n"
        + "      java.sql.DriverManager.registerDriver(\n"
        + "          (java.sql.Driver) lensType.getDeclaredConstructor().newInstance());\n"
        + "    }\n"
        + "  }\n"
        + "}\n";
  }

  /**
   * The heap line of %lens: what the kernel's data and results take now, and how much more it can
   * take before an OutOfMemoryError (the maximum less what is used), with how to raise it.
   *
   * @param used bytes of heap in use
   * @param max the largest the heap may grow to, in bytes
   * @return the line, e.g. "heap: 384 MiB used, 640 MiB free of 1,024 MiB (...)"
   */
  public static String heapLine(long used, long max) {
    return "heap: "
        + mib(used)
        + " used, "
        + mib(max - used)
        + " free of "
        + mib(max)
        + " (./lens kernel install --heap SIZE, or LENS_KERNEL_HEAP=SIZE ./lens notebook, to change"
        + " it)";
  }

  private static String mib(long bytes) {
    return String.format(java.util.Locale.ROOT, "%,d MiB", bytes / (1024 * 1024));
  }

  /** The text of %lens: versions, heap, data in the session's variables, files read. */
  String lens() {
    StringBuilder text = new StringBuilder();
    text.append("Probation Lens ")
        .append(
            Optional.ofNullable(Magics.class.getPackage().getImplementationVersion())
                .orElse("development build"))
        .append(" (synthetic data generator version ")
        .append(CaseGenerator.VERSION)
        .append("), Java ")
        .append(System.getProperty("java.version"))
        .append('\n')
        .append("working directory: ")
        .append(Path.of("").toAbsolutePath())
        .append('\n')
        .append(
            heapLine(
                Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory(),
                Runtime.getRuntime().maxMemory()))
        .append('\n');
    List<String> data = new ArrayList<>();
    for (Map.Entry<String, Object> variable : host.runner().variableValues().entrySet()) {
      Object value = variable.getValue();
      if (value instanceof LoadedDataset dataset) {
        data.add(
            variable.getKey()
                + ": "
                + dataset.table().rowCount()
                + " rows; "
                + dataset.provenance().oneLine());
      } else if (value instanceof Result result) {
        List<String> inputs = result.sources().inputs().stream().map(Provenance::oneLine).toList();
        data.add(
            variable.getKey()
                + ": "
                + value.getClass().getSimpleName()
                + " from "
                + (inputs.isEmpty() ? "no input data" : String.join("; ", inputs)));
      }
    }
    text.append(data.isEmpty() ? "no data in this session's variables\n" : "data in variables:\n");
    data.forEach(line -> text.append("  ").append(line).append('\n'));
    List<String> files = host.runLog().filesRead();
    text.append(files.isEmpty() ? "no files read by cells yet" : "files read by cells:");
    for (String file : files) {
      text.append("\n  ").append(file).append("  sha256 ").append(sha256(Path.of(file)));
    }
    return text.toString();
  }

  private static String sha256(Path file) {
    try {
      return org.probationlens.read.Sha256.of(file);
    } catch (java.io.UncheckedIOException e) {
      return "(cannot read: " + e.getCause().getMessage() + ")";
    }
  }

  static String lsmagic() {
    StringBuilder text = new StringBuilder("Line magics (a line starting with %):\n");
    for (Magic magic : ALL) {
      if (!magic.cell()) {
        text.append(String.format(Locale.ROOT, "  %-40s %s%n", magic.usage(), magic.help()));
      }
    }
    text.append("Cell magics (the cell's first line):\n");
    for (Magic magic : ALL) {
      if (magic.cell()) {
        text.append(String.format(Locale.ROOT, "  %-40s %s%n", magic.usage(), magic.help()));
      }
    }
    return text.toString().stripTrailing();
  }

  private static DisplayData text(String text) {
    return new DisplayData(text);
  }

  // ------------------------------------------------------------------ names, completion, help

  private static CellMagicException unknown(String name, boolean cell) {
    String typed = (cell ? "%%" : "%") + name;
    List<String> close = closest(typed);
    return new CellMagicException(
        "UnknownMagic",
        typed
            + " is not a magic of this kernel"
            + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?")
            + " (%lsmagic lists them)");
  }

  /**
   * The magics of the same kind (line or cell) nearest to what was typed: those it begins, and
   * those at most two edits from it; nearest first.
   */
  public static List<String> closest(String typed) {
    boolean cell = typed.startsWith("%%");
    return ALL.stream()
        .filter(m -> m.cell() == cell)
        .map(Magic::typed)
        .distinct()
        .filter(m -> m.startsWith(typed) || distance(m, typed) <= 2)
        .sorted(Comparator.comparingInt((String m) -> distance(m, typed)).thenComparing(m -> m))
        .limit(3)
        .toList();
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** The magic names starting with {@code typed} (which starts with % or %%). */
  public static List<String> completions(String typed) {
    return ALL.stream().map(Magic::typed).distinct().filter(m -> m.startsWith(typed)).toList();
  }

  /** The usage and help of the magic typed as {@code token}, for inspect. */
  public static Optional<String> help(String token) {
    return ALL.stream()
        .filter(m -> m.typed().equals(token))
        .findFirst()
        .map(m -> m.usage() + "\n\n" + m.help());
  }
}
