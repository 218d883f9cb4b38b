package org.probationlens.kernel.execution;

import java.io.PrintStream;

/**
 * A cell's standard output and error. While the cell runs they gather into few stream messages for
 * the cell; after it finishes, a thread the cell started may still print, and that text is sent to
 * the same cell, straight away, after a one-line note saying where it came from, instead of landing
 * in whichever cell runs next.
 */
public final class CellStreams {
  /** The line that comes before a cell's first output printed after the cell finished. */
  public static final String LATE_NOTE =
      "[printed after the cell finished, by a thread the cell started]\n";

  private final CellOutput out;
  private final CellOutput err;

  public CellStreams(PrintStream out, PrintStream err) {
    this.out = new CellOutput(out);
    this.err = new CellOutput(err);
  }

  CellOutput out() {
    return out;
  }

  CellOutput err() {
    return err;
  }

  /** Passes on what has gathered on both streams. */
  public void forward() {
    out.forward();
    err.forward();
  }

  /**
   * Ends the cell's run: passes on the rest, and sends later output to {@code lateOut} and {@code
   * lateErr} (publishers bound to this cell's request), each after {@link #LATE_NOTE}.
   */
  public void finish(PrintStream lateOut, PrintStream lateErr) {
    out.finishThenGoLate(lateOut, LATE_NOTE);
    err.finishThenGoLate(lateErr, LATE_NOTE);
  }
}
