package org.probationlens.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.probationlens.area.Cpa;
import org.probationlens.area.Geography;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import org.probationlens.reference.FigureCheck;
import org.probationlens.reference.PublishedFigures;
import org.probationlens.reference.PublishedTable;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The CRCs' owners as another publication listed them, against the project's own ownership periods
 * ({@code data/reference/cpa_ownership.csv}, from NAO, HMI Probation and the press) on the
 * listing's date: Napo's eight employer groups of March 2018 ({@code owner_listings.csv}). Each
 * name as listed is read as one of the project's owners; the one reading that is not a plain match
 * (Napo's "People Plus" for EOS, Warwickshire &amp; West Mercia CRC) is explained in the listing's
 * note and in {@code data/reference/SOURCES.md}.
 *
 * @param asOf the listing's date
 * @param table one row per owner: as listed, the project's owner, CRCs listed, CRCs held, agree
 * @param sources the listing's and the ownership tables' provenance
 */
public record OwnerListing(LocalDate asOf, Table table, Sources sources) implements Result {

  /** Validates and copies. */
  public OwnerListing {
    Objects.requireNonNull(asOf, "asOf");
    table = Objects.requireNonNull(table, "table").copy();
    Objects.requireNonNull(sources, "sources");
  }

  /**
   * Napo's March 2018 listing against the project's ownership on its date.
   *
   * @param geography the project's geography (owners and ownership periods), not null
   * @return the comparison, not null
   */
  public static OwnerListing napo2018(Geography geography) {
    LoadedDataset listing = PublishedTable.OWNER_LISTINGS.load();
    Table l = listing.table();
    LocalDate asOf = LocalDate.parse(l.stringColumn("date").get(0));
    Map<String, List<Cpa>> held = geography.cpasByOwner(asOf);
    StringColumn listed = StringColumn.create("owner as listed");
    StringColumn owner = StringColumn.create("owner in the project");
    IntColumn listedCrcs = IntColumn.create("CRCs listed");
    IntColumn heldCrcs = IntColumn.create("CRCs held on " + asOf);
    StringColumn agree = StringColumn.create("agree");
    for (int i = 0; i < l.rowCount(); i++) {
      String code = l.stringColumn("owner_code").get(i);
      int n = l.intColumn("crcs").get(i);
      int h = held.getOrDefault(code, List.of()).size();
      listed.append(l.stringColumn("owner_as_published").get(i));
      owner.append(geography.owner(code).name());
      listedCrcs.append(n);
      heldCrcs.append(h);
      agree.append(n == h ? "yes" : "no");
    }
    Table t =
        Table.create(
            "CRC owners: Napo's March 2018 listing against the project's ownership",
            listed,
            owner,
            listedCrcs,
            heldCrcs,
            agree);
    return new OwnerListing(asOf, t, Sources.of(listing).and(geography.sources()));
  }

  /**
   * How many owners held at least one CRC on the listing's date in the project's ownership tables,
   * against the number of employer groups the listing names (8). The two are separate publications,
   * so a match is REPRODUCED.
   *
   * @return the check, not null
   */
  public FigureCheck check() {
    long owners = table.intColumn(3).asList().stream().filter(n -> n > 0).count();
    return PublishedFigures.standard().check("crc_employer_groups_2018", owners, sources);
  }

  /**
   * Whether every owner's count agrees.
   *
   * @return true when each listed owner holds as many CRCs in the project as the listing says
   */
  public boolean allAgree() {
    return table.stringColumn("agree").asList().stream().allMatch("yes"::equals);
  }

  @Override
  public String title() {
    return "CRC owners as Napo listed them on "
        + asOf
        + " against the project's ownership: "
        + (allAgree() ? "every owner's count agrees" : "counts differ");
  }

  @Override
  public List<String> notes() {
    return List.of(
        "Napo lists 'People Plus' where the project has EOS (Warwickshire & West Mercia CRC): EOS"
            + " was Staffline PLC's employment and skills business, integrated into PeoplePlus"
            + " Group (also Staffline) by 2016, so the owner is the same (see"
            + " data/reference/SOURCES.md, Owners).",
        "Napo names Purple Futures by its lead member, Interserve.");
  }
}
