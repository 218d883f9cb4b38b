package org.probationlens.people;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.probationlens.area.Geography;
import org.probationlens.area.NpsDivision;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import org.probationlens.reference.PublishedFindings;
import org.probationlens.reference.PublishedTable;
import org.probationlens.reference.ReferenceTable;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The NPS's statutory work with victims on published figures: each division's average victim
 * liaison officer (VLO) caseload in November 2016 and November 2017 (PQ 129248), beside what HMI
 * Probation later found of the division's victim work ({@code victim_contact.csv}); and the Victim
 * Contact Scheme's staffing since the NPS was created (VLOs, administrative posts, budget).
 *
 * @param byDivision one row per division: both caseloads, the change, HMIP's finding
 * @param staffing the national staffing rows as published
 * @param sources the two tables' provenance
 */
public record VictimLiaison(Table byDivision, Table staffing, Sources sources) implements Result {

  /** Copies the tables. */
  public VictimLiaison {
    byDivision = Objects.requireNonNull(byDivision, "byDivision").copy();
    staffing = Objects.requireNonNull(staffing, "staffing").copy();
    Objects.requireNonNull(sources, "sources");
  }

  /**
   * The published figures in {@code data/reference}.
   *
   * @return the caseloads and staffing, not null
   */
  public static VictimLiaison standard() {
    LoadedDataset vlo = PublishedTable.VICTIM_LIAISON.load();
    LoadedDataset found =
        ReferenceTable.read(
            "victim_contact.csv",
            "Published findings on probation work with victims",
            VictimContact.SCHEMA);
    Table v = vlo.table();
    Table f = found.table();
    StringColumn division = StringColumn.create("NPS division");
    DoubleColumn nov2016 = DoubleColumn.create("average VLO caseload, Nov 2016");
    DoubleColumn nov2017 = DoubleColumn.create("average VLO caseload, Nov 2017");
    DoubleColumn change = DoubleColumn.create("change (cases)");
    StringColumn finding = StringColumn.create("HMI Probation on victim work (2018-2021)");
    for (NpsDivision d : Geography.standard().npsDivisions()) {
      division.append(d.name());
      double a = PublishedTable.VICTIM_LIAISON.value(v, "vlo_caseload_" + d.code() + "_2016_11");
      double b = PublishedTable.VICTIM_LIAISON.value(v, "vlo_caseload_" + d.code() + "_2017_11");
      nov2016.append(a);
      nov2017.append(b);
      change.append(b - a);
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < f.rowCount(); i++) {
        if (f.stringColumn("nps_division_code").get(i).equals(d.code())
            && f.stringColumn("value_kind").get(i).equals("rating")) {
          s.append(s.length() == 0 ? "" : "; ")
              .append(f.stringColumn("measure").get(i))
              .append(": ")
              .append(f.stringColumn("value_as_published").get(i))
              .append(" (")
              .append(f.stringColumn("date").get(i), 0, 4)
              .append(')');
        }
      }
      finding.append(
          s.length() == 0 ? "no finding on victim work in the reference data" : s.toString());
    }
    Table byDivision =
        Table.create(
            "Victim liaison officer caseloads by NPS division (published)",
            division,
            nov2016,
            nov2017,
            change,
            finding);
    Table staffing =
        v.where(v.stringColumn("nps_division_code").isMissing())
            .selectColumns("period", "measure", "value_as_published", "source", "tag", "note");
    staffing.setName("Victim Contact Scheme staffing (published)");
    return new VictimLiaison(byDivision, staffing, Sources.of(vlo, found));
  }

  /**
   * The caseloads as a chart table: one row per month (Nov 2016, Nov 2017), one column per
   * division, so that a line chart draws each division's change.
   *
   * @return the table, not null
   */
  public Table caseloadsByMonth() {
    StringColumn month = StringColumn.create("month");
    month.append("Nov 2016").append("Nov 2017");
    Table t = Table.create("Average VLO caseload by NPS division (published)", month);
    for (int i = 0; i < byDivision.rowCount(); i++) {
      DoubleColumn c = DoubleColumn.create(byDivision.stringColumn("NPS division").get(i));
      c.append(byDivision.doubleColumn(1).get(i)).append(byDivision.doubleColumn(2).get(i));
      t.addColumns(c);
    }
    return t;
  }

  /**
   * One division's published average caseload.
   *
   * @param divisionName the division's name, e.g. "NPS London"
   * @param november2017 true for November 2017, false for November 2016
   * @return the caseload
   * @throws IllegalArgumentException when there is no such division
   */
  public double caseload(String divisionName, boolean november2017) {
    for (int i = 0; i < byDivision.rowCount(); i++) {
      if (byDivision.stringColumn("NPS division").get(i).equals(divisionName)) {
        return byDivision.doubleColumn(november2017 ? 2 : 1).get(i);
      }
    }
    throw new IllegalArgumentException(
        "no NPS division '" + divisionName + "'; known: " + byDivision.stringColumn(0).asList());
  }

  /**
   * The national staffing of the Victim Contact Scheme as published.
   *
   * @return the findings, not null
   */
  public PublishedFindings staffingFindings() {
    return new PublishedFindings(
        "Victim Contact Scheme staffing since the NPS was created (PQ 129248)",
        staffing,
        List.of(
            "The answer's date is not in the stored excerpt; it refers to a review 'concluded by"
                + " Easter', which suggests early 2018."),
        sources);
  }

  @Override
  public String title() {
    double hi = byDivision.doubleColumn(2).max();
    double lo = byDivision.doubleColumn(2).min();
    return String.format(
        Locale.ROOT,
        "Victim liaison officer caseloads by NPS division: %.0f to %.0f cases each in November"
            + " 2017 (published)",
        lo,
        hi);
  }

  @Override
  public Table table() {
    return byDivision.copy();
  }

  @Override
  public List<String> notes() {
    return List.of(
        "Average caseload per victim liaison officer as given in PQ 129248; the numbers of VLOs"
            + " per division were not given, so no national average is computed.",
        "The answer's 'South East' and 'South West' divisions are read as South East & Eastern and"
            + " South West & South Central.",
        "HMI Probation's findings are from the division inspections of 2018 to 2021, after these"
            + " caseloads; a caseload is not a measure of the quality of victim work.");
  }
}
