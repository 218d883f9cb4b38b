package org.probationlens.kernel;

/**
 * The {@code display(obj)} helper a notebook cell calls to show a value before the cell ends, for
 * example several tables of area volumes or a chart in the middle of a loop over CRC contract
 * package areas. It is imported statically into every kernel session.
 */
public final class Display {
  private static volatile LensKernel active;

  private Display() {}

  /**
   * Shows {@code value} in the cell's output the way a cell's last expression would be shown (a
   * table, a chart or text). Outside a kernel, prints the value to standard output.
   *
   * @param value what to show; may be null, shown as {@code null}
   */
  public static void display(Object value) {
    LensKernel kernel = active;
    if (kernel == null) {
      System.out.println(value);
    } else {
      kernel.show(value);
    }
  }

  static void bind(LensKernel kernel) {
    active = kernel;
  }
}
