package org.probationlens.volume;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.probationlens.period.ReportingPeriod;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The mix effect: how much of a unit's weighted shortfall comes from each work type. NOMS told the
 * PAC that part of the CRC shortfall came from a changed mix of work between NPS and CRCs (PAC HC
 * 484); this table shows which kinds of work were missing.
 *
 * <p>The decomposition is exact. With F the unit's forecast weighted volume over all work types,
 * and F_k, A_k the forecast and actual weighted volume of work type k:
 *
 * <pre>
 *   shortfall % = (F - A) / F * 100 = sum over k of contribution_k,
 *   contribution_k = (F_k - A_k) / F * 100
 *                  = forecast_share_k * work_type_shortfall_k / 100,
 *   forecast_share_k = F_k / F * 100,  work_type_shortfall_k = (F_k - A_k) / F_k * 100.
 * </pre>
 *
 * So a work type contributes a lot either because it was a large part of the forecast or because it
 * fell far short. A work type with more work than forecast contributes a negative amount.
 *
 * <p>Columns of {@link #table()}: the key ({@link #unit()}), {@code work_type}, {@code
 * forecast_weighted}, {@code actual_weighted}, {@code forecast_share_pct}, {@code
 * work_type_shortfall_pct} (missing where F_k = 0), {@code contribution_pct} (percentage points of
 * the unit's shortfall), {@code share_of_shortfall_pct} (contribution over the unit's total
 * shortfall, times 100; missing when the total is 0).
 *
 * @param unit the key column, not null
 * @param period the start dates counted, not null
 * @param table the decomposition, not null (copied; {@link #table()} returns a copy)
 * @param note how the figures were made where that is not obvious; empty otherwise
 * @param sources the cases and forecast it was computed from, and any assumption, not null
 */
public record MixEffect(
    String unit, ReportingPeriod period, Table table, String note, Sources sources)
    implements Result {

  /** Column: F_k / F * 100. */
  public static final String FORECAST_SHARE_PCT = "forecast_share_pct";

  /** Column: (F_k - A_k) / F_k * 100. */
  public static final String WORK_TYPE_SHORTFALL_PCT = "work_type_shortfall_pct";

  /** Column: (F_k - A_k) / F * 100, percentage points of the unit's total shortfall. */
  public static final String CONTRIBUTION_PCT = "contribution_pct";

  /** Column: contribution_k / total shortfall * 100. */
  public static final String SHARE_OF_SHORTFALL_PCT = "share_of_shortfall_pct";

  /** Validates the result. */
  public MixEffect {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(sources, "sources");
    table = table.copy();
  }

  /**
   * The decomposition: a copy the caller may change.
   *
   * @return a new table, not null
   */
  @Override
  public Table table() {
    return table.copy();
  }

  /** {@return what the result shows, with the period} */
  @Override
  public String title() {
    return "Mix effect: contribution of each work type to the weighted shortfall by "
        + unit
        + ", starts in "
        + period;
  }

  /** {@return the note on method, if any, and how the contributions add up} */
  @Override
  public List<String> notes() {
    List<String> lines = new java.util.ArrayList<>();
    if (!note.isEmpty()) {
      lines.add(note);
    }
    lines.add(
        "contribution_pct = (F_k - A_k) / F x 100, with F the unit's forecast weighted volume and"
            + " F_k, A_k work type k's forecast and actual; a unit's contributions sum to its"
            + " shortfall.");
    return lines;
  }

  /**
   * The rows of some units, as a result with the same sources: for example the CPAs with the
   * largest and smallest shortfalls.
   *
   * @param codes the units' codes, at least one
   * @return the mix effect of those units, not null
   * @throws IllegalArgumentException when a code is not in the table
   */
  public MixEffect only(String... codes) {
    Table out = table.emptyCopy();
    for (String code : codes) {
      Table part = of(code);
      if (part.rowCount() == 0) {
        throw new IllegalArgumentException(
            "no "
                + unit
                + " '"
                + code
                + "' in this mix effect; units: "
                + table.stringColumn(unit).unique().asList());
      }
      out.append(part);
    }
    return new MixEffect(unit, period, out, note, sources);
  }

  static MixEffect of(
      String unit, ReportingPeriod period, Table base, String note, Sources sources) {
    StringColumn key = base.stringColumn(unit);
    Map<String, double[]> totals = new LinkedHashMap<>();
    for (int i = 0; i < base.rowCount(); i++) {
      double[] t = totals.computeIfAbsent(key.get(i), k -> new double[2]);
      t[0] += base.doubleColumn(VolumeVariance.FORECAST_WEIGHTED).getDouble(i);
      t[1] += base.doubleColumn(VolumeVariance.ACTUAL_WEIGHTED).getDouble(i);
    }
    Table out = Table.create("mix effect by " + unit + " and work type");
    StringColumn k = StringColumn.create(unit);
    StringColumn type = StringColumn.create(VolumeVariance.WORK_TYPE);
    DoubleColumn fw = DoubleColumn.create(VolumeVariance.FORECAST_WEIGHTED);
    DoubleColumn aw = DoubleColumn.create(VolumeVariance.ACTUAL_WEIGHTED);
    DoubleColumn share = DoubleColumn.create(FORECAST_SHARE_PCT);
    DoubleColumn within = DoubleColumn.create(WORK_TYPE_SHORTFALL_PCT);
    DoubleColumn contribution = DoubleColumn.create(CONTRIBUTION_PCT);
    DoubleColumn ofTotal = DoubleColumn.create(SHARE_OF_SHORTFALL_PCT);
    for (int i = 0; i < base.rowCount(); i++) {
      double[] t = totals.get(key.get(i));
      double f = base.doubleColumn(VolumeVariance.FORECAST_WEIGHTED).getDouble(i);
      double a = base.doubleColumn(VolumeVariance.ACTUAL_WEIGHTED).getDouble(i);
      k.append(key.get(i));
      type.append(base.stringColumn(VolumeVariance.WORK_TYPE).get(i));
      fw.append(f);
      aw.append(a);
      share.append(t[0] == 0 ? Double.NaN : f / t[0] * 100.0);
      within.append(ShortfallTables.shortfallPercent(f, a));
      double c = t[0] == 0 ? Double.NaN : (f - a) / t[0] * 100.0;
      contribution.append(c);
      double total = ShortfallTables.shortfallPercent(t[0], t[1]);
      ofTotal.append(total == 0 || Double.isNaN(total) ? Double.NaN : c / total * 100.0);
    }
    out.addColumns(k, type, fw, aw, share, within, contribution, ofTotal);
    return new MixEffect(unit, period, out, note, sources);
  }

  /**
   * A unit's total weighted shortfall, as the sum of its work types' contributions.
   *
   * @param code the unit's code, for example {@code "C07"}
   * @return the shortfall in percent
   * @throws IllegalArgumentException when the code is not in the table
   */
  public double totalPercent(String code) {
    double sum = 0;
    boolean found = false;
    for (int i = 0; i < table.rowCount(); i++) {
      if (table.stringColumn(unit).get(i).equals(code)) {
        sum += table.doubleColumn(CONTRIBUTION_PCT).getDouble(i);
        found = true;
      }
    }
    if (!found) {
      throw new IllegalArgumentException(
          "no "
              + unit
              + " '"
              + code
              + "' in this mix effect; units: "
              + table.stringColumn(unit).unique().asList());
    }
    return sum;
  }

  /**
   * One unit's rows.
   *
   * @param code the unit's code
   * @return a new table of that unit's work types, not null
   */
  public Table of(String code) {
    return table.where(table.stringColumn(unit).isEqualTo(code));
  }

  /** A readable summary: what, when, the notes, and the table. */
  @Override
  public String toString() {
    return title() + "\n" + String.join("\n", notes()) + "\n" + Text.format(table);
  }
}
