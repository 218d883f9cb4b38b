package org.probationlens.cli;

import java.util.Optional;

/**
 * Ends the kernel when the process that started it has gone. Jupyter stops its kernels on a normal
 * shutdown; when the notebook server is killed instead (a closed terminal, {@code kill -9}, a
 * crashed CI job), a kernel that did not notice would keep its JVM, its heap and its ports until
 * the machine restarts. IPython's kernel watches its parent for the same reason.
 */
final class ParentWatch {
  private ParentWatch() {}

  /**
   * Runs {@code onParentExit} once, on a JDK thread, when this process's parent exits. Nothing
   * happens when the parent is not known (already gone before the call, or not visible).
   *
   * @param onParentExit what to do, typically log and exit; not null
   * @return whether a parent was found to watch
   */
  static boolean start(Runnable onParentExit) {
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    return parent.isPresent() && watch(parent.get(), onParentExit);
  }

  /**
   * Runs {@code onExit} once, on a JDK thread, when {@code process} exits; nothing when it has
   * already gone.
   *
   * @param process the process to watch, not null
   * @param onExit what to do, not null
   * @return whether the process was alive, and so is watched
   */
  static boolean watch(ProcessHandle process, Runnable onExit) {
    if (!process.isAlive()) {
      return false;
    }
    process.onExit().thenRun(onExit);
    return true;
  }
}
