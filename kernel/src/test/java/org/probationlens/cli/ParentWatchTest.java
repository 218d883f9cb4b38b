package org.probationlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParentWatchTest {

  /**
   * A real process tree: bash starts a JVM that watches its parent (bash), then bash exits. The JVM
   * must notice, write its marker and exit by itself, while a JVM whose parent lives on keeps
   * running.
   */
  @Test
  void aJvmWhoseParentExitsEndsItself(@TempDir Path dir) throws Exception {
    Path marker = dir.resolve("parent-gone");
    Path pidFile = dir.resolve("child.pid");
    String java = ProcessHandle.current().info().command().orElse("java");
    String classPath = System.getProperty("java.class.path");
    Path watching = dir.resolve("watching");
    // bash starts the watcher in the background, records its pid, waits (up to 30 s) until the
    // watcher says it is watching, then exits.
    String script =
        String.format(
            "'%s' -cp '%s' '%s' '%s' '%s' & echo $! > '%s';"
                + " for i in $(seq 300); do [ -f '%s' ] && exit 0; sleep 0.1; done; exit 1",
            java, classPath, Watcher.class.getName(), marker, watching, pidFile, watching);
    Process bash = new ProcessBuilder("bash", "-c", script).inheritIO().start();
    assertTrue(bash.waitFor(60, TimeUnit.SECONDS), "bash did not finish");
    assertEquals(0, bash.exitValue(), "the watcher never said it was watching");
    long childPid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
    ProcessHandle child = ProcessHandle.of(childPid).orElse(null);
    if (child != null) {
      child.onExit().get(30, TimeUnit.SECONDS);
    }
    assertEquals("parent exited", Files.readString(marker, StandardCharsets.UTF_8));
  }

  @Test
  void theTestJvmsLivingParentIsFoundToWatch() {
    assertTrue(
        ParentWatch.start(() -> {}),
        "the test JVM's parent (Maven's Surefire) is alive, so there is a parent to watch");
  }

  /**
   * Nothing happens while the watched process lives, and the action runs once it has exited: a
   * process of the test's own stands in for the parent, and the action records whether that process
   * was still alive when it ran. Waits on events (the action, the process's exit), not time.
   */
  @Test
  void theActionRunsOnlyAfterTheWatchedProcessHasExited() throws Exception {
    Process parent = new ProcessBuilder("sleep", "600").start();
    try {
      CompletableFuture<Boolean> aliveWhenRun = new CompletableFuture<>();
      assertTrue(
          ParentWatch.watch(parent.toHandle(), () -> aliveWhenRun.complete(parent.isAlive())));
      assertFalse(aliveWhenRun.isDone(), "the action ran while the process was alive");
      parent.destroyForcibly();
      assertFalse(aliveWhenRun.get(30, TimeUnit.SECONDS), "the action ran before the exit");
    } finally {
      parent.destroyForcibly();
    }
  }

  @Test
  void aProcessAlreadyGoneIsNotWatched() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor(30, TimeUnit.SECONDS);
    boolean[] ran = new boolean[1];
    assertFalse(ParentWatch.watch(gone.toHandle(), () -> ran[0] = true));
    assertFalse(ran[0]);
  }

  /** The child of {@link #aJvmWhoseParentExitsEndsItself}: waits up to 60 s for its parent. */
  static final class Watcher {
    public static void main(String[] args) throws InterruptedException {
      // args: the marker to write when the parent exits, the file that says "watching"
      Path marker = Path.of(args[0]);
      boolean watching =
          ParentWatch.start(
              () -> {
                try {
                  Files.writeString(marker, "parent exited", StandardCharsets.UTF_8);
                } catch (IOException e) {
                  Runtime.getRuntime().halt(3);
                }
                Runtime.getRuntime().halt(0);
              });
      if (!watching) {
        Runtime.getRuntime().halt(2);
      }
      try {
        Files.writeString(Path.of(args[1]), "yes", StandardCharsets.UTF_8);
      } catch (IOException e) {
        Runtime.getRuntime().halt(4);
      }
      Thread.sleep(60_000);
      Runtime.getRuntime().halt(1);
    }
  }
}
