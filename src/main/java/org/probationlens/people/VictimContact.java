package org.probationlens.people;

import java.util.List;
import java.util.Objects;
import org.probationlens.area.Geography;
import org.probationlens.area.NpsDivision;
import org.probationlens.data.ProviderType;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import org.probationlens.read.ColumnSpec;
import org.probationlens.read.Schema;
import org.probationlens.reference.FigureCheck;
import org.probationlens.reference.PublishedFigures;
import org.probationlens.reference.PublishedFindings;
import org.probationlens.reference.ReferenceTable;
import org.probationlens.stats.Proportion;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The statutory victim contact measures by NPS division: of cases with a victim eligible for the
 * Victim Contact Scheme, the share whose victim was not offered it; of those offered, the share who
 * took it up; of those, the share contacted within the time the scheme requires. Each share with a
 * Wilson interval.
 *
 * @param measures one row per division: nps_division, eligible, not_offered_percent (+ lower,
 *     upper), took_up_percent (+ lower, upper), in_time_percent (+ lower, upper)
 * @param londonNotOffered London's share not offered, with its interval
 * @param sources where the counts came from
 */
public record VictimContact(Table measures, Proportion londonNotOffered, Sources sources)
    implements Result {

  /** The layout of {@code data/reference/victim_contact.csv}. */
  public static final Schema SCHEMA =
      Schema.builder("victim_contact")
          .columns(
              ColumnSpec.text("id"),
              ColumnSpec.code("provider_type", ProviderType.codes()),
              ColumnSpec.text("provider"),
              ColumnSpec.code(
                      "nps_division_code",
                      Geography.standard().npsDivisions().stream().map(NpsDivision::code).toList())
                  .optional(),
              ColumnSpec.text("date").optional(),
              ColumnSpec.text("measure"),
              ColumnSpec.code("value_kind", ReferenceTable.VALUE_KINDS),
              ColumnSpec.decimal("percent", 0, 100).optional(),
              ColumnSpec.text("value_as_published"),
              ColumnSpec.text("registry_id").optional(),
              ColumnSpec.text("source"),
              ColumnSpec.code("tag", ReferenceTable.TAGS),
              ColumnSpec.text("note").optional())
          .primaryKey("id")
          .rules(ReferenceTable.publishedDate("date"))
          .build();

  /** Copies. */
  public VictimContact {
    measures = Objects.requireNonNull(measures, "measures").copy();
    Objects.requireNonNull(londonNotOffered, "londonNotOffered");
    Objects.requireNonNull(sources, "sources");
  }

  /**
   * The measures from counts by division.
   *
   * @param counts columns nps_division_code, nps_division, eligible, offered, took_up,
   *     contacted_in_time (as {@link SyntheticVictimContact#generate} makes them)
   * @param confidence the confidence level of the intervals
   * @return the measures, not null
   * @throws IllegalArgumentException if London (N07) is missing or a count exceeds the one before
   */
  public static VictimContact of(LoadedDataset counts, double confidence) {
    Table t = counts.table();
    StringColumn division = StringColumn.create("nps_division");
    IntColumn eligible = IntColumn.create("eligible");
    DoubleColumn[] notOffered = cols("not_offered");
    DoubleColumn[] tookUp = cols("took_up");
    DoubleColumn[] inTime = cols("in_time");
    Proportion london = null;
    for (int i = 0; i < t.rowCount(); i++) {
      int n = t.intColumn("eligible").getInt(i);
      int o = t.intColumn("offered").getInt(i);
      int u = t.intColumn("took_up").getInt(i);
      int c = t.intColumn("contacted_in_time").getInt(i);
      if (!(0 <= c && c <= u && u <= o && o <= n && n >= 1)) {
        throw new IllegalArgumentException(
            t.name()
                + " row "
                + (i + 1)
                + ": expected 0 <= contacted_in_time <= took_up <= offered <= eligible, eligible"
                + " >= 1; got "
                + c
                + ", "
                + u
                + ", "
                + o
                + ", "
                + n);
      }
      division.append(t.stringColumn("nps_division").get(i));
      eligible.append(n);
      Proportion no = Proportion.wilson(n - o, n, confidence);
      add(notOffered, no);
      add(tookUp, o == 0 ? null : Proportion.wilson(u, o, confidence));
      add(inTime, u == 0 ? null : Proportion.wilson(c, u, confidence));
      if (t.stringColumn("nps_division_code").get(i).equals("N07")) {
        london = no;
      }
    }
    if (london == null) {
      throw new IllegalArgumentException(t.name() + " has no row for NPS London (N07)");
    }
    Table m = Table.create("Victim contact by NPS division", division, eligible);
    m.addColumns(notOffered);
    m.addColumns(tookUp);
    m.addColumns(inTime);
    return new VictimContact(m, london, Sources.of(counts));
  }

  /**
   * The published findings on NPS work with victims ({@code data/reference/victim_contact.csv}).
   *
   * @return the findings as published, not null
   */
  public static PublishedFindings published() {
    LoadedDataset d =
        ReferenceTable.read(
            "victim_contact.csv", "Published findings on probation work with victims", SCHEMA);
    Table t =
        d.table()
            .selectColumns("provider", "date", "measure", "value_as_published", "source", "tag");
    return new PublishedFindings(
        "Work with victims of serious crime: what HMI Probation published",
        t,
        List.of(
            "No division's counts of victims offered the scheme, taking it up or contacted in time"
                + " were found; 'more than a fifth' in London is the one number."),
        Sources.of(d));
  }

  @Override
  public String title() {
    return "Statutory victim contact by NPS division (eligible cases in an inspection sample)";
  }

  @Override
  public Table table() {
    return measures.copy();
  }

  @Override
  public Table measures() {
    return measures.copy();
  }

  @Override
  public List<String> notes() {
    return List.of(
        "'Contacted in time' means within the time the scheme requires: referral to probation"
            + " within 20 working days and the victim liaison officer's first contact within eight"
            + " weeks of sentence (both from secondary sources; see victim_contact.csv). The"
            + " synthetic counts do not model days; 'in time' is a count, not a computed delay.");
  }

  /**
   * London's share not offered beside the published "more than a fifth" (registry figure {@code
   * london_victims_not_offered_vcs_2019}).
   *
   * <p>On the synthetic contact data (whose generator sets London's offer rate) the check is
   * calibrated; on a user's own file it is reproduced or not.
   *
   * @return the check, not null
   */
  public FigureCheck londonCheck() {
    return PublishedFigures.standard()
        .check("london_victims_not_offered_vcs_2019", 100 * londonNotOffered.estimate(), sources);
  }

  private static DoubleColumn[] cols(String stem) {
    return new DoubleColumn[] {
      DoubleColumn.create(stem + "_percent"),
      DoubleColumn.create(stem + "_lower"),
      DoubleColumn.create(stem + "_upper")
    };
  }

  private static void add(DoubleColumn[] c, Proportion p) {
    if (p == null) {
      for (DoubleColumn x : c) {
        x.appendMissing();
      }
      return;
    }
    c[0].append(100 * p.estimate());
    c[1].append(100 * p.lower());
    c[2].append(100 * p.upper());
  }
}
