package org.probationlens.court;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** The reference tables this package added keep a source and a tag on every row. */
class CourtReferenceFilesTest {
  private static final Set<String> TAGS = Set.of("found", "secondary", "derived", "uncertain");

  @ParameterizedTest
  @CsvSource({"bank_holidays_england_wales.csv, 64", "court_published.csv, 8"})
  void everyRowKeepsItsSourceAndATag(String file, int rows) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/data/reference/" + file)) {
      Table t =
          Table.read()
              .usingOptions(
                  CsvReadOptions.builder(in).tableName(file).columnTypes(c -> ColumnType.STRING));
      assertEquals(rows, t.rowCount());
      for (Row r : t) {
        String where = file + " line " + (r.getRowNumber() + 2);
        assertFalse(r.getString("source").isBlank(), where);
        assertTrue(TAGS.contains(r.getString("tag")), where + ": tag " + r.getString("tag"));
      }
    }
  }
}
