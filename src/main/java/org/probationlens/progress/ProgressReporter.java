package org.probationlens.progress;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One session's progress: who is shown the progress of long work (a notebook kernel's bar, or no
 * one) and the numbering of its tasks, such as reading a large nDelius extract or generating
 * synthetic cases. A session object ({@code render.LensSession}) owns one; the static {@link
 * Progress#start} that library code and notebooks call reports to the one in use.
 */
public final class ProgressReporter {

  private final AtomicLong ids = new AtomicLong();
  private volatile ProgressView listener;

  /** A reporter with no listener: tasks cost a counter and show nothing. */
  public ProgressReporter() {}

  /**
   * Makes {@code newListener} the one shown this session's progress; null for none.
   *
   * @param newListener the listener, or null
   */
  public void listen(ProgressView newListener) {
    listener = newListener;
  }

  /**
   * Begins a task, reported to this session's listener.
   *
   * @param what what is being done, for example "reading cases.csv"; not blank
   * @param total how many units the task has, or 0 when not known; not negative
   * @param unit the unit counted, for example "rows"; not blank
   * @return the task, to advance and close
   * @throws IllegalArgumentException if {@code what} or {@code unit} is blank or total negative
   */
  public Progress.Task begin(String what, long total, String unit) {
    if (what == null || what.isBlank() || unit == null || unit.isBlank()) {
      throw new IllegalArgumentException(
          "a progress task needs what it does and the unit it counts; got \""
              + what
              + "\" and \""
              + unit
              + "\"");
    }
    if (total < 0) {
      throw new IllegalArgumentException(
          "progress of "
              + what
              + ": total "
              + total
              + " is negative; expected 0 (unknown) or more");
    }
    return new Progress.Task(ids.incrementAndGet(), what, total, unit, listener);
  }
}
