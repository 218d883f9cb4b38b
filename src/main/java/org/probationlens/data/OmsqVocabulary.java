package org.probationlens.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The names the Ministry of Justice writes in its Offender Management Statistics Quarterly (OMSQ)
 * probation CSV files, each with the code it stands for in this project's geography and work types.
 *
 * <p>Source: the MoJ's own reader of these files, the tidyCSV R package
 * (moj-analytical-services/tidyCSV, {@code data/sysdata.rda}, lookups {@code probation_areas} and
 * {@code supervision_types}, commit 8b7b1ea63db8632312df20a4fa2f9a06f571e552 of 14 January 2020),
 * decoded in {@code shared/reference/real_layouts.md} section 3.1 [found]. That lookup also maps
 * the variants its commit message calls "typos in published data" ({@code Durham and Cleveland
 * CRC}, {@code NPS South West}, ...) to the names they stand for; they are accepted here as
 * <em>published variants</em> and every reader counts them in its notes, never silently. The lookup
 * holds what the 2019 files needed and is not proven complete [unknown]: a name outside it is
 * refused with the closest names known, never guessed.
 *
 * <p>Codes: the 21 CRC names map to the contract package areas C01 to C21 and the 7 NPS division
 * names to N01 to N07 of {@link org.probationlens.area.Geography} ({@code data/reference/cpas.csv}
 * and {@code nps_divisions.csv}). The MoJ words them differently from the project's reference (it
 * writes {@code Hampshire CRC} where the reference has {@code Hampshire & Isle of Wight CRC}), so
 * the crosswalk is written out here name by name, from real_layouts.md section 3.4 [derived: the
 * MoJ's names matched by hand to the nDelius descriptions of C01 to C21 and N01 to N07]. The starts
 * files' regions are the lookup's {@code nps_region} values, one per division [found second-hand:
 * real_layouts.md section 3.2]; {@code South West} is the NPS South West and South Central
 * division, N05.
 *
 * <p>Supervision types: the lookup's 13 types, of which 7 are <em>aggregates</em> (named {@code All
 * ...}) that contain other rows of the same file ({@code All supervision} contains {@code All court
 * orders}, which contains {@code Community order}). An aggregate and the types it contains count
 * the same people, so they must never be summed together: see {@link #isAggregate}. Release
 * supervision (licence, post-sentence supervision) appears only inside aggregates; the file has no
 * {@code Licence} or {@code Pre-release} row.
 */
public final class OmsqVocabulary {

  /** The citation for every name and mapping in this class. */
  public static final String SOURCE =
      "moj-analytical-services/tidyCSV, data/sysdata.rda (lookups probation_areas and"
          + " supervision_types), commit 8b7b1ea63db8632312df20a4fa2f9a06f571e552 (14 January"
          + " 2020), decoded in shared/reference/real_layouts.md section 3";

  /**
   * One name as the MoJ writes it.
   *
   * @param name the name exactly as in the file, not blank
   * @param code what it stands for: a CPA code (C01 to C21), an NPS division code (N01 to N07), or
   *     for a supervision type the MoJ's own spelling of the type
   * @param standsFor the name it is a published variant of, or the name itself when it is the MoJ's
   *     own spelling
   */
  public record Name(String name, String code, String standsFor) {

    /** Requires every part. */
    public Name {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(standsFor, "standsFor");
    }

    /**
     * Whether this is a published variant (a misspelling the MoJ's lookup corrects, or an
     * alternative wording such as {@code YRO}) rather than the MoJ's own spelling.
     *
     * @return true for a variant
     */
    public boolean variant() {
      return !name.equals(standsFor);
    }
  }

  private static final Map<String, Name> AREAS = new LinkedHashMap<>();
  private static final Map<String, Name> REGIONS = new LinkedHashMap<>();
  private static final Map<String, Name> SUPERVISION = new LinkedHashMap<>();

  /** The 7 aggregate supervision types, each containing rows of other types in the same file. */
  public static final List<String> AGGREGATE_TYPES =
      List.of(
          "All community sentences",
          "All court orders",
          "All post release supervision",
          "All pre and post release supervision",
          "All Pre CJA community sentences",
          "All pre release supervision",
          "All supervision");

  /** The 6 specific supervision types, which no other row of the file contains. */
  public static final List<String> SPECIFIC_TYPES =
      List.of(
          "Community order",
          "Deferred sentence",
          "Other sentences",
          "Supervision default order",
          "Suspended sentence order",
          "Youth rehabilitation order");

  static {
    area("Northumbria CRC", "C01");
    area("Cumbria and Lancashire CRC", "C02");
    area("Durham Tees Valley CRC", "C03");
    area("North Yorkshire, Humberside and Lincolnshire CRC", "C04");
    area("West Yorkshire CRC", "C05");
    area("Merseyside CRC", "C06");
    area("Cheshire and Greater Manchester CRC", "C07");
    area("Derbyshire, Leicestershire, Nottinghamshire and Rutland CRC", "C08");
    area("South Yorkshire CRC", "C09");
    area("Wales CRC", "C10");
    area("Staffordshire and West Midlands CRC", "C11");
    area("West Mercia and Warwickshire CRC", "C12");
    area("Northamptonshire, Bedfordshire, Hertfordshire and Cambridgeshire CRC", "C13");
    area("Norfolk and Suffolk CRC", "C14");
    area("Bristol, Gloucestershire, Somerset and Wiltshire CRC", "C15");
    area("Thames Valley CRC", "C16");
    area("London CRC", "C17");
    area("Essex CRC", "C18");
    area("Dorset, Devon and Cornwall CRC", "C19");
    area("Hampshire CRC", "C20");
    area("Kent, Surrey and Sussex CRC", "C21");
    area("NPS North West", "N01");
    area("NPS North East", "N02");
    area("NPS Wales", "N03");
    area("NPS Midlands", "N04");
    area("NPS South West and South Central", "N05");
    area("NPS South East and Eastern", "N06");
    area("NPS London", "N07");
    // "typos in published data", as the MoJ's lookup corrects them
    areaVariant(
        "Derbyshire, Nottinghamshire and Leicestershire CRC",
        "Derbyshire, Leicestershire, Nottinghamshire and Rutland CRC");
    areaVariant("Durham and Cleveland CRC", "Durham Tees Valley CRC");
    areaVariant(
        "Gloucetsershire, Avon and Somerset and Wiltshire CRC",
        "Bristol, Gloucestershire, Somerset and Wiltshire CRC");
    areaVariant("Kent, Surrey and Sussex CRC DATA CaseloadQ2", "Kent, Surrey and Sussex CRC");
    areaVariant(
        "Northamptonshire, Bedfordshire, Hertfordshire and Cambridgshire CRC",
        "Northamptonshire, Bedfordshire, Hertfordshire and Cambridgeshire CRC");
    areaVariant("NPS South West", "NPS South West and South Central");
    areaVariant("SouthYorkshire CRC", "South Yorkshire CRC");

    region("North West", "N01");
    region("North East", "N02");
    region("Wales", "N03");
    region("Midlands", "N04");
    region("South West", "N05");
    region("South East and Eastern", "N06");
    region("London", "N07");

    for (String type : AGGREGATE_TYPES) {
      SUPERVISION.put(type, new Name(type, type, type));
    }
    for (String type : SPECIFIC_TYPES) {
      SUPERVISION.put(type, new Name(type, type, type));
    }
    supervisionVariant("YRO", "Youth rehabilitation order");
    supervisionVariant("SDO", "Supervision default order");
    supervisionVariant("Suspended Sentence", "Suspended sentence order");
    supervisionVariant("Community Order", "Community order");
    supervisionVariant("Deferred Sentence", "Deferred sentence");
  }

  private static void area(String name, String code) {
    AREAS.put(name, new Name(name, code, name));
  }

  private static void areaVariant(String name, String standsFor) {
    AREAS.put(name, new Name(name, AREAS.get(standsFor).code(), standsFor));
  }

  private static void region(String name, String code) {
    REGIONS.put(name, new Name(name, code, name));
  }

  private static void supervisionVariant(String name, String standsFor) {
    SUPERVISION.put(name, new Name(name, standsFor, standsFor));
  }

  private OmsqVocabulary() {}

  /**
   * The caseload's probation areas: the 21 CRCs and 7 NPS divisions as the MoJ names them, then the
   * 7 published variants, in that order.
   *
   * @return the names, not null
   */
  public static List<Name> probationAreas() {
    return List.copyOf(AREAS.values());
  }

  /**
   * The starts files' NPS regions, one per NPS division.
   *
   * @return the names, not null
   */
  public static List<Name> npsRegions() {
    return List.copyOf(REGIONS.values());
  }

  /**
   * The supervision types: the 7 aggregates, the 6 specific types, then the 5 published variants
   * ({@code YRO}, {@code SDO}, ...), each with the MoJ's own spelling as its code.
   *
   * @return the names, not null
   */
  public static List<Name> supervisionTypes() {
    return List.copyOf(SUPERVISION.values());
  }

  /**
   * A caseload probation area, or null when the name is not in the vocabulary (matched exactly).
   *
   * @param name the name as written, not null
   * @return the entry, or null
   */
  public static Name probationArea(String name) {
    return AREAS.get(name);
  }

  /**
   * A starts region, or null when the name is not in the vocabulary (matched exactly).
   *
   * @param name the name as written, not null
   * @return the entry, or null
   */
  public static Name npsRegion(String name) {
    return REGIONS.get(name);
  }

  /**
   * A supervision type, or null when the name is not in the vocabulary (matched exactly).
   *
   * @param name the name as written, not null
   * @return the entry, or null
   */
  public static Name supervisionType(String name) {
    return SUPERVISION.get(name);
  }

  /**
   * Whether a supervision type (the MoJ's spelling, or a variant of it) is an aggregate that
   * contains other rows of the same file.
   *
   * @param type a name in {@link #supervisionTypes()}, not null
   * @return true for {@code All court orders} and the other {@code All ...} types
   * @throws IllegalArgumentException for a name not in the vocabulary
   */
  public static boolean isAggregate(String type) {
    Name name = SUPERVISION.get(type);
    if (name == null) {
      throw new IllegalArgumentException(
          "not an OMSQ supervision type: \""
              + type
              + "\"; closest: "
              + String.join(", ", closest(type, SUPERVISION.keySet(), 3)));
    }
    return AGGREGATE_TYPES.contains(name.code());
  }

  /**
   * The known names nearest to a name that is not known, for an error message: first those sharing
   * the most words with it (ignoring case and the words {@code and}, {@code CRC} and {@code NPS}),
   * then by edit distance ignoring case, ties in the vocabulary's order.
   *
   * @param found the name found, not null
   * @param known the names known, not null
   * @param count how many to give, at least 1
   * @return up to {@code count} names, nearest first
   */
  public static List<String> closest(String found, java.util.Collection<String> known, int count) {
    String key = found.strip().toLowerCase(Locale.ROOT);
    java.util.Set<String> words = words(key);
    List<String> names = new ArrayList<>(known);
    names.sort(
        Comparator.comparingInt(
                (String n) -> {
                  java.util.Set<String> shared = words(n.toLowerCase(Locale.ROOT));
                  shared.retainAll(words);
                  return -shared.size();
                })
            .thenComparingInt(n -> distance(key, n.toLowerCase(Locale.ROOT))));
    return List.copyOf(names.subList(0, Math.min(count, names.size())));
  }

  private static java.util.Set<String> words(String name) {
    java.util.Set<String> words = new java.util.HashSet<>(List.of(name.split("[^a-z]+")));
    words.removeAll(List.of("", "and", "crc", "nps"));
    return words;
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
