package org.probationlens.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The code lists of the shared case-level data contract, kept in one place. The geography lists
 * repeat the codes of the {@code area} package's reference data (42 PCC areas by nDelius legacy
 * code, 21 CPAs, 7 NPS divisions) so that this package has no dependency on it; once that package
 * is on the class path these lists can be taken from {@code Geography.standard()} instead.
 */
final class Codes {

  private Codes() {}

  /** The 42 police/PCC areas by nDelius legacy code; London (Metropolitan + City) is LDN. */
  static final List<String> PCC_AREAS =
      List.of(
          "ASP", "BED", "CBS", "CHS", "TES", "CMB", "DBS", "DCP", "DRS", "DRH", "DPP", "ESX", "GCS",
          "MCG", "GWT", "HPS", "HFS", "HBS", "KNT", "LCS", "LTS", "LNS", "LDN", "MRS", "NFK", "WSN",
          "YSN", "NTS", "NBR", "NHS", "SWS", "YSS", "STF", "SFK", "SRY", "SSX", "TVP", "WWS", "WMP",
          "MLW", "YSW", "WTS");

  /** The 21 CRC contract package areas. */
  static final List<String> CPAS = numbered("C", 21);

  /** The 7 NPS divisions. */
  static final List<String> NPS_DIVISIONS = numbered("N", 7);

  /**
   * Who supervises a case: the National Probation Service or a Community Rehabilitation Company.
   */
  static final List<String> PROVIDER_TYPES = List.of("NPS", "CRC");

  /**
   * Work types: community order, suspended sentence order with supervision, licence after custody,
   * post-sentence supervision (from 1 February 2015), pre-release work in custody.
   */
  static final List<String> WORK_TYPES = List.of("CO", "SSO", "LIC", "PSS", "PRE");

  /** How an order or licence ended, or ONGOING when still running at 31 December 2020. */
  static final List<String> TERMINATION_REASONS =
      List.of("COMPLETED", "REVOKED_BREACH", "REVOKED_NEW_OFFENCE", "OTHER", "ONGOING");

  /** Financial years April to March, 2014-15 to 2020-21, written as MoJ writes them. */
  static final List<String> FINANCIAL_YEARS = financialYears(2014, 2020);

  private static List<String> numbered(String prefix, int count) {
    List<String> codes = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      codes.add(String.format("%s%02d", prefix, i));
    }
    return List.copyOf(codes);
  }

  private static List<String> financialYears(int first, int last) {
    List<String> years = new ArrayList<>();
    for (int year = first; year <= last; year++) {
      years.add(year + "-" + String.format("%02d", (year + 1) % 100));
    }
    return List.copyOf(years);
  }
}
