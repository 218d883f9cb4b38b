package org.probationlens.progress;

import java.util.Objects;

/**
 * Reports the progress of long work to whoever listens (the notebook kernel's bar), without the
 * library depending on it: for example
 *
 * <pre>{@code
 * try (Progress.Task task = Progress.start("reading cases.csv", rows, "rows")) {
 *   for (...) { ...; task.advance(1); }
 *   task.complete();
 * }
 * }</pre>
 *
 * Updates reach the listener at most every {@value #INTERVAL_MILLIS} ms and on the last unit, so a
 * loop over millions of cases may call {@link Task#advance} for each one. With no listener (tests,
 * the command line, a library user) a task costs a counter.
 */
public final class Progress {
  /** The least time between two updates of one task that reach the listener. */
  public static final long INTERVAL_MILLIS = 250;

  /**
   * The reporter of the session in use. This is the one static here: which session's reporter the
   * static entry points ({@link #start}, {@link #listen}) follow. The state (the listener, the task
   * numbers) lives in the {@link ProgressReporter}, which a session object owns ({@code
   * render.LensSession#use} sets it).
   */
  private static volatile ProgressReporter inUse = new ProgressReporter();

  private Progress() {}

  /**
   * Makes {@code reporter} the one the static entry points report to, for the rest of the process
   * (the session object does this when it is put in use).
   *
   * @param reporter the session's reporter, not null
   */
  public static void use(ProgressReporter reporter) {
    inUse = Objects.requireNonNull(reporter, "reporter");
  }

  /**
   * The reporter the static entry points report to.
   *
   * @return the reporter in use, not null
   */
  public static ProgressReporter reporter() {
    return inUse;
  }

  /**
   * Makes {@code newListener} the one shown progress in the session in use (the kernel sets its
   * session's listener); null for none.
   *
   * @param newListener the listener, or null
   */
  public static void listen(ProgressView newListener) {
    inUse.listen(newListener);
  }

  /**
   * Begins a task, reported in the session in use ({@link ProgressReporter#begin}).
   *
   * @param what what is being done, for example "reading cases.csv"; not blank
   * @param total how many units the task has, or 0 when not known; not negative
   * @param unit the unit counted, for example "rows"; not blank
   * @return the task, to advance and close
   * @throws IllegalArgumentException if {@code what} or {@code unit} is blank or total negative
   */
  public static Task start(String what, long total, String unit) {
    return inUse.begin(what, total, unit);
  }

  /** One piece of long work; close it when done (try-with-resources). */
  public static final class Task implements AutoCloseable {
    private final long id;
    private final long total;
    private final ProgressView to;
    private final long began = System.nanoTime();
    private long done;
    private long lastReport = System.nanoTime();
    private boolean completed;
    private boolean closed;

    Task(long id, String what, long total, String unit, ProgressView to) {
      this.id = id;
      this.total = total;
      this.to = to;
      if (to != null) {
        to.started(id, what, total, unit);
      }
    }

    /**
     * Counts {@code units} more done.
     *
     * @param units how many more; not negative
     */
    public void advance(long units) {
      done += units;
      if (to == null || units == 0) {
        return;
      }
      long now = System.nanoTime();
      if (now - lastReport >= INTERVAL_MILLIS * 1_000_000L || (total > 0 && done == total)) {
        lastReport = now;
        to.advanced(id, done);
      }
    }

    /**
     * Sets how many units are done, for work that counts for itself, for example the synthetic
     * generator's {@code (done, total) -> task.moveTo(done)}.
     *
     * @param units how many are done in all; not less than before
     */
    public void moveTo(long units) {
      advance(units - done);
    }

    /** Marks the task as completed (else closing it says it stopped early). */
    public void complete() {
      completed = true;
    }

    /** How many units are done. */
    public long done() {
      return done;
    }

    /** Ends the task; the listener is told once, whatever the number of calls. */
    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (to != null) {
        to.finished(id, done, System.nanoTime() - began, completed || (total > 0 && done >= total));
      }
    }
  }
}
