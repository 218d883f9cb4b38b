package org.probationlens.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Checks the published tables in data/reference against the totals that the sources themselves
 * publish (so each table is checked against an independent figure, not against itself).
 */
class ReferenceTablesTest {

  private static final Set<String> TAGS = Set.of("found", "secondary", "derived", "uncertain");

  static Table read(String file) throws IOException {
    try (InputStream in =
        ReferenceTablesTest.class.getResourceAsStream("/data/reference/" + file)) {
      return Table.read()
          .usingOptions(
              CsvReadOptions.builder(in).tableName(file).columnTypes(c -> ColumnType.STRING));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pcc_areas.csv",
        "cpas.csv",
        "owners.csv",
        "cpa_ownership.csv",
        "nps_divisions.csv",
        "hmip_ratings.csv",
        "crc_service_levels.csv",
        "crc_service_levels_national_quarterly.csv",
        "volumes_finance.csv",
        "pbr_reoffending.csv",
        "published_figures.csv"
      })
  void everyRowKeepsItsSourceAndATag(String file) throws IOException {
    Table t = read(file);
    assertTrue(t.rowCount() > 0, file);
    for (Row r : t) {
      assertFalse(r.getString("source").isBlank(), file + " row " + (r.getRowNumber() + 1));
      assertTrue(
          TAGS.contains(r.getString("tag")),
          file + " row " + (r.getRowNumber() + 1) + ": tag '" + r.getString("tag") + "'");
    }
  }

  @Test
  void hmipRatings2018To19MatchThePublishedSummary() throws IOException {
    // HMIP summary report, Oct 2019 (PR 2019/10/ic1): all 28 providers; 0 Outstanding, 6 Good
    // (5 NPS + 1 CRC), 21 Requires improvement (19 CRC + 2 NPS), 1 Inadequate (a CRC).
    Table t = read("hmip_ratings.csv");
    Table cycle = t.where(t.stringColumn("cycle").isEqualTo("2018-19"));
    assertEquals(28, cycle.rowCount());
    assertEquals(28, cycle.stringColumn("provider_code").countUnique());
    Map<String, Integer> counts = new TreeMap<>();
    for (Row r : cycle) {
      counts.merge(
          r.getString("overall_rating") + "/" + r.getString("provider_type"), 1, Integer::sum);
    }
    assertEquals(
        Map.of(
            "Good/NPS", 5,
            "Good/CRC", 1,
            "Requires improvement/CRC", 19,
            "Requires improvement/NPS", 2,
            "Inadequate/CRC", 1),
        counts);
  }

  @Test
  void breachReferralSeriesHasTheNinePublishedQuarters() throws IOException {
    // data.justice.gov.uk CRC SCH9 AE: Apr-Jun 2017 86.6% ... Apr-Jun 2019 92.1%.
    Table t = read("crc_service_levels_national_quarterly.csv");
    Table ae = t.where(t.stringColumn("measure_code").isEqualTo("CRC SCH9 AE"));
    assertEquals(9, ae.rowCount());
    assertEquals("2017-Q2", ae.stringColumn("quarter").get(0));
    assertEquals("86.6", ae.stringColumn("percent").get(0));
    assertEquals("2019-Q2", ae.stringColumn("quarter").get(8));
    assertEquals("92.1", ae.stringColumn("percent").get(8));
  }

  @Test
  void theSixToThirtySixPercentShortfallIsRecordedAsFound() throws IOException {
    Table t = read("volumes_finance.csv");
    Row r =
        t.where(t.stringColumn("metric").isEqualTo("CRC case volumes lower than MoJ predicted"))
            .row(0);
    assertEquals(
        List.of("range", "6", "36", "found"),
        List.of(
            r.getString("value_kind"),
            r.getString("low"),
            r.getString("high"),
            r.getString("tag")));
  }
}
