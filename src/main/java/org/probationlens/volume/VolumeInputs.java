package org.probationlens.volume;

import java.util.List;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * How {@link VolumeVariance} refuses the tables it is given: each problem a {@link Problem} located
 * in the table ({@link Problem#inTable}), the table named by its part in the analysis ({@value
 * #CASES} or {@value #FORECAST}), a row by its 1-based number, the table's columns by row 0.
 */
final class VolumeInputs {

  /** The name problems give the case table. */
  static final String CASES = "cases";

  /** The name problems give the forecast table. */
  static final String FORECAST = "forecast";

  /** What a refused analysis did not do. */
  static final String OUTCOME = "no volumes were compared with forecast";

  /** What a problem quotes as found for a missing value (a table cell has no text to quote). */
  static final String MISSING = "a missing value";

  private VolumeInputs() {}

  /**
   * Checks that a table has a column of a type.
   *
   * @param t the table
   * @param name the table's part in the analysis
   * @param column the column's name
   * @param type its type
   * @param problems where a problem found is added
   */
  static void requireType(
      Table t, String name, String column, ColumnType type, List<Problem> problems) {
    if (!t.columnNames().contains(column)) {
      problems.add(noColumn(t.columnNames(), name, column));
    } else if (t.column(column).type() != type) {
      problems.add(ofType(t, name, column, "a " + type + " column"));
    }
  }

  /**
   * Checks that a table has a numeric column.
   *
   * @param t the table
   * @param name the table's part in the analysis
   * @param column the column's name
   * @param problems where a problem found is added
   */
  static void requireNumeric(Table t, String name, String column, List<Problem> problems) {
    if (!t.columnNames().contains(column)) {
      problems.add(noColumn(t.columnNames(), name, column));
    } else if (!(t.column(column) instanceof NumericColumn)) {
      problems.add(ofType(t, name, column, "a numeric column"));
    }
  }

  /**
   * Checks the forecast's columns: {@code cpa_code, financial_year, work_type} (string), {@code
   * forecast_count, forecast_weighted} (number).
   *
   * @param forecast the table
   * @param problems where each problem found is added
   */
  static void requireForecastColumns(Table forecast, List<Problem> problems) {
    for (String c : List.of("cpa_code", "financial_year", VolumeVariance.WORK_TYPE)) {
      requireType(forecast, FORECAST, c, ColumnType.STRING, problems);
    }
    requireNumeric(forecast, FORECAST, VolumeVariance.FORECAST_COUNT, problems);
    requireNumeric(forecast, FORECAST, VolumeVariance.FORECAST_WEIGHTED, problems);
  }

  /**
   * A column the table lacks: a problem with the table's columns (row 0). The columns it has are
   * given in full with what was expected, since a message quotes only the start of what was found.
   *
   * @param have the table's columns
   * @param name the table's part in the analysis
   * @param column the column it needs
   * @return the problem
   */
  static Problem noColumn(List<String> have, String name, String column) {
    return Problem.inTable(
        name,
        0,
        null,
        0,
        "no column '" + column + "'",
        "a column '" + column + "' (the table's columns are " + have + ")");
  }

  private static Problem ofType(Table t, String name, String column, String expected) {
    return Problem.inTable(
        name, 0, column, t.columnIndex(column) + 1, t.column(column).type().name(), expected);
  }

  /**
   * Throws the problems found, if any, headed by the table of the first.
   *
   * @param problems the problems, in table order
   * @throws DatasetValidationException listing them all, when there are any
   */
  static void refuseIfAny(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw DatasetValidationException.inTable(problems.get(0).file(), OUTCOME, problems, 0);
    }
  }

  /**
   * The refusal of one bad cell.
   *
   * @param name the table's part in the analysis
   * @param row the 0-based row
   * @param column the column's name
   * @param columnNumber its 1-based position among the table's columns
   * @param value what was found
   * @param expected what was expected
   * @return the exception to throw
   */
  static DatasetValidationException badCell(
      String name, int row, String column, int columnNumber, String value, String expected) {
    return DatasetValidationException.inTable(
        name,
        OUTCOME,
        List.of(Problem.inTable(name, row + 1L, column, columnNumber, value, expected)),
        0);
  }
}
