package org.probationlens.reference;

import java.util.Objects;
import org.probationlens.render.MimeBundle;
import org.probationlens.render.RichDisplay;

/**
 * A reproduced value set beside the published figure it reproduces: the published value, the
 * computed one, the tolerance, and whether they agree. A computed range passes when each end lies
 * within the tolerance of the published end; a point when it lies within the tolerance of the
 * value; an upper bound when it does not exceed the bound by more than the tolerance; a lower bound
 * when it is not below the bound by more than the tolerance.
 *
 * @param figure the published figure, not null
 * @param computedLow the computed lower end (equal to {@code computedHigh} for a point)
 * @param computedHigh the computed upper end, or the computed value
 * @param pass whether the computed value reproduces the figure within tolerance
 * @param basis what the computed value rests on, for example "synthetic data calibrated to this
 *     figure" or "model at default assumptions, not calibrated to this figure"; not blank
 */
public record FigureCheck(
    PublishedFigure figure, double computedLow, double computedHigh, boolean pass, String basis)
    implements RichDisplay {

  /** Validates the check. */
  public FigureCheck {
    Objects.requireNonNull(figure, "figure");
    Objects.requireNonNull(basis, "basis");
    if (basis.isBlank()) {
      throw new IllegalArgumentException(
          "check of " + figure.id() + ": say what the computed value rests on (basis is blank)");
    }
    if (Double.isNaN(computedHigh)
        || (figure.kind() == PublishedFigure.Kind.RANGE && Double.isNaN(computedLow))) {
      throw new IllegalArgumentException(
          "check of " + figure.id() + ": computed value is missing (NaN)");
    }
  }

  static FigureCheck of(PublishedFigure f, double low, double high, String basis) {
    double tol = f.tolerance() + 1e-9;
    boolean pass =
        switch (f.kind()) {
          case POINT -> Math.abs(high - f.high()) <= tol;
          case RANGE -> Math.abs(low - f.low()) <= tol && Math.abs(high - f.high()) <= tol;
          case UPPER_BOUND -> high <= f.high() + tol;
          case LOWER_BOUND -> high >= f.low() - tol;
        };
    return new FigureCheck(f, low, high, pass, basis);
  }

  /**
   * The computed value as text in the figure's unit, for example {@code "6.00 to 36.00 percent"}.
   *
   * @return the text, not null
   */
  public String computedText() {
    String unit = figure.unit();
    return switch (figure.kind()) {
      case RANGE -> fmt(computedLow) + " to " + fmt(computedHigh) + " " + unit;
      default -> fmt(computedHigh) + " " + unit;
    };
  }

  private static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.2f", v);
  }

  /** One readable row: {@code PASS shortfall_range_2015_16: published 6 to 36 percent; ...}. */
  @Override
  public String toString() {
    return (pass ? "PASS " : "FAIL ")
        + figure.id()
        + ": published "
        + figure.valueText()
        + " ("
        + figure.period()
        + "; "
        + figure.source()
        + "); computed "
        + computedText()
        + " ("
        + basis
        + "); tolerance "
        + PublishedFigure.number(figure.tolerance())
        + " "
        + figure.unit();
  }

  /** One row of a checks table, in a notebook. */
  @Override
  public MimeBundle toMimeBundle() {
    MimeBundle table = FigureChecks.of(this).toMimeBundle();
    return MimeBundle.of(toString(), table.get(MimeBundle.TEXT_HTML).orElse(""));
  }
}
