package org.probationlens.innovation;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A stage in the life of a CRC innovation, in the order an innovation normally passes through them.
 * Changes touching data security or MoJ systems needed Ministry of Justice sign-off before they
 * could go ahead; the time from {@link #SUBMITTED} to {@link #APPROVED} is the sign-off wait. An
 * innovation may skip stages (not every change needs sign-off) but never goes back, and {@link
 * #WITHDRAWN} ends it at any point.
 */
public enum LifecycleStage {
  /** Proposed: in a bid, a business plan or an announcement. */
  PROPOSED("proposed"),
  /** Submitted to the Ministry of Justice for sign-off. */
  SUBMITTED("submitted"),
  /** Signed off (approved) by the Ministry of Justice. */
  APPROVED("approved"),
  /** Piloted in part of the CRC's area. */
  PILOTED("piloted"),
  /** Rolled out, or found in operation by an inspection or report. */
  ROLLED_OUT("rolled_out"),
  /** Evaluated, internally or independently. */
  EVALUATED("evaluated"),
  /** Withdrawn or abandoned (including submissions that never received sign-off). */
  WITHDRAWN("withdrawn");

  private final String code;

  LifecycleStage(String code) {
    this.code = code;
  }

  /**
   * The code written in the register's {@code stage} column, for example {@code "rolled_out"}.
   *
   * @return the code, not null
   */
  public String code() {
    return code;
  }

  /**
   * The stage with the given register code (exact, lower case).
   *
   * @param code the code, not null
   * @return the stage
   * @throws IllegalArgumentException naming the code and the allowed codes
   */
  public static LifecycleStage ofCode(String code) {
    for (LifecycleStage s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown stage '" + code + "'; expected " + codes());
  }

  static String codes() {
    return Arrays.stream(values()).map(LifecycleStage::code).collect(Collectors.joining(" | "));
  }
}
