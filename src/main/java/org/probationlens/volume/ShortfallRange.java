package org.probationlens.volume;

import java.util.Locale;
import java.util.Objects;

/**
 * The spread of shortfalls across reporting units, as published for CRCs ("6% to 36%", PAC HC 484):
 * the lowest and the highest, and which units they belong to.
 *
 * @param measure the column the range is of ({@code weighted_shortfall_pct} or {@code
 *     count_shortfall_pct}); not null
 * @param low the smallest shortfall, percent
 * @param lowUnit the unit with the smallest shortfall, not null
 * @param high the largest shortfall, percent, not below {@code low}
 * @param highUnit the unit with the largest shortfall, not null
 * @param units how many units the range is taken over, at least 1
 */
public record ShortfallRange(
    String measure, double low, String lowUnit, double high, String highUnit, int units) {

  /** Validates the range. */
  public ShortfallRange {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(lowUnit, "lowUnit");
    Objects.requireNonNull(highUnit, "highUnit");
    if (!(low <= high)) {
      throw new IllegalArgumentException("range low " + low + " is above high " + high);
    }
    if (units < 1) {
      throw new IllegalArgumentException("a range needs at least 1 unit; got " + units);
    }
  }

  /** For example {@code "6.0% (C05) to 36.0% (C12) across 21 units"}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%.1f%% (%s) to %.1f%% (%s) across %d units",
        low,
        lowUnit,
        high,
        highUnit,
        units);
  }
}
