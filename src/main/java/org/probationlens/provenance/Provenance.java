package org.probationlens.provenance;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a loaded dataset came from, so every figure drawn from it can say whether it rests on
 * published statistics or on synthetic data. Attached by the loader, which computes the SHA-256 of
 * the exact file bytes read.
 *
 * @param title what the dataset is, e.g. {@code Probation caseload}, not blank
 * @param source the citation or address of the publisher, or the generator for synthetic data, not
 *     blank
 * @param publicationDate when the source was published; null when not known or synthetic
 * @param licence the terms of use, e.g. {@code Open Government Licence v3.0}, not blank
 * @param sha256 the SHA-256 of the file's bytes, 64 lower-case hex digits
 * @param kind whether the data are published, derived from published data, real but unpublished
 *     case-level records (official-sensitive), or synthetic
 * @param seed the generator's seed; only for synthetic data, and null there when not recorded
 * @param generatorVersion the generator's version; only for synthetic data, and null there when not
 *     recorded
 */
public record Provenance(
    String title,
    String source,
    LocalDate publicationDate,
    String licence,
    String sha256,
    Kind kind,
    Long seed,
    String generatorVersion) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** Whether the figures in a dataset are published, derived from published ones, or synthetic. */
  public enum Kind {
    /** Figures exactly as a publisher (MoJ, HMIP, NAO) released them. */
    PUBLISHED,
    /** Figures computed by this project from published ones. */
    DERIVED,
    /**
     * Real case-level records that were never published (a provider's or the MoJ's own extract):
     * personal data, shown only under disclosure control.
     */
    OFFICIAL_SENSITIVE,
    /** Made-up data from a generator, calibrated to published aggregates; never real cases. */
    SYNTHETIC
  }

  /** Validates every field; seed and generator version are allowed only for synthetic data. */
  public Provenance {
    requireText(title, "title");
    requireText(source, "source");
    requireText(licence, "licence");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sha256, "sha256");
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException(
          "sha256 must be 64 lower-case hex digits, was \"" + sha256 + "\"");
    }
    if (kind != Kind.SYNTHETIC && (seed != null || generatorVersion != null)) {
      throw new IllegalArgumentException(
          "seed and generatorVersion are only for SYNTHETIC data, not " + kind);
    }
    if (generatorVersion != null && generatorVersion.isBlank()) {
      throw new IllegalArgumentException("generatorVersion is blank; use null when not recorded");
    }
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
  }

  /**
   * Provenance of a published dataset.
   *
   * @param title what the dataset is, not blank
   * @param source the citation or address, not blank
   * @param publicationDate the publication date, null when not known
   * @param licence the terms of use, not blank
   * @param sha256 the file's SHA-256
   * @return the provenance
   */
  public static Provenance published(
      String title, String source, LocalDate publicationDate, String licence, String sha256) {
    return new Provenance(
        title, source, publicationDate, licence, sha256, Kind.PUBLISHED, null, null);
  }

  /**
   * Provenance of a dataset this project computed from published figures.
   *
   * @param title what the dataset is, not blank
   * @param source the published sources it was computed from and how, not blank
   * @param licence the terms of use, not blank
   * @param sha256 the file's SHA-256
   * @return the provenance
   */
  public static Provenance derived(String title, String source, String licence, String sha256) {
    return new Provenance(title, source, null, licence, sha256, Kind.DERIVED, null, null);
  }

  /**
   * Provenance of real case-level records that were never published: a provider's or the MoJ's own
   * extract, which every output must show under disclosure control.
   *
   * @param title what the dataset is, not blank
   * @param source who supplied it, not blank
   * @param licence the terms on which it is held (a data-sharing agreement), not blank
   * @param sha256 the file's SHA-256
   * @return the provenance
   */
  public static Provenance officialSensitive(
      String title, String source, String licence, String sha256) {
    return new Provenance(
        title, source, null, licence, sha256, Kind.OFFICIAL_SENSITIVE, null, null);
  }

  /**
   * Provenance of synthetic data.
   *
   * @param title what the dataset is, not blank
   * @param generator the generator that made it, not blank
   * @param seed the seed, null when not recorded
   * @param generatorVersion the generator's version, null when not recorded
   * @param sha256 the file's SHA-256
   * @return the provenance, licensed as this project's own output
   */
  public static Provenance synthetic(
      String title, String generator, Long seed, String generatorVersion, String sha256) {
    return new Provenance(
        title,
        generator,
        null,
        "synthetic data made by Probation Lens; no real person's record",
        sha256,
        Kind.SYNTHETIC,
        seed,
        generatorVersion);
  }

  /**
   * The provenance as one line for a notebook or a chart footer, e.g. {@code Source: Ministry of
   * Justice, Offender Management Statistics Quarterly (PUBLISHED, 2019-07-25; Open Government
   * Licence v3.0); SHA-256 3a7b...}. Synthetic data says so first.
   *
   * @return the line, not null
   */
  public String oneLine() {
    StringBuilder line = new StringBuilder();
    if (kind == Kind.SYNTHETIC) {
      line.append("SYNTHETIC data, not published figures. ");
    }
    line.append(title).append(". Source: ").append(source).append(" (").append(kind);
    if (kind == Kind.SYNTHETIC) {
      line.append(", generator version ")
          .append(generatorVersion == null ? "not recorded" : generatorVersion)
          .append(", seed ")
          .append(seed == null ? "not recorded" : seed.toString());
    } else if (publicationDate != null) {
      line.append(", published ").append(publicationDate);
    } else if (kind == Kind.PUBLISHED) {
      line.append(", publication date not given");
    }
    line.append("; ").append(licence).append("); SHA-256 ").append(sha256);
    return line.toString();
  }
}
