package org.probationlens.people;

import java.util.List;
import java.util.Objects;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.Table;

/**
 * Published staff survey shares (morale fell, workload unmanageable, considered leaving) with
 * Wilson intervals where the survey published its respondents.
 *
 * @param shares one row per finding: survey, provider, date, finding, as_published, percent,
 *     respondents, lower_percent, upper_percent, interval_basis, tag
 * @param confidence the confidence level of the intervals
 * @param notes caveats
 * @param sources the published tables read
 */
public record SurveyShares(Table shares, double confidence, List<String> notes, Sources sources)
    implements Result {

  /** Validates and copies. */
  public SurveyShares {
    shares = Objects.requireNonNull(shares, "shares").copy();
    notes = List.copyOf(notes);
    Objects.requireNonNull(sources, "sources");
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be strictly between 0 and 1");
    }
  }

  @Override
  public String title() {
    return "Staff survey findings, with "
        + Math.round(confidence * 100)
        + "% intervals where respondents were published";
  }

  @Override
  public Table table() {
    return shares.copy();
  }

  @Override
  public Table shares() {
    return shares.copy();
  }
}
