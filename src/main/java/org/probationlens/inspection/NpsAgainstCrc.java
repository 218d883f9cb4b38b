package org.probationlens.inspection;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import org.probationlens.stats.ExactOrdinalTest;
import org.probationlens.stats.FisherExact;
import org.probationlens.stats.Proportion;
import org.probationlens.stats.ProportionDifference;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Is the NPS "generally in a better position" than the CRCs? The published overall ratings of one
 * cycle compared: the share rated Good or better in each (Wilson intervals), their difference
 * (Newcombe's interval) and Fisher's exact test; and the whole four-point scale with an exact
 * ordinal (Wilcoxon-Mann-Whitney) test and Cliff's delta as the effect size.
 *
 * <p>These are all the providers, not a sample: the tests ask whether a split of the ratings this
 * uneven would be likely if the ratings had nothing to do with being NPS or CRC.
 *
 * @param crossTab the counts compared, not null
 * @param npsGood the NPS divisions' share Good or better
 * @param crcGood the CRCs' share Good or better
 * @param difference NPS minus CRC share Good or better
 * @param fisher Fisher's exact test on Good-or-better against not
 * @param ordinal the exact ordinal test on the whole scale, NPS against CRC
 */
public record NpsAgainstCrc(
    RatingsCrossTab crossTab,
    Proportion npsGood,
    Proportion crcGood,
    ProportionDifference difference,
    FisherExact fisher,
    ExactOrdinalTest ordinal)
    implements Result {

  /** Checks the parts are present. */
  public NpsAgainstCrc {
    Objects.requireNonNull(crossTab, "crossTab");
    Objects.requireNonNull(npsGood, "npsGood");
    Objects.requireNonNull(crcGood, "crcGood");
    Objects.requireNonNull(difference, "difference");
    Objects.requireNonNull(fisher, "fisher");
    Objects.requireNonNull(ordinal, "ordinal");
  }

  static NpsAgainstCrc of(HmipRatings ratings, InspectionCycle cycle) {
    RatingsCrossTab x = ratings.crossTab(cycle);
    long[] nps = x.nps();
    long[] crc = x.crc();
    long a = RatingsCrossTab.goodOrBetter(nps);
    long n1 = RatingsCrossTab.total(nps);
    long c = RatingsCrossTab.goodOrBetter(crc);
    long n2 = RatingsCrossTab.total(crc);
    return new NpsAgainstCrc(
        x,
        Proportion.wilson(a, n1, 0.95),
        Proportion.wilson(c, n2, 0.95),
        ProportionDifference.newcombe(a, n1, c, n2, 0.95),
        FisherExact.test(a, n1 - a, c, n2 - c),
        ExactOrdinalTest.of(InspectionRating.labels(), nps, crc));
  }

  @Override
  public String title() {
    return String.format(
        Locale.ROOT,
        "NPS against CRCs, %s: %d of %d NPS divisions Good, %d of %d CRCs (Fisher's exact p ="
            + " %.4f)",
        crossTab.cycle(),
        npsGood.successes(),
        npsGood.trials(),
        crcGood.successes(),
        crcGood.trials(),
        fisher.pTwoSided());
  }

  @Override
  public Table table() {
    StringColumn group = StringColumn.create("provider type");
    IntColumn rated = IntColumn.create("providers rated");
    IntColumn good = IntColumn.create("Good or better");
    DoubleColumn share = DoubleColumn.create("share Good or better (%)");
    DoubleColumn lower = DoubleColumn.create("95% CI lower (%)");
    DoubleColumn upper = DoubleColumn.create("95% CI upper (%)");
    for (Object[] row : new Object[][] {{"NPS divisions", npsGood}, {"CRCs", crcGood}}) {
      Proportion p = (Proportion) row[1];
      group.append((String) row[0]);
      rated.append((int) p.trials());
      good.append((int) p.successes());
      share.append(round1(p.estimate() * 100));
      lower.append(round1(p.lower() * 100));
      upper.append(round1(p.upper() * 100));
    }
    group.append("Difference, NPS minus CRCs (Newcombe)");
    rated.appendMissing();
    good.appendMissing();
    share.append(round1(difference.difference() * 100));
    lower.append(round1(difference.lower() * 100));
    upper.append(round1(difference.upper() * 100));
    return Table.create("NPS against CRCs", group, rated, good, share, lower, upper);
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  @Override
  public List<String> notes() {
    return List.of(
        String.format(
            Locale.ROOT,
            "Fisher's exact test, Good or better against not: two-sided p = %.5f (one-sided, NPS"
                + " better: %.5f).",
            fisher.pTwoSided(),
            fisher.pGreater()),
        String.format(
            Locale.ROOT,
            "Whole scale (Inadequate < Requires improvement < Good < Outstanding), exact"
                + " Wilcoxon-Mann-Whitney test over every split of the ratings: two-sided p ="
                + " %.5f; Cliff's delta %+.2f (the chance an NPS division is rated above a CRC"
                + " minus the chance it is rated below).",
            ordinal.pTwoSided(),
            ordinal.delta()),
        "Every provider was rated, so these are not sampling intervals for a larger population:"
            + " the intervals and tests say how unlikely a split this uneven would be by chance.",
        "The NPS divisions and the CRCs supervised different people under different"
            + " arrangements, so the ratings compare organisations doing different work, not like"
            + " with like.");
  }

  @Override
  public Sources sources() {
    return crossTab.sources();
  }
}
