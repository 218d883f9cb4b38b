package org.probationlens.data;

import java.util.Comparator;
import java.util.List;
import org.probationlens.area.Cpa;
import org.probationlens.area.Geography;
import org.probationlens.area.NpsDivision;
import org.probationlens.area.PccArea;
import org.probationlens.period.FinancialYear;

/**
 * The code lists of the shared case-level data contract. The geography lists (42 PCC areas by
 * nDelius legacy code, 21 CPAs, 7 NPS divisions) are taken from {@link Geography#standard()}, and
 * the work types from {@link WorkType} and the provider types from {@link ProviderType}: each list
 * is written once, there.
 */
final class Codes {

  private Codes() {}

  /**
   * The 42 police/PCC areas by nDelius legacy code, in the alphabetical order of their names (the
   * order tables and dictionaries list them); London (Metropolitan + City) is LDN.
   */
  static final List<String> PCC_AREAS =
      Geography.standard().pccAreas().stream()
          .sorted(Comparator.comparing(PccArea::name))
          .map(PccArea::code)
          .toList();

  /** The 21 CRC contract package areas. */
  static final List<String> CPAS = Geography.standard().cpas().stream().map(Cpa::code).toList();

  /** The 7 NPS divisions. */
  static final List<String> NPS_DIVISIONS =
      Geography.standard().npsDivisions().stream().map(NpsDivision::code).toList();

  /** Who supervises a case, from {@link ProviderType}: NPS or CRC. */
  static final List<String> PROVIDER_TYPES = ProviderType.codes();

  /**
   * Work types: community order, suspended sentence order with supervision, licence after custody,
   * post-sentence supervision (from 1 February 2015), pre-release work in custody.
   */
  static final List<String> WORK_TYPES = WorkType.codes();

  /** How an order or licence ended, or ONGOING when still running at 31 December 2020. */
  static final List<String> TERMINATION_REASONS =
      List.of("COMPLETED", "REVOKED_BREACH", "REVOKED_NEW_OFFENCE", "OTHER", "ONGOING");

  /** Financial years April to March, 2014-15 to 2020-21, written as MoJ writes them. */
  static final List<String> FINANCIAL_YEARS =
      FinancialYear.range(FinancialYear.of(2014), FinancialYear.of(2020)).stream()
          .map(FinancialYear::label)
          .toList();
}
