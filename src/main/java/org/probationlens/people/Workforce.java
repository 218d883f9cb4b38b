package org.probationlens.people;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.probationlens.area.Geography;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Sources;
import org.probationlens.reference.FigureCheck;
import org.probationlens.reference.FigureChecks;
import org.probationlens.reference.PublishedFigures;
import org.probationlens.reference.PublishedFindings;
import org.probationlens.reference.PublishedTable;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The probation workforce as published: staff in post (FTE) of the probation trusts before the
 * reforms and of the NPS after them (PQ 109713: the Ministry of Justice did not collect CRC staff
 * in post after the share sale), the December 2020 probation officer and PSO figures (HMPPS
 * workforce statistics), and the staff cuts and redundancies announced by CRC owners, 2015-2018
 * ({@code data/reference/workforce.csv}, {@code crc_workforce_cuts.csv}). Immutable.
 */
public final class Workforce {

  private final LoadedDataset workforce;
  private final LoadedDataset cuts;

  private Workforce(LoadedDataset workforce, LoadedDataset cuts) {
    this.workforce = workforce;
    this.cuts = cuts;
  }

  /**
   * The published tables in {@code data/reference}.
   *
   * @return the workforce, not null
   */
  public static Workforce standard() {
    return new Workforce(PublishedTable.WORKFORCE.load(), PublishedTable.CRC_WORKFORCE_CUTS.load());
  }

  /**
   * Staff in post (FTE) on 30 June of each year published, one row a year, one column per
   * population: the probation trusts to 2013, then the NPS and, in 2014 only, the CRCs while still
   * public. A missing cell was not published (CRC staff were not collected after February 2015).
   *
   * @return the series, not null
   */
  public PublishedFindings staffInPost() {
    Table w = workforce.table();
    Map<Integer, Double[]> byYear = new TreeMap<>();
    List<String> populations = List.of("probation trusts", "NPS", "CRCs");
    for (int i = 0; i < w.rowCount(); i++) {
      String measure = w.stringColumn("measure").get(i);
      if (!measure.equals("staff in post FTE") || w.dateColumn("as_at").isMissing(i)) {
        continue;
      }
      int p = populations.indexOf(w.stringColumn("population").get(i));
      if (p < 0 || w.dateColumn("as_at").get(i).getMonthValue() != 6) {
        continue;
      }
      byYear
              .computeIfAbsent(
                  w.dateColumn("as_at").get(i).getYear(), y -> new Double[populations.size()])[p] =
          w.doubleColumn("value").get(i);
    }
    StringColumn year = StringColumn.create("30 June of");
    Table t = Table.create("Probation staff in post (FTE), 30 June, as published", year);
    List<DoubleColumn> columns =
        populations.stream().map(p -> DoubleColumn.create(p + " (FTE)")).toList();
    byYear.forEach(
        (y, v) -> {
          year.append(String.valueOf(y));
          for (int p = 0; p < v.length; p++) {
            columns.get(p).append(v[p] == null ? Double.NaN : v[p]);
          }
        });
    columns.forEach(t::addColumns);
    return new PublishedFindings(
        "Probation staff in post (FTE), 30 June 2010 to 2017: trusts, then NPS and CRCs",
        t,
        List.of(
            "PQ 109713 (3 Nov 2017): CRC staff in post after February 2015 were 'not collected by"
                + " the Ministry of Justice', so the CRC column stops in 2014.",
            "30 June 2014: the probation trusts' staff had been divided between the NPS (8,300"
                + " FTE) and the CRCs, then still public (8,331 FTE)."),
        Sources.of(workforce));
  }

  /**
   * Every workforce row as published (FTE, sickness, training places, the December 2020 figures),
   * with its source and tag.
   *
   * @return the findings, not null
   */
  public PublishedFindings findings() {
    Table t =
        workforce
            .table()
            .selectColumns(
                "as_at",
                "period",
                "population",
                "measure",
                "value_as_published",
                "source",
                "tag",
                "note");
    t.setName("Probation workforce as published");
    return new PublishedFindings(
        "Probation workforce: staff in post, sickness, training and the 2020 figures, as published",
        t,
        List.of("No CRC workforce series exists after the share sale (PQ 109713)."),
        Sources.of(workforce));
  }

  /**
   * The staff cuts and redundancies CRC owners announced, 2015-2018, by CRC where the source names
   * one, with the owner, the figure as published, the source and the tag. Union and press figures
   * (tag secondary) and unofficial or unclear ones (uncertain) are kept as reported.
   *
   * @return the findings, not null
   */
  public PublishedFindings cutsByCrc() {
    Geography g = Geography.standard();
    Table c = cuts.table();
    StringColumn crc = StringColumn.create("CRC");
    StringColumn owner = StringColumn.create("owner");
    for (int i = 0; i < c.rowCount(); i++) {
      String code = c.stringColumn("crc_code").get(i);
      String ownerCode = c.stringColumn("owner_code").get(i);
      crc.append(code.isEmpty() ? c.stringColumn("scope_as_published").get(i) : name(g, code));
      owner.append(ownerCode.isEmpty() ? "" : g.owner(ownerCode).name());
    }
    Table t = Table.create("Staff cuts and redundancies in the CRCs, as reported");
    t.addColumns(
        c.stringColumn("date").copy(),
        crc,
        owner,
        c.stringColumn("measure").copy(),
        c.stringColumn("value_as_published").copy(),
        c.stringColumn("source").copy(),
        c.stringColumn("tag").copy());
    return new PublishedFindings(
        "Staff cuts and redundancies announced in the CRCs, 2015-2018 (union, press and company"
            + " figures)",
        t,
        List.of(
            "Most figures are Napo's or the press's reports of what owners announced; Sodexo's"
                + " 600 announced redundancies fell to 450 after negotiation (Napo, Feb 2016).",
            "No official series of CRC staff exists after February 2015, so these cannot be set"
                + " against a published headcount."),
        Sources.of(cuts));
  }

  private static String name(Geography g, String cpaCode) {
    return g.cpa(cpaCode).crcName();
  }

  /**
   * The December 2020 workforce statistics' own arithmetic, recomputed: each published percentage
   * change from its published count and change (for example 161 / (3,654 - 161) = 4.6%), and the
   * probation officers and PSOs on 30 September 2020 from the December figures less the change
   * (3,654 - 105 = 3,549; 2,675 + 213 = 2,888) against the Justice Committee's 3,550 and 2,888 (HC
   * 285), a separate publication. Every input is published and none was set to its figure, so a
   * match is REPRODUCED.
   *
   * @return six checks, not null
   */
  public FigureChecks checks() {
    PublishedFigures f = PublishedFigures.standard();
    Sources from = Sources.of(workforce);
    double po = value("po_fte_2020_12");
    double pso = value("pso_fte_2020_12");
    double poYear = value("po_change_fte_since_2019_12");
    double poQuarter = value("po_change_fte_since_2020_09");
    double psoYear = value("pso_change_fte_since_2019_12");
    double psoQuarter = value("pso_change_fte_since_2020_09");
    List<FigureCheck> checks =
        List.of(
            f.check("nps_po_fte_2020_09_30", po - poQuarter, from),
            f.check("nps_pso_fte_2020_09_30", pso - psoQuarter, from),
            f.check("nps_po_change_2019_12_to_2020_12", 100 * poYear / (po - poYear), from),
            f.check("nps_po_change_2020_09_to_2020_12", 100 * poQuarter / (po - poQuarter), from),
            f.check("nps_pso_change_2019_12_to_2020_12", 100 * psoYear / (pso - psoYear), from),
            f.check(
                "nps_pso_change_2020_09_to_2020_12", 100 * psoQuarter / (pso - psoQuarter), from));
    return new FigureChecks(checks);
  }

  private double value(String id) {
    return PublishedTable.WORKFORCE.value(workforce.table(), id);
  }

  /**
   * The number in a row of {@code workforce.csv}.
   *
   * @param id the row's id, e.g. {@code fte_nps_2017}
   * @return the value
   * @throws IllegalStateException naming the file and id when there is no such row or no number
   */
  public double published(String id) {
    return value(id);
  }

  /**
   * The workforce table as loaded, with its provenance.
   *
   * @return the dataset, not null
   */
  public LoadedDataset table() {
    return workforce;
  }
}
