package org.probationlens.kernel;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * Turns a cell's value into the MIME bundle sent to the notebook. Everything is shown as text here;
 * tables and charts are handed to the display layer once it is part of the build.
 */
final class Rendering {
  /** The longest text/plain output sent for one value; longer text is cut with a note. */
  static final int MAX_TEXT = 20_000;

  private Rendering() {}

  /** The bundle for {@code value}: always has text/plain. */
  static DisplayData render(Object value) {
    return new DisplayData(bounded(String.valueOf(value)));
  }

  static String bounded(String text) {
    if (text.length() <= MAX_TEXT) {
      return text;
    }
    return text.substring(0, MAX_TEXT)
        + "\n... (output cut: "
        + text.length()
        + " characters in all, the first "
        + MAX_TEXT
        + " shown)";
  }
}
