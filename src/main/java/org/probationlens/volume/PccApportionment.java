package org.probationlens.volume;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.probationlens.area.Geography;
import org.probationlens.area.Level;
import org.probationlens.period.ReportingPeriod;
import tech.tablesaw.api.Table;

/**
 * Each CPA's forecast split between its PCC areas, in proportion to each area's share of the CPA's
 * actual CRC volume (all work types) in a baseline period: the weighted share for the weighted
 * forecast, the count share for the count forecast. An assumption of the analysis, not a published
 * split: no forecast below CPA level was published (see {@link
 * VolumeVariance#apportioningForecastBy}).
 */
final class PccApportionment {

  private final Geography geography;
  private final ReportingPeriod baseline;

  /**
   * The apportionment over a geography's PCC areas.
   *
   * @param geography the PCC areas and their CPAs
   * @param baseline the period whose actual shares split the forecast
   */
  PccApportionment(Geography geography, ReportingPeriod baseline) {
    this.geography = geography;
    this.baseline = baseline;
  }

  /**
   * The base table by PCC area and work type: the apportioned forecast beside the actual volumes.
   *
   * @param forecast the period's forecast by (CPA, work type): {count, weighted}
   * @param actual the period's CRC volumes by (PCC area, work type): {count, weighted}
   * @param inBaseline the baseline's CRC volumes by (PCC area, work type): {count, weighted}
   * @return the base table keyed by {@code pcc_area}
   * @throws IllegalArgumentException naming PCC area codes in {@code actual} the geography lacks
   * @throws IllegalStateException naming CPAs with no CRC volume in the baseline
   */
  Table base(
      Map<List<String>, double[]> forecast,
      Map<List<String>, double[]> actual,
      Map<List<String>, double[]> inBaseline) {
    // Baseline shares: each area's CRC volume (all work types) over its CPA's.
    Map<String, double[]> areaTotals = new TreeMap<>();
    inBaseline.forEach(
        (k, v) -> {
          double[] t = areaTotals.computeIfAbsent(k.get(0), x -> new double[2]);
          t[0] += v[0];
          t[1] += v[1];
        });
    Map<String, double[]> cpaTotals = new TreeMap<>();
    Map<String, String> cpaOfArea = new TreeMap<>();
    geography
        .pccAreas()
        .forEach(
            area -> {
              cpaOfArea.put(area.code(), area.cpaCode());
              double[] t = areaTotals.getOrDefault(area.code(), new double[2]);
              double[] c = cpaTotals.computeIfAbsent(area.cpaCode(), x -> new double[2]);
              c[0] += t[0];
              c[1] += t[1];
            });
    TreeSet<String> unknown = new TreeSet<>();
    actual
        .keySet()
        .forEach(
            k -> {
              if (!cpaOfArea.containsKey(k.get(0))) {
                unknown.add(k.get(0));
              }
            });
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "cases have unknown pcc_area code(s) " + unknown + "; expected one of the 42 PCC areas");
    }
    Table out = ShortfallTables.emptyBase(Level.PCC_AREA.columnName());
    TreeSet<String> noBaseline = new TreeSet<>();
    for (Map.Entry<String, String> e : cpaOfArea.entrySet()) {
      String area = e.getKey();
      String cpa = e.getValue();
      double[] cpaTotal = cpaTotals.get(cpa);
      double[] areaTotal = areaTotals.getOrDefault(area, new double[2]);
      for (Map.Entry<List<String>, double[]> fe : forecast.entrySet()) {
        if (!fe.getKey().get(0).equals(cpa)) {
          continue;
        }
        if (cpaTotal[0] == 0 || cpaTotal[1] == 0) {
          noBaseline.add(cpa);
          continue;
        }
        String type = fe.getKey().get(1);
        double[] fv = {
          fe.getValue()[0] * areaTotal[0] / cpaTotal[0],
          fe.getValue()[1] * areaTotal[1] / cpaTotal[1]
        };
        ShortfallTables.appendBase(out, area, type, fv, actual.get(List.of(area, type)));
      }
    }
    if (!noBaseline.isEmpty()) {
      throw new IllegalStateException(
          "CPA(s) "
              + noBaseline
              + " have no CRC volume in the apportionment baseline "
              + baseline
              + ", so their forecast cannot be split between PCC areas; choose another baseline");
    }
    return out;
  }
}
