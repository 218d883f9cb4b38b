package org.probationlens.engine;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Large working arrays lent to one aggregation at a time and taken back when it ends, so that a
 * query that gathers values for quantiles (two row-sized int arrays and one of the kept values: 100
 * MB at 10 million cases) does not make the JVM allocate and zero them on every run. Allocating
 * them took about 3 to 9 ms per run on the benchmark machine and, as humongous objects in G1, now
 * and then a pause of a hundred milliseconds or more.
 *
 * <p>Arrays are held through soft references, so the collector takes them back before it runs out
 * of memory; at most {@link #KEPT} are held. An array lent out is not cleared: its user must write
 * every element before reading it. Hand-written because no library in the project pools primitive
 * arrays (Tablesaw's and Commons Math's structures allocate per call).
 */
final class Scratch {
  private Scratch() {}

  /** Arrays shorter than this are allocated as usual: the JVM makes them cheaply. */
  static final int MIN_POOLED = 1 << 16;

  private static final int KEPT = 6;

  private static final List<SoftReference<int[]>> FREE = new ArrayList<>();

  /**
   * An int array of at least {@code length} elements, whose contents are undefined; give it back
   * with {@link #release} when done. The smallest free array that is long enough is lent.
   */
  static int[] ints(int length) {
    if (length >= MIN_POOLED) {
      synchronized (FREE) {
        List<int[]> held = held();
        int[] best = null;
        for (int[] a : held) {
          if (a.length >= length && (best == null || a.length < best.length)) {
            best = a;
          }
        }
        if (best != null) {
          held.remove(best);
          keep(held);
          return best;
        }
      }
    }
    return new int[length];
  }

  /**
   * Takes an array from {@link #ints} back; it must not be used after. Null and short arrays are
   * ignored; when more than {@link #KEPT} are free, the shortest are dropped.
   */
  static void release(int[] array) {
    if (array == null || array.length < MIN_POOLED) {
      return;
    }
    synchronized (FREE) {
      List<int[]> held = held();
      for (int[] a : held) {
        if (a == array) {
          return;
        }
      }
      held.add(array);
      held.sort(Comparator.comparingInt((int[] a) -> a.length).reversed());
      keep(held.subList(0, Math.min(KEPT, held.size())));
    }
  }

  /** The free arrays the collector has not taken back (call with the lock held). */
  private static List<int[]> held() {
    List<int[]> held = new ArrayList<>();
    for (SoftReference<int[]> r : FREE) {
      int[] a = r.get();
      if (a != null) {
        held.add(a);
      }
    }
    return held;
  }

  private static void keep(List<int[]> arrays) {
    FREE.clear();
    for (int[] a : arrays) {
      FREE.add(new SoftReference<>(a));
    }
  }
}
