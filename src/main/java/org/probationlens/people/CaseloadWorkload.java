package org.probationlens.people;

import java.util.List;
import java.util.Objects;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.Table;

/**
 * Published caseloads per officer set beside the share of the same provider's staff who told
 * inspectors their workload was unmanageable, where one inspection published both; with the
 * caseload thresholds HMIP and the NAO published for reference.
 *
 * @param pairs one row per provider: provider, caseload_as_published, cases_per_officer,
 *     caseload_kind, workload_as_published, percent_workload_unmanageable, workload_kind
 * @param thresholds published caseload reference points: provider, measure, value_as_published,
 *     source, tag
 * @param essexPercent Essex CRC's 69%, published without a caseload (shown in the notes)
 * @param sources the published tables read
 */
public record CaseloadWorkload(Table pairs, Table thresholds, double essexPercent, Sources sources)
    implements Result {

  /** Copies. */
  public CaseloadWorkload {
    pairs = Objects.requireNonNull(pairs, "pairs").copy();
    thresholds = Objects.requireNonNull(thresholds, "thresholds").copy();
    Objects.requireNonNull(sources, "sources");
  }

  @Override
  public String title() {
    return "Caseload per officer against staff saying their workload is unmanageable";
  }

  @Override
  public Table table() {
    return pairs.copy();
  }

  @Override
  public Table thresholds() {
    return thresholds.copy();
  }

  @Override
  public List<String> notes() {
    return List.of(
        "Only two inspections published both a caseload and a workload share; two points show no"
            + " trend, and the caseloads are bounds ('many >70', 'avg >42'), not averages.",
        "Essex CRC's "
            + StaffSurveys.trim(essexPercent)
            + "% (2018) was published without a caseload per officer.",
        "HMIP found the quality of work falls at 50 or more cases (R&A Bulletin 2021/02, secondary).");
  }
}
