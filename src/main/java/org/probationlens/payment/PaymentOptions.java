package org.probationlens.payment;

import java.util.Locale;
import java.util.Objects;

/**
 * The inputs of the CRC payment model that the published record does not give, each an explicit,
 * documented choice. Immutable: each {@code with...} method returns a copy; {@link #defaults()}
 * marks which values are assumptions.
 *
 * <p>What is published (Justice Committee HC 1004, 2014, ch.3; PQ 208833): fee for service (FFS)
 * against a baseline volume range weighted by sentence type and length, reconciled annually, with
 * retrospective payment or clawback outside the range; payment by results (PbR) on binary and
 * frequency reoffending against a 2011 baseline; service credits for missed service levels. What is
 * not: the band widths, the share of contract value at risk under PbR, the unit prices.
 */
public final class PaymentOptions {

  /**
   * Default band width, +/-5% of the baseline. ASSUMPTION: the band widths were never published
   * (facts.md, section 2, "Gaps").
   */
  public static final double DEFAULT_BAND_WIDTH = 0.05;

  /**
   * Default PbR share of contract value, 10%. ASSUMPTION: often quoted, but no stored source gives
   * the share (facts.md, section 2, "Gaps": NF).
   */
  public static final double DEFAULT_PBR_SHARE = 0.10;

  /** Default share of the PbR pot tied to the binary measure, one half. ASSUMPTION. */
  public static final double DEFAULT_BINARY_SHARE = 0.5;

  /**
   * Default share of the binary pot earned: 6 of 21 CRCs "consistently achieved significant
   * reductions" in the proportion reoffending (NAO press release, 1 March 2019). DERIVED from a
   * published national count; per-CRC results were not in the stored sources, so every CRC earns
   * this share.
   */
  public static final double DEFAULT_BINARY_ATTAINMENT = 6.0 / 21.0;

  /**
   * Default share of the frequency pot earned: "19 CRCs had not met frequency targets" (PAC HC 897,
   * 2018), so 2 of 21. DERIVED from a published national count, applied to every CRC.
   */
  public static final double DEFAULT_FREQUENCY_ATTAINMENT = 2.0 / 21.0;

  /**
   * Default service credits per year, all CRCs together: GBP 7.4m levied July 2015 to March 2018
   * (PQ 253670), spread over those 2.75 years. DERIVED; spread across CRCs in proportion to their
   * fee for service (an assumption).
   */
  public static final double DEFAULT_SERVICE_CREDITS_PER_YEAR = 7.4e6 / 2.75;

  private final double bandWidth;
  private final double pbrShare;
  private final Reconciliation reconciliation;
  private final double binaryShare;
  private final double binaryAttainment;
  private final double frequencyAttainment;
  private final double serviceCreditsPerYear;
  private final double unitPrice;
  private final double maximumPounds;
  private final String maximumSource;

  private PaymentOptions(
      double bandWidth,
      double pbrShare,
      Reconciliation reconciliation,
      double binaryShare,
      double binaryAttainment,
      double frequencyAttainment,
      double serviceCreditsPerYear,
      double unitPrice,
      double maximumPounds,
      String maximumSource) {
    this.bandWidth = fraction("bandWidth", bandWidth, 0, 1);
    this.pbrShare = fraction("pbrShare", pbrShare, 0, 0.99);
    this.reconciliation = Objects.requireNonNull(reconciliation, "reconciliation");
    this.binaryShare = fraction("binaryShare", binaryShare, 0, 1);
    this.binaryAttainment = fraction("binaryAttainment", binaryAttainment, 0, 1);
    this.frequencyAttainment = fraction("frequencyAttainment", frequencyAttainment, 0, 1);
    if (!(serviceCreditsPerYear >= 0) || Double.isInfinite(serviceCreditsPerYear)) {
      throw new IllegalArgumentException(
          "serviceCreditsPerYear " + serviceCreditsPerYear + "; expected a sum in GBP >= 0");
    }
    this.serviceCreditsPerYear = serviceCreditsPerYear;
    this.unitPrice = unitPrice;
    this.maximumPounds = maximumPounds;
    this.maximumSource = maximumSource;
  }

  private static double fraction(String name, double v, double low, double high) {
    if (!(v >= low && v <= high)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "%s = %s; expected a fraction from %s to %s", name, v, low, high));
    }
    return v;
  }

  /**
   * The defaults: band +/-5% (assumption), PbR 10% of contract value (assumption), reconciliation
   * beyond the band's edge (assumption), binary half of the PbR pot (assumption), attainment from
   * published national counts (derived), service credits from the published total (derived). No
   * unit price: set one with {@link #withUnitPrice} or calibrate with {@link
   * #withPriceCalibratedTo}.
   *
   * @return the defaults, not null
   */
  public static PaymentOptions defaults() {
    return new PaymentOptions(
        DEFAULT_BAND_WIDTH,
        DEFAULT_PBR_SHARE,
        Reconciliation.BEYOND_BAND_EDGE,
        DEFAULT_BINARY_SHARE,
        DEFAULT_BINARY_ATTAINMENT,
        DEFAULT_FREQUENCY_ATTAINMENT,
        DEFAULT_SERVICE_CREDITS_PER_YEAR,
        Double.NaN,
        Double.NaN,
        null);
  }

  /**
   * Half the width of the baseline band, as a fraction: 0.05 means 95% to 105% of baseline.
   *
   * @param bandWidth 0 to 1
   * @return a copy, not null
   */
  public PaymentOptions withBandWidth(double bandWidth) {
    return new PaymentOptions(
        bandWidth,
        pbrShare,
        reconciliation,
        binaryShare,
        binaryAttainment,
        frequencyAttainment,
        serviceCreditsPerYear,
        unitPrice,
        maximumPounds,
        maximumSource);
  }

  /**
   * The share of a contract's maximum value paid by results, as a fraction.
   *
   * @param pbrShare 0 to 0.99
   * @return a copy, not null
   */
  public PaymentOptions withPbrShare(double pbrShare) {
    return new PaymentOptions(
        bandWidth,
        pbrShare,
        reconciliation,
        binaryShare,
        binaryAttainment,
        frequencyAttainment,
        serviceCreditsPerYear,
        unitPrice,
        maximumPounds,
        maximumSource);
  }

  /**
   * How volume outside the band is reconciled.
   *
   * @param reconciliation the reading, not null
   * @return a copy, not null
   */
  public PaymentOptions withReconciliation(Reconciliation reconciliation) {
    return new PaymentOptions(
        bandWidth,
        pbrShare,
        reconciliation,
        binaryShare,
        binaryAttainment,
        frequencyAttainment,
        serviceCreditsPerYear,
        unitPrice,
        maximumPounds,
        maximumSource);
  }

  /**
   * How much of the PbR pot each CRC earns: the binary measure's share of the pot, and the share of
   * each measure's pot earned.
   *
   * @param binaryShare share of the pot on the binary measure, 0 to 1 (the rest is frequency)
   * @param binaryAttainment share of the binary pot earned, 0 to 1
   * @param frequencyAttainment share of the frequency pot earned, 0 to 1
   * @return a copy, not null
   */
  public PaymentOptions withPbrAttainment(
      double binaryShare, double binaryAttainment, double frequencyAttainment) {
    return new PaymentOptions(
        bandWidth,
        pbrShare,
        reconciliation,
        binaryShare,
        binaryAttainment,
        frequencyAttainment,
        serviceCreditsPerYear,
        unitPrice,
        maximumPounds,
        maximumSource);
  }

  /**
   * Service credits deducted per year, all CRCs together, in GBP.
   *
   * @param pounds the sum, >= 0
   * @return a copy, not null
   */
  public PaymentOptions withServiceCreditsPerYear(double pounds) {
    return new PaymentOptions(
        bandWidth,
        pbrShare,
        reconciliation,
        binaryShare,
        binaryAttainment,
        frequencyAttainment,
        pounds,
        unitPrice,
        maximumPounds,
        maximumSource);
  }

  /**
   * A fixed fee-for-service price per unit of weighted volume per year, in GBP.
   *
   * @param pounds the price, > 0
   * @return a copy without any calibration target, not null
   */
  public PaymentOptions withUnitPrice(double pounds) {
    if (!(pounds > 0) || Double.isInfinite(pounds)) {
      throw new IllegalArgumentException("unit price " + pounds + "; expected GBP > 0");
    }
    return new PaymentOptions(
        bandWidth,
        pbrShare,
        reconciliation,
        binaryShare,
        binaryAttainment,
        frequencyAttainment,
        serviceCreditsPerYear,
        pounds,
        Double.NaN,
        null);
  }

  /**
   * Calibrates the unit price so that the contracts' maximum value at forecast volumes (fee for
   * service at baseline plus the whole PbR pot, over every CPA and year given) equals a published
   * total. This is a calibration to a published figure: every result says so, and the figure can no
   * longer be used as a test of the model.
   *
   * @param pounds the published maximum, in GBP, > 0
   * @param source where it was published, not blank
   * @return a copy without a fixed unit price, not null
   */
  public PaymentOptions withPriceCalibratedTo(double pounds, String source) {
    Objects.requireNonNull(source, "source");
    if (!(pounds > 0) || Double.isInfinite(pounds) || source.isBlank()) {
      throw new IllegalArgumentException(
          "calibration target " + pounds + " from '" + source + "'; expected GBP > 0 and a source");
    }
    return new PaymentOptions(
        bandWidth,
        pbrShare,
        reconciliation,
        binaryShare,
        binaryAttainment,
        frequencyAttainment,
        serviceCreditsPerYear,
        Double.NaN,
        pounds,
        source);
  }

  /**
   * Calibrates the unit price to a published maximum from the registry (see {@link
   * #withPriceCalibratedTo(double, String)}), so that every result names the figure it was
   * calibrated to and a check against it is CALIBRATED, never reproduced.
   *
   * @param figure the published maximum, in GBP bn or GBP m, not null
   * @return a copy without a fixed unit price, not null
   * @throws IllegalArgumentException if the figure is not an amount in GBP bn or GBP m
   */
  public PaymentOptions withPriceCalibratedTo(org.probationlens.reference.PublishedFigure figure) {
    Objects.requireNonNull(figure, "figure");
    double scale =
        switch (figure.unit()) {
          case "GBP bn" -> 1e9;
          case "GBP m" -> 1e6;
          default ->
              throw new IllegalArgumentException(
                  "figure "
                      + figure.id()
                      + " is in "
                      + figure.unit()
                      + "; a price calibrates to an amount in GBP bn or GBP m");
        };
    return withPriceCalibratedTo(figure.high() * scale, figure.id() + ": " + figure.source());
  }

  /**
   * The id of the registry figure the price is calibrated to: the calibration source's leading
   * {@code id:}, as {@link #withPriceCalibratedTo(org.probationlens.reference.PublishedFigure)}
   * writes it.
   *
   * @return the id, or empty when the price is given or the source names no id
   */
  public java.util.Optional<String> calibrationFigureId() {
    if (maximumSource == null) {
      return java.util.Optional.empty();
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("([a-z0-9_]+):").matcher(maximumSource);
    return m.lookingAt() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
  }

  /** {@return band half-width as a fraction of baseline} */
  public double bandWidth() {
    return bandWidth;
  }

  /** {@return the PbR share of the contract's maximum value} */
  public double pbrShare() {
    return pbrShare;
  }

  /** {@return how volume outside the band is reconciled} */
  public Reconciliation reconciliation() {
    return reconciliation;
  }

  /** {@return share of the PbR pot on the binary measure} */
  public double binaryShare() {
    return binaryShare;
  }

  /** {@return share of the binary pot earned} */
  public double binaryAttainment() {
    return binaryAttainment;
  }

  /** {@return share of the frequency pot earned} */
  public double frequencyAttainment() {
    return frequencyAttainment;
  }

  /**
   * The share of the whole PbR pot earned: binary share x binary attainment + (1 - binary share) x
   * frequency attainment.
   *
   * @return 0 to 1
   */
  public double pbrAttainment() {
    return binaryShare * binaryAttainment + (1 - binaryShare) * frequencyAttainment;
  }

  /** {@return service credits per year, all CRCs together, GBP} */
  public double serviceCreditsPerYear() {
    return serviceCreditsPerYear;
  }

  /** {@return the fixed unit price in GBP, or NaN when the price is calibrated} */
  public double unitPrice() {
    return unitPrice;
  }

  /** {@return the published maximum the price is calibrated to, or NaN} */
  public double calibrationTarget() {
    return maximumPounds;
  }

  /** {@return where the calibration target was published, or null} */
  public String calibrationSource() {
    return maximumSource;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "PaymentOptions[band +/-%.1f%%, PbR %.1f%% of maximum, %s, binary %.0f%% of PbR,"
            + " attainment binary %.3f frequency %.3f, service credits GBP %.2fm/yr, %s]",
        bandWidth * 100,
        pbrShare * 100,
        reconciliation,
        binaryShare * 100,
        binaryAttainment,
        frequencyAttainment,
        serviceCreditsPerYear / 1e6,
        Double.isNaN(unitPrice)
            ? (Double.isNaN(maximumPounds)
                ? "no unit price"
                : String.format(
                    Locale.ROOT,
                    "price calibrated to GBP %.3fbn (%s)",
                    maximumPounds / 1e9,
                    maximumSource))
            : String.format(Locale.ROOT, "unit price GBP %.2f", unitPrice));
  }
}
