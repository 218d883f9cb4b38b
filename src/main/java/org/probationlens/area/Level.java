package org.probationlens.area;

/**
 * A level at which probation figures are reported, from the finest (a police/PCC area) to the whole
 * of England and Wales.
 *
 * <p>HMI Probation weighed inspecting by PCC area, by CRC contract package area or by owner; the
 * choice changes what a table says, so every roll-up names its levels explicitly.
 */
public enum Level {
  /** One of the 42 police and crime commissioner areas (London counted once). */
  PCC_AREA("pcc_area"),
  /** One of the 21 CRC contract package areas, C01 to C21. */
  CPA("cpa"),
  /** One of the 8 organisations that owned CRCs (ownership depends on the date). */
  OWNER("owner"),
  /** One of the 7 National Probation Service divisions, N01 to N07. */
  NPS_DIVISION("nps_division"),
  /** England and Wales as a whole, code {@value Geography#ENGLAND_AND_WALES_CODE}. */
  ENGLAND_AND_WALES("england_and_wales");

  private final String columnName;

  Level(String columnName) {
    this.columnName = columnName;
  }

  /**
   * The name of the key column that a roll-up to this level writes.
   *
   * @return the column name, not null
   */
  public String columnName() {
    return columnName;
  }
}
