package org.probationlens.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import org.probationlens.stats.SampleSize;
import org.probationlens.stats.SubgroupCount;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How many cases of a subgroup a provider's case sample holds, and how precise a finding about that
 * subgroup alone is: the thematic-inspection question for women, about one in ten of those
 * supervised. A simple random sample holds a random number of the subgroup's cases (binomial); a
 * finding about them has the margin of that smaller number, and reaching a target margin for them
 * alone needs a boosted (disproportionate) sample of the subgroup.
 *
 * @param plan the provider's whole-sample plan, not null
 * @param subgroup the subgroup's name, not blank
 * @param share the subgroup's share of the caseload, strictly between 0 and 1
 * @param shareSource where the share comes from, not blank
 * @param expectedCases the subgroup's expected number of cases in the sample
 * @param lowCases the 5th percentile of the subgroup's cases under simple random sampling
 * @param highCases the 95th percentile
 * @param marginAtExpected the margin of a finding about the subgroup at {@code expectedCases}
 * @param targetMargin the margin wanted for the subgroup
 * @param casesForTarget the subgroup cases that margin needs
 * @param published the provenance of the share when it is a published figure, else null (the share
 *     is then an assumption)
 */
public record SubgroupPrecision(
    SamplePlan plan,
    String subgroup,
    double share,
    String shareSource,
    double expectedCases,
    long lowCases,
    long highCases,
    double marginAtExpected,
    double targetMargin,
    long casesForTarget,
    Provenance published)
    implements Result {

  /** Validates the names and counts. */
  public SubgroupPrecision {
    Objects.requireNonNull(plan, "plan");
    if (subgroup == null || subgroup.isBlank() || shareSource == null || shareSource.isBlank()) {
      throw new IllegalArgumentException("subgroup and shareSource must be named");
    }
    if (lowCases < 0 || highCases < lowCases || casesForTarget < 1) {
      throw new IllegalArgumentException(
          "need 0 <= lowCases <= highCases and casesForTarget >= 1, were "
              + lowCases
              + ", "
              + highCases
              + ", "
              + casesForTarget);
    }
  }

  static SubgroupPrecision of(
      SamplePlan plan,
      String subgroup,
      double share,
      String shareSource,
      double targetMargin,
      Provenance published) {
    SubgroupCount count = SubgroupCount.of(plan.sample(), share, 0.90);
    long expected = Math.max(1, Math.round(count.expected()));
    SampleDesign design = plan.design();
    long subPopulation =
        design.finite()
            ? Math.max(1, Math.round(design.caseload() * share))
            : SampleDesign.UNLIMITED;
    double margin =
        SampleSize.margin(
            Math.min(expected, subPopulation),
            design.expectedShare(),
            design.confidence(),
            subPopulation);
    long target =
        SampleSize.forMargin(
            design.expectedShare(), targetMargin, design.confidence(), subPopulation);
    return new SubgroupPrecision(
        plan,
        subgroup,
        share,
        shareSource,
        count.expected(),
        count.low(),
        count.high(),
        margin,
        targetMargin,
        target,
        published);
  }

  @Override
  public String title() {
    return String.format(
        Locale.ROOT,
        "%s's cases in a %d-case provider sample: about %.0f, a finding about them ±%.0f points",
        capital(subgroup),
        plan.sample(),
        expectedCases,
        marginAtExpected * 100);
  }

  @Override
  public Table table() {
    StringColumn what = StringColumn.create("quantity");
    StringColumn value = StringColumn.create("value");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Provider sample", Format.count(plan.sample()) + " cases"});
    rows.add(new String[] {"Share of the caseload who are " + subgroup, Format.percent(share)});
    rows.add(
        new String[] {
          "Expected " + subgroup + "'s cases in the sample",
          String.format(Locale.ROOT, "%.1f", expectedCases)
        });
    rows.add(
        new String[] {
          "Range in 9 of 10 random samples (5th to 95th percentile)", lowCases + " to " + highCases
        });
    rows.add(
        new String[] {
          "Margin of a finding about " + subgroup + " alone",
          String.format(
              Locale.ROOT,
              "±%.1f points (at %s confidence)",
              marginAtExpected * 100,
              Format.percent(plan.design().confidence()))
        });
    rows.add(
        new String[] {
          "Margin of the whole-sample finding",
          String.format(Locale.ROOT, "±%.1f points", plan.margin() * 100)
        });
    rows.add(
        new String[] {
          String.format(
              Locale.ROOT,
              "%s's cases needed for ±%.0f points",
              capital(subgroup),
              targetMargin * 100),
          Format.count(casesForTarget)
              + String.format(
                  Locale.ROOT,
                  " (%.1f times the expected number)",
                  casesForTarget / Math.max(expectedCases, 1e-9))
        });
    for (String[] r : rows) {
      what.append(r[0]);
      value.append(r[1]);
    }
    return Table.create("Subgroup precision", what, value);
  }

  @Override
  public List<String> notes() {
    return List.of(
        "The subgroup's count in a simple random sample is binomial; a proportionate stratified"
            + " sample fixes it at the expected number, a boosted one raises it (see"
            + " StratifiedPlan).",
        "Share of the caseload: " + shareSource + ".");
  }

  @Override
  public Sources sources() {
    if (published != null) {
      return plan.sources().and(Sources.of(published));
    }
    return plan.sources()
        .withAssumptions(List.of("Subgroup share " + Format.percent(share) + ": " + shareSource));
  }

  private static String capital(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
