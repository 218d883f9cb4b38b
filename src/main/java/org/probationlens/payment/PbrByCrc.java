package org.probationlens.payment;

import java.util.List;
import org.probationlens.area.Geography;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Sources;
import org.probationlens.reference.FigureCheck;
import org.probationlens.reference.PublishedFigures;
import org.probationlens.reference.PublishedFindings;
import org.probationlens.reference.PublishedTable;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What was reported of payment by results CRC by CRC ({@code data/reference/crc_pbr_facts.csv}):
 * the two CRCs that met both reoffending targets in the first year (Merseyside and Northumbria),
 * Northumbria's 2011 baseline, the best and worst CRCs of the early cohorts, and the national
 * counts reported beside them. The Ministry of Justice's per-CRC tables were not in the stored
 * sources: these are the figures reported in text, mostly by secondary sources. Immutable.
 */
public final class PbrByCrc {

  private final LoadedDataset facts;

  private PbrByCrc(LoadedDataset facts) {
    this.facts = facts;
  }

  /**
   * The published table in {@code data/reference}.
   *
   * @return the facts, not null
   */
  public static PbrByCrc standard() {
    return new PbrByCrc(PublishedTable.CRC_PBR_FACTS.load());
  }

  /**
   * The facts as reported, with the CRC's name where one is named.
   *
   * @return the findings, not null
   */
  public PublishedFindings findings() {
    Geography g = Geography.standard();
    Table f = facts.table();
    StringColumn crc = StringColumn.create("CRC");
    for (int i = 0; i < f.rowCount(); i++) {
      String code = f.stringColumn("crc_code").get(i);
      crc.append(code.isEmpty() ? "all CRCs" : g.cpa(code).crcName());
    }
    Table t = Table.create("Payment by results, per-CRC facts as reported");
    t.addColumns(
        f.stringColumn("cohort").copy(),
        crc,
        f.stringColumn("measure").copy(),
        f.stringColumn("value_as_published").copy(),
        f.stringColumn("source").copy(),
        f.stringColumn("tag").copy());
    return new PublishedFindings(
        "Payment by results CRC by CRC: what was reported in text",
        t,
        List.of(
            "The Ministry of Justice's per-CRC binary and frequency tables were not in the stored"
                + " sources; these are figures quoted by the press and bloggers (tag secondary),"
                + " and one blogger's estimate (uncertain).",
            "Whether '3% higher' and '7% reduction' are relative changes or percentage points is"
                + " not said."),
        Sources.of(facts));
  }

  /**
   * Cumbria &amp; Lancashire CRC's fall below its baseline in the October-December 2015 cohort,
   * recomputed from its published baseline (49.9%) and rate (41.7%), against the published 8.2
   * points. The inputs are published and none was set to the figure, so a match is REPRODUCED (all
   * three come from the same blog post: a check of its arithmetic).
   *
   * @return the check, not null
   */
  public FigureCheck check() {
    Table f = facts.table();
    double baseline = PublishedTable.CRC_PBR_FACTS.value(f, "cl_baseline_binary_oct_dec_2015");
    double rate = PublishedTable.CRC_PBR_FACTS.value(f, "cl_binary_oct_dec_2015");
    return PublishedFigures.standard()
        .check(
            "pbr_cumbria_lancashire_below_baseline_oct_dec_2015",
            baseline - rate,
            Sources.of(facts));
  }
}
