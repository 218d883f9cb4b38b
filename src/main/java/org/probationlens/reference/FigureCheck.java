package org.probationlens.reference;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.probationlens.data.synthetic.CaseGenerator;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.Table;

/**
 * A computed value set beside the published figure it is checked against: the published value, the
 * computed one, the tolerance, and how they match. A computed range matches when each end lies
 * within the tolerance of the published end; a point when it lies within the tolerance of the
 * value; an upper bound when it does not exceed the bound by more than the tolerance; a lower bound
 * when it is not below the bound by more than the tolerance.
 *
 * <p>A match is {@link Status#REPRODUCED} only when the computed value came from inputs that were
 * not set to it; a match on inputs calibrated to the figure (a generator, a price) is {@link
 * Status#CALIBRATED}, and so is any match on synthetic data, which can only show what its generator
 * put in. The status is decided from the {@link Sources} of the computed value, never from a note.
 *
 * @param figure the published figure, not null
 * @param computedLow the computed lower end (equal to {@code computedHigh} for a point)
 * @param computedHigh the computed upper end, or the computed value
 * @param status how the computed value matches the figure, not null
 * @param basis why the status is what it is, in words; not blank
 * @param computedFrom the sources of the computed value, not null; {@link #sources()} adds the
 *     published figure's own
 * @param published the provenance of the published figure (the registry row), not null
 */
public record FigureCheck(
    PublishedFigure figure,
    double computedLow,
    double computedHigh,
    Status status,
    String basis,
    Sources computedFrom,
    Provenance published)
    implements Result {

  /** How a computed value matches a published figure. */
  public enum Status {
    /** Matches, computed from inputs independent of the figure (real data, not calibrated). */
    REPRODUCED("reproduced"),
    /**
     * Matches because an input was set to match it (a generator calibrated to the figure, a price
     * calibrated to a total) or because the inputs are synthetic: not evidence about the real
     * services.
     */
    CALIBRATED("calibrated"),
    /** Does not match within the registry's tolerance. */
    NOT_REPRODUCED("not reproduced");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    /** {@return the status in words, as a headline counts it: "not reproduced"} */
    public String label() {
      return label;
    }
  }

  /** Validates the check. */
  public FigureCheck {
    Objects.requireNonNull(figure, "figure");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(computedFrom, "computedFrom");
    Objects.requireNonNull(published, "published");
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

  /**
   * The published figures an input of these sources was set to match: those the sources declare,
   * and those the synthetic case generator declares ({@link CaseGenerator#CALIBRATED_TO}) when an
   * input is its output.
   *
   * @param from the sources, not null
   * @return the figure ids, not null
   */
  public static Set<String> calibratedTo(Sources from) {
    Set<String> ids = new LinkedHashSet<>(from.calibratedTo());
    for (Provenance p : from.inputs()) {
      if (p.kind() == Provenance.Kind.SYNTHETIC && CaseGenerator.SOURCE.equals(p.source())) {
        ids.addAll(CaseGenerator.CALIBRATED_TO);
      }
    }
    return ids;
  }

  static FigureCheck of(
      PublishedFigure f, double low, double high, Sources from, Provenance published) {
    double tol = f.tolerance() + 1e-9;
    boolean within =
        switch (f.kind()) {
          case POINT -> Math.abs(high - f.high()) <= tol;
          case RANGE -> Math.abs(low - f.low()) <= tol && Math.abs(high - f.high()) <= tol;
          case UPPER_BOUND -> high <= f.high() + tol;
          case LOWER_BOUND -> high >= f.low() - tol;
        };
    String data = from.synthetic() ? "synthetic data" : "data of kind " + from.kind();
    boolean declared = calibratedTo(from).contains(f.id());
    Status status;
    String basis;
    if (!within) {
      status = Status.NOT_REPRODUCED;
      basis =
          "computed from "
              + data
              + (declared ? ", calibrated to this figure," : "")
              + " outside the tolerance";
    } else if (declared) {
      status = Status.CALIBRATED;
      basis =
          "matches by construction: "
              + (from.calibratedTo().contains(f.id())
                  ? "an input of the analysis (such as a price calibrated to a published total)"
                  : "the synthetic data's generator")
              + " was set to this figure";
    } else if (from.synthetic()) {
      status = Status.CALIBRATED;
      basis =
          "matches on synthetic data, whose generator is calibrated to published aggregates: not"
              + " evidence about the real services";
    } else {
      status = Status.REPRODUCED;
      basis = "computed from " + data + " not calibrated to this figure";
    }
    return new FigureCheck(f, low, high, status, basis, from, published);
  }

  /**
   * Whether the computed value lies within the tolerance of the figure, however it got there.
   *
   * @return true unless the status is {@link Status#NOT_REPRODUCED}
   */
  public boolean pass() {
    return status != Status.NOT_REPRODUCED;
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
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /** {@return the status and the figure, e.g. "CALIBRATED: shortfall_range_2015_16 ..."} */
  @Override
  public String title() {
    return status.name().replace('_', ' ') + ": " + figure.id() + " (" + figure.description() + ")";
  }

  /** {@return one row, as a row of {@link FigureChecks#table()}} */
  @Override
  public Table table() {
    return FigureChecks.of(this).table();
  }

  /** {@return why the status is what it is, and the published figure's source and period} */
  @Override
  public List<String> notes() {
    List<String> notes = new ArrayList<>();
    notes.add(figure.id() + ": " + basis + ".");
    notes.add(
        figure.id()
            + " as published: "
            + figure.valueText()
            + " ("
            + figure.period()
            + "; "
            + figure.source()
            + "; tag "
            + figure.tag()
            + ").");
    return notes;
  }

  /** {@return the computed value's sources and the published figure's} */
  @Override
  public Sources sources() {
    return computedFrom.and(Sources.of(published));
  }

  /** One readable row: {@code CALIBRATED shortfall_range_2015_16: published 6 to 36 percent...}. */
  @Override
  public String toString() {
    return status
        + " "
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
}
