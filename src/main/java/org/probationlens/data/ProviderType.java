package org.probationlens.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.probationlens.read.Problem;

/**
 * Who supervised a case from June 2014 to June 2021, when Transforming Rehabilitation split
 * probation in two: the National Probation Service (high-risk cases, court reports, all MAPPA
 * cases) or a Community Rehabilitation Company (low- and medium-risk cases, under contract to the
 * Ministry of Justice by contract package area). Each has the code the files write ({@link
 * #name()}, e.g. {@code CRC}) and the name in words charts and tables show ({@link #label()}).
 *
 * <p>The one list of provider types: the case-level contract ({@code cases.csv}), the reference
 * tables (inspection ratings, victim contact, court reports) and the analyses take it from here.
 */
public enum ProviderType {
  /** The National Probation Service, organised in seven divisions (N01 to N07). */
  NPS("National Probation Service"),
  /**
   * A Community Rehabilitation Company, holding one or more contract package areas (C01 to C21).
   */
  CRC("Community Rehabilitation Company");

  private final String label;

  ProviderType(String label) {
    this.label = label;
  }

  /**
   * The name in words, for charts and tables, e.g. {@code Community Rehabilitation Company}.
   *
   * @return the name, not null
   */
  public String label() {
    return label;
  }

  /**
   * The codes as the files write them, in order.
   *
   * @return {@code [NPS, CRC]}
   */
  public static List<String> codes() {
    List<String> codes = new ArrayList<>();
    for (ProviderType type : values()) {
      codes.add(type.name());
    }
    return List.copyOf(codes);
  }

  /**
   * The provider type a file's code names, matched exactly.
   *
   * @param code the code, e.g. {@code NPS}, not null
   * @return the provider type
   * @throws IllegalArgumentException naming the codes there are, for any other text
   */
  public static ProviderType ofCode(String code) {
    Objects.requireNonNull(code, "code");
    for (ProviderType type : values()) {
      if (type.name().equals(code)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "no provider type \"" + Problem.bounded(code) + "\"; expected one of " + codes());
  }
}
