package org.probationlens.volume;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.probationlens.period.ReportingPeriod;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The tables of {@link VolumeVariance}: the long-form base (unit, work type, forecast and actual
 * count and weighted volume) that the forecast and the counts fill, and the finished result with
 * shortfall % and ranks. Shortfall % is defined here, once: (forecast - actual) / forecast * 100.
 */
final class ShortfallTables {

  private ShortfallTables() {}

  /**
   * An empty base table.
   *
   * @param keyColumn the name of its unit column
   * @return columns {@code keyColumn, work_type, forecast_count, actual_count, forecast_weighted,
   *     actual_weighted}
   */
  static Table emptyBase(String keyColumn) {
    Table t = Table.create("CRC volumes against forecast");
    t.addColumns(StringColumn.create(keyColumn), StringColumn.create(VolumeVariance.WORK_TYPE));
    t.addColumns(numericColumns());
    return t;
  }

  /**
   * The four volume columns, empty: forecast and actual count, forecast and actual weighted.
   *
   * @return new columns in that order
   */
  static DoubleColumn[] numericColumns() {
    return new DoubleColumn[] {
      DoubleColumn.create(VolumeVariance.FORECAST_COUNT),
      DoubleColumn.create(VolumeVariance.ACTUAL_COUNT),
      DoubleColumn.create(VolumeVariance.FORECAST_WEIGHTED),
      DoubleColumn.create(VolumeVariance.ACTUAL_WEIGHTED)
    };
  }

  /**
   * Appends a row to a base table.
   *
   * @param t the table, made by {@link #emptyBase}
   * @param key the unit
   * @param type the work type
   * @param f the forecast {count, weighted}
   * @param a the actual {count, weighted}, or null for none
   */
  static void appendBase(Table t, String key, String type, double[] f, double[] a) {
    t.stringColumn(0).append(key);
    t.stringColumn(1).append(type);
    t.doubleColumn(VolumeVariance.FORECAST_COUNT).append(f[0]);
    t.doubleColumn(VolumeVariance.ACTUAL_COUNT).append(a == null ? 0 : a[0]);
    t.doubleColumn(VolumeVariance.FORECAST_WEIGHTED).append(f[1]);
    t.doubleColumn(VolumeVariance.ACTUAL_WEIGHTED).append(a == null ? 0 : a[1]);
  }

  /** Builds the documented result columns from summed columns. */
  static Table finish(Table summed, String keyColumn, boolean byWorkType, ReportingPeriod period) {
    Table out =
        Table.create(
            "CRC volumes against forecast by "
                + keyColumn
                + (byWorkType ? " and work type" : "")
                + ", "
                + period.label());
    StringColumn key = StringColumn.create(keyColumn);
    StringColumn type = StringColumn.create(VolumeVariance.WORK_TYPE);
    DoubleColumn fc = DoubleColumn.create(VolumeVariance.FORECAST_COUNT);
    IntColumn ac = IntColumn.create(VolumeVariance.ACTUAL_COUNT);
    DoubleColumn cp = DoubleColumn.create(VolumeVariance.COUNT_SHORTFALL_PCT);
    DoubleColumn fw = DoubleColumn.create(VolumeVariance.FORECAST_WEIGHTED);
    DoubleColumn aw = DoubleColumn.create(VolumeVariance.ACTUAL_WEIGHTED);
    DoubleColumn wp = DoubleColumn.create(VolumeVariance.WEIGHTED_SHORTFALL_PCT);
    IntColumn rank = IntColumn.create(VolumeVariance.RANK);
    for (int i = 0; i < summed.rowCount(); i++) {
      key.append(summed.stringColumn(keyColumn).get(i));
      if (byWorkType) {
        type.append(summed.stringColumn(VolumeVariance.WORK_TYPE).get(i));
      }
      double f = summed.numberColumn(VolumeVariance.FORECAST_COUNT).getDouble(i);
      double a = summed.numberColumn(VolumeVariance.ACTUAL_COUNT).getDouble(i);
      fc.append(f);
      ac.append((int) Math.round(a));
      cp.append(shortfallPercent(f, a));
      double g = summed.numberColumn(VolumeVariance.FORECAST_WEIGHTED).getDouble(i);
      double b = summed.numberColumn(VolumeVariance.ACTUAL_WEIGHTED).getDouble(i);
      fw.append(g);
      aw.append(b);
      wp.append(shortfallPercent(g, b));
    }
    // Rank within each work type (or overall): 1 = largest weighted shortfall; ties by key.
    Map<String, List<Integer>> groups = new TreeMap<>();
    for (int i = 0; i < summed.rowCount(); i++) {
      groups.computeIfAbsent(byWorkType ? type.get(i) : "", k -> new ArrayList<>()).add(i);
    }
    int[] ranks = new int[summed.rowCount()];
    for (List<Integer> rows : groups.values()) {
      rows.sort(
          Comparator.<Integer>comparingDouble(
                  i -> Double.isNaN(wp.getDouble(i)) ? Double.NEGATIVE_INFINITY : -wp.getDouble(i))
              .thenComparing(key::get));
      for (int r = 0; r < rows.size(); r++) {
        ranks[rows.get(r)] = r + 1;
      }
    }
    for (int r : ranks) {
      rank.append(r);
    }
    out.addColumns(key);
    if (byWorkType) {
      out.addColumns(type);
    }
    out.addColumns(fc, ac, cp, fw, aw, wp, rank);
    return out;
  }

  /**
   * (forecast - actual) / forecast * 100, or NaN when the forecast is 0.
   *
   * @param forecast the forecast volume
   * @param actual the actual volume
   * @return the shortfall in percent
   */
  static double shortfallPercent(double forecast, double actual) {
    return forecast == 0 ? Double.NaN : (forecast - actual) / forecast * 100.0;
  }

  /** Orders (unit, work type) keys by unit, then work type. */
  static int compareKeys(List<String> a, List<String> b) {
    int c = a.get(0).compareTo(b.get(0));
    return c != 0 ? c : a.get(1).compareTo(b.get(1));
  }
}
