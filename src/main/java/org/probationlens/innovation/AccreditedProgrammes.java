package org.probationlens.innovation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.probationlens.data.ProviderType;
import org.probationlens.data.WorkType;
import org.probationlens.engine.Aggregate;
import org.probationlens.engine.ColumnTable;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.ResultTable;
import org.probationlens.provenance.Sources;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import org.probationlens.stats.Proportion;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

/**
 * Tried-and-tested interventions over time: accredited programme starts as a share of community and
 * suspended sentence orders, by calendar quarter. The Chief Inspector found tried-and-tested
 * interventions deployed less often than before the reforms; this measures it from case-level data
 * (the synthetic {@code cases.csv}, or a user's own in the same layout).
 *
 * <p>The counting runs on the aggregation engine ({@link org.probationlens.engine.Aggregate}): the
 * orders' provider, start date and flag are checked, copied into a {@link
 * org.probationlens.engine.ColumnTable} with the quarter derived from the start date, and counted
 * by quarter, and by quarter and provider, in two aggregations.
 */
public final class AccreditedProgrammes {

  /**
   * The work types counted as orders: the court orders, community orders and suspended sentence
   * orders ({@link WorkType#isCourtOrder()}). Unmodifiable.
   */
  public static final Set<String> ORDER_WORK_TYPES =
      Arrays.stream(WorkType.values())
          .filter(WorkType::isCourtOrder)
          .map(WorkType::name)
          .collect(Collectors.toUnmodifiableSet());

  /** The provider types a case may have, as an error message lists them: {@code NPS | CRC}. */
  private static final String PROVIDER_CODES = String.join(" | ", ProviderType.codes());

  private AccreditedProgrammes() {}

  /**
   * The share of orders with an accredited programme by quarter, as {@link #shareByQuarter(Table)},
   * carrying the provenance of the loaded cases.
   *
   * @param cases the cases as loaded by {@link org.probationlens.data.CaseRecords}, not null
   * @return the shares with their sources, not null
   */
  public static ResultTable shareByQuarter(LoadedDataset cases) {
    Objects.requireNonNull(cases, "cases");
    return ResultTable.of(
        "Accredited programme starts as a share of orders started, by quarter (95% Wilson"
            + " interval)",
        shareByQuarter(cases.table()), Sources.of(cases));
  }

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
   * @throws DatasetValidationException locating a bad cell (the table's row and column, with its
   *     value) or a missing column, as a {@link Problem} of the table
   */
  public static Table shareByQuarter(Table cases) {
    Objects.requireNonNull(cases, "cases");
    for (String c :
        new String[] {"start_date", "work_type", "provider_type", "accredited_programme"}) {
      if (!cases.columnNames().contains(c)) {
        throw noColumn(cases, c);
      }
    }
    Column<?> start = cases.column("start_date");
    Column<?> work = cases.column("work_type");
    Column<?> provider = cases.column("provider_type");
    Column<?> programme = cases.column("accredited_programme");
    Selection isOrder = text(work).isIn(ORDER_WORK_TYPES);
    int[] rows = isOrder.toArray();
    // The orders' cells typed for the engine, dates and flags parsed from text where need be. A
    // cell that is missing or does not parse is left missing here and reported below.
    DateColumn dates;
    if (start instanceof DateColumn d) {
      dates = d.where(isOrder);
    } else {
      dates = DateColumn.create("start_date");
      for (int r : rows) {
        dates.append(dateOrNull(start, r));
      }
    }
    BooleanColumn flags;
    if (programme instanceof BooleanColumn b) {
      flags = b.where(isOrder);
    } else {
      flags = BooleanColumn.create("accredited_programme");
      for (int r : rows) {
        Boolean flag = boolOrNull(programme, r);
        if (flag == null) {
          flags.appendMissing();
        } else {
          flags.append(flag);
        }
      }
    }
    StringColumn providers = text(provider).where(isOrder);
    Selection bad =
        dates.isMissing().or(flags.isMissing()).or(providers.isNotIn(ProviderType.codes()));
    if (!bad.isEmpty()) {
      // The first order with a bad cell; its date, flag and provider checked in that order.
      int r = rows[bad.get(0)];
      requireDate(cases, start, r);
      requireFlag(cases, programme, r);
      throw bad(cases, "provider_type", r, String.valueOf(provider.get(r)), PROVIDER_CODES);
    }
    ColumnTable orders =
        ColumnTable.fromTablesaw(Table.create(cases.name(), providers, dates, flags))
            .withQuarter("quarter", "start_date");
    Aggregate counts =
        Aggregate.of(orders)
            .count()
            .as("orders")
            .sum("accredited_programme")
            .as("programme_starts");
    return shares(counts.by("quarter").run(), counts.by("quarter", "provider_type").run());
  }

  /**
   * As {@link #shareByQuarter(Table)}, from orders already counted by start date and provider, for
   * example by Spark over cases that do not fit one machine: the quarters, the ALL rows and the
   * intervals are made here, as for case-level data.
   *
   * @param daily one row per start date and provider: {@code start_date} (date), {@code
   *     provider_type} (NPS or CRC), {@code orders} and {@code programme_starts} (whole numbers),
   *     counting only orders (work types {@link #ORDER_WORK_TYPES}); no missing values; not null
   * @return as {@link #shareByQuarter(Table)}
   * @throws DatasetValidationException naming a missing column, as a {@link Problem} of the table
   * @throws IllegalArgumentException naming a missing value
   */
  public static Table shareByQuarterFromDailyCounts(Table daily) {
    Objects.requireNonNull(daily, "daily");
    for (String c : new String[] {"start_date", "provider_type", "orders", "programme_starts"}) {
      if (!daily.columnNames().contains(c)) {
        throw noColumn(daily, c);
      }
    }
    Aggregate counts =
        Aggregate.of(ColumnTable.fromTablesaw(daily).withQuarter("quarter", "start_date"))
            .sum("orders")
            .as("orders")
            .sum("programme_starts")
            .as("programme_starts");
    return shares(counts.by("quarter").run(), counts.by("quarter", "provider_type").run());
  }

  /** The result table from counts by quarter, and by quarter and provider. */
  private static Table shares(Table all, Table byProvider) {
    Table out =
        Table.create(
            "accredited programme starts as a share of orders, by quarter",
            StringColumn.create("quarter"),
            StringColumn.create("provider_type"),
            IntColumn.create("orders"),
            IntColumn.create("programme_starts"),
            DoubleColumn.create("share"),
            DoubleColumn.create("lower"),
            DoubleColumn.create("upper"));
    // Both results are sorted by quarter: each quarter's ALL row, then its providers' rows.
    StringColumn quarterOfAll = all.stringColumn("quarter");
    StringColumn quarterOfProvider = byProvider.stringColumn("quarter");
    int next = 0;
    for (int i = 0; i < all.rowCount(); i++) {
      String q = quarterOfAll.get(i);
      appendShare(out, q, "ALL", all, i);
      for (; next < byProvider.rowCount() && quarterOfProvider.get(next).equals(q); next++) {
        appendShare(out, q, byProvider.stringColumn("provider_type").get(next), byProvider, next);
      }
    }
    return out;
  }

  /** Appends one row: a quarter's orders and programme starts, and the share with its interval. */
  private static void appendShare(
      Table out, String quarter, String provider, Table counts, int row) {
    int orders = (int) Math.round(counts.numberColumn("orders").getDouble(row));
    int starts = (int) Math.round(counts.numberColumn("programme_starts").getDouble(row));
    Proportion p = Proportion.wilson(starts, orders, 0.95);
    out.stringColumn("quarter").append(quarter);
    out.stringColumn("provider_type").append(provider);
    out.intColumn("orders").append(orders);
    out.intColumn("programme_starts").append(starts);
    out.doubleColumn("share").append(p.estimate());
    out.doubleColumn("lower").append(p.lower());
    out.doubleColumn("upper").append(p.upper());
  }

  /** A column's values as text: itself if it is a string column, else each value's string. */
  private static StringColumn text(Column<?> c) {
    if (c instanceof StringColumn s) {
      return s;
    }
    StringColumn out = StringColumn.create(c.name());
    for (int r = 0; r < c.size(); r++) {
      out.append(String.valueOf(c.get(r)));
    }
    return out;
  }

  /** A start date, or null when the cell is missing or not a date. */
  private static LocalDate dateOrNull(Column<?> c, int r) {
    if (c.isMissing(r)) {
      return null;
    }
    if (c.type() == ColumnType.LOCAL_DATE) {
      return (LocalDate) c.get(r);
    }
    try {
      return LocalDate.parse(String.valueOf(c.get(r)));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static void requireDate(Table t, Column<?> c, int r) {
    if (dateOrNull(c, r) == null) {
      throw bad(
          t,
          "start_date",
          r,
          c.isMissing(r) ? "" : String.valueOf(c.get(r)),
          "a date (yyyy-MM-dd)");
    }
  }

  /** A flag, or null when the cell is missing or neither true nor false. */
  private static Boolean boolOrNull(Column<?> c, int r) {
    if (c.isMissing(r)) {
      return null;
    }
    Object v = c.get(r);
    if (v instanceof Boolean b) {
      return b;
    }
    return switch (String.valueOf(v)) {
      case "true" -> true;
      case "false" -> false;
      default -> null;
    };
  }

  private static void requireFlag(Table t, Column<?> c, int r) {
    if (boolOrNull(c, r) == null) {
      throw bad(
          t,
          "accredited_programme",
          r,
          c.isMissing(r) ? "" : String.valueOf(c.get(r)),
          "true | false");
    }
  }

  /** What a refused table did not give. */
  private static final String OUTCOME = "no shares were computed";

  /** The refusal of a table for one problem, located at its row and column ({@link Problem}). */
  private static DatasetValidationException bad(
      Table t, String column, int row, String value, String expected) {
    return DatasetValidationException.inTable(
        t.name(),
        OUTCOME,
        List.of(
            Problem.inTable(
                t.name(), row + 1L, column, t.columnIndex(column) + 1, value, expected)),
        0);
  }

  /** The refusal of a table without a column it needs: a problem with its columns (row 0). */
  private static DatasetValidationException noColumn(Table t, String column) {
    return DatasetValidationException.inTable(
        t.name(),
        OUTCOME,
        List.of(
            Problem.inTable(
                t.name(),
                0,
                null,
                0,
                "no column '" + column + "'",
                "a column '" + column + "' (the table's columns are " + t.columnNames() + ")")),
        0);
  }
}
