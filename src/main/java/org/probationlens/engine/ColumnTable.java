package org.probationlens.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.probationlens.period.FinancialYear;
import org.threeten.extra.YearQuarter;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * An immutable table of case-level data held column by column in primitive arrays, ready for {@link
 * Aggregate}: categories (provider, area, work type) are dictionary-encoded as small integer codes,
 * dates are epoch days, numbers are {@code int} or {@code double}. Ten million cases fit in well
 * under a gigabyte.
 *
 * <p>Make one with {@link CaseCsv#read} (the fast path for {@code cases.csv}) or {@link
 * #fromTablesaw} (any Tablesaw table). The {@code with...} methods add derived columns, such as the
 * quarter a case started in or its duration in days, and return a new table that shares the
 * existing arrays. Missing values are not held: the adapter refuses them rather than guess.
 */
public final class ColumnTable {
  private final String name;
  private final int rows;
  private final Map<String, Col> columns;

  private ColumnTable(String name, int rows, Map<String, Col> columns) {
    this.name = name;
    this.rows = rows;
    this.columns = Collections.unmodifiableMap(columns);
  }

  static ColumnTable of(String name, List<Col> columns) {
    Objects.requireNonNull(name, "name");
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("table " + name + " needs at least one column");
    }
    int rows = columns.get(0).size();
    Map<String, Col> map = new LinkedHashMap<>();
    for (Col col : columns) {
      if (col.size() != rows) {
        throw new IllegalArgumentException(
            "column " + col.name + " has " + col.size() + " rows, expected " + rows);
      }
      if (map.put(col.name, col) != null) {
        throw new IllegalArgumentException("column " + col.name + " appears twice");
      }
    }
    return new ColumnTable(name, rows, map);
  }

  /**
   * Copies a Tablesaw table into primitive arrays. String columns become categories; integer, short
   * and long columns become whole numbers (a long outside the {@code int} range is refused); float
   * and double columns become decimals; date and boolean columns keep their type.
   *
   * @param table the table to copy, not null
   * @return the copy, named as the table
   * @throws IllegalArgumentException if a column holds a missing value (named with its row; in a
   *     string column, the empty string, Tablesaw's mark for missing) or has a type the engine does
   *     not hold (for example date-time)
   */
  public static ColumnTable fromTablesaw(Table table) {
    Objects.requireNonNull(table, "table");
    List<Col> cols = new ArrayList<>();
    int n = table.rowCount();
    for (Column<?> column : table.columns()) {
      String colName = column.name();
      if (!(column instanceof StringColumn)) {
        for (int i = 0; i < n; i++) {
          if (column.isMissing(i)) {
            throw missingValue(table, colName, i);
          }
        }
      }
      if (column instanceof StringColumn) {
        StringColumn strings = (StringColumn) column;
        Map<String, Integer> codes = new HashMap<>();
        List<String> dictionary = new ArrayList<>();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
          String value = strings.get(i);
          Integer code = codes.get(value);
          if (code == null) {
            // Tablesaw's missing string is "", tested by value once, where first seen: its
            // StringColumn.isMissing(int) misses one set with setMissing (0.44).
            if (value.isEmpty()) {
              throw missingValue(table, colName, i);
            }
            code = dictionary.size();
            codes.put(value, code);
            dictionary.add(value);
          }
          out[i] = code;
        }
        cols.add(new Col.Category(colName, out, dictionary.toArray(new String[0])));
      } else if (column instanceof DateColumn) {
        DateColumn dates = (DateColumn) column;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
          out[i] = Math.toIntExact(dates.get(i).toEpochDay());
        }
        cols.add(new Col.Days(colName, out));
      } else if (column instanceof BooleanColumn) {
        BooleanColumn flags = (BooleanColumn) column;
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
          out[i] = flags.get(i);
        }
        cols.add(new Col.Booleans(colName, out));
      } else if (column instanceof tech.tablesaw.api.IntColumn
          || column instanceof tech.tablesaw.api.ShortColumn
          || column instanceof tech.tablesaw.api.LongColumn) {
        NumericColumn<?> numbers = (NumericColumn<?>) column;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
          long value = (long) numbers.getDouble(i);
          if (value != (int) value) {
            throw new IllegalArgumentException(
                "table "
                    + table.name()
                    + ", column "
                    + colName
                    + ", row "
                    + (i + 1)
                    + ": "
                    + value
                    + " is outside the int range the engine holds");
          }
          out[i] = (int) value;
        }
        cols.add(Col.Ints.narrowest(colName, out));
      } else if (column instanceof NumericColumn) {
        NumericColumn<?> numbers = (NumericColumn<?>) column;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
          out[i] = numbers.getDouble(i);
        }
        cols.add(new Col.Doubles(colName, out));
      } else {
        throw new IllegalArgumentException(
            "table "
                + table.name()
                + ", column "
                + colName
                + ": type "
                + column.type()
                + " is not held by the engine (expected string, integer, decimal, date or"
                + " boolean)");
      }
    }
    if (cols.isEmpty()) {
      throw new IllegalArgumentException("table " + table.name() + " has no columns");
    }
    return of(table.name(), cols);
  }

  private static IllegalArgumentException missingValue(Table table, String column, int row) {
    return new IllegalArgumentException(
        "table "
            + table.name()
            + ", column "
            + column
            + ", row "
            + (row + 1)
            + ": missing value; the engine holds complete columns only");
  }

  /** Returns the table's name, e.g. {@code cases}. */
  public String name() {
    return name;
  }

  /** Returns the number of rows (cases). */
  public int rowCount() {
    return rows;
  }

  /** Returns the column names in order. */
  public List<String> columnNames() {
    return List.copyOf(columns.keySet());
  }

  /**
   * Returns the dictionary of a category column: its distinct values, in code order.
   *
   * @throws IllegalArgumentException if there is no such column or it is not a category
   */
  public List<String> categories(String column) {
    return category(column).values();
  }

  /**
   * Returns a table with one more whole-number column, the days from one date column to another
   * ({@code to - from}), e.g. the planned length of an order from {@code start_date} to {@code
   * end_date}. The column stores nothing: each row's days are computed from its dates when read.
   *
   * @param newName the new column's name, not already used
   * @param fromDate the earlier date column
   * @param toDate the later date column
   */
  public ColumnTable withDaysBetween(String newName, String fromDate, String toDate) {
    int[] from = days(fromDate).epochDays;
    int[] to = days(toDate).epochDays;
    return with(new Col.DayDifference(newName, to, from));
  }

  /**
   * Returns a table with one more category column that gives each row a coarser unit of one of its
   * categories, for example the NPS division of its PCC area or the owner of its CPA, so that a
   * query can group by it. The new column's values are {@code labels.get(value)} for each row's
   * value of {@code column}; its dictionary is the labels in sorted order.
   *
   * @param newName the new column's name, not already used
   * @param column a category column
   * @param labels the label of every value the column's dictionary holds, not null
   * @throws IllegalArgumentException naming the first value without a label
   */
  public ColumnTable withRelabelled(String newName, String column, Map<String, String> labels) {
    Objects.requireNonNull(labels, "labels");
    Col.Category source = category(column);
    String[] sourceValues = source.dictionary;
    java.util.TreeSet<String> distinct = new java.util.TreeSet<>();
    for (String value : sourceValues) {
      String label = labels.get(value);
      if (label == null) {
        throw new IllegalArgumentException(
            "no label for " + column + " value " + value + "; labels cover " + labels.keySet());
      }
      distinct.add(label);
    }
    String[] dictionary = distinct.toArray(new String[0]);
    int[] codeOf = new int[sourceValues.length];
    for (int i = 0; i < sourceValues.length; i++) {
      codeOf[i] = java.util.Arrays.binarySearch(dictionary, labels.get(sourceValues[i]));
    }
    if (dictionary.length <= Byte.MAX_VALUE) {
      byte[] codes = new byte[rows];
      for (int r = 0; r < rows; r++) {
        codes[r] = (byte) codeOf[source.code(r)];
      }
      return with(new Col.Category(newName, codes, dictionary));
    }
    int[] codes = new int[rows];
    for (int r = 0; r < rows; r++) {
      codes[r] = codeOf[source.code(r)];
    }
    return with(new Col.Category(newName, codes, dictionary));
  }

  /**
   * Returns a table with one more category column, the calendar quarter of a date column, labelled
   * as {@link YearQuarter#toString()} does ({@code 2015-Q2} for April to June 2015). The column
   * stores no codes: each row's quarter is looked up from its date when read.
   *
   * @param newName the new column's name, not already used
   * @param dateColumn the date column, e.g. {@code start_date}
   */
  public ColumnTable withQuarter(String newName, String dateColumn) {
    return withPeriod(newName, dateColumn, d -> YearQuarter.from(d).toString());
  }

  /**
   * Returns a table with one more category column, the UK financial year (1 April to 31 March) of a
   * date column, labelled {@code 2015-16} as in the published statistics and {@code forecast.csv}.
   *
   * @param newName the new column's name, not already used
   * @param dateColumn the date column, e.g. {@code start_date}
   */
  public ColumnTable withFinancialYear(String newName, String dateColumn) {
    return withPeriod(newName, dateColumn, d -> FinancialYear.containing(d).label());
  }

  private ColumnTable withPeriod(
      String newName, String dateColumn, java.util.function.Function<LocalDate, String> label) {
    Col.Days dates = days(dateColumn);
    int[] days = dates.epochDays;
    if (rows == 0) {
      return with(new Col.Category(newName, new int[0], new String[0]));
    }
    int min = dates.range()[0];
    int max = dates.range()[1];
    // One label per day in [min, max]; dictionary in chronological order. No codes are stored:
    // the new column looks each row's code up from its date when it is read.
    int span = max - min + 1;
    int[] codeOfDay = new int[span];
    List<String> dictionary = new ArrayList<>();
    String last = null;
    for (int d = 0; d < span; d++) {
      String text = label.apply(LocalDate.ofEpochDay((long) min + d));
      if (!text.equals(last)) {
        dictionary.add(text);
        last = text;
      }
      codeOfDay[d] = dictionary.size() - 1;
    }
    return with(
        Col.Category.ofDays(newName, dictionary.toArray(new String[0]), days, min, codeOfDay));
  }

  /**
   * Copies the table into a Tablesaw table: categories become string columns, whole numbers int
   * columns, decimals double columns, dates date columns, flags boolean columns, text string
   * columns.
   */
  public Table toTablesaw() {
    Table table = Table.create(name);
    for (Col col : columns.values()) {
      if (col instanceof Col.Category) {
        Col.Category cat = (Col.Category) col;
        StringColumn out = StringColumn.create(col.name);
        for (int i = 0; i < rows; i++) {
          out.append(cat.dictionary[cat.code(i)]);
        }
        table.addColumns(out);
      } else if (col instanceof Col.Ints) {
        table.addColumns(IntColumn.create(col.name, ((Col.Ints) col).toIntArray()));
      } else if (col instanceof Col.DayDifference) {
        table.addColumns(IntColumn.create(col.name, ((Col.DayDifference) col).materialize()));
      } else if (col instanceof Col.Doubles) {
        table.addColumns(DoubleColumn.create(col.name, ((Col.Doubles) col).values));
      } else if (col instanceof Col.Days) {
        Col.Days d = (Col.Days) col;
        DateColumn out = DateColumn.create(col.name);
        for (int i = 0; i < rows; i++) {
          out.append(d.date(i));
        }
        table.addColumns(out);
      } else if (col instanceof Col.Booleans) {
        BooleanColumn out = BooleanColumn.create(col.name, ((Col.Booleans) col).values);
        table.addColumns(out);
      } else {
        Col.Text text = (Col.Text) col;
        StringColumn out = StringColumn.create(col.name);
        for (int i = 0; i < rows; i++) {
          out.append(text.get(i));
        }
        table.addColumns(out);
      }
    }
    return table;
  }

  @Override
  public String toString() {
    return "ColumnTable "
        + name
        + " ("
        + rows
        + " rows: "
        + String.join(", ", columns.keySet())
        + ")";
  }

  ColumnTable with(Col col) {
    if (columns.containsKey(col.name)) {
      throw new IllegalArgumentException(
          "table " + name + " already has a column named " + col.name);
    }
    List<Col> all = new ArrayList<>(columns.values());
    all.add(col);
    return of(name, all);
  }

  /**
   * Returns one column to read cell by cell, for a writer of another file format.
   *
   * @param column the column's name, not null
   * @return its cells, not null
   * @throws IllegalArgumentException if the table has no such column
   */
  public ColumnCells cells(String column) {
    return new ColumnCells(column(column));
  }

  Col column(String column) {
    Objects.requireNonNull(column, "column");
    Col col = columns.get(column);
    if (col == null) {
      throw new IllegalArgumentException(
          "table " + name + " has no column \"" + column + "\"; it has " + columns.keySet());
    }
    return col;
  }

  Col.Category category(String column) {
    Col col = column(column);
    if (!(col instanceof Col.Category)) {
      throw new IllegalArgumentException(
          "column " + column + " is a " + col.kind() + " column, expected a category column");
    }
    return (Col.Category) col;
  }

  Col.Days days(String column) {
    Col col = column(column);
    if (!(col instanceof Col.Days)) {
      throw new IllegalArgumentException(
          "column " + column + " is a " + col.kind() + " column, expected a date column");
    }
    return (Col.Days) col;
  }
}
