package org.probationlens.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs numbered tasks on a fixed number of threads. Work is split into tasks by the caller in a way
 * that does not depend on the thread count, so results do not either: threads only decide who runs
 * which task, never how the data is cut.
 */
final class Parallel {
  private Parallel() {}

  private static final ThreadFactory DAEMONS =
      runnable -> {
        Thread thread = new Thread(runnable, "probation-lens-engine");
        thread.setDaemon(true);
        return thread;
      };

  private static final Object POOL_LOCK = new Object();
  private static ExecutorService pool;
  private static int poolThreads;

  /** Returns the default thread count: the number of available processors. */
  static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Runs {@code task.accept(i)} for every i in [0, tasks) on up to {@code threads} threads (the
   * caller is one of them) and waits for all; the first failure is rethrown.
   */
  static void run(int tasks, int threads, IntConsumer task) {
    int workers = Math.min(threads, tasks);
    if (workers <= 1) {
      for (int i = 0; i < tasks; i++) {
        task.accept(i);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
            task.accept(i);
          }
        };
    ExecutorService executor = pool(workers - 1);
    List<Future<?>> futures = new ArrayList<>(workers - 1);
    for (int w = 1; w < workers; w++) {
      futures.add(executor.submit(worker));
    }
    RuntimeException failure = null;
    try {
      worker.run();
    } catch (RuntimeException | Error e) {
      next.set(tasks);
      failure = e instanceof RuntimeException ? (RuntimeException) e : new RuntimeException(e);
    }
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (ExecutionException e) {
        if (failure == null) {
          Throwable cause = e.getCause();
          failure =
              cause instanceof RuntimeException
                  ? (RuntimeException) cause
                  : new RuntimeException(cause);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (failure == null) {
          failure = new IllegalStateException("interrupted while aggregating", e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static ExecutorService pool(int helpers) {
    synchronized (POOL_LOCK) {
      if (pool == null || poolThreads < helpers) {
        if (pool != null) {
          pool.shutdown();
        }
        pool = Executors.newFixedThreadPool(helpers, DAEMONS);
        poolThreads = helpers;
      }
      return pool;
    }
  }
}
