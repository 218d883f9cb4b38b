package org.probationlens.partners;

import java.util.List;
import java.util.Objects;
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
 * Third-sector referrals by CRC against what its bid promised: promised, referred, started and
 * completed, and the shortfall of referrals against the promise with a Wilson interval (the share
 * of promised referrals not made, treating each promised referral as made or not). A last row adds
 * up all CRCs.
 *
 * @param funnel one row per CRC and one for all: crc, organisations_named, promised, referred,
 *     started, completed, shortfall_percent, shortfall_lower, shortfall_upper, started_percent,
 *     completed_percent
 * @param organisationsNamed the organisations named in all bids
 * @param sources where the counts came from
 */
public record ReferralFunnel(Table funnel, long organisationsNamed, Sources sources)
    implements Result {

  /** The name of the last row, the sum over CRCs. */
  public static final String ALL = "All CRCs";

  /** The layout of {@code data/reference/third_sector.csv}. */
  public static final Schema SCHEMA =
      Schema.builder("third_sector")
          .columns(
              ColumnSpec.text("id"),
              ColumnSpec.text("date"),
              ColumnSpec.text("measure"),
              ColumnSpec.code("value_kind", ReferenceTable.VALUE_KINDS),
              // a number or a range as written ("150 to 200"); empty for a finding in words
              ColumnSpec.text("value").optional(),
              ColumnSpec.text("unit").optional(),
              ColumnSpec.text("value_as_published"),
              ColumnSpec.text("registry_id").optional(),
              ColumnSpec.text("source"),
              ColumnSpec.code("tag", ReferenceTable.TAGS),
              ColumnSpec.text("note").optional())
          .primaryKey("id")
          .rules(ReferenceTable.publishedDate("date"))
          .build();

  /** Copies. */
  public ReferralFunnel {
    funnel = Objects.requireNonNull(funnel, "funnel").copy();
    Objects.requireNonNull(sources, "sources");
  }

  /**
   * The funnel from counts by CRC.
   *
   * @param counts columns crc, organisations_named, promised, referred, started, completed (as
   *     {@link SyntheticReferrals#generate} makes them)
   * @param confidence the confidence level of the shortfall intervals
   * @return the funnel, not null
   * @throws IllegalArgumentException naming the row when started exceeds referred, completed
   *     exceeds started, or nothing was promised
   */
  public static ReferralFunnel of(LoadedDataset counts, double confidence) {
    Table t = counts.table();
    StringColumn crc = StringColumn.create("crc");
    IntColumn orgs = IntColumn.create("organisations_named");
    IntColumn promised = IntColumn.create("promised");
    IntColumn referred = IntColumn.create("referred");
    IntColumn started = IntColumn.create("started");
    IntColumn completed = IntColumn.create("completed");
    long[] sum = new long[5];
    for (int i = 0; i < t.rowCount(); i++) {
      int[] v = {
        t.intColumn("organisations_named").getInt(i),
        t.intColumn("promised").getInt(i),
        t.intColumn("referred").getInt(i),
        t.intColumn("started").getInt(i),
        t.intColumn("completed").getInt(i)
      };
      if (!(v[1] >= 1 && v[2] >= 0 && v[3] <= v[2] && v[3] >= 0 && v[4] <= v[3] && v[4] >= 0)) {
        throw new IllegalArgumentException(
            t.name()
                + " row "
                + (i + 1)
                + " ("
                + t.stringColumn("crc").get(i)
                + "): expected promised >= 1 and completed <= started <= referred; got promised "
                + v[1]
                + ", referred "
                + v[2]
                + ", started "
                + v[3]
                + ", completed "
                + v[4]);
      }
      crc.append(t.stringColumn("crc").get(i));
      orgs.append(v[0]);
      promised.append(v[1]);
      referred.append(v[2]);
      started.append(v[3]);
      completed.append(v[4]);
      for (int k = 0; k < 5; k++) {
        sum[k] += v[k];
      }
    }
    crc.append(ALL);
    orgs.append((int) sum[0]);
    promised.append((int) sum[1]);
    referred.append((int) sum[2]);
    started.append((int) sum[3]);
    completed.append((int) sum[4]);
    DoubleColumn shortfall = DoubleColumn.create("shortfall_percent");
    DoubleColumn lower = DoubleColumn.create("shortfall_lower");
    DoubleColumn upper = DoubleColumn.create("shortfall_upper");
    DoubleColumn startedPct = DoubleColumn.create("started_percent_of_referred");
    DoubleColumn completedPct = DoubleColumn.create("completed_percent_of_started");
    for (int i = 0; i < crc.size(); i++) {
      int p = promised.getInt(i);
      int r = referred.getInt(i);
      shortfall.append(100.0 * (p - r) / p);
      if (r <= p) {
        // the shortfall is the share of promised referrals not made: Wilson on (p - r) of p
        Proportion w = Proportion.wilson(p - r, p, confidence);
        lower.append(100 * w.lower());
        upper.append(100 * w.upper());
      } else {
        lower.appendMissing(); // more referred than promised: no shortfall to bound
        upper.appendMissing();
      }
      startedPct.append(r == 0 ? Double.NaN : 100.0 * started.getInt(i) / r);
      completedPct.append(
          started.getInt(i) == 0 ? Double.NaN : 100.0 * completed.getInt(i) / started.getInt(i));
    }
    Table f =
        Table.create(
            "Third-sector referral funnel by CRC",
            crc,
            orgs,
            promised,
            referred,
            started,
            completed,
            shortfall,
            lower,
            upper,
            startedPct,
            completedPct);
    return new ReferralFunnel(f, sum[0], Sources.of(counts));
  }

  /**
   * The published third-sector findings ({@code data/reference/third_sector.csv}).
   *
   * @return the findings as published, not null
   */
  public static PublishedFindings published() {
    LoadedDataset d =
        ReferenceTable.read(
            "third_sector.csv", "Published findings on the third sector in probation", SCHEMA);
    Table t = d.table().selectColumns("date", "measure", "value_as_published", "source", "tag");
    return new PublishedFindings(
        "The third sector in probation: what was published",
        t,
        List.of(
            "No CRC's promised or actual referrals to the voluntary sector were found, nor the share"
                + " of CRC spend that went to it.",
            "The 2021 commissioned rehabilitative services came after the CRCs' contracts ended."),
        Sources.of(d));
  }

  @Override
  public String title() {
    return "Third-sector referrals against the bids' promises, by CRC (one year)";
  }

  @Override
  public Table table() {
    return funnel.copy();
  }

  @Override
  public Table funnel() {
    return funnel.copy();
  }

  @Override
  public List<String> notes() {
    return List.of(
        "The shortfall interval treats each promised referral as made or not, independently; it"
            + " says how precisely a year's referrals pin down a CRC's rate, not whether the promise"
            + " was realistic.");
  }

  /**
   * The organisations named in all bids beside the published "about 700" (registry figure {@code
   * third_sector_orgs_named_in_bids}).
   *
   * <p>The synthetic referrals share out exactly the published number of organisations, so on them
   * the check is calibrated by construction; on a user's own file it is reproduced or not.
   *
   * @return the check, not null
   */
  public FigureCheck organisationsCheck() {
    return PublishedFigures.standard()
        .check("third_sector_orgs_named_in_bids", organisationsNamed, sources);
  }
}
