package org.probationlens.reference;

import java.util.Locale;
import java.util.Objects;

/**
 * One published figure that a notebook reproduces, with its source: a point value (for example the
 * £3.7bn maximum payable to CRCs), a range (CRC volumes "6% to 36%" below forecast) or an upper
 * bound ("up to 34%") or a lower bound ("more than a fifth"). The tolerance says how far a
 * reproduced value may lie from it and still count as reproduced.
 *
 * @param id a stable key, for example {@code shortfall_range_2015_16}; lower case, digits, _
 * @param description what the figure measures, in the source's terms; not blank
 * @param kind point, range, upper bound or lower bound
 * @param low the lower end (equal to {@code high} for a point; NaN for an upper bound; the bound
 *     itself for a lower bound)
 * @param high the upper end, or the point value; NaN for a lower bound
 * @param unit for example {@code percent} or {@code GBP bn}; not blank
 * @param period the period the source gives, for example {@code 2015-16}; not blank
 * @param tolerance the largest absolute difference, in {@code unit}, that still passes; >= 0
 * @param source the citation, not blank
 * @param tag {@code found} (primary source) or {@code secondary} (reported by a secondary source)
 */
public record PublishedFigure(
    String id,
    String description,
    Kind kind,
    double low,
    double high,
    String unit,
    String period,
    double tolerance,
    String source,
    String tag) {

  /** How a figure was published. */
  public enum Kind {
    /** One value. */
    POINT,
    /** The lowest and highest of several values, for example across CRCs. */
    RANGE,
    /** "Up to" a value. */
    UPPER_BOUND,
    /**
     * "More than" a value, for example "more than a fifth" (stored as 20 percent in {@code low}).
     */
    LOWER_BOUND
  }

  /** Validates the figure. */
  public PublishedFigure {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(tag, "tag");
    if (!id.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException(
          "figure id '" + id + "' must be lower-case letters, digits and _");
    }
    for (String[] f :
        new String[][] {
          {"description", description}, {"unit", unit}, {"period", period}, {"source", source}
        }) {
      if (f[1].isBlank()) {
        throw new IllegalArgumentException("figure " + id + ": " + f[0] + " is blank");
      }
    }
    if (!tag.equals("found") && !tag.equals("secondary")) {
      throw new IllegalArgumentException(
          "figure " + id + ": tag '" + tag + "'; expected found or secondary");
    }
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException(
          "figure " + id + ": tolerance " + tolerance + "; expected a number >= 0");
    }
    if (Double.isNaN(high) && kind != Kind.LOWER_BOUND) {
      throw new IllegalArgumentException("figure " + id + ": high is missing");
    }
    switch (kind) {
      case POINT -> {
        if (low != high) {
          throw new IllegalArgumentException(
              "figure " + id + ": a point has low = high; got " + low + " and " + high);
        }
      }
      case RANGE -> {
        if (!(low <= high)) {
          throw new IllegalArgumentException(
              "figure " + id + ": range low " + low + " is not <= high " + high);
        }
      }
      case UPPER_BOUND -> {
        if (!Double.isNaN(low)) {
          throw new IllegalArgumentException(
              "figure " + id + ": an upper bound has no low; got " + low);
        }
      }
      case LOWER_BOUND -> {
        if (Double.isNaN(low) || !Double.isNaN(high)) {
          throw new IllegalArgumentException(
              "figure "
                  + id
                  + ": a lower bound has a low and no high; got "
                  + low
                  + " and "
                  + high);
        }
      }
    }
  }

  /**
   * The figure as published, for example {@code "6 to 36 percent"} or {@code "3.7 GBP bn"}.
   *
   * @return the text, not null
   */
  public String valueText() {
    return switch (kind) {
      case POINT -> number(high) + " " + unit;
      case RANGE -> number(low) + " to " + number(high) + " " + unit;
      case UPPER_BOUND -> "up to " + number(high) + " " + unit;
      case LOWER_BOUND -> "more than " + number(low) + " " + unit;
    };
  }

  static String number(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e12) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    String s = String.format(Locale.ROOT, "%.2f", v);
    return s.replaceAll("0$", "");
  }
}
