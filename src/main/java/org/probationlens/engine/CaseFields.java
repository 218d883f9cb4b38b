package org.probationlens.engine;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.probationlens.read.ColumnSpec;
import org.probationlens.read.Rule;

/**
 * The 13 columns of {@code cases.csv} as the fast reader checks them, made once from {@link
 * CaseCsv#SCHEMA}: each column's code dictionary, position, expected text and range, and the
 * schema's cross-column rules in its order. The scanner ({@link SegmentParser}), the checked reader
 * ({@link CheckedReader}), the rule table ({@link CaseRules}, {@link RuleTable}) and the row view
 * ({@link CaseRow}) all read them from here.
 */
final class CaseFields {
  private CaseFields() {}

  static final CodeTable PROVIDER_TYPE = new CodeTable(CaseCsv.PROVIDER_TYPES);
  static final CodeTable PROVIDER_CODE = new CodeTable(CaseCsv.PROVIDER_CODES);
  static final CodeTable AREA = new CodeTable(CaseCsv.PCC_AREAS);
  static final CodeTable WORK_TYPE = new CodeTable(CaseCsv.WORK_TYPES);
  static final CodeTable TERMINATION = new CodeTable(CaseCsv.TERMINATION_REASONS);
  static final int FIELDS = 13;
  static final ColumnSpec[] SPECS = CaseCsv.SCHEMA.columns().toArray(ColumnSpec[]::new);
  static final List<Rule> RULES = CaseCsv.SCHEMA.rules();
  static final Map<String, Integer> POSITION = positions();
  static final String[] INTERNED =
      java.util.Arrays.stream(CaseCsv.COLUMNS).map(String::intern).toArray(String[]::new);

  /** Epoch days 0 to this (exclusive) have a LocalDate made once, and memoized rule verdicts. */
  static final int DAYS_KEPT = 30_000;

  private static Map<String, Integer> positions() {
    Map<String, Integer> map = new HashMap<>();
    for (int f = 0; f < FIELDS; f++) {
      map.put(CaseCsv.COLUMNS[f], f);
    }
    return Map.copyOf(map);
  }

  /** Each column's expected text, made once: building it per row would cost more than parsing. */
  static final String[] EXPECTED = new String[FIELDS];

  static final long[] MIN_INTEGER = new long[FIELDS];
  static final long[] MAX_INTEGER = new long[FIELDS];
  static final long[] MIN_DAY = new long[FIELDS];
  static final long[] MAX_DAY = new long[FIELDS];

  static {
    if (SPECS.length != FIELDS) {
      throw new IllegalStateException(
          "the fast reader parses 13 columns; the schema has " + SPECS.length);
    }
    for (int f = 0; f < FIELDS; f++) {
      EXPECTED[f] = SPECS[f].expected();
      MIN_INTEGER[f] = SPECS[f].minInteger();
      MAX_INTEGER[f] = SPECS[f].maxInteger();
      if (SPECS[f].minDate() != null) {
        MIN_DAY[f] =
            SPECS[f].minDate().equals(LocalDate.MIN)
                ? Long.MIN_VALUE
                : SPECS[f].minDate().toEpochDay();
        MAX_DAY[f] =
            SPECS[f].maxDate().equals(LocalDate.MAX)
                ? Long.MAX_VALUE
                : SPECS[f].maxDate().toEpochDay();
      }
    }
  }

  static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };
}
