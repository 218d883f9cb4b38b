package org.probationlens.volume;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.probationlens.engine.Aggregate;
import org.probationlens.engine.ColumnCells;
import org.probationlens.engine.ColumnTable;
import org.probationlens.engine.Filter;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import org.probationlens.stats.CellKeyMethod;
import org.probationlens.stats.RecordKeys;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

/**
 * The CRC starts of cases held in memory, counted by the aggregation engine ({@link Aggregate}):
 * what {@link VolumeVariance#of(Table, Table)} and {@link VolumeVariance#of(ColumnTable, Table)}
 * count with. The case columns a query needs are copied into the engine's primitive arrays on first
 * use and then kept: one copy per analysis made by {@link VolumeVariance#of}, shared by every copy
 * that the {@code with...} methods make. The engine holds complete columns only, so rows with a
 * missing value in one of these columns are left out of the copy; those run by a CRC are listed, to
 * be reported or counted here (rows of other providers are never counted).
 */
final class EngineStarts implements CrcStarts {

  /** The case columns the engine copies. */
  static final List<String> COLUMNS =
      List.of(
          "provider_type",
          "provider_code",
          "pcc_area",
          VolumeVariance.WORK_TYPE,
          "start_date",
          "weight");

  /** A day no case starts on, for the zero-row probe of {@link #check}. */
  private static final LocalDate NO_CASE_DAY = LocalDate.of(1900, 1, 1);

  private static final String WORK_TYPE = VolumeVariance.WORK_TYPE;

  /**
   * The engine's copy, the CRC rows it leaves out (0-based rows of the given table), and the rows
   * of the given table that the copy keeps, in order (null when it keeps every row).
   */
  private record Loaded(ColumnTable complete, int[] incompleteCrcRows, int[] keptRows) {}

  /** The record key of each row of the engine's copy, made on the first keyed query. */
  private volatile int[] completeKeys;

  /** The keys, made with {@link #completeKeys}. */
  private volatile RecordKeys recordKeys;

  /**
   * The cases as given to {@link VolumeVariance#of(Table, Table)}; null when held by the engine.
   */
  private final Table cases;

  private volatile Loaded loaded;

  /**
   * Cases in a Tablesaw table, copied on first use.
   *
   * @param cases the cases, their columns already checked
   */
  EngineStarts(Table cases) {
    this.cases = cases;
  }

  /**
   * Cases the engine already holds: nothing to copy and, the engine's columns being complete,
   * nothing incomplete.
   *
   * @param held the cases, their columns already checked
   */
  EngineStarts(ColumnTable held) {
    this.cases = null;
    this.loaded = new Loaded(held, new int[0], null);
  }

  /**
   * Checks that cases held by the engine have the columns a query needs, of the right kinds.
   *
   * @param cases the cases
   * @param problems where each problem found is added, located at the column
   */
  static void check(ColumnTable cases, List<Problem> problems) {
    List<String> have = cases.columnNames();
    int before = problems.size();
    for (String c : COLUMNS) {
      if (!have.contains(c)) {
        problems.add(VolumeInputs.noColumn(have, VolumeInputs.CASES, c));
      }
    }
    if (problems.size() > before) {
      return;
    }
    for (String c : List.of("provider_type", "provider_code", "pcc_area", WORK_TYPE)) {
      try {
        cases.categories(c);
      } catch (IllegalArgumentException e) {
        problems.add(ofKind(have, c, e, "a category column"));
      }
    }
    // The engine's own checks name the column and its kind; zero-row probes run them, the date
    // first, then the weight.
    try {
      Aggregate.of(cases)
          .where(Filter.between("start_date", NO_CASE_DAY, NO_CASE_DAY))
          .count()
          .run();
    } catch (IllegalArgumentException e) {
      problems.add(ofKind(have, "start_date", e, "a date column"));
      return;
    }
    try {
      Aggregate.of(cases)
          .where(Filter.between("start_date", NO_CASE_DAY, NO_CASE_DAY))
          .sum("weight")
          .run();
    } catch (IllegalArgumentException e) {
      problems.add(ofKind(have, "weight", e, "a whole-number, decimal or boolean column"));
    }
  }

  /** A column of the wrong kind: found is the engine's own account of it. */
  private static Problem ofKind(
      List<String> have, String column, IllegalArgumentException e, String expected) {
    return Problem.inTable(
        VolumeInputs.CASES, 0, column, have.indexOf(column) + 1, e.getMessage(), expected);
  }

  @Override
  public List<Sums> count(Query query) {
    List<Sums> out = new ArrayList<>();
    sums(query).forEach((k, v) -> out.add(new Sums(k.get(0), k.get(1), (long) v[0], v[1])));
    return out;
  }

  /**
   * The sums for one question, keyed by (unit, work type): {count, weight}. The analysis reads
   * these directly, so that the weights of cases passed as a bare table are summed as given (a
   * {@link Sums} refuses a negative sum, which such a table could hold).
   *
   * @param query which cases count and how they are grouped
   * @return the sums in key order
   * @throws DatasetValidationException locating the first row, in table order, of a CRC case this
   *     query counts that has no start date, or no weight, unit or work type
   */
  Map<List<String>, double[]> sums(Query query) {
    String keyColumn = query.unitColumn();
    Loaded l = loaded();
    // The cases the engine does not hold first, in row order, so that the first bad row in the
    // table is the one reported, as a pass over every row would.
    List<Integer> countedAside = incompleteCounted(l.incompleteCrcRows(), query);
    Map<List<String>, double[]> out = new TreeMap<>(ShortfallTables::compareKeys);
    ColumnTable complete = l.complete();
    if (complete.categories("provider_type").contains(Query.PROVIDER_TYPE)) {
      Table sums =
          Aggregate.of(complete)
              .where(Filter.equalTo("provider_type", Query.PROVIDER_TYPE))
              .where(Filter.between("start_date", query.firstStart(), query.lastStart()))
              .by(keyColumn, WORK_TYPE)
              .count()
              .sum("weight")
              .run();
      StringColumn key = sums.stringColumn(keyColumn);
      StringColumn type = sums.stringColumn(WORK_TYPE);
      IntColumn count = sums.intColumn("count");
      DoubleColumn weight = sums.doubleColumn("sum_weight");
      for (int i = 0; i < sums.rowCount(); i++) {
        out.put(
            List.of(key.get(i), type.get(i)), new double[] {count.getInt(i), weight.getDouble(i)});
      }
    }
    if (countedAside.isEmpty()) {
      return out;
    }
    StringColumn key = cases.stringColumn(keyColumn);
    StringColumn type = cases.stringColumn(WORK_TYPE);
    NumericColumn<?> weight = cases.numberColumn("weight");
    for (int row : countedAside) {
      double[] v = out.computeIfAbsent(List.of(key.get(row), type.get(row)), k -> new double[2]);
      v[0] += 1;
      v[1] += weight.getDouble(row);
    }
    return out;
  }

  /**
   * The sums for one question with the sum of the counted cases' record keys as a third figure:
   * {count, weight, key sum}, for the {@link CellKeyMethod}. The keys come from {@code case_id}
   * ({@link RecordKeys#standard()}), so the same cases give the same key sum in every query.
   *
   * @param query which cases count and how they are grouped
   * @return the sums in key order
   * @throws IllegalStateException if the cases have no {@code case_id} to key them by
   */
  Map<List<String>, double[]> keyedSums(Query query) {
    Map<List<String>, double[]> plain = sums(query);
    Map<List<String>, double[]> out = new TreeMap<>(ShortfallTables::compareKeys);
    // the same arrays by unit, then work type: looked up per counted row without a key to allocate
    Map<String, Map<String, double[]>> byUnit = new HashMap<>();
    plain.forEach(
        (k, v) -> {
          double[] keyed = {v[0], v[1], 0};
          out.put(k, keyed);
          byUnit.computeIfAbsent(k.get(0), u -> new HashMap<>()).put(k.get(1), keyed);
        });
    Loaded l = loaded();
    int[] keys = completeKeys(l);
    ColumnTable complete = l.complete();
    if (complete.rowCount() > 0
        && complete.categories("provider_type").contains(Query.PROVIDER_TYPE)) {
      ColumnCells type = complete.cells("provider_type");
      ColumnCells start = complete.cells("start_date");
      ColumnCells unit = complete.cells(query.unitColumn());
      ColumnCells work = complete.cells(WORK_TYPE);
      long first = query.firstStart().toEpochDay();
      long last = query.lastStart().toEpochDay();
      for (int i = 0; i < complete.rowCount(); i++) {
        int day = start.epochDay(i);
        if (day < first || day > last || !Query.PROVIDER_TYPE.equals(type.text(i))) {
          continue;
        }
        byUnit.get(unit.text(i)).get(work.text(i))[2] += keys[i];
      }
    }
    List<Integer> aside = incompleteCounted(l.incompleteCrcRows(), query);
    if (!aside.isEmpty()) {
      StringColumn ids = cases.stringColumn("case_id");
      StringColumn unit = cases.stringColumn(query.unitColumn());
      StringColumn work = cases.stringColumn(WORK_TYPE);
      for (int row : aside) {
        byUnit.get(unit.get(row)).get(work.get(row))[2] += recordKeys.key(ids.get(row));
      }
    }
    return out;
  }

  /** The record key of each row of the engine's copy, made once. */
  private int[] completeKeys(Loaded l) {
    int[] k = completeKeys;
    if (k != null) {
      return k;
    }
    synchronized (this) {
      if (completeKeys != null) {
        return completeKeys;
      }
      List<String> ids = caseIds(l);
      RecordKeys keys = RecordKeys.standard();
      int rows = l.complete().rowCount();
      k = new int[rows];
      for (int i = 0; i < rows; i++) {
        int source = l.keptRows() == null ? i : l.keptRows()[i];
        k[i] = keys.key(ids.get(source));
      }
      recordKeys = keys;
      completeKeys = k;
      return k;
    }
  }

  /** Every case id, in the order of the table given (or of the engine's copy it holds). */
  private List<String> caseIds(Loaded l) {
    if (cases != null) {
      if (!cases.containsColumn("case_id") || !(cases.column("case_id") instanceof StringColumn)) {
        throw new IllegalStateException(
            "these cases have no text column case_id, which the cell key method needs to give each"
                + " case its record key; counts of official-sensitive cases are not shown without"
                + " it (columns: "
                + cases.columnNames()
                + ")");
      }
      return cases.stringColumn("case_id").asList();
    }
    ColumnTable held = l.complete();
    if (!held.columnNames().contains("case_id")) {
      throw new IllegalStateException(
          "the engine's cases have no case_id column, which the cell key method needs to give each"
              + " case its record key; counts of official-sensitive cases are not shown without it"
              + " (columns: "
              + held.columnNames()
              + ")");
    }
    ColumnCells ids = held.cells("case_id");
    List<String> out = new ArrayList<>(held.rowCount());
    for (int i = 0; i < held.rowCount(); i++) {
      out.add(ids.text(i));
    }
    return out;
  }

  /**
   * The engine's copy of the cases (the rows complete in the columns used), made on first use.
   *
   * @return the copy
   */
  ColumnTable engineCopy() {
    return loaded().complete();
  }

  /**
   * Checks the CRC cases the engine does not hold (a value missing in a column it needs) against a
   * query, in row order: a case without a start date fails every query; a case started in the
   * query's dates fails if it has no weight, or no value in the key column or work type; the others
   * in its dates are counted by the caller (their gap is in the key column this query does not
   * use).
   *
   * @return the rows (0-based) to count besides the engine's
   */
  private List<Integer> incompleteCounted(int[] rows, Query query) {
    List<Integer> counted = new ArrayList<>();
    if (rows.length == 0) {
      return counted;
    }
    DateColumn start = cases.dateColumn("start_date");
    NumericColumn<?> weight = cases.numberColumn("weight");
    for (int row : rows) {
      if (start.isMissing(row)) {
        throw missing(row, "start_date", "a date");
      }
      LocalDate day = start.get(row);
      if (day.isBefore(query.firstStart()) || day.isAfter(query.lastStart())) {
        continue;
      }
      if (weight.isMissing(row)) {
        throw missing(row, "weight", "a number >= 0");
      }
      for (String column : List.of(query.unitColumn(), WORK_TYPE)) {
        // Tablesaw marks a missing string as "", but StringColumn.isMissing(int) does not always
        // see one set with setMissing (0.44): test the value, as isMissing() selections do.
        if (cases.stringColumn(column).get(row).isEmpty()) {
          throw missing(row, column, "a code");
        }
      }
      counted.add(row);
    }
    return counted;
  }

  /** The refusal of a case's missing value, located at its row and column of the cases. */
  private DatasetValidationException missing(int row, String column, String expected) {
    return VolumeInputs.badCell(
        VolumeInputs.CASES,
        row,
        column,
        cases.columnIndex(column) + 1,
        VolumeInputs.MISSING,
        expected);
  }

  private Loaded loaded() {
    Loaded l = loaded;
    if (l == null) {
      synchronized (this) {
        l = loaded;
        if (l == null) {
          l = load();
          loaded = l;
        }
      }
    }
    return l;
  }

  private Loaded load() {
    List<Column<?>> columns = new ArrayList<>();
    Selection incomplete = null;
    for (String name : COLUMNS) {
      Column<?> column = cases.column(name);
      incomplete = incomplete == null ? column.isMissing() : incomplete.or(column.isMissing());
      if (name.equals("weight") && !(column instanceof DoubleColumn)) {
        // Summed as doubles, as before; the engine would refuse a long beyond the int range.
        column = ((NumericColumn<?>) column).asDoubleColumn().setName(name);
      }
      columns.add(column);
    }
    Table needed = Table.create(cases.name(), columns);
    if (!incomplete.isEmpty()) {
      needed = needed.dropWhere(incomplete);
    }
    StringColumn providerType = cases.stringColumn("provider_type");
    int[] crc =
        Arrays.stream(incomplete.toArray())
            .filter(row -> Query.PROVIDER_TYPE.equals(providerType.get(row)))
            .toArray();
    int[] kept =
        incomplete.isEmpty()
            ? null
            : Selection.withRange(0, cases.rowCount()).andNot(incomplete).toArray();
    return new Loaded(ColumnTable.fromTablesaw(needed), crc, kept);
  }
}
