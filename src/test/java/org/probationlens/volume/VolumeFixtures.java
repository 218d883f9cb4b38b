package org.probationlens.volume;

import java.time.LocalDate;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Small hand-made tables in the shared case-level and forecast contracts. */
final class VolumeFixtures {
  private VolumeFixtures() {}

  /**
   * Cases: C07 (Cheshire CHS, Greater Manchester MCG) and C17 (London LDN).
   *
   * <pre>
   * id  type  code area work start       weight
   * 1   CRC   C07  CHS  CO   2014-07-01  1     baseline 2014-15
   * 2   CRC   C07  MCG  LIC  2014-08-01  3     baseline 2014-15
   * 3   CRC   C17  LDN  CO   2014-09-01  2     baseline 2014-15
   * 4   CRC   C07  CHS  CO   2015-05-01  2     2015-16, Q1
   * 5   CRC   C07  MCG  CO   2015-06-01  2     2015-16, Q1
   * 6   CRC   C07  MCG  CO   2016-03-31  3     2015-16
   * 7   CRC   C07  MCG  LIC  2015-12-01  5     2015-16
   * 8   NPS   N01  MCG  CO   2015-07-01  9     NPS: never counted
   * 9   CRC   C17  LDN  CO   2015-10-10  3     2015-16
   * 10  CRC   C07  MCG  CO   2016-04-01  4     2016-17
   * </pre>
   */
  static Table cases() {
    String[][] rows = {
      {"K1", "CRC", "C07", "CHS", "CO", "2014-07-01", "1"},
      {"K2", "CRC", "C07", "MCG", "LIC", "2014-08-01", "3"},
      {"K3", "CRC", "C17", "LDN", "CO", "2014-09-01", "2"},
      {"K4", "CRC", "C07", "CHS", "CO", "2015-05-01", "2"},
      {"K5", "CRC", "C07", "MCG", "CO", "2015-06-01", "2"},
      {"K6", "CRC", "C07", "MCG", "CO", "2016-03-31", "3"},
      {"K7", "CRC", "C07", "MCG", "LIC", "2015-12-01", "5"},
      {"K8", "NPS", "N01", "MCG", "CO", "2015-07-01", "9"},
      {"K9", "CRC", "C17", "LDN", "CO", "2015-10-10", "3"},
      {"K10", "CRC", "C07", "MCG", "CO", "2016-04-01", "4"},
    };
    Table t = Table.create("cases");
    StringColumn id = StringColumn.create("case_id");
    StringColumn type = StringColumn.create("provider_type");
    StringColumn code = StringColumn.create("provider_code");
    StringColumn area = StringColumn.create("pcc_area");
    StringColumn work = StringColumn.create("work_type");
    DateColumn start = DateColumn.create("start_date");
    DoubleColumn weight = DoubleColumn.create("weight");
    for (String[] r : rows) {
      id.append(r[0]);
      type.append(r[1]);
      code.append(r[2]);
      area.append(r[3]);
      work.append(r[4]);
      start.append(LocalDate.parse(r[5]));
      weight.append(Double.parseDouble(r[6]));
    }
    t.addColumns(id, type, code, area, work, start, weight);
    return t;
  }

  /** Forecast for 2014-15 and 2015-16: C07 CO 4 / 10.0, LIC 2 / 10.0; C17 CO 2 / 4.0. */
  static Table forecast() {
    Table t = Table.create("forecast");
    StringColumn cpa = StringColumn.create("cpa_code");
    StringColumn fy = StringColumn.create("financial_year");
    StringColumn work = StringColumn.create("work_type");
    IntColumn count = IntColumn.create("forecast_count");
    DoubleColumn weighted = DoubleColumn.create("forecast_weighted");
    for (String year : new String[] {"2014-15", "2015-16"}) {
      Object[][] rows = {{"C07", "CO", 4, 10.0}, {"C07", "LIC", 2, 10.0}, {"C17", "CO", 2, 4.0}};
      for (Object[] r : rows) {
        cpa.append((String) r[0]);
        fy.append(year);
        work.append((String) r[1]);
        count.append((Integer) r[2]);
        weighted.append((Double) r[3]);
      }
    }
    t.addColumns(cpa, fy, work, count, weighted);
    return t;
  }
}
