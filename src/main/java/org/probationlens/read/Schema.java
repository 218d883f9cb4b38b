package org.probationlens.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The agreed layout of one dataset's CSV file: how many note rows come before the header, the
 * columns in order with their types and allowed values, the primary key, and the rules that span
 * columns. For example {@code CaseRecords.schema()} describes {@code cases.csv}, one row per order
 * or licence started.
 *
 * <p>Immutable; built with {@link #builder(String)}.
 */
public final class Schema {

  private final String name;
  private final int noteRows;
  private final List<ColumnSpec> columns;
  private final Map<String, ColumnSpec> byName;
  private final List<String> primaryKey;
  private final List<Rule> rules;
  private final List<String> complete;

  private Schema(Builder builder) {
    this.name = builder.name;
    this.noteRows = builder.noteRows;
    this.columns = List.copyOf(builder.columns);
    this.primaryKey = List.copyOf(builder.primaryKey);
    this.rules = List.copyOf(builder.rules);
    this.complete = List.copyOf(builder.complete);
    Map<String, ColumnSpec> map = new LinkedHashMap<>();
    Set<String> tableNames = new HashSet<>();
    for (ColumnSpec column : columns) {
      if (map.put(column.name(), column) != null) {
        throw new IllegalArgumentException(
            "schema " + name + ": column \"" + column.name() + "\" is declared twice");
      }
      tableNames.add(column.name());
    }
    for (ColumnSpec column : columns) {
      if (!column.missingMarkers().isEmpty() && !tableNames.add(column.markerColumnName())) {
        throw new IllegalArgumentException(
            "schema "
                + name
                + ": marker column \""
                + column.markerColumnName()
                + "\" clashes with another column");
      }
    }
    this.byName = map;
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("schema " + name + ": no columns");
    }
    if (new HashSet<>(primaryKey).size() != primaryKey.size()) {
      throw new IllegalArgumentException(
          "schema " + name + ": primary key " + primaryKey + " repeats a column");
    }
    for (String key : primaryKey) {
      requireColumn(key, "primary key");
    }
    for (Rule rule : rules) {
      for (String read : rule.reads()) {
        requireColumn(read, "rule \"" + rule + "\"");
      }
    }
    for (String column : complete) {
      requireColumn(column, "completeness");
    }
  }

  private void requireColumn(String column, String usedBy) {
    if (!byName.containsKey(column)) {
      throw new IllegalArgumentException(
          "schema "
              + name
              + ": "
              + usedBy
              + " names column \""
              + column
              + "\", which is not one of "
              + ColumnSpec.names(columns));
    }
  }

  /**
   * A layout of text columns in a fixed order, each allowed to be blank: for a reference table
   * whose reader checks each value's meaning itself (the geography, bank holidays, published
   * figures), so that it still reads the file the one way (UTF-8, RFC 4180, the header exactly, no
   * stray spaces) and gets located problems for the file's form.
   *
   * @param name the table's short name
   * @param columns the header's column names, in order
   * @return the schema
   */
  public static Schema text(String name, List<String> columns) {
    return builder(name)
        .columns(
            columns.stream().map(c -> ColumnSpec.text(c).optional()).toArray(ColumnSpec[]::new))
        .build();
  }

  /**
   * Starts a schema.
   *
   * @param name the dataset's short name, used as the loaded table's name, e.g. {@code cases}
   * @return a new builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * The dataset's short name; the loaded table carries it.
   *
   * @return the name, not null
   */
  public String name() {
    return name;
  }

  /**
   * How many note rows (titles, footnotes) come before the header and are skipped unread.
   *
   * @return the count, at least 0
   */
  public int noteRows() {
    return noteRows;
  }

  /**
   * The columns in the order the header lists them.
   *
   * @return an unmodifiable list, not empty
   */
  public List<ColumnSpec> columns() {
    return columns;
  }

  /**
   * The header line a file of this layout starts with: the column names in order, separated by
   * commas, for example {@code case_id,provider_type,...,weight} for the case records.
   *
   * @return the header, without a line end, not null
   */
  public String header() {
    return String.join(",", ColumnSpec.names(columns));
  }

  /**
   * One column by its exact header name.
   *
   * @param name the header name, not null
   * @return the column
   * @throws IllegalArgumentException when there is no such column, naming those there are
   */
  public ColumnSpec column(String name) {
    requireColumn(name, "a look-up");
    return byName.get(name);
  }

  /**
   * The columns whose values together identify a row; no two rows may share them.
   *
   * @return an unmodifiable list, empty when the dataset has no key
   */
  public List<String> primaryKey() {
    return primaryKey;
  }

  /**
   * The rules that span columns.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * The columns over which the file must be complete: every combination of the values the file has
   * in these columns must have a row (a forecast covering CPA C01 and work type PSS in some year
   * must have that CPA's PSS row in every year it covers). Checked after the last row; a missing
   * row is located at the gap where it belongs in key order.
   *
   * @return an unmodifiable list, empty when completeness is not required
   */
  public List<String> complete() {
    return complete;
  }

  /** Returns the name and column names. */
  @Override
  public String toString() {
    return name + ColumnSpec.names(columns);
  }

  /** Collects a schema's parts; {@link #build()} checks they fit together. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private int noteRows;
    private final List<ColumnSpec> columns = new ArrayList<>();
    private final List<String> primaryKey = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<String> complete = new ArrayList<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("schema name is blank");
      }
    }

    /**
     * Sets how many note rows come before the header (default 0).
     *
     * @param count the count, at least 0
     * @return this builder
     */
    public Builder noteRows(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("noteRows must be >= 0, was " + count);
      }
      this.noteRows = count;
      return this;
    }

    /**
     * Adds columns, in header order.
     *
     * @param specs the columns, not null
     * @return this builder
     */
    public Builder columns(ColumnSpec... specs) {
      for (ColumnSpec spec : specs) {
        columns.add(Objects.requireNonNull(spec, "column"));
      }
      return this;
    }

    /**
     * Sets the primary key columns.
     *
     * @param names the key's column names, in order
     * @return this builder
     */
    public Builder primaryKey(String... names) {
      primaryKey.clear();
      for (String key : names) {
        primaryKey.add(Objects.requireNonNull(key, "primary key column"));
      }
      return this;
    }

    /**
     * Adds rules that span columns.
     *
     * @param added the rules, not null
     * @return this builder
     */
    public Builder rules(Rule... added) {
      for (Rule rule : added) {
        rules.add(Objects.requireNonNull(rule, "rule"));
      }
      return this;
    }

    /**
     * Requires a row for every combination of the values the file has in these columns; see {@link
     * Schema#complete()}.
     *
     * @param names the columns, at least two
     * @return this builder
     */
    public Builder complete(String... names) {
      if (names.length < 2) {
        throw new IllegalArgumentException("completeness needs at least two columns");
      }
      complete.clear();
      for (String column : names) {
        complete.add(Objects.requireNonNull(column, "complete column"));
      }
      return this;
    }

    /**
     * Builds the schema.
     *
     * @return the schema
     * @throws IllegalArgumentException when columns repeat, or a key or rule names a missing column
     */
    public Schema build() {
      return new Schema(this);
    }
  }
}
