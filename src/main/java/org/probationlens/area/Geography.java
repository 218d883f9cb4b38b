package org.probationlens.area;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The geography of probation in England and Wales from June 2014: which police/PCC area belongs to
 * which CRC contract package area (CPA) and NPS division, who owned each CPA on a given date, and
 * how to roll a table up from one level to a coarser one.
 *
 * <p>Immutable and thread-safe. {@link #standard()} reads the published tables in {@code
 * data/reference} (see {@code data/reference/SOURCES.md}). Look-ups accept a code or an exact name;
 * a near miss fails with the closest matches in the message.
 */
public final class Geography {

  /** The GSS code of England and Wales, the key of the {@link Level#ENGLAND_AND_WALES} level. */
  public static final String ENGLAND_AND_WALES_CODE = "K04000001";

  /** The first day of the split into the NPS and 21 CRCs. */
  public static final LocalDate TRANSFORMING_REHABILITATION_START = LocalDate.of(2014, 6, 1);

  /** The day the CRCs passed into private ownership. */
  public static final LocalDate SHARE_SALE = LocalDate.of(2015, 2, 1);

  private static final GeographyLoader.Loaded STANDARD = GeographyLoader.load();

  private final Map<String, PccArea> areas;
  private final Map<String, Cpa> cpas;
  private final Map<String, Owner> owners;
  private final Map<String, NpsDivision> divisions;
  private final List<Ownership> ownerships;

  Geography(
      Map<String, PccArea> areas,
      Map<String, Cpa> cpas,
      Map<String, Owner> owners,
      Map<String, NpsDivision> divisions,
      List<Ownership> ownerships) {
    this.areas = areas;
    this.cpas = cpas;
    this.owners = owners;
    this.divisions = divisions;
    this.ownerships = ownerships;
  }

  /**
   * The published geography: 42 PCC areas, 21 CPAs, 8 owners, 7 NPS divisions, and the dated
   * ownership of each CPA.
   *
   * @return the shared instance, not null
   */
  public static Geography standard() {
    return STANDARD.geography();
  }

  /**
   * Where the standard geography comes from: the reference tables it is read from ({@code
   * pcc_areas.csv}, {@code cpas.csv}, {@code owners.csv}, {@code nps_divisions.csv}, {@code
   * cpa_ownership.csv}), compiled by this project from NAO and HM Inspectorate of Probation
   * publications (each row cites its source and says whether it was found, reported second-hand or
   * derived), with each file's SHA-256. A geography built otherwise has the same sources: the codes
   * are the standard ones.
   *
   * @return the sources, not null
   */
  public org.probationlens.provenance.Sources sources() {
    return STANDARD.sources();
  }

  /**
   * The police/PCC areas, in code order.
   *
   * @return an unmodifiable list of 42 areas
   */
  public List<PccArea> pccAreas() {
    return List.copyOf(areas.values());
  }

  /**
   * The CRC contract package areas, C01 to C21.
   *
   * @return an unmodifiable list of 21 areas
   */
  public List<Cpa> cpas() {
    return List.copyOf(cpas.values());
  }

  /**
   * The organisations that owned CRCs at any time.
   *
   * @return an unmodifiable list of 8 owners
   */
  public List<Owner> owners() {
    return List.copyOf(owners.values());
  }

  /**
   * The NPS divisions, N01 to N07.
   *
   * @return an unmodifiable list of 7 divisions
   */
  public List<NpsDivision> npsDivisions() {
    return List.copyOf(divisions.values());
  }

  /**
   * Every published period of CRC ownership.
   *
   * @return an unmodifiable list, not null
   */
  public List<Ownership> ownerships() {
    return ownerships;
  }

  /**
   * Finds a police/PCC area by its nDelius code ({@code "DRH"}) or exact name ({@code "Durham"}).
   *
   * @param codeOrName the code or exact name, not null
   * @return the area, not null
   * @throws GeographyException if nothing matches, naming the closest matches
   */
  public PccArea pccArea(String codeOrName) {
    return find(Level.PCC_AREA, areas, PccArea::name, codeOrName);
  }

  /**
   * Finds a contract package area by code ({@code "C13"}), short name ({@code "BeNCH"}) or CRC
   * name.
   *
   * @param codeOrName the code or exact name, not null
   * @return the CPA, not null
   * @throws GeographyException if nothing matches, naming the closest matches
   */
  public Cpa cpa(String codeOrName) {
    Objects.requireNonNull(codeOrName, "codeOrName");
    for (Cpa c : cpas.values()) {
      if (c.crcName().equals(codeOrName)) {
        return c;
      }
    }
    return find(Level.CPA, cpas, Cpa::shortName, codeOrName);
  }

  /**
   * Finds an owner by code ({@code "SODEXO"}) or exact name.
   *
   * @param codeOrName the code or exact name, not null
   * @return the owner, not null
   * @throws GeographyException if nothing matches, naming the closest matches
   */
  public Owner owner(String codeOrName) {
    return find(Level.OWNER, owners, Owner::name, codeOrName);
  }

  /**
   * Finds an NPS division by code ({@code "N01"}) or exact name ({@code "NPS North West"}).
   *
   * @param codeOrName the code or exact name, not null
   * @return the division, not null
   * @throws GeographyException if nothing matches, naming the closest matches
   */
  public NpsDivision npsDivision(String codeOrName) {
    return find(Level.NPS_DIVISION, divisions, NpsDivision::name, codeOrName);
  }

  /**
   * The police/PCC areas that make up a contract package area.
   *
   * @param cpaCodeOrName the CPA, not null
   * @return the areas in code order, not empty
   */
  public List<PccArea> areasOf(String cpaCodeOrName) {
    String code = cpa(cpaCodeOrName).code();
    return areas.values().stream().filter(a -> a.cpaCode().equals(code)).toList();
  }

  /**
   * The geography as a table a reader can scan: one row per CPA with its code, its name (the CRC's
   * name without "CRC"; short names are often acronyms such as KSS), the PCC areas it covers, and
   * the owner of its CRC on the given date ("publicly owned" before the share sale; "not published
   * to the day" in a month when it changed hands).
   *
   * @param asOf the date of the owners, not null
   * @return a new table of 21 rows, not null
   */
  public Table table(LocalDate asOf) {
    Objects.requireNonNull(asOf, "asOf");
    StringColumn code = StringColumn.create("cpa");
    StringColumn name = StringColumn.create("name");
    StringColumn pcc = StringColumn.create("pcc_areas");
    StringColumn owner = StringColumn.create("owner on " + asOf);
    for (Cpa c : cpas.values()) {
      code.append(c.code());
      name.append(c.crcName().replaceFirst(" CRC$", ""));
      pcc.append(areasOf(c.code()).stream().map(PccArea::name).collect(Collectors.joining(", ")));
      String held;
      try {
        held = ownerOf(c.code(), asOf).name();
      } catch (GeographyException e) {
        held = asOf.isBefore(SHARE_SALE) ? "publicly owned" : "not published to the day";
      }
      owner.append(held);
    }
    return Table.create(
        "Contract package areas, their PCC areas and owners", code, name, pcc, owner);
  }

  /**
   * {@link #table(LocalDate)} with the owners on 1 April 2017, mid-way through the contracts.
   *
   * @return a new table of 21 rows, not null
   */
  public Table table() {
    return table(LocalDate.of(2017, 4, 1));
  }

  /**
   * A one-line summary, such as "Geography of probation in England and Wales: 42 PCC areas, 21
   * CPAs, 8 owners, 7 NPS divisions".
   *
   * @return the summary, not null
   */
  @Override
  public String toString() {
    return "Geography of probation in England and Wales: "
        + areas.size()
        + " PCC areas, "
        + cpas.size()
        + " CPAs, "
        + owners.size()
        + " owners, "
        + divisions.size()
        + " NPS divisions";
  }

  /**
   * Who owned a contract package area's CRC on a date.
   *
   * @param cpaCodeOrName the CPA, not null
   * @param asOf the date, from 1 February 2015 (the share sale) to 25 June 2021, not null
   * @return the owner, not null
   * @throws GeographyException before the share sale (CRCs were publicly owned), after the
   *     contracts ended, or in a month when the owner changed on a day that was not published
   */
  public Owner ownerOf(String cpaCodeOrName, LocalDate asOf) {
    Cpa cpa = cpa(cpaCodeOrName);
    Objects.requireNonNull(asOf, "asOf");
    List<Ownership> periods =
        ownerships.stream().filter(o -> o.cpaCode().equals(cpa.code())).toList();
    for (Ownership o : periods) {
      if (o.certainlyHeldOn(asOf)) {
        return owners.get(o.ownerCode());
      }
    }
    List<String> possible =
        periods.stream().filter(o -> o.possiblyHeldOn(asOf)).map(Ownership::ownerCode).toList();
    if (possible.size() > 1) {
      throw new GeographyException(
          "owner of "
              + cpa.code()
              + " ("
              + cpa.shortName()
              + ") on "
              + asOf
              + " is not published to the day: it passed between "
              + String.join(" and ", possible)
              + " during that month; choose a date outside "
              + asOf.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
              + " "
              + asOf.getYear());
    }
    if (asOf.isBefore(SHARE_SALE)) {
      throw new GeographyException(
          "owner of "
              + cpa.code()
              + " on "
              + asOf
              + ": CRCs were in public ownership until the share sale on "
              + SHARE_SALE
              + "; expected a date from "
              + SHARE_SALE);
    }
    LocalDate last =
        periods.stream().map(Ownership::to).max(Comparator.naturalOrder()).orElseThrow();
    throw new GeographyException(
        "owner of "
            + cpa.code()
            + " on "
            + asOf
            + ": no published ownership (CRC contracts ran from "
            + SHARE_SALE
            + " to "
            + last
            + ")");
  }

  /**
   * The contract package areas each owner held on a date, owners in code order.
   *
   * @param asOf the date, not null
   * @return owner code to the CPAs it held, only owners holding at least one
   */
  public Map<String, List<Cpa>> cpasByOwner(LocalDate asOf) {
    Map<String, List<Cpa>> out = new TreeMap<>();
    for (Cpa c : cpas.values()) {
      out.computeIfAbsent(ownerOf(c.code(), asOf).code(), k -> new ArrayList<>()).add(c);
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return out;
  }

  /**
   * This geography with an explicit assumption about an area whose NPS division the published
   * sources leave open (Northamptonshire: Midlands or South East and Eastern). Say so wherever the
   * result is shown.
   *
   * @param areaCode the area whose division is uncertain, not null
   * @param divisionCode one of the area's candidate divisions, not null
   * @return a new geography with the assumption applied, not null
   * @throws GeographyException if the area's division is already known or the division is not one
   *     of its candidates
   */
  public Geography assumingNpsDivision(String areaCode, String divisionCode) {
    PccArea area = pccArea(areaCode);
    if (!area.npsDivisionUncertain()) {
      throw new GeographyException(
          "area "
              + area.code()
              + " ("
              + area.name()
              + ") already has NPS division "
              + area.npsDivisionCode()
              + "; an assumption applies only to an uncertain division");
    }
    if (!area.npsDivisionCandidates().contains(divisionCode)) {
      throw new GeographyException(
          "area "
              + area.code()
              + " ("
              + area.name()
              + "): division '"
              + divisionCode
              + "' is not a candidate; expected one of "
              + area.npsDivisionCandidates());
    }
    Map<String, PccArea> next = new LinkedHashMap<>(areas);
    next.put(
        area.code(),
        new PccArea(
            area.code(),
            area.name(),
            area.cpaCode(),
            divisionCode,
            List.of(divisionCode),
            "assumed by the caller",
            area.probationTrust()));
    return new Geography(next, cpas, owners, divisions, ownerships);
  }

  /**
   * The code at a coarser level that contains a code at a finer level: a PCC area's CPA, NPS
   * division or owner, a CPA's owner, or England and Wales for anything.
   *
   * @param from the level of {@code code}, not null
   * @param code a code at that level, not null
   * @param to the coarser level, not null
   * @param asOf the date for ownership; may be null unless {@code to} is {@link Level#OWNER}
   * @return the code at level {@code to}, not null
   * @throws GeographyException for an unknown code, an impossible direction, an uncertain NPS
   *     division, or a date without a published owner
   */
  public String parentCode(Level from, String code, Level to, LocalDate asOf) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(to, "to");
    checkDirection(from, to);
    if (to == Level.OWNER && asOf == null) {
      throw new GeographyException(
          "a roll-up to OWNER needs a date (owners changed in February 2019); got asOf = null");
    }
    return parentFunction(from, to, asOf).apply(code);
  }

  /**
   * Rolls a table keyed at one level up to a coarser level: counts are summed and rates averaged
   * with weights, as the specification says. Every key must be a known code at level {@code from};
   * every value used must be present. All problems are reported together.
   *
   * @param table the table, not changed, not null
   * @param keyColumn the column holding codes at level {@code from}, not null
   * @param from the level of the keys, not null
   * @param to the coarser level, not null
   * @param asOf the date for ownership; may be null unless {@code to} is {@link Level#OWNER}
   * @param spec what to do with the other columns, not null
   * @return a new table: the key column {@code to.columnName()}, the kept columns, the summed and
   *     averaged columns, sorted by key
   * @throws GeographyException for an impossible direction or a missing date
   * @throws DatasetValidationException listing every unknown key, missing value, negative weight or
   *     wrong column, each located by the table's row and column (see {@link Problem#inTable})
   */
  public Table rollUp(
      Table table, String keyColumn, Level from, Level to, LocalDate asOf, RollUp spec) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(keyColumn, "keyColumn");
    Objects.requireNonNull(spec, "spec");
    checkDirection(from, to);
    if (to == Level.OWNER && asOf == null) {
      throw new GeographyException(
          "a roll-up to OWNER needs a date (owners changed in February 2019); got asOf = null");
    }
    return RollUpExecutor.rollUp(table, keyColumn, from, to, spec, parentFunction(from, to, asOf));
  }

  private static void checkDirection(Level from, Level to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from == to || to == Level.ENGLAND_AND_WALES) {
      return;
    }
    boolean ok =
        switch (from) {
          case PCC_AREA -> true;
          case CPA -> to == Level.OWNER;
          default -> false;
        };
    if (!ok) {
      String why =
          switch (from) {
            case CPA ->
                "contract package areas do not nest within NPS divisions; roll up from PCC_AREA"
                    + " instead";
            case ENGLAND_AND_WALES -> "England and Wales is the coarsest level";
            case OWNER, NPS_DIVISION ->
                from + " is coarser than " + to + " or cuts across it; a roll-up only coarsens";
            default -> "";
          };
      throw new GeographyException(
          "cannot roll up from "
              + from
              + " to "
              + to
              + ": "
              + why
              + ". Possible from "
              + from
              + ": "
              + possibleTargets(from));
    }
  }

  private static String possibleTargets(Level from) {
    return switch (from) {
      case PCC_AREA -> "CPA, OWNER, NPS_DIVISION, ENGLAND_AND_WALES";
      case CPA -> "OWNER, ENGLAND_AND_WALES";
      case OWNER, NPS_DIVISION -> "ENGLAND_AND_WALES";
      case ENGLAND_AND_WALES -> "none";
    };
  }

  private Function<String, String> parentFunction(Level from, Level to, LocalDate asOf) {
    Function<String, String> validate =
        switch (from) {
          case PCC_AREA -> c -> areaByCode(c).code();
          case CPA -> c -> byCode(Level.CPA, cpas, c).code();
          case OWNER -> c -> byCode(Level.OWNER, owners, c).code();
          case NPS_DIVISION -> c -> byCode(Level.NPS_DIVISION, divisions, c).code();
          case ENGLAND_AND_WALES ->
              c -> {
                if (!ENGLAND_AND_WALES_CODE.equals(c)) {
                  throw new GeographyException(
                      "unknown ENGLAND_AND_WALES code '"
                          + c
                          + "'; expected "
                          + ENGLAND_AND_WALES_CODE);
                }
                return c;
              };
        };
    if (from == to) {
      return validate;
    }
    return switch (to) {
      case ENGLAND_AND_WALES -> validate.andThen(c -> ENGLAND_AND_WALES_CODE);
      case CPA -> c -> areaByCode(c).cpaCode();
      case NPS_DIVISION -> c -> divisionOf(areaByCode(c));
      case OWNER ->
          from == Level.PCC_AREA
              ? c -> ownerOf(areaByCode(c).cpaCode(), asOf).code()
              : c -> ownerOf(byCode(Level.CPA, cpas, c).code(), asOf).code();
      case PCC_AREA -> throw new IllegalStateException("checked by checkDirection");
    };
  }

  private static String divisionOf(PccArea area) {
    if (area.npsDivisionUncertain()) {
      throw new GeographyException(
          "area "
              + area.code()
              + " ("
              + area.name()
              + ") has no published NPS division: the sources allow "
              + String.join(" or ", area.npsDivisionCandidates())
              + ". State an assumption with Geography.standard().assumingNpsDivision(\""
              + area.code()
              + "\", \""
              + area.npsDivisionCandidates().get(0)
              + "\") and say so beside the result");
    }
    return area.npsDivisionCode();
  }

  private PccArea areaByCode(String code) {
    PccArea found = areas.get(code);
    if (found == null) {
      for (PccArea a : areas.values()) {
        if (a.name().equals(code)) {
          throw new GeographyException(
              "'" + code + "' is the name of PCC_AREA " + a.code() + "; expected a code here");
        }
      }
    }
    return byCode(Level.PCC_AREA, areas, code);
  }

  private static <T> T byCode(Level level, Map<String, T> byCode, String code) {
    T found = byCode.get(code);
    if (found == null) {
      throw new GeographyException(
          "unknown "
              + level
              + " code '"
              + code
              + "'; closest: "
              + closest(code, byCode.keySet())
              + " (expected one of "
              + byCode.size()
              + " codes)");
    }
    return found;
  }

  private static <T> T find(
      Level level, Map<String, T> byCode, Function<T, String> name, String codeOrName) {
    Objects.requireNonNull(codeOrName, "codeOrName");
    T found = byCode.get(codeOrName);
    if (found != null) {
      return found;
    }
    for (T t : byCode.values()) {
      if (name.apply(t).equals(codeOrName)) {
        return t;
      }
    }
    List<String> candidates = new ArrayList<>(byCode.keySet());
    byCode.values().forEach(t -> candidates.add(name.apply(t)));
    throw new GeographyException(
        "unknown "
            + level
            + " '"
            + codeOrName
            + "' (codes and names match exactly, case included); closest: "
            + closest(codeOrName, candidates));
  }

  private static String closest(String value, Collection<String> candidates) {
    LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    String lower = value.toLowerCase(Locale.ROOT);
    return candidates.stream()
        .sorted(
            Comparator.comparingInt((String c) -> distance.apply(lower, c.toLowerCase(Locale.ROOT)))
                .thenComparing(Comparator.naturalOrder()))
        .limit(3)
        .map(c -> "'" + c + "'")
        .collect(Collectors.joining(", "));
  }
}
