package org.probationlens.inspection;

import java.util.ArrayList;
import java.util.List;
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
 * Serious further offences (SFOs) as published ({@code
 * data/reference/serious_further_offences.csv}): SFO reviews a year, the people supervised by CRCs
 * and by the NPS who were charged with murder, SFO murder convictions by index sentence, and
 * licence recalls in 2014. Published counts only: the caseloads of each sector in the same years
 * are not in the reference data, so no rate per person supervised is computed. Immutable.
 */
public final class SeriousFurtherOffences {

  /** The years of the SFO murder convictions by index sentence (PQ 3360). */
  public static final List<Integer> CONVICTION_YEARS = List.of(2010, 2011, 2012, 2013, 2014, 2015);

  private static final List<String> INDEX_SENTENCES =
      List.of("community", "determinate", "life", "ipp");

  private final LoadedDataset sfo;

  private SeriousFurtherOffences(LoadedDataset sfo) {
    this.sfo = sfo;
  }

  /**
   * The published table in {@code data/reference}.
   *
   * @return the figures, not null
   */
  public static SeriousFurtherOffences standard() {
    return new SeriousFurtherOffences(PublishedTable.SERIOUS_FURTHER_OFFENCES.load());
  }

  private double value(String id) {
    return PublishedTable.SERIOUS_FURTHER_OFFENCES.value(sfo.table(), id);
  }

  /**
   * People under CRC and NPS supervision charged with murder, by year where published (2015, 2017,
   * 2018 for the NPS; 2015 and 2018 for the CRCs) and over 2015-2018. The years between are not in
   * the stored source; nothing is filled in.
   *
   * @return the findings, not null
   */
  public PublishedFindings murderChargesByProvider() {
    StringColumn period = StringColumn.create("period");
    DoubleColumn crc = DoubleColumn.create("CRC-supervised charged with murder");
    DoubleColumn nps = DoubleColumn.create("NPS-supervised charged with murder");
    for (String p : List.of("2015", "2016", "2017", "2018", "2015-2018")) {
      period.append(p);
      crc.append(orMissing("murder_charges_crc_" + p.replace('-', '_')));
      nps.append(orMissing("murder_charges_nps_" + p.replace('-', '_')));
    }
    Table t =
        Table.create(
            "Offenders under probation supervision charged with murder, CRC and NPS",
            period,
            crc,
            nps);
    return new PublishedFindings(
        "Offenders under supervision charged with murder, CRCs against the NPS, 2015-2018"
            + " (PQ answered by Lucy Frazer, via PA)",
        t,
        List.of(
            "A missing cell was not in the stored source: the CRCs' 2016 and 2017 counts and the"
                + " NPS's 2016 count are not published there, so the 2015-2018 totals cannot be"
                + " recomputed.",
            "The CRCs supervised more people than the NPS, and the NPS those at high risk of"
                + " serious harm: counts are not rates, and the caseloads of each sector by year"
                + " are not in the reference data.",
            "A charge is not a conviction."),
        Sources.of(sfo));
  }

  private double orMissing(String id) {
    Table t = sfo.table();
    for (int i = 0; i < t.rowCount(); i++) {
      if (t.stringColumn("id").get(i).equals(id)) {
        return t.doubleColumn("value").get(i);
      }
    }
    return Double.NaN;
  }

  /**
   * SFO reviews a year, 2011-12 to 2017-18, as published (2014-15 is not in the answer).
   *
   * @return the findings, not null
   */
  public PublishedFindings reviews() {
    Table t = sfo.table();
    Table r =
        t.where(t.stringColumn("measure").isIn("SFO reviews triggered", "SFO reviews conducted"))
            .selectColumns("period", "measure", "value", "source", "tag");
    r.setName("Serious further offence reviews a year (published)");
    return new PublishedFindings(
        "Serious further offence reviews a year, 2011-12 to 2017-18",
        r,
        List.of(
            "2014-15, the year of the reforms, is not in the answer as reported.",
            "An SFO review follows a charge for a serious offence of someone under supervision;"
                + " more reviews can mean more offences or more people supervised (short-sentence"
                + " prisoners were supervised from February 2015)."),
        Sources.of(sfo));
  }

  /**
   * SFO murder convictions by the index sentence of the person convicted, 2010-2015 (PQ 3360).
   *
   * @return one row a year: community, determinate, life, IPP, total
   */
  public PublishedFindings convictionsByIndexSentence() {
    StringColumn year = StringColumn.create("year");
    List<DoubleColumn> cols = new ArrayList<>();
    for (String s : List.of("community", "determinate", "life", "IPP", "total")) {
      cols.add(DoubleColumn.create(s));
    }
    for (int y : CONVICTION_YEARS) {
      year.append(String.valueOf(y));
      for (int i = 0; i < INDEX_SENTENCES.size(); i++) {
        cols.get(i).append(value("sfo_murder_convictions_" + y + "_" + INDEX_SENTENCES.get(i)));
      }
      cols.get(4).append(value("sfo_murder_convictions_" + y + "_total"));
    }
    Table t = Table.create("SFO murder convictions by index sentence (published)", year);
    cols.forEach(t::addColumns);
    return new PublishedFindings(
        "Serious further offence murder convictions by index sentence, 2010-2015 (PQ 3360)",
        t,
        List.of(
            "PQ 228067: fewer than 0.1% of those under statutory supervision are convicted of"
                + " murder, and fewer than 0.5% of any SFO."),
        Sources.of(sfo));
  }

  /**
   * Each published total and change recomputed from its published parts: the rise in SFO reviews
   * 2012-13 to 2016-17 (409 to 517, published as 26.4%) and 2016-17 to 2017-18 (517 to 627,
   * published as 21%), each year's SFO murder convictions as the sum of its four index sentences,
   * and the 353 recalls a week of June-September 2014 as the NPS's 177 plus the CRCs' 176. The
   * parts are published figures, none set to the total, so a match is REPRODUCED; most come from
   * the same answer as their total, so these check the published arithmetic, not a second count.
   *
   * @return nine checks, not null
   */
  public FigureChecks checks() {
    PublishedFigures f = PublishedFigures.standard();
    Sources from = Sources.of(sfo);
    List<FigureCheck> checks = new ArrayList<>();
    checks.add(
        f.check(
            "sfo_reviews_increase_2012_13_to_2016_17",
            100 * (value("sfo_reviews_2016_17") / value("sfo_reviews_2012_13") - 1),
            from));
    checks.add(
        f.check(
            "sfo_reviews_increase_2016_17_to_2017_18",
            100 * (value("sfo_reviews_2017_18") / value("sfo_reviews_2016_17") - 1),
            from));
    for (int y : CONVICTION_YEARS) {
      double sum = 0;
      for (String s : INDEX_SENTENCES) {
        sum += value("sfo_murder_convictions_" + y + "_" + s);
      }
      checks.add(f.check("sfo_murder_convictions_" + y, sum, from));
    }
    checks.add(
        f.check(
            "recalls_per_week_jun_sep_2014",
            value("recalls_per_week_2014_nps") + value("recalls_per_week_2014_crc"),
            from));
    return new FigureChecks(checks);
  }

  /**
   * The table as loaded, with its provenance.
   *
   * @return the dataset, not null
   */
  public LoadedDataset table() {
    return sfo;
  }
}
