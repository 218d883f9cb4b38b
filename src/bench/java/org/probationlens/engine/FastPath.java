package org.probationlens.engine;

import java.nio.file.Path;

/** Benchmark access to the fast reader alone, without the validating loader behind it. */
public final class FastPath {
  private FastPath() {}

  /** Returns why the fast reader alone would not take the file, or null when it does. */
  public static String refusal(Path file) {
    try {
      CaseCsv.readFast(file, 2);
      return null;
    } catch (Refusal refusal) {
      return refusal.getMessage();
    }
  }
}
