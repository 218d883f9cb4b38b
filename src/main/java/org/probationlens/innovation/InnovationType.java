package org.probationlens.innovation;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The kind of change a CRC made to how it delivered probation. The Chief Inspector found service
 * innovations "few and far between": some new delivery models (the hub model), investment in IT,
 * case management systems and telephony, and changes of premises and of contact with the people
 * supervised.
 */
public enum InnovationType {
  /**
   * A new delivery model, such as community hubs for face-to-face engagement (Durham Tees Valley;
   * Working Links in Gwent) or a common operating model across an owner's CRCs.
   */
  DELIVERY_MODEL("delivery_model"),
  /** An IT or case management system, such as an assessment tool linked to nDelius and OASys. */
  IT_SYSTEM("it_system"),
  /** Laptops, smartphones and other equipment for staff to work away from the office. */
  MOBILE_WORKING("mobile_working"),
  /** Telephony infrastructure: call centres, phone systems, text-message reminders. */
  TELEPHONY("telephony"),
  /**
   * Premises: open-plan offices and interview booths, shared or public buildings used for
   * supervision.
   */
  PREMISES("premises"),
  /** Supervision of (usually low-risk) people by telephone instead of face-to-face contact. */
  TELEPHONE_SUPERVISION("telephone_supervision"),
  /** Reporting by kiosk, app or online in place of an office appointment. */
  DIGITAL_REPORTING("digital_reporting"),
  /** A partnership with a charity or social enterprise to deliver services (the third sector). */
  THIRD_SECTOR_PARTNERSHIP("third_sector_partnership"),
  /** Staff organised by cohort (for example women, young adults) instead of by geography. */
  COHORT_WORKING("cohort_working");

  private final String code;

  InnovationType(String code) {
    this.code = code;
  }

  /**
   * The code written in the register's {@code type} column, for example {@code "delivery_model"}.
   *
   * @return the code, not null
   */
  public String code() {
    return code;
  }

  /**
   * The type with the given register code (exact, lower case).
   *
   * @param code the code, not null
   * @return the type
   * @throws IllegalArgumentException naming the code and the allowed codes
   */
  public static InnovationType ofCode(String code) {
    for (InnovationType t : values()) {
      if (t.code.equals(code)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown innovation type '" + code + "'; expected " + codes());
  }

  /**
   * The allowed codes, for messages.
   *
   * @return the codes separated by " | "
   */
  static String codes() {
    return Arrays.stream(values()).map(InnovationType::code).collect(Collectors.joining(" | "));
  }
}
