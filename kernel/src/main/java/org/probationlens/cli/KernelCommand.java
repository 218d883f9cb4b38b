package org.probationlens.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.probationlens.kernel.LensKernel;
import org.probationlens.kernel.display.Rendering;
import org.probationlens.render.PlotlyJs;

/**
 * {@code lens kernel install [--user | --prefix DIR] [--name NAME] [--heap SIZE]} writes the
 * Jupyter kernelspec for the Probation Lens kernel; {@code lens kernel run CONNECTION_FILE} starts
 * the kernel (Jupyter runs this itself, from the kernelspec).
 */
final class KernelCommand {
  static final String USAGE =
      "  kernel install [--user | --prefix DIR] [--name NAME] [--heap SIZE]\n"
          + "                 install the Jupyter kernelspec \"Java (Probation Lens)\" (default name"
          + " probation-lens, heap half this machine's memory)\n"
          + "  kernel run CONNECTION_FILE\n"
          + "                 start the kernel on the sockets of a Jupyter connection file\n"
          + "  kernel warmup  run the cells the kernel's class archive is trained on (install"
          + " does this)";

  /** The kernelspec's name unless --name is given. */
  static final String DEFAULT_NAME = "probation-lens";

  /**
   * The -Xmx heap unless --heap is given: half of this machine's physical memory (as the JVM sees
   * it, so a container's limit where there is one), in whole gigabytes, at least 1g. Half, because
   * the kernel holds the analyst's data (about 36 bytes a case: 100 million cases in 3.4 GB, and
   * about 8 GB at the peak of reading them) while Jupyter, the browser and DuckDB or Spark beside
   * it need the rest; the JVM's own default, a quarter, leaves a 100-million-case extract out of
   * reach on a 24 GB machine.
   */
  static String defaultHeap() {
    return heapFor(
        ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getTotalMemorySize());
  }

  /** The default heap for a machine with the given physical memory. */
  static String heapFor(long physicalBytes) {
    long gib = physicalBytes / 2 / (1L << 30);
    return Math.max(1, gib) + "g";
  }

  /**
   * The kernel JVM's compiler and collector, chosen by ./lens bench-kernel beside IPython on this
   * 2-core machine. A cell's time is mostly javac (JShell compiles every snippet), and javac in a
   * fresh JVM is code the JIT has not compiled yet: with the default tiered compilation the C2
   * compiler thread takes one of the two cores for most of the first hundred cells, so C1 only
   * ({@code TieredStopAtLevel=1}) gave a warm trivial cell of 30 ms against 81 ms, a first cell of
   * 0.94 s against 1.59 s and a first table and chart of 0.84 s against 1.43 s in the same run. C1
   * code is slower than C2's on long number crunching, so the heaviest notebook cells were timed
   * too (see the commit that chose these), and the engine's benchmark queries inside the kernel
   * (./lens bench, 10 million cases): C1 gave 65, 8, 18, 40 and 15 ms against C2's 83 to 88, 10, 15
   * to 18, 39 and 14 to 25 ms within the bench's eleven runs, and, unlike C2, the same from one
   * fresh kernel to the next.
   *
   * <p>The collector is the parallel one: it stops the cells as the serial one does (no concurrent
   * threads compete with javac between cells: a warm cell 23 to 24 ms with either, beside IPython
   * in one run), but copies with both cores when a large load fills the young generation. Loading
   * 10 million cases in a fresh kernel took 1.74 s against 1.96 to 2.08 s with the serial
   * collector, and 100 million 17.2 s against 29.5 s, whose young collections each copied gigabytes
   * on one core (pauses of 5 to 6 s in its GC log).
   */
  static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC");

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern HEAP = Pattern.compile("[0-9]+[kKmMgG]?");

  private KernelCommand() {}

  static int run(String[] args) {
    if (args.length == 0) {
      System.err.println("lens kernel: expected install or run\n" + USAGE);
      return 2;
    }
    try {
      switch (args[0]) {
        case "install":
          return install(List.of(args).subList(1, args.length));
        case "warmup":
          try {
            return warmup();
          } catch (Exception e) {
            System.err.println("lens kernel warmup: " + e);
            return 1;
          }
        case "run":
          if (args.length != 2) {
            System.err.println("lens kernel run: expected exactly one CONNECTION_FILE\n" + USAGE);
            return 2;
          }
          ParentWatch.start(
              () -> {
                System.err.println(
                    "lens kernel: the process that started this kernel has exited; stopping");
                Runtime.getRuntime().halt(0);
              });
          LensKernel.serve(Path.of(args[1]));
          return 0;
        default:
          System.err.println("lens kernel: unknown subcommand " + args[0] + "\n" + USAGE);
          return 2;
      }
    } catch (IllegalArgumentException e) {
      System.err.println("lens kernel: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      System.err.println("lens kernel: " + e);
      return 1;
    }
  }

  /** What {@code lens kernel install} was asked to do. */
  record InstallOptions(String name, String heap, boolean user, Path prefix) {
    InstallOptions {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "--name " + name + ": expected letters, digits, '.', '_' or '-'");
      }
      if (!HEAP.matcher(heap).matches()) {
        throw new IllegalArgumentException(
            "--heap " + heap + ": expected a size such as 4g or 2048m");
      }
      if (user && prefix != null) {
        throw new IllegalArgumentException("--user and --prefix " + prefix + " cannot be combined");
      }
    }

    static InstallOptions parse(List<String> args) {
      String name = DEFAULT_NAME;
      String heap = defaultHeap();
      boolean user = false;
      Path prefix = null;
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        switch (arg) {
          case "--user":
            user = true;
            break;
          case "--prefix":
            prefix = Path.of(value(args, ++i, arg)).toAbsolutePath();
            break;
          case "--name":
            name = value(args, ++i, arg);
            break;
          case "--heap":
            heap = value(args, ++i, arg);
            break;
          default:
            throw new IllegalArgumentException(
                "install: unknown option "
                    + arg
                    + "; expected --user, --prefix DIR, --name NAME or --heap SIZE");
        }
      }
      return new InstallOptions(name, heap, user, prefix);
    }

    private static String value(List<String> args, int i, String option) {
      if (i >= args.size()) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args.get(i);
    }
  }

  /**
   * Writes a kernelspec's folder: kernel.json, and the bundled plotly.js with its licence, which
   * Jupyter serves from there ({@code kernelspecs/NAME/plotly.min.js}) to the charts of an open
   * notebook, so that no notebook has to carry it.
   */
  static void writeSpec(Path dir, String kernelJson) throws IOException {
    Files.writeString(dir.resolve("kernel.json"), kernelJson, StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve(Rendering.PLOTLY_FILE), PlotlyJs.script(), StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("plotly.LICENSE.txt"), PlotlyJs.licence(), StandardCharsets.UTF_8);
  }

  private static int install(List<String> args) throws IOException {
    InstallOptions options = InstallOptions.parse(args);
    Path jar = runningJar();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java").toAbsolutePath();
    Path spec = Files.createTempDirectory("lens-kernelspec");
    try {
      Path dir = Files.createDirectory(spec.resolve(options.name()));
      Path archive = classArchive(java, jar, options.heap());
      writeSpec(dir, kernelJson(java, jar, options.heap(), archive));
      List<String> command = new ArrayList<>();
      command.add(jupyter());
      command.addAll(List.of("kernelspec", "install", "--replace", "--name", options.name()));
      if (options.user()) {
        command.add("--user");
      } else if (options.prefix() != null) {
        command.add("--prefix");
        command.add(options.prefix().toString());
      }
      command.add(dir.toString());
      Process process = new ProcessBuilder(command).inheritIO().start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        System.err.println(
            "lens kernel install: jupyter kernelspec install did not finish in 120 s");
        return 1;
      }
      if (process.exitValue() != 0) {
        System.err.println("lens kernel install: " + String.join(" ", command) + " failed");
        return process.exitValue();
      }
      System.err.println(
          "lens kernel install: kernel "
              + options.name()
              + " (Java (Probation Lens)) uses "
              + java
              + " -Xmx"
              + options.heap()
              + " -jar "
              + jar);
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } finally {
      try (Stream<Path> walk = Files.walk(spec)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Builds a class data sharing archive of the classes a kernel session loads (JShell, javac,
   * Tablesaw, the library and its renderers), by running {@code kernel warmup} once under {@code
   * -XX:ArchiveClassesAtExit}; a kernel started with it maps those classes instead of loading them,
   * which shortens its start and first cells (see ./lens bench-kernel). The archive is written
   * beside the jar and matches only that jar: a rebuilt jar makes the JVM ignore it (./lens
   * reinstalls the kernel then). Returns null, and the kernel runs without one, when the archive
   * cannot be made.
   */
  static Path classArchive(Path java, Path jar, String heap) throws IOException {
    Path archive = jar.resolveSibling(jar.getFileName().toString().replace(".jar", "") + ".jsa");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + heap));
    command.addAll(JVM_OPTIONS);
    command.addAll(
        List.of(
            "-XX:ArchiveClassesAtExit=" + archive,
            "-Xlog:cds=off,cds+dynamic=off",
            "-Djava.awt.headless=true",
            "-Djava.security.manager=allow",
            "-jar",
            jar.toString(),
            "kernel",
            "warmup"));
    try {
      Files.deleteIfExists(archive);
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(300, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        System.err.println("lens kernel install: the class archive run took over 300 s; skipped");
        return null;
      }
      if (process.exitValue() != 0 || !Files.isRegularFile(archive)) {
        System.err.println(
            "lens kernel install: no class archive (" + String.join(" ", command) + " failed)");
        return null;
      }
      return archive;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Runs the cells a kernel archive is trained on: a value, a table, a chart. */
  static int warmup() throws Exception {
    LensKernel.warmUp();
    return 0;
  }

  /** The kernel.json text without a class archive. */
  static String kernelJson(Path java, Path jar, String heap) {
    return kernelJson(java, jar, heap, null);
  }

  /**
   * The kernel.json text: argv runs this jar's {@code kernel run} with the connection file, with
   * the class archive when there is one.
   */
  static String kernelJson(Path java, Path jar, String heap, Path archive) {
    List<String> argv = new ArrayList<>();
    argv.addAll(List.of(java.toString(), "-Xmx" + heap));
    argv.addAll(JVM_OPTIONS);
    if (archive != null) {
      argv.add("-XX:SharedArchiveFile=" + archive);
      // a jar rebuilt since the archive makes the JVM ignore it; it need not say so on stderr
      argv.add("-Xlog:cds=off,cds+dynamic=off");
    }
    argv.addAll(
        List.of(
            "-Djava.awt.headless=true",
            // the kernel refuses System.exit in a cell through a security manager (see
            // ExitGuard); JDK 17 allows one by default, JDK 18 to 23 only with this
            "-Djava.security.manager=allow",
            "-jar",
            jar.toString(),
            "kernel",
            "run",
            "{connection_file}"));
    StringBuilder json = new StringBuilder("{\n  \"argv\": [");
    for (int i = 0; i < argv.size(); i++) {
      json.append(i == 0 ? "\n    " : ",\n    ").append(quote(argv.get(i)));
    }
    json.append("\n  ],\n")
        .append("  \"display_name\": \"Java (Probation Lens)\",\n")
        .append("  \"language\": \"java\",\n")
        .append("  \"interrupt_mode\": \"message\",\n")
        .append("  \"metadata\": {\"debugger\": false}\n")
        .append("}\n");
    return json.toString();
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('"').toString();
  }

  private static String jupyter() {
    Path debian = Path.of("/usr/bin/jupyter");
    return Files.isExecutable(debian) ? debian.toString() : "jupyter";
  }

  private static Path runningJar() {
    try {
      Path location =
          Path.of(KernelCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!location.toString().endsWith(".jar")) {
        throw new IllegalArgumentException(
            "install must run from the shaded jar (kernel/target/probation-lens-kernel-<version>-all.jar),"
                + " not from "
                + location
                + "; build it with mvn package or use ./lens kernel install");
      }
      return location.toAbsolutePath();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the running jar", e);
    }
  }
}
