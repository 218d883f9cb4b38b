package org.probationlens.kernel.execution;

import java.security.Permission;
import java.util.logging.Logger;

/**
 * Refuses {@code System.exit} and {@code Runtime.halt} called from a cell or from a thread a cell
 * started, so that a notebook cell that exits (copied from a command-line program, say) does not
 * kill the kernel and lose the session's variables, as IPython survives {@code sys.exit}. Every
 * other permission is granted: this is not a sandbox, and the kernel's own exits (shutdown, the
 * parent process gone) come from threads no cell started, which pass.
 *
 * <p>Why a security manager: JShell's local execution runs cells in this JVM, and on JDK 17 the
 * only hook that sees an exit from any code a cell calls, the library's and Tablesaw's included, is
 * {@link SecurityManager#checkExit}. Rewriting {@code System.exit} calls in the cell's byte code
 * would miss exits inside libraries. The security manager is deprecated for removal (JEP 411): JDK
 * 17 allows it, JDK 18 to 23 allow it with {@code -Djava.security.manager=allow} (which the
 * kernelspec passes), and where the JDK refuses it the kernel logs that exits are not guarded and
 * runs on.
 */
public final class ExitGuard extends SecurityManager {
  private static final Logger LOG = Logger.getLogger(ExitGuard.class.getName());

  private static volatile RunLog runLog;

  /** Set while a read is being noted on this thread, so that noting it notes nothing more. */
  private static final ThreadLocal<Boolean> NOTING = new ThreadLocal<>();

  private ExitGuard() {}

  /** Installs the guard once for this JVM; false when the JDK does not allow it. */
  public static synchronized boolean install() {
    if (System.getSecurityManager() instanceof ExitGuard) {
      return true;
    }
    // load what the checks use before they run, so a check never waits on its own class loading
    CellThreads.owner();
    new RunLog(java.util.Optional.empty()).fileRead("/");
    // JDK 17 prints four lines of deprecation warning on this call, to the process's initial
    // stderr (the notebook server's log), which cannot be redirected from here
    try {
      System.setSecurityManager(new ExitGuard());
      return true;
    } catch (UnsupportedOperationException | SecurityException e) {
      LOG.warning("System.exit in a cell cannot be refused on this JDK (" + e.getMessage() + ")");
      return false;
    }
  }

  @Override
  public void checkExit(int status) {
    if (CellThreads.owner() != null) {
      throw new SystemExitRefused(status);
    }
  }

  /** Every file a cell's code opens for reading passes here; the run log keeps its name. */
  @Override
  public void checkRead(String file) {
    RunLog log = runLog;
    if (log == null || Boolean.TRUE.equals(NOTING.get())) {
      return; // noting a read may load a class, whose file is read in turn
    }
    NOTING.set(Boolean.TRUE);
    try {
      if (CellThreads.owner() != null) {
        log.fileRead(file);
      }
    } finally {
      NOTING.set(Boolean.FALSE);
    }
  }

  @Override
  public void checkRead(String file, Object context) {
    checkRead(file);
  }

  /** Where files read by cells are noted, for a headless run's record. */
  public static void recordReadsIn(RunLog log) {
    runLog = log;
  }

  @Override
  public void checkPermission(Permission permission) {
    // every permission is granted: the guard is only about exits
  }

  @Override
  public void checkPermission(Permission permission, Object context) {
    // every permission is granted: the guard is only about exits
  }
}

/** What a cell gets for calling System.exit: the kernel stays up with its variables. */
final class SystemExitRefused extends SecurityException {
  private static final long serialVersionUID = 1L;

  SystemExitRefused(int status) {
    super(
        "System.exit("
            + status
            + ") was refused: it would stop the kernel and lose every variable of this session."
            + " The kernel is still running. To stop a notebook run on purpose, throw an"
            + " exception; to stop the kernel, use the notebook's Kernel menu (Shut Down or"
            + " Restart).");
  }
}
