package org.probationlens.read;

import java.time.LocalDate;
import java.util.Map;
import org.threeten.extra.YearQuarter;

/** The loader's {@link ParsedRow}: the row's parsed values by column position. */
final class ArrayRow implements ParsedRow {

  private final Map<String, Integer> positions;
  private final Object[] values;

  ArrayRow(Map<String, Integer> positions, Object[] values) {
    this.positions = positions;
    this.values = values;
  }

  private Object value(String column, Class<?> type) {
    Integer position = positions.get(column);
    if (position == null) {
      throw new IllegalArgumentException("no column named \"" + column + "\" in this schema");
    }
    Object value = values[position];
    if (value == null || value == ColumnSpec.INVALID) {
      throw new IllegalStateException(
          "column \"" + column + "\" has no valid value here; declare it among the rule's reads");
    }
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          "column \""
              + column
              + "\" holds "
              + value.getClass().getSimpleName()
              + ", not "
              + type.getSimpleName());
    }
    return value;
  }

  @Override
  public String text(String column) {
    return (String) value(column, String.class);
  }

  @Override
  public int integer(String column) {
    return (Integer) value(column, Integer.class);
  }

  @Override
  public double decimal(String column) {
    return (Double) value(column, Double.class);
  }

  @Override
  public boolean bool(String column) {
    return (Boolean) value(column, Boolean.class);
  }

  @Override
  public LocalDate date(String column) {
    return (LocalDate) value(column, LocalDate.class);
  }

  @Override
  public YearQuarter quarter(String column) {
    return (YearQuarter) value(column, YearQuarter.class);
  }
}
