package org.probationlens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probationlens.spark.Tables.assertSameTable;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.area.Level;
import org.probationlens.data.ForecastVolumes;
import org.probationlens.engine.CaseCsv;
import org.probationlens.engine.ColumnTable;
import org.probationlens.innovation.AccreditedProgrammes;
import org.probationlens.period.FinancialYear;
import org.probationlens.period.ReportingPeriod;
import org.probationlens.volume.VolumeVariance;
import tech.tablesaw.api.Table;

/**
 * The job on a real cluster: a standalone Master and two Workers started from the Spark jars on
 * 127.0.0.1, each in its own JVM, with executors that the Workers start in JVMs of their own. Local
 * mode runs everything in one JVM and so cannot show what breaks when work is shipped (a class
 * missing on executors, a function that does not serialize, a date moved by a time zone); this
 * does. The answers must equal the core engine's.
 */
class StandaloneClusterTest {
  @TempDir Path dir;

  @Test
  void theJobOnAMasterAndTwoWorkersGivesTheCoreEnginesAnswers() throws Exception {
    Path home = sparkHome();
    int port = freePort();
    List<Process> started = new ArrayList<>();
    try {
      runCluster(home, port, started);
    } finally {
      for (int i = started.size() - 1; i >= 0; i--) {
        Process p = started.get(i);
        p.destroy();
        if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor();
        }
      }
      deleteLinksAndAll(home);
    }
    for (Process p : started) {
      assertTrue(!p.isAlive(), "a Spark daemon is still running");
    }
  }

  private void runCluster(Path home, int port, List<Process> started) throws Exception {
    {
      started.add(
          daemon(
              home,
              "master",
              "org.apache.spark.deploy.master.Master",
              "--host",
              "127.0.0.1",
              "--port",
              String.valueOf(port),
              "--webui-port",
              String.valueOf(freePort())));
      awaitPort(port, started.get(0), home.resolve("master.log"));
      String url = "spark://127.0.0.1:" + port;
      for (int w = 1; w <= 2; w++) {
        Path work = Files.createDirectories(dir.resolve("work-" + w));
        started.add(
            daemon(
                home,
                "worker-" + w,
                "org.apache.spark.deploy.worker.Worker",
                "--host",
                "127.0.0.1",
                "--cores",
                "1",
                "--memory",
                "700m",
                "--webui-port",
                String.valueOf(freePort()),
                "--work-dir",
                work.toString(),
                url));
      }
      awaitLog(home.resolve("master.log"), "Registering worker", 2);

      // two files, so that each executor validates and reads one
      Path data = SparkVolumesTestData.generate(dir, 7, 10_000);
      List<Path> parts = SparkVolumesTestData.split(data.resolve("cases.csv"), dir);
      Table forecast = ForecastVolumes.load(data.resolve("forecast.csv")).table();
      ColumnTable cases = CaseCsv.read(data.resolve("cases.csv"));
      ReportingPeriod fy = ReportingPeriod.of(FinancialYear.parse("2015-16"));
      ReportingPeriod baseline = ReportingPeriod.of(FinancialYear.parse("2014-15"));

      SparkSession.clearActiveSession();
      SparkSession.clearDefaultSession();
      SparkSession spark =
          SparkSession.builder()
              .appName("probation-lens-cluster-test")
              .master(url)
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.ui.enabled", "false")
              .config("spark.executor.memory", "512m")
              .config("spark.cores.max", "2")
              .config(
                  "spark.executor.extraJavaOptions", System.getProperty("lens.spark.jvmOptions"))
              .config("spark.sql.datetime.java8API.enabled", "true")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.sql.shuffle.partitions", "4")
              .getOrCreate();
      try {
        Dataset<Row> onCluster = SparkCases.validated(spark, parts).cache();
        assertEquals(10_000L, onCluster.count());
        // the work ran on the workers' executors, not in this JVM
        assertEquals(2, spark.sparkContext().getExecutorMemoryStatus().size() - 1);
        VolumeVariance core = VolumeVariance.of(cases, forecast).apportioningForecastBy(baseline);
        VolumeVariance spk =
            SparkVolumes.volumeVariance(onCluster, forecast).apportioningForecastBy(baseline);
        for (Level level :
            List.of(Level.CPA, Level.OWNER, Level.PCC_AREA, Level.ENGLAND_AND_WALES)) {
          assertSameTable(core.shortfall(level, fy).table(), spk.shortfall(level, fy).table());
        }
        assertSameTable(
            core.mixEffect(Level.CPA, fy).table(), spk.mixEffect(Level.CPA, fy).table());
        assertSameTable(
            AccreditedProgrammes.shareByQuarter(cases.toTablesaw()),
            SparkAccredited.shareByQuarter(onCluster));
      } finally {
        spark.stop();
      }
    }
  }

  /** Deletes the Spark home: its links (not what they point to) and its files. */
  private static void deleteLinksAndAll(Path home) throws IOException {
    try (Stream<Path> all = Files.walk(home)) {
      for (Path p : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * A Spark home for the Workers: {@code jars/} with the test class path's jars (Spark's, the core
   * library's and their dependencies) and this module's classes as one jar; Workers start their
   * executors with {@code SPARK_HOME/jars/*}.
   */
  private Path sparkHome() throws IOException {
    // not under the @TempDir: JUnit warns of every link it deletes; deleteLinksAndAll does it
    Path home = Files.createTempDirectory("lens-spark-home-");
    Path jars = Files.createDirectories(home.resolve("jars"));
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path p = Path.of(entry);
      if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
        Path link = jars.resolve(p.getFileName());
        if (!Files.exists(link)) {
          Files.createSymbolicLink(link, p.toAbsolutePath());
        }
      }
    }
    Path classes = Path.of(System.getProperty("lens.spark.classes"));
    try (OutputStream out =
            Files.newOutputStream(jars.resolve("probation-lens-spark-classes.jar"));
        JarOutputStream jar = new JarOutputStream(out);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, jar);
        jar.closeEntry();
      }
    }
    return home;
  }

  private static Process daemon(Path home, String name, String mainClass, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(List.of(System.getProperty("lens.spark.jvmOptions").split(" ")));
    command.add("-cp");
    command.add(home.resolve("jars") + "/*");
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", home.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("JAVA_HOME", System.getProperty("java.home"));
    pb.redirectErrorStream(true);
    pb.redirectOutput(home.resolve(name + ".log").toFile());
    return pb.start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void awaitPort(int port, Process p, Path log) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new AssertionError("the master stopped: " + Files.readString(log));
      }
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new AssertionError("the master did not open port " + port + ": " + Files.readString(log));
  }

  private static void awaitLog(Path log, String text, int times) throws Exception {
    long deadline = System.nanoTime() + 90_000_000_000L;
    while (System.nanoTime() < deadline) {
      String s = Files.exists(log) ? Files.readString(log) : "";
      if (s.split(java.util.regex.Pattern.quote(text), -1).length - 1 >= times) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "no " + times + " x '" + text + "' in the master's log: " + Files.readString(log));
  }
}
