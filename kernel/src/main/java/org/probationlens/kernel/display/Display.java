package org.probationlens.kernel.display;

import org.probationlens.render.LensSession;

/**
 * The {@code display(obj)} helper a notebook cell calls to show a value before the cell ends, for
 * example several tables of area volumes or a chart in the middle of a loop over CRC contract
 * package areas, and {@code clearOutput()} to clear what the cell has shown so far, for progress
 * that replaces itself. Both are imported statically into every kernel session, and delegate to the
 * {@link LensSession} in use, whose output the kernel sets.
 */
public final class Display {
  private Display() {}

  /**
   * Shows {@code value} in the cell's output the way a cell's last expression would be shown (a
   * table, a chart or text). Outside a kernel, prints the value to standard output.
   *
   * @param value what to show; may be null, shown as {@code null}
   */
  public static void display(Object value) {
    LensSession.current().display(value);
  }

  /**
   * Clears what the running cell has shown so far (printed text, displayed tables and charts).
   * Outside a notebook or console, does nothing.
   */
  public static void clearOutput() {
    clearOutput(false);
  }

  /**
   * Clears what the running cell has shown so far. With {@code wait} true the notebook keeps the
   * old output until the next output arrives and then swaps it, which does not flicker: call {@code
   * clearOutput(true)} before showing each step of progress in a loop, for example {@code
   * clearOutput(true); display("area " + i + " of 21");}. Outside a notebook or console, does
   * nothing.
   *
   * @param wait true to clear only when the next output arrives
   */
  public static void clearOutput(boolean wait) {
    LensSession.current().clearOutput(wait);
  }
}
