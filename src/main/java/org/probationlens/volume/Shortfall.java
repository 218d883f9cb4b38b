package org.probationlens.volume;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.probationlens.period.ReportingPeriod;
import org.probationlens.provenance.CountColumns;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * CRC volumes against contract forecast for a set of reporting units in one period: the table
 * behind statements such as "volumes were 6% to 36% lower than predicted" (PAC HC 484, 2016-17).
 *
 * <p>Columns of {@link #table()}: the key ({@link #unit()}, for example {@code cpa}), {@code
 * work_type} when {@link #byWorkType()}, then {@code forecast_count, actual_count,
 * count_shortfall_pct, forecast_weighted, actual_weighted, weighted_shortfall_pct, rank}; see the
 * column constants of {@link VolumeVariance}. Figures computed from synthetic data are synthetic.
 *
 * @param unit the key column: a level's column name or a caller's group name; not blank
 * @param period the start dates counted, not null
 * @param byWorkType whether there is one row per unit and work type
 * @param table the result, not null (copied; {@link #table()} returns a copy)
 * @param note how the figures were made where that is not obvious (apportionment, owner date);
 *     empty when there is nothing to add
 * @param sources the cases and forecast it was computed from, and any assumption, not null
 */
public record Shortfall(
    String unit,
    ReportingPeriod period,
    boolean byWorkType,
    Table table,
    String note,
    Sources sources)
    implements Result {

  /** Validates the result and copies the table. */
  public Shortfall {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(sources, "sources");
    table = table.copy();
    if (!table.columnNames().contains(unit)) {
      throw new IllegalArgumentException(
          "shortfall table has no key column '" + unit + "': " + table.columnNames());
    }
  }

  /**
   * The figures, one row per unit (and work type), in unit order: a copy the caller may change.
   * {@link #ranking()} gives them in rank order.
   *
   * @return a new table, not null
   */
  @Override
  public Table table() {
    return table.copy();
  }

  /**
   * The reporting units in the table, in unit order (each once).
   *
   * @return the unit codes, not null
   */
  public List<String> units() {
    return table.stringColumn(unit).unique().asList();
  }

  /**
   * The counts of people: {@link VolumeVariance#ACTUAL_COUNT}, the CRC starts counted from case
   * records (the forecast is a contract figure, not a count of anyone).
   *
   * @return the declaration, not null
   */
  @Override
  public CountColumns countColumns() {
    return CountColumns.of(VolumeVariance.ACTUAL_COUNT);
  }

  /** {@return what the result shows, with the period} */
  @Override
  public String title() {
    return "CRC volume shortfall against contract forecast by "
        + unit
        + (byWorkType ? " and work type" : "")
        + ", starts in "
        + period;
  }

  /** {@return the note on method, if any, and the range of weighted shortfalls} */
  @Override
  public List<String> notes() {
    List<String> lines = new ArrayList<>();
    if (!note.isEmpty()) {
      lines.add(note);
    }
    if (table.rowCount() > 0
        && table.doubleColumn(VolumeVariance.WEIGHTED_SHORTFALL_PCT).countMissing()
            < table.rowCount()) {
      lines.add("Weighted shortfall: " + range());
    }
    lines.add(
        "Shortfall % = (forecast - actual) / forecast x 100; positive means less work than forecast.");
    return lines;
  }

  /**
   * The smallest and largest weighted shortfall across units (work types together, or all rows when
   * by work type), ignoring units whose forecast is 0.
   *
   * @return the range, not null
   * @throws IllegalStateException when no unit has a forecast
   */
  public ShortfallRange range() {
    return rangeOf(VolumeVariance.WEIGHTED_SHORTFALL_PCT);
  }

  /**
   * The smallest and largest raw (count) shortfall across units.
   *
   * @return the range, not null
   */
  public ShortfallRange countRange() {
    return rangeOf(VolumeVariance.COUNT_SHORTFALL_PCT);
  }

  /**
   * The weighted shortfall of one unit (work types together).
   *
   * @param code the unit's code, for example {@code "C07"}
   * @return the shortfall in percent
   * @throws IllegalArgumentException when the code is not in the table, or the table is by work
   *     type
   */
  public double weightedPercent(String code) {
    if (byWorkType) {
      throw new IllegalArgumentException(
          "this shortfall is by work type; ask VolumeVariance.shortfall for one value per unit");
    }
    StringColumn key = table.stringColumn(unit);
    for (int i = 0; i < table.rowCount(); i++) {
      if (key.get(i).equals(code)) {
        return table.doubleColumn(VolumeVariance.WEIGHTED_SHORTFALL_PCT).getDouble(i);
      }
    }
    throw new IllegalArgumentException(
        "no " + unit + " '" + code + "' in this shortfall; units: " + key.asList());
  }

  /**
   * The table sorted by rank (largest weighted shortfall first).
   *
   * @return a new sorted table, not null
   */
  public Table ranking() {
    return byWorkType
        ? table.sortAscendingOn(VolumeVariance.WORK_TYPE, VolumeVariance.RANK)
        : table.sortAscendingOn(VolumeVariance.RANK);
  }

  private ShortfallRange rangeOf(String column) {
    DoubleColumn pct = table.doubleColumn(column);
    StringColumn key = table.stringColumn(unit);
    int lo = -1;
    int hi = -1;
    for (int i = 0; i < table.rowCount(); i++) {
      double v = pct.getDouble(i);
      if (Double.isNaN(v)) {
        continue;
      }
      if (lo < 0 || v < pct.getDouble(lo)) {
        lo = i;
      }
      if (hi < 0 || v > pct.getDouble(hi)) {
        hi = i;
      }
    }
    if (lo < 0) {
      throw new IllegalStateException("no " + unit + " in this shortfall has a forecast above 0");
    }
    return new ShortfallRange(
        column, pct.getDouble(lo), key.get(lo), pct.getDouble(hi), key.get(hi), table.rowCount());
  }

  /** A readable summary: what, when, the notes, and the ranked table. */
  @Override
  public String toString() {
    return title() + "\n" + String.join("\n", notes()) + "\n" + Text.format(ranking());
  }
}
