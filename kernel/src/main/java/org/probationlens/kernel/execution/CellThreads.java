package org.probationlens.kernel.execution;

/**
 * Which cell a thread belongs to: the cell's own snippet thread, and every thread it starts
 * (threads inherit the value when they are created), carry the output streams of the cell that
 * started them. Output is routed by it, so a background thread's late line lands in its own cell,
 * and {@link ExitGuard} refuses an exit from any such thread.
 */
public final class CellThreads {
  private static final InheritableThreadLocal<CellStreams> OWNER = new InheritableThreadLocal<>();

  private static volatile CellStreams running;

  private CellThreads() {}

  /**
   * The streams a write by the current thread belongs to. A fork-join pool worker (parallel
   * streams, the engine's parallel aggregation) inherits the mark of the cell that happened to
   * create it but then serves every later cell, so while a cell runs its writes go to that cell.
   */
  static CellStreams writer() {
    CellStreams streams = running;
    if (streams != null
        && Thread.currentThread() instanceof java.util.concurrent.ForkJoinWorkerThread) {
      return streams;
    }
    return OWNER.get();
  }

  /** The streams of the cell the current thread was started by, or null for kernel threads. */
  static CellStreams owner() {
    return OWNER.get();
  }

  /** Marks the current thread (the one about to run a cell) as the cell's. */
  public static void enter(CellStreams streams) {
    OWNER.set(streams);
    running = streams;
  }

  /** Ends the mark on the current thread; threads the cell started keep theirs. */
  public static void leave() {
    OWNER.remove();
    running = null;
  }
}
