package org.probationlens.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * The people-and-partners reference tables: every row has a source and a known tag, and every
 * registry figure that does not repeat {@code volumes_finance.csv} repeats exactly one row of them
 * (or of {@code pbr_reoffending.csv}): same value, source and tag.
 */
class PeopleReferenceTest {

  private static final List<String> TABLES =
      List.of("staff_surveys.csv", "caseloads.csv", "third_sector.csv", "victim_contact.csv");

  /** The registry's PbR figures and the pbr_reoffending.csv row (cohort, measure) each repeats. */
  private static final Map<String, List<String>> PBR =
      Map.of(
          "pbr_binary_change_to_mar_2017",
          List.of("to Mar 2017", "change in proportion of reoffenders since 2011", "-2.5 ppt"),
          "pbr_frequency_change_to_mar_2017",
          List.of("to Mar 2017", "change in reoffences per reoffender", "+22%"),
          "pbr_crcs_significant_reductions_to_mar_2017",
          List.of("to Mar 2017", "CRCs consistently achieving significant reductions", "6 of 21"));

  @Test
  void everyRowHasASourceAndAKnownTag() throws IOException {
    Set<String> tags = Set.of("found", "secondary", "derived", "uncertain");
    for (String file : TABLES) {
      Table t = ReferenceTablesTest.read(file);
      assertTrue(t.rowCount() > 0, file);
      Set<String> ids = new HashSet<>();
      for (Row r : t) {
        assertTrue(tags.contains(r.getString("tag")), file + " " + r.getString("id"));
        assertFalse(r.getString("source").isBlank(), file + " " + r.getString("id"));
        assertTrue(ids.add(r.getString("id")), file + " repeats id " + r.getString("id"));
      }
    }
  }

  @Test
  void registryFiguresRepeatTheirRowWithTheSameValueSourceAndTag() throws IOException {
    Table registry = ReferenceTablesTest.read("published_figures.csv");
    // the registry rows these tables repeat (others, such as the HMIP rating totals, have their
    // own tests); the count at the end keeps this from passing on an empty set
    java.util.Set<String> repeated = new java.util.HashSet<>(PBR.keySet());
    for (String file : TABLES) {
      Table t = ReferenceTablesTest.read(file);
      if (t.columnNames().contains("registry_id")) {
        t.stringColumn("registry_id").forEach(repeated::add);
      }
    }
    int matched = 0;
    for (Row f : registry) {
      if (!f.getString("volumes_finance_metric").isEmpty()
          || !repeated.contains(f.getString("id"))) {
        continue;
      }
      String id = f.getString("id");
      if (PBR.containsKey(id)) {
        List<String> key = PBR.get(id);
        Table pbr = ReferenceTablesTest.read("pbr_reoffending.csv");
        Table m =
            pbr.where(
                pbr.stringColumn("cohort")
                    .isEqualTo(key.get(0))
                    .and(pbr.stringColumn("measure").isEqualTo(key.get(1))));
        assertEquals(1, m.rowCount(), id);
        assertEquals(key.get(2), m.row(0).getString("value"), id);
        assertEquals(m.row(0).getString("source"), f.getString("source"), id);
        assertEquals(m.row(0).getString("tag"), f.getString("tag"), id);
        matched++;
        continue;
      }
      int found = 0;
      for (String file : TABLES) {
        Table t = ReferenceTablesTest.read(file);
        if (!t.columnNames().contains("registry_id")) {
          continue;
        }
        for (Row r : t) {
          if (!r.getString("registry_id").equals(id)) {
            continue;
          }
          found++;
          String value =
              t.columnNames().contains("percent") ? r.getString("percent") : r.getString("value");
          String published =
              f.getString("kind").equals("lower_bound") ? f.getString("low") : f.getString("high");
          assertEquals(Double.parseDouble(value), Double.parseDouble(published), 1e-12, id);
          assertEquals(r.getString("source"), f.getString("source"), id);
          assertEquals(r.getString("tag"), f.getString("tag"), id);
          String kind = r.getString("value_kind");
          assertEquals(
              kind.equals("lower_bound") ? "lower_bound" : "point", f.getString("kind"), id);
        }
      }
      assertEquals(1, found, id + " must repeat exactly one row of " + TABLES);
      matched++;
    }
    assertEquals(7, matched, "the seven figures notebook 07 and the PbR record check");
  }

  @Test
  void everyRegistryIdNamedInATableIsInTheRegistry() throws IOException {
    Table registry = ReferenceTablesTest.read("published_figures.csv");
    Set<String> ids = new HashSet<>(registry.stringColumn("id").asList());
    for (String file : TABLES) {
      Table t = ReferenceTablesTest.read(file);
      if (t.columnNames().contains("registry_id")) {
        for (Row r : t) {
          String id = r.getString("registry_id");
          assertTrue(id.isEmpty() || ids.contains(id), file + " names unknown figure " + id);
        }
      }
    }
  }

  @Test
  void theLondonFigureIsALowerBoundOfAFifth() {
    PublishedFigure f = PublishedFigures.standard().figure("london_victims_not_offered_vcs_2019");
    assertEquals(PublishedFigure.Kind.LOWER_BOUND, f.kind());
    assertEquals(20.0, f.low());
    assertTrue(Double.isNaN(f.high()));
    assertEquals("more than 20 percent", f.valueText());
    assertTrue(
        PublishedFigures.standard()
            .check(f.id(), 25.0, Sources.assumed("a computed share of 25%"))
            .pass());
    assertFalse(
        PublishedFigures.standard()
            .check(f.id(), 19.9, Sources.assumed("a computed share of 19.9%"))
            .pass());
  }
}
