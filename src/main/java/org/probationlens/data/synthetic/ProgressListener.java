package org.probationlens.data.synthetic;

/** Told how far a generation run has got, so a command line can draw a progress bar. */
@FunctionalInterface
public interface ProgressListener {

  /**
   * Called from the generating thread after each block of rows and once at the end, with {@code
   * rowsDone == rowsTotal}.
   *
   * @param rowsDone case rows written so far
   * @param rowsTotal case rows the run will write
   */
  void progress(long rowsDone, long rowsTotal);

  /** A listener that ignores progress. */
  static ProgressListener none() {
    return (done, total) -> {};
  }
}
