package org.probationlens.inspection;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The domain (standard) ratings of one cycle that the published sources quote, provider by
 * provider, and what is missing. HMI Probation rated ten standards for each provider (leadership,
 * staff, services, information and facilities; assessment, planning, implementation and delivery,
 * reviewing; and two domain-3 standards: unpaid work and through-the-gate for CRCs, court reports
 * and statutory victim work for the NPS). Only the ratings quoted in press releases are in the
 * reference data, as written; the full grid is not.
 *
 * @param cycle the cycle
 * @param providers the providers' ratings, by name
 * @param sources the ratings file's provenance
 */
public record DomainRatings(InspectionCycle cycle, List<ProviderRating> providers, Sources sources)
    implements Result {

  /** Standards rated per provider. */
  public static final int STANDARDS = 10;

  /** Copies the list. */
  public DomainRatings {
    providers = List.copyOf(providers);
  }

  static DomainRatings of(HmipRatings ratings, InspectionCycle cycle) {
    return new DomainRatings(cycle, ratings.cycle(cycle), ratings.sources());
  }

  /**
   * The providers for which no domain rating is quoted.
   *
   * @return those providers, by name
   */
  public List<ProviderRating> withoutAny() {
    return providers.stream().filter(p -> p.domainRatingsReported().isBlank()).toList();
  }

  @Override
  public String title() {
    return String.format(
        Locale.ROOT,
        "Domain ratings quoted, %s: something for %d of %d providers; the full %d x %d grid is not"
            + " published here",
        cycle,
        providers.size() - withoutAny().size(),
        providers.size(),
        providers.size(),
        STANDARDS);
  }

  @Override
  public Table table() {
    StringColumn name = StringColumn.create("provider");
    StringColumn type = StringColumn.create("type");
    StringColumn overall = StringColumn.create("overall rating");
    StringColumn quoted = StringColumn.create("domain ratings quoted (as written)");
    for (ProviderRating p : providers) {
      name.append(p.provider());
      type.append(p.providerType());
      overall.append(p.rating().label());
      quoted.append(
          p.domainRatingsReported().isBlank()
              ? "none quoted in the stored sources"
              : p.domainRatingsReported());
    }
    return Table.create("Domain ratings quoted, " + cycle, name, type, overall, quoted);
  }

  @Override
  public List<String> notes() {
    return List.of(
        String.format(
            Locale.ROOT,
            "Missing: %d providers x %d standards = %d domain ratings were made; the reference"
                + " data hold only the fragments above, as the press releases worded them, and"
                + " none at all for: %s.",
            providers.size(),
            STANDARDS,
            providers.size() * STANDARDS,
            withoutAny().stream().map(ProviderRating::provider).collect(Collectors.joining(", "))),
        "The fragments are text, not a grid: 'some areas Inadequate' does not say which"
            + " standards; no count or test is made from them.");
  }
}
