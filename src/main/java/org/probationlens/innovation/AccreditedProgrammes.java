package org.probationlens.innovation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.probationlens.stats.Proportion;
import org.threeten.extra.YearQuarter;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tried-and-tested interventions over time: accredited programme starts as a share of community and
 * suspended sentence orders, by calendar quarter. The Chief Inspector found tried-and-tested
 * interventions deployed less often than before the reforms; this measures it from case-level data
 * (the synthetic {@code cases.csv}, or a user's own in the same layout).
 */
public final class AccreditedProgrammes {

  /** The work types counted as orders: community orders and suspended sentence orders. */
  public static final Set<String> ORDER_WORK_TYPES = Set.of("CO", "SSO");

  private AccreditedProgrammes() {}

  /**
   * The share of orders (CO and SSO starts) with an accredited programme, by calendar quarter of
   * the start date, for all providers and for NPS and CRC separately.
   *
   * <p>Columns: {@code quarter} (for example {@code "2015-Q2"}), {@code provider_type} ({@code
   * ALL}, {@code CRC} or {@code NPS}), {@code orders}, {@code programme_starts}, {@code share}.
   * Rows in quarter order, {@code ALL} first in each quarter. Cases of other work types are not
   * orders and are not counted.
   *
   * @param cases case-level data with at least the columns {@code start_date} (date, or ISO text),
   *     {@code work_type}, {@code provider_type} and {@code accredited_programme} (boolean, or
   *     {@code true}/{@code false}); not null
   * @return a new table, not null
   * @throws IllegalArgumentException naming the column, row and value of a bad cell, or a missing
   *     column
   */
  public static Table shareByQuarter(Table cases) {
    Objects.requireNonNull(cases, "cases");
    for (String c :
        new String[] {"start_date", "work_type", "provider_type", "accredited_programme"}) {
      if (!cases.columnNames().contains(c)) {
        throw new IllegalArgumentException(
            "table '" + cases.name() + "': missing column " + c + "; found " + cases.columnNames());
      }
    }
    Column<?> start = cases.column("start_date");
    Column<?> work = cases.column("work_type");
    Column<?> provider = cases.column("provider_type");
    Column<?> programme = cases.column("accredited_programme");
    Map<YearQuarter, Map<String, int[]>> counts = new TreeMap<>();
    for (int r = 0; r < cases.rowCount(); r++) {
      String wt = String.valueOf(work.get(r));
      if (!ORDER_WORK_TYPES.contains(wt)) {
        continue;
      }
      LocalDate date = date(cases, start, r);
      boolean ap = bool(cases, programme, r);
      String pt = String.valueOf(provider.get(r));
      if (!pt.equals("NPS") && !pt.equals("CRC")) {
        throw bad(cases, "provider_type", r, pt, "NPS | CRC");
      }
      Map<String, int[]> q = counts.computeIfAbsent(YearQuarter.from(date), k -> new TreeMap<>());
      for (String key : new String[] {"ALL", pt}) {
        int[] c = q.computeIfAbsent(key, k -> new int[2]);
        c[0]++;
        if (ap) {
          c[1]++;
        }
      }
    }
    StringColumn quarter = StringColumn.create("quarter");
    StringColumn type = StringColumn.create("provider_type");
    IntColumn orders = IntColumn.create("orders");
    IntColumn starts = IntColumn.create("programme_starts");
    DoubleColumn share = DoubleColumn.create("share");
    DoubleColumn lower = DoubleColumn.create("lower");
    DoubleColumn upper = DoubleColumn.create("upper");
    counts.forEach(
        (q, byType) ->
            byType.forEach(
                (t, c) -> {
                  quarter.append(q.toString());
                  type.append(t);
                  orders.append(c[0]);
                  starts.append(c[1]);
                  Proportion p = Proportion.wilson(c[1], c[0], 0.95);
                  share.append(p.estimate());
                  lower.append(p.lower());
                  upper.append(p.upper());
                }));
    return Table.create(
        "accredited programme starts as a share of orders, by quarter",
        quarter,
        type,
        orders,
        starts,
        share,
        lower,
        upper);
  }

  private static LocalDate date(Table t, Column<?> c, int r) {
    if (c.isMissing(r)) {
      throw bad(t, "start_date", r, "", "a date (yyyy-MM-dd)");
    }
    if (c.type() == ColumnType.LOCAL_DATE) {
      return (LocalDate) c.get(r);
    }
    String v = String.valueOf(c.get(r));
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw bad(t, "start_date", r, v, "a date (yyyy-MM-dd)");
    }
  }

  private static boolean bool(Table t, Column<?> c, int r) {
    if (c.isMissing(r)) {
      throw bad(t, "accredited_programme", r, "", "true | false");
    }
    Object v = c.get(r);
    if (v instanceof Boolean b) {
      return b;
    }
    String s = String.valueOf(v);
    return switch (s) {
      case "true" -> true;
      case "false" -> false;
      default -> throw bad(t, "accredited_programme", r, s, "true | false");
    };
  }

  private static IllegalArgumentException bad(
      Table t, String column, int row, String value, String expected) {
    return new IllegalArgumentException(
        "table '"
            + t.name()
            + "': row "
            + (row + 1)
            + ": column "
            + column
            + ": value '"
            + value
            + "': expected "
            + expected);
  }
}
