package org.probationlens.inspection;

import java.util.Objects;

/**
 * One provider's overall rating in one HMI Probation inspection cycle, as published: a CRC or an
 * NPS division, its rating, when the report was published, any domain (standard) ratings its press
 * release quoted, and the source.
 *
 * @param code the nDelius code, C01 to C21 for CRCs, N01 to N07 for NPS divisions
 * @param provider the provider's name, e.g. "Essex CRC" or "NPS London"
 * @param nps true for an NPS division, false for a CRC
 * @param cycle the inspection cycle, e.g. 2018-19
 * @param rating the overall rating
 * @param published when the report was published, to the precision the source gives
 * @param domainRatingsReported domain ratings quoted in the source, as written; empty when none
 * @param source the citation
 * @param tag {@code found} (primary source) or {@code secondary}
 */
public record ProviderRating(
    String code,
    String provider,
    boolean nps,
    InspectionCycle cycle,
    InspectionRating rating,
    String published,
    String domainRatingsReported,
    String source,
    String tag) {

  /** Checks the fields are present. */
  public ProviderRating {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(cycle, "cycle");
    Objects.requireNonNull(rating, "rating");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(domainRatingsReported, "domainRatingsReported");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(tag, "tag");
  }

  /**
   * The kind of provider in words.
   *
   * @return "NPS division" or "CRC"
   */
  public String providerType() {
    return nps ? "NPS division" : "CRC";
  }
}
