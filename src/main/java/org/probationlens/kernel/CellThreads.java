package org.probationlens.kernel;

/**
 * Which cell a thread belongs to: the cell's own snippet thread, and every thread it starts
 * (threads inherit the value when they are created), carry the output streams of the cell that
 * started them. Output is routed by it, so a background thread's late line lands in its own cell,
 * and {@link ExitGuard} refuses an exit from any such thread.
 */
final class CellThreads {
  private static final InheritableThreadLocal<CellStreams> OWNER = new InheritableThreadLocal<>();

  private CellThreads() {}

  /** The streams of the cell the current thread was started by, or null for kernel threads. */
  static CellStreams owner() {
    return OWNER.get();
  }

  /** Marks the current thread (the one about to run a cell) as the cell's. */
  static void enter(CellStreams streams) {
    OWNER.set(streams);
  }

  /** Ends the mark on the current thread; threads the cell started keep theirs. */
  static void leave() {
    OWNER.remove();
  }
}
