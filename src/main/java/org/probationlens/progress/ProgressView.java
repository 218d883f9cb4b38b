package org.probationlens.progress;

/**
 * Something that shows progress of long work, such as the notebook kernel's bar. Called from the
 * thread doing the work, at most a few times a second for each task (see {@link Progress}).
 */
public interface ProgressView {
  /**
   * A task began.
   *
   * @param id the task's number, unique in this JVM
   * @param what what is being done, for example "reading cases.csv"
   * @param total how many units the whole task has, or 0 when not known
   * @param unit the unit counted, for example "rows" or "cases"
   */
  void started(long id, String what, long total, String unit);

  /**
   * A task moved on.
   *
   * @param id the task's number
   * @param done how many units are done
   */
  void advanced(long id, long done);

  /**
   * A task ended, whether it completed or failed.
   *
   * @param id the task's number
   * @param done how many units were done
   * @param nanos how long it took
   * @param completed false when the work stopped early (an exception or an interrupt)
   */
  void finished(long id, long done, long nanos, boolean completed);
}
