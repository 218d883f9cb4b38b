package org.probationlens.people;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import org.probationlens.stats.ProportionDifference;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A published staff share in the CRCs against the same share in the NPS, with Newcombe's interval
 * for the difference at an assumed number of respondents per sector (none was published).
 *
 * @param measure what the share measures, not blank
 * @param crcPercent the CRC share as published, percent
 * @param npsPercent the NPS share as published, percent
 * @param difference CRC minus NPS at the assumed respondents
 * @param assumedRespondentsPerGroup the respondents assumed per sector
 * @param smallestGroupExcludingZero the fewest respondents per sector for which the interval still
 *     excludes zero
 * @param sources the published table and the assumption
 */
public record SectorGap(
    String measure,
    double crcPercent,
    double npsPercent,
    ProportionDifference difference,
    long assumedRespondentsPerGroup,
    long smallestGroupExcludingZero,
    Sources sources)
    implements Result {

  /** Validates. */
  public SectorGap {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(difference, "difference");
    Objects.requireNonNull(sources, "sources");
    if (sources.assumptions().isEmpty()) {
      throw new IllegalArgumentException(
          "the respondents were not published: the sources must state the assumed number");
    }
  }

  @Override
  public String title() {
    return measure;
  }

  @Override
  public Table table() {
    return Table.create(
        "CRC against NPS",
        StringColumn.create("sector", "CRC", "NPS", "CRC minus NPS (percentage points)"),
        DoubleColumn.create("percent", crcPercent, npsPercent, 100 * difference.difference()),
        DoubleColumn.create("lower", Double.NaN, Double.NaN, 100 * difference.lower()),
        DoubleColumn.create("upper", Double.NaN, Double.NaN, 100 * difference.upper()),
        StringColumn.create(
            "basis",
            "published (secondary)",
            "published (secondary)",
            "Newcombe hybrid score interval at an ASSUMED "
                + assumedRespondentsPerGroup
                + " respondents per sector"));
  }

  @Override
  public List<String> notes() {
    return List.of(
        String.format(
            Locale.ROOT,
            "With as few as %d respondents in each sector the %s interval would still exclude"
                + " zero: the gap does not depend on the unknown sample size.",
            smallestGroupExcludingZero,
            Math.round(difference.confidence() * 100) + "%"),
        "Both shares come from HMIP's submission as reported by russellwebster.com (secondary).");
  }
}
