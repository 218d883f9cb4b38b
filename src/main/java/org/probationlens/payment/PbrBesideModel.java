package org.probationlens.payment;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The published payment-by-results record beside the payment model's share of CRC income that
 * rested on results: the Chief Inspector's point that payment by results "isn't really having an
 * impact". The record is published; the share is modelled on synthetic volumes with unpublished
 * inputs as assumptions, so the result as a whole is not published.
 *
 * @param record the published record, not null
 * @param modelledPbrPercentOfPaid the modelled PbR share of payments, percent, 0 to 100
 * @param sources the record's and the model's sources together
 */
public record PbrBesideModel(PbrRecord record, double modelledPbrPercentOfPaid, Sources sources)
    implements Result {

  /** Validates. */
  public PbrBesideModel {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(sources, "sources");
    if (!(modelledPbrPercentOfPaid >= 0 && modelledPbrPercentOfPaid <= 100)) {
      throw new IllegalArgumentException(
          "modelledPbrPercentOfPaid must be a percentage from 0 to 100; was "
              + modelledPbrPercentOfPaid);
    }
  }

  @Override
  public String title() {
    return "Payment by results: the published reoffending record beside the modelled share of"
        + " income";
  }

  @Override
  public Table table() {
    return Table.create(
        "PbR record and modelled share",
        StringColumn.create(
            "measure",
            "change in the proportion who reoffended since 2011, to March 2017",
            "change in reoffences per reoffender since 2011, to March 2017",
            "CRCs consistently achieving significant reductions, to March 2017",
            "payment by results as a share of what CRCs were paid"),
        DoubleColumn.create(
            "value",
            record.binaryChangePoints(),
            record.frequencyChangePercent(),
            record.crcsWithSignificantReductions(),
            modelledPbrPercentOfPaid),
        StringColumn.create(
            "unit", "percentage points", "percent", "of " + record.crcs() + " CRCs", "percent"),
        StringColumn.create(
            "kind",
            "published (NAO 1 Mar 2019)",
            "published (NAO 1 Mar 2019)",
            "published (NAO 1 Mar 2019)",
            "MODELLED: payment model at its assumptions over synthetic volumes"));
  }

  @Override
  public List<String> notes() {
    return List.of(
        String.format(
            Locale.ROOT,
            "Results moved about %.1f%% of the modelled income, while the published record shows a"
                + " small fall in the share reoffending and a rise in reoffences per reoffender:"
                + " too little money on results, and too few results, to change how CRCs worked.",
            modelledPbrPercentOfPaid),
        "The share of contract value at risk under PbR was never published; the model's share is"
            + " an assumption, listed with the model's other assumptions.");
  }
}
