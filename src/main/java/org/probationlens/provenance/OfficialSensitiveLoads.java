package org.probationlens.provenance;

/**
 * Where a working session hears that official-sensitive records were loaded, so that tables cut
 * from them by hand (a {@code countBy} on the case table, a roll-up of it) are drawn under
 * disclosure control even before any result built on them has been drawn. Every {@link
 * LoadedDataset} of kind {@link Provenance.Kind#OFFICIAL_SENSITIVE} tells the one listener; the
 * Jupyter kernel sets it to its session ({@code LensSession.watchOfficialSensitiveLoads()}). A
 * library used without a kernel sets none and nothing is told.
 */
public final class OfficialSensitiveLoads {

  private static volatile Runnable listener;

  private OfficialSensitiveLoads() {}

  /**
   * Sets the one listener, replacing any other.
   *
   * @param onLoad what to run each time official-sensitive records are loaded, or null for none
   */
  public static void listen(Runnable onLoad) {
    listener = onLoad;
  }

  /** Tells the listener, if any, that official-sensitive records were loaded. */
  static void loaded() {
    Runnable l = listener;
    if (l != null) {
      l.run();
    }
  }
}
