package org.probationlens.innovation;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How well an event in the innovation register is evidenced. The first four follow the tags of
 * {@code data/reference/SOURCES.md}; {@link #SYNTHETIC} marks events made by the project's
 * generator, which must never be shown as published.
 */
public enum EvidenceTag {
  /** Found in a primary or official source (an HMIP report, NAO, PAC, MoJ). */
  FOUND("found"),
  /** Found only in a secondary source (press, blog, union) reporting a primary one. */
  SECONDARY("secondary"),
  /** Put together from found facts; the source column says how (for example a date bound). */
  DERIVED("derived"),
  /** Not confirmed by the stored sources, or the source leaves it open. */
  UNCERTAIN("uncertain"),
  /** Made by {@link SyntheticInnovations}: not a fact about any real CRC. */
  SYNTHETIC("synthetic");

  private final String code;

  EvidenceTag(String code) {
    this.code = code;
  }

  /**
   * The code written in the register's {@code tag} column, for example {@code "found"}.
   *
   * @return the code, not null
   */
  public String code() {
    return code;
  }

  /**
   * The tag with the given register code (exact, lower case).
   *
   * @param code the code, not null
   * @return the tag
   * @throws IllegalArgumentException naming the code and the allowed codes
   */
  public static EvidenceTag ofCode(String code) {
    for (EvidenceTag t : values()) {
      if (t.code.equals(code)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown evidence tag '" + code + "'; expected " + codes());
  }

  static String codes() {
    return Arrays.stream(values()).map(EvidenceTag::code).collect(Collectors.joining(" | "));
  }
}
