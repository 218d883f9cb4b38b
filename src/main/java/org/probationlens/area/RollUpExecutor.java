package org.probationlens.area;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Carries out a {@link Geography#rollUp roll-up} once its direction and date are known to be
 * possible: checks the table's columns, maps each row's key to its parent, sums counts and averages
 * rates with weights per group, and reports every bad row and column together, located by the
 * table's row and column.
 */
final class RollUpExecutor {

  /** How many of a refused roll-up's problems its exception lists. */
  private static final int LISTED = 50;

  private RollUpExecutor() {}

  /**
   * Rolls {@code table} up from {@code from} to {@code to}, each key's parent given by {@code
   * parent} (which throws a {@link GeographyException} for a key it cannot place).
   */
  static Table rollUp(
      Table table,
      String keyColumn,
      Level from,
      Level to,
      RollUp spec,
      Function<String, String> parent) {
    List<Problem> problems = new ArrayList<>();
    requireColumn(table, keyColumn, false, problems);
    spec.kept().forEach(c -> requireColumn(table, c, false, problems));
    spec.sums().forEach(c -> requireColumn(table, c, true, problems));
    spec.means()
        .forEach(
            m -> {
              requireColumn(table, m.column(), true, problems);
              requireColumn(table, m.weightColumn(), true, problems);
            });
    if (!problems.isEmpty()) {
      throw refused(table, from, to, problems);
    }
    Map<List<String>, Accumulator> groups = new TreeMap<>(RollUpExecutor::compareKeys);
    int keyNumber = table.columnIndex(keyColumn) + 1;
    for (Row row : table) {
      String key = row.getString(keyColumn);
      String parentKey;
      try {
        parentKey = parent.apply(key);
      } catch (GeographyException e) {
        problems.add(
            Problem.inTable(
                table.name(),
                row.getRowNumber() + 1L,
                keyColumn,
                keyNumber,
                key,
                "a " + from + " code that rolls up to " + to + " (" + e.getMessage() + ")"));
        continue;
      }
      List<String> groupKey = new ArrayList<>();
      groupKey.add(parentKey);
      for (String k : spec.kept()) {
        groupKey.add(table.column(k).getString(row.getRowNumber()));
      }
      Accumulator acc =
          groups.computeIfAbsent(
              groupKey, k -> new Accumulator(spec.sums().size(), spec.means().size()));
      acc.add(table, row.getRowNumber(), spec, problems);
    }
    if (!problems.isEmpty()) {
      throw refused(table, from, to, problems);
    }
    return buildResult(table, to, spec, groups);
  }

  /** The roll-up's refusal of a table: its first {@value #LISTED} problems, in row order. */
  private static DatasetValidationException refused(
      Table table, Level from, Level to, List<Problem> problems) {
    int shown = Math.min(problems.size(), LISTED);
    return DatasetValidationException.inTable(
        table.name(),
        "nothing was rolled up from " + from + " to " + to,
        problems.subList(0, shown),
        problems.size() - shown);
  }

  private static Table buildResult(
      Table table, Level to, RollUp spec, Map<List<String>, Accumulator> groups) {
    Table out = Table.create(table.name() + " by " + to.columnName());
    StringColumn key = StringColumn.create(to.columnName());
    out.addColumns(key);
    List<StringColumn> kept = new ArrayList<>();
    for (String k : spec.kept()) {
      StringColumn c = StringColumn.create(k);
      kept.add(c);
      out.addColumns(c);
    }
    List<Column<?>> sums = new ArrayList<>();
    for (String s : spec.sums()) {
      ColumnType type = table.column(s).type();
      Column<?> c =
          (type == ColumnType.INTEGER || type == ColumnType.LONG || type == ColumnType.SHORT)
              ? LongColumn.create(s)
              : DoubleColumn.create(s);
      sums.add(c);
      out.addColumns(c);
    }
    List<DoubleColumn> means = new ArrayList<>();
    for (RollUp.WeightedMean m : spec.means()) {
      DoubleColumn c = DoubleColumn.create(m.column());
      means.add(c);
      out.addColumns(c);
    }
    for (Map.Entry<List<String>, Accumulator> e : groups.entrySet()) {
      key.append(e.getKey().get(0));
      for (int i = 0; i < kept.size(); i++) {
        kept.get(i).append(e.getKey().get(i + 1));
      }
      Accumulator acc = e.getValue();
      for (int i = 0; i < sums.size(); i++) {
        if (sums.get(i) instanceof LongColumn lc) {
          lc.append(Math.round(acc.sums[i]));
        } else {
          ((DoubleColumn) sums.get(i)).append(acc.sums[i]);
        }
      }
      for (int i = 0; i < means.size(); i++) {
        means.get(i).append(acc.weightedSums[i] / acc.weights[i]);
      }
    }
    return out;
  }

  /** Running sums for one group of a roll-up. */
  private static final class Accumulator {
    final double[] sums;
    final double[] weightedSums;
    final double[] weights;

    Accumulator(int sumCount, int meanCount) {
      sums = new double[sumCount];
      weightedSums = new double[meanCount];
      weights = new double[meanCount];
    }

    void add(Table table, int rowIndex, RollUp spec, List<Problem> problems) {
      for (int i = 0; i < spec.sums().size(); i++) {
        Double v = value(table, spec.sums().get(i), rowIndex, problems);
        if (v != null) {
          sums[i] += v;
        }
      }
      for (int i = 0; i < spec.means().size(); i++) {
        RollUp.WeightedMean m = spec.means().get(i);
        Double v = value(table, m.column(), rowIndex, problems);
        Double w = value(table, m.weightColumn(), rowIndex, problems);
        if (w != null && w < 0) {
          problems.add(
              Problem.inTable(
                  table.name(),
                  rowIndex + 1L,
                  m.weightColumn(),
                  table.columnIndex(m.weightColumn()) + 1,
                  String.valueOf(w),
                  "a weight >= 0"));
        } else if (v != null && w != null) {
          weightedSums[i] += v * w;
          weights[i] += w;
        }
      }
    }

    private static Double value(Table table, String column, int rowIndex, List<Problem> problems) {
      NumericColumn<?> c = table.numberColumn(column);
      if (c.isMissing(rowIndex)) {
        problems.add(
            Problem.inTable(
                table.name(),
                rowIndex + 1L,
                column,
                table.columnIndex(column) + 1,
                MISSING,
                "a number (a roll-up never treats a gap as 0)"));
        return null;
      }
      return c.getDouble(rowIndex);
    }
  }

  /** What a problem quotes as found for a missing value (a table cell has no text to quote). */
  private static final String MISSING = "a missing value";

  private static void requireColumn(
      Table table, String name, boolean numeric, List<Problem> problems) {
    if (!table.columnNames().contains(name)) {
      problems.add(
          Problem.inTable(
              table.name(),
              0,
              null,
              0,
              "columns " + table.columnNames(),
              "a column '" + name + "'"));
    } else if (numeric && !(table.column(name) instanceof NumericColumn)) {
      problems.add(columnOfType(table, name, "a numeric column"));
    } else if (!numeric && table.column(name).type() != ColumnType.STRING) {
      problems.add(columnOfType(table, name, "a string column of codes"));
    }
  }

  private static Problem columnOfType(Table table, String name, String expected) {
    return Problem.inTable(
        table.name(),
        0,
        name,
        table.columnIndex(name) + 1,
        table.column(name).type().name(),
        expected);
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
