package org.probationlens.stats;

/**
 * The remission data of Freireich et al. (1963, Blood 21:699-716): weeks in remission for 21
 * leukaemia patients given 6-mercaptopurine (6-MP) and 21 given placebo, as printed in Kleinbaum
 * &amp; Klein, "Survival Analysis: A Self-Learning Text" (3rd ed., Springer 2012), chapter 1-2, and
 * as the "Gehan data" (Gehan 1965) on G. Rodriguez's Princeton survival pages (data.princeton.edu,
 * "The Gehan Survival Data"). A "+" in the book marks a censored time.
 */
final class Freireich6mp {
  private Freireich6mp() {}

  // 6-MP: 6, 6, 6, 6+, 7, 9+, 10, 10+, 11+, 13, 16, 17+, 19+, 20+, 22, 23, 25+, 32+, 32+, 34+, 35+
  static final double[] MP_TIMES = {
    6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35
  };
  static final boolean[] MP_EVENTS = {
    true, true, true, false, true, false, true, false, false, true, true, false, false, false, true,
    true, false, false, false, false, false
  };

  // Placebo: 1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23 (no censoring)
  static final double[] PLACEBO_TIMES = {
    1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23
  };
  static final boolean[] PLACEBO_EVENTS = allTrue(21);

  static boolean[] allTrue(int n) {
    boolean[] b = new boolean[n];
    java.util.Arrays.fill(b, true);
    return b;
  }
}
