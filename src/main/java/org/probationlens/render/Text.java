package org.probationlens.render;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Escaping, cutting and number formatting shared by the renderers. */
final class Text {

  private static final DecimalFormatSymbols UK = DecimalFormatSymbols.getInstance(Locale.UK);

  private Text() {}

  /** Escapes the five characters that matter in HTML text and attribute values. */
  static String html(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Makes a value safe for one line of a table: line breaks become "↵", tabs a space, other control
   * characters U+FFFD; then cuts it to {@code max} code points, the last being "…".
   */
  static String cell(String s, int max) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), max * 2 + 2));
    int count = 0;
    int n = s.length();
    for (int i = 0; i < n; ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\r' && i < n && s.charAt(i) == '\n') {
        i++;
      }
      if (count == max - 1 && i < n) {
        b.append('…');
        return b.toString();
      }
      if (cp == '\r' || cp == '\n') {
        b.append('↵');
      } else if (cp == '\t') {
        b.append(' ');
      } else if (Character.isISOControl(cp)) {
        b.append('\uFFFD');
      } else {
        b.appendCodePoint(cp);
      }
      count++;
    }
    return b.toString();
  }

  /** The width of a cut cell in code points. */
  static int width(String s) {
    return s.codePointCount(0, s.length());
  }

  /** An integer, with or without thousands separators. */
  static String integer(long v, boolean grouped) {
    if (!grouped) {
      return Long.toString(v);
    }
    DecimalFormat f = new DecimalFormat("#,##0", UK);
    return f.format(v);
  }

  /**
   * A floating-point value with exactly {@code decimals} places (half up), or in scientific
   * notation with {@code significant} figures when it is not zero but would round to zero, or is
   * 1e15 or more in size.
   */
  static String decimal(double v, int decimals, boolean grouped, int significant) {
    if (Double.isInfinite(v)) {
      return v > 0 ? "Infinity" : "-Infinity";
    }
    double a = Math.abs(v);
    if (v != 0 && (a >= 1e15 || a < 0.5 * Math.pow(10, -decimals))) {
      return String.format(Locale.ROOT, "%." + (significant - 1) + "E", v);
    }
    StringBuilder pattern = new StringBuilder(grouped ? "#,##0" : "0");
    if (decimals > 0) {
      pattern.append('.').append("0".repeat(decimals));
    }
    DecimalFormat f = new DecimalFormat(pattern.toString(), UK);
    f.setRoundingMode(RoundingMode.HALF_UP);
    String s = f.format(v);
    if (s.startsWith("-") && s.chars().noneMatch(ch -> ch >= '1' && ch <= '9')) {
      return s.substring(1);
    }
    return s;
  }

  /** "1 row", "1,234 rows". */
  static String count(long n, String singular, String plural) {
    return integer(n, true) + " " + (n == 1 ? singular : plural);
  }
}
