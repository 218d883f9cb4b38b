package org.probationlens.payment;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import org.probationlens.read.ColumnSpec;
import org.probationlens.read.Schema;
import org.probationlens.reference.FigureChecks;
import org.probationlens.reference.PublishedFigures;
import org.probationlens.reference.ReferenceTable;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The real payment-by-results record, as published ({@code data/reference/pbr_reoffending.csv}): by
 * March 2017 the proportion of CRC offenders who reoffended was 2.5 percentage points below the
 * 2011 baseline, reoffences per reoffender were 22% up, and only 6 of 21 CRCs consistently achieved
 * significant reductions (NAO, 1 March 2019); and how many CRCs had a significant reduction in the
 * binary rate in each later final cohort (MoJ PbR statistics). Nothing here is modelled.
 *
 * @param binaryChangePoints the change in the binary reoffending rate since 2011, percentage points
 * @param frequencyChangePercent the change in reoffences per reoffender since 2011, percent
 * @param crcsWithSignificantReductions the CRCs consistently achieving significant reductions
 * @param crcs the number of CRCs (21)
 * @param byCohort the published counts of CRCs with significant reductions: cohort, measure, crcs,
 *     source, tag
 * @param sources the reference table read
 */
public record PbrRecord(
    double binaryChangePoints,
    double frequencyChangePercent,
    int crcsWithSignificantReductions,
    int crcs,
    Table byCohort,
    Sources sources)
    implements Result {

  /**
   * The layout of {@code data/reference/pbr_reoffending.csv}: each value as published ("-2.5 ppt",
   * "6 of 21"), read by the figure that needs it; one row per cohort and measure.
   */
  public static final Schema SCHEMA =
      Schema.builder("pbr_reoffending")
          .columns(
              ColumnSpec.text("cohort"),
              ColumnSpec.text("measure"),
              ColumnSpec.text("value"),
              ColumnSpec.text("note").optional(),
              ColumnSpec.text("source"),
              ColumnSpec.code("tag", ReferenceTable.TAGS))
          .primaryKey("cohort", "measure")
          .build();

  private static final Pattern OF = Pattern.compile("(\\d+)(?: of (\\d+))?");

  /** Copies. */
  public PbrRecord {
    byCohort = Objects.requireNonNull(byCohort, "byCohort").copy();
    Objects.requireNonNull(sources, "sources");
    if (crcs < 1 || crcsWithSignificantReductions < 0 || crcsWithSignificantReductions > crcs) {
      throw new IllegalArgumentException(
          "expected 0 <= CRCs with reductions <= CRCs; got "
              + crcsWithSignificantReductions
              + " of "
              + crcs);
    }
  }

  /**
   * The record from the table shipped in the jar.
   *
   * @return the record, not null
   * @throws IllegalStateException naming the line and value when a figure cannot be read
   */
  public static PbrRecord standard() {
    LoadedDataset d =
        ReferenceTable.read(
            "pbr_reoffending.csv", "Payment-by-results reoffending outcomes as published", SCHEMA);
    Table t = d.table();
    double binary =
        leadingNumber(t, row(t, "to Mar 2017", "change in proportion of reoffenders since 2011"));
    double frequency =
        leadingNumber(t, row(t, "to Mar 2017", "change in reoffences per reoffender"));
    int r = row(t, "to Mar 2017", "CRCs consistently achieving significant reductions");
    int[] of = countOf(t, r);
    StringColumn cohort = StringColumn.create("cohort");
    StringColumn measure = StringColumn.create("measure");
    IntColumn count = IntColumn.create("crcs");
    StringColumn source = StringColumn.create("source");
    StringColumn tag = StringColumn.create("tag");
    for (int i = 0; i < t.rowCount(); i++) {
      String m = t.stringColumn("measure").get(i);
      if (i == r || m.equals("CRCs with significant binary reduction")) {
        cohort.append(t.stringColumn("cohort").get(i));
        measure.append(
            i == r
                ? "CRCs consistently achieving significant reductions (NAO)"
                : "CRCs with a significant reduction in the binary rate (final cohort)");
        count.append(countOf(t, i)[0]);
        source.append(t.stringColumn("source").get(i));
        tag.append(t.stringColumn("tag").get(i));
      }
    }
    Table byCohort =
        Table.create(
            "CRCs with significant reductions by cohort", cohort, measure, count, source, tag);
    return new PbrRecord(
        binary, frequency, of[0], of[1] == 0 ? 21 : of[1], byCohort, Sources.of(d));
  }

  @Override
  public String title() {
    return "Payment by results: the published reoffending record of the CRCs";
  }

  @Override
  public Table table() {
    return Table.create(
        "Published payment-by-results record, to March 2017",
        StringColumn.create(
            "measure",
            "change in the proportion who reoffended since 2011 (binary measure)",
            "change in reoffences per reoffender since 2011 (frequency measure)",
            "CRCs consistently achieving significant reductions"),
        DoubleColumn.create(
            "value", binaryChangePoints, frequencyChangePercent, crcsWithSignificantReductions),
        StringColumn.create("unit", "percentage points", "percent", "of " + crcs + " CRCs"),
        StringColumn.create(
            "source",
            "NAO press release 1 Mar 2019",
            "NAO press release 1 Mar 2019",
            "NAO press release 1 Mar 2019"));
  }

  @Override
  public Table byCohort() {
    return byCohort.copy();
  }

  @Override
  public List<String> notes() {
    return List.of(
        "Fewer people reoffended, but those who did reoffended more often: the binary measure"
            + " improved while the frequency measure worsened.",
        "The later counts (2019-20 cohorts) are of significant reductions in the binary rate in one"
            + " cohort, a weaker test than the NAO's 'consistently'; they are not comparable with"
            + " the 6 of 21.");
  }

  /**
   * The three headline figures checked against the registry: the table and the registry repeat the
   * same NAO publication, so this checks that they agree, and reproduces nothing.
   *
   * @return the checks, not null
   */
  public FigureChecks checks() {
    PublishedFigures f = PublishedFigures.standard();
    // read from data/reference/pbr_reoffending.csv, the same NAO publication as the registry's
    // figures: they match by construction (a transcription check), never a reproduction
    Sources basis =
        sources.calibratedTo(
            List.of(
                "pbr_binary_change_to_mar_2017",
                "pbr_frequency_change_to_mar_2017",
                "pbr_crcs_significant_reductions_to_mar_2017"));
    return FigureChecks.of(
        f.check("pbr_binary_change_to_mar_2017", binaryChangePoints, basis),
        f.check("pbr_frequency_change_to_mar_2017", frequencyChangePercent, basis),
        f.check(
            "pbr_crcs_significant_reductions_to_mar_2017", crcsWithSignificantReductions, basis));
  }

  /**
   * The published record beside a modelled payment-by-results share of what CRCs were paid.
   *
   * @param modelledPbrPercentOfPaid the model's PbR share of payments, percent (for example {@code
   *     PaymentResult.Totals.pbrPercentOfPaid()})
   * @param modelSources the model's sources (its volumes and assumptions), not null
   * @return the comparison, not null
   */
  public PbrBesideModel beside(double modelledPbrPercentOfPaid, Sources modelSources) {
    return new PbrBesideModel(this, modelledPbrPercentOfPaid, sources.and(modelSources));
  }

  private static int row(Table t, String cohort, String measure) {
    for (int i = 0; i < t.rowCount(); i++) {
      if (t.stringColumn("cohort").get(i).equals(cohort)
          && t.stringColumn("measure").get(i).equals(measure)) {
        return i;
      }
    }
    throw new IllegalStateException(
        "data/reference/pbr_reoffending.csv has no row for cohort '"
            + cohort
            + "', measure '"
            + measure
            + "'");
  }

  private static double leadingNumber(Table t, int row) {
    String v = t.stringColumn("value").get(row);
    Matcher m = Pattern.compile("^([+-]?\\d+(?:\\.\\d+)?)").matcher(v);
    if (!m.find()) {
      throw new IllegalStateException(
          "data/reference/pbr_reoffending.csv line "
              + (row + 2)
              + ", column value: '"
              + v
              + "'; expected a signed number such as -2.5 ppt or +22%");
    }
    return Double.parseDouble(m.group(1));
  }

  private static int[] countOf(Table t, int row) {
    String v = t.stringColumn("value").get(row);
    Matcher m = OF.matcher(v);
    if (!m.matches()) {
      throw new IllegalStateException(
          "data/reference/pbr_reoffending.csv line "
              + (row + 2)
              + ", column value: '"
              + v
              + "'; expected a count such as 6 of 21 or 20");
    }
    return new int[] {
      Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))
    };
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "PbR record to March 2017: binary %+.1f points, frequency %+.0f%%, %d of %d CRCs",
        binaryChangePoints,
        frequencyChangePercent,
        crcsWithSignificantReductions,
        crcs);
  }
}
