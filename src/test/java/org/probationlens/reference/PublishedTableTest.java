package org.probationlens.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.DatasetValidationException;
import tech.tablesaw.api.Table;

/**
 * The tables shipped from {@code ../shared/reference/published_more.md}: a few cells of each
 * against the values read there (section cited beside each), their provenance, and bad rows.
 */
class PublishedTableTest {

  @ParameterizedTest
  @EnumSource(PublishedTable.class)
  void everyTableLoadsAsPublishedWithItsFileNamed(PublishedTable table) {
    LoadedDataset d = table.load();
    assertEquals(Provenance.Kind.PUBLISHED, d.provenance().kind());
    assertTrue(d.provenance().source().startsWith("data/reference/" + table.file()));
    assertTrue(d.table().rowCount() > 0);
    for (int i = 0; i < d.table().rowCount(); i++) {
      assertTrue(ReferenceTable.TAGS.contains(d.table().stringColumn("tag").get(i)));
      assertTrue(!d.table().stringColumn("source").get(i).isBlank(), table + " row " + i);
    }
  }

  @Test
  void npsServiceLevelsAreTheFortyPublishedValues() {
    // published_more.md D1: 5 measures x 8 quarters, Apr-Jun 17 to Jan-Mar 19;
    // SL003R Apr-Jun 17 = 93, SL014 Jan-Mar 18 = 94, SL004R Jul-Sep 18 = 100.
    Table t = PublishedTable.NPS_SERVICE_LEVELS.load().table();
    assertEquals(40, t.rowCount());
    assertEquals(93.0, percent(t, "NPS SL003R", "2017-Q2"));
    assertEquals(94.0, percent(t, "NPS SL014", "2018-Q1"));
    assertEquals(100.0, percent(t, "NPS SL004R", "2018-Q3"));
    assertEquals(97.0, percent(t, "NPS SL002", "2019-Q1"));
  }

  private static double percent(Table t, String code, String quarter) {
    for (int i = 0; i < t.rowCount(); i++) {
      if (t.stringColumn("measure_code").get(i).equals(code)
          && t.stringColumn("quarter").get(i).equals(quarter)) {
        return t.doubleColumn("percent").get(i);
      }
    }
    throw new AssertionError(code + " " + quarter + " missing");
  }

  @Test
  void victimLiaisonCaseloadsAndStaffing() {
    // published_more.md D6 (PQ 129248): London 278 -> 180, Wales 139 -> 229; VLOs 169 -> 189;
    // administrative posts 47 -> 76; budget GBP 8.0m -> 9.6m.
    PublishedTable v = PublishedTable.VICTIM_LIAISON;
    Table t = v.load().table();
    assertEquals(278, v.value(t, "vlo_caseload_N07_2016_11"));
    assertEquals(180, v.value(t, "vlo_caseload_N07_2017_11"));
    assertEquals(139, v.value(t, "vlo_caseload_N03_2016_11"));
    assertEquals(229, v.value(t, "vlo_caseload_N03_2017_11"));
    assertEquals(
        List.of(169.0, 189.0), List.of(v.value(t, "vlos_2014"), v.value(t, "vlos_answer")));
    assertEquals(76, v.value(t, "vcs_admin_answer"));
    assertEquals(9.6, v.value(t, "vcs_budget_answer"));
  }

  @Test
  void seriousFurtherOffences() {
    // published_more.md D8: SFO reviews 2011-12 = 441; CRC murder charges 2015-2018 = 225, NPS =
    // 142; 2013 SFO murder convictions 27 / 23 / 2 / 1 / 53.
    PublishedTable s = PublishedTable.SERIOUS_FURTHER_OFFENCES;
    Table t = s.load().table();
    assertEquals(441, s.value(t, "sfo_reviews_2011_12"));
    assertEquals(225, s.value(t, "murder_charges_crc_2015_2018"));
    assertEquals(142, s.value(t, "murder_charges_nps_2015_2018"));
    assertEquals(27, s.value(t, "sfo_murder_convictions_2013_community"));
    assertEquals(1, s.value(t, "sfo_murder_convictions_2013_ipp"));
    assertEquals(53, s.value(t, "sfo_murder_convictions_2013_total"));
  }

  @Test
  void workforceAndCuts() {
    // published_more.md D7: trusts 30 Jun 2010 19,335 FTE; NPS 30 Jun 2017 8,758; PSOs 31 Dec 2020
    // 2,675, -213 since 30 Sep 2020. D4: South Yorkshire CRC 184.6 (36%); Sodexo 600 / 450.
    PublishedTable w = PublishedTable.WORKFORCE;
    Table t = w.load().table();
    assertEquals(19335, w.value(t, "fte_trusts_2010"));
    assertEquals(8758, w.value(t, "fte_nps_2017"));
    assertEquals(2675, w.value(t, "pso_fte_2020_12"));
    assertEquals(-213, w.value(t, "pso_change_fte_since_2020_09"));
    PublishedTable c = PublishedTable.CRC_WORKFORCE_CUTS;
    Table cuts = c.load().table();
    int sy = c.row(cuts, "sy_planned_cut_2015_03");
    assertEquals("C09", cuts.stringColumn("crc_code").get(sy));
    assertEquals(184.6, cuts.doubleColumn("value").get(sy));
    assertEquals(36, cuts.doubleColumn("percent").get(sy));
    assertEquals(600, c.value(cuts, "sodexo_announced_2015"));
    assertEquals(450, c.value(cuts, "sodexo_after_negotiation"));
  }

  @Test
  void perCrcPaymentByResults() {
    // published_more.md D3: Northumbria 2011 binary 55.17%, frequency 5.15; Cumbria & Lancashire
    // baseline 49.9%, rate 41.7%.
    PublishedTable p = PublishedTable.CRC_PBR_FACTS;
    Table t = p.load().table();
    assertEquals(55.17, p.value(t, "northumbria_baseline_binary_2011"));
    assertEquals(5.15, p.value(t, "northumbria_baseline_frequency_2011"));
    assertEquals("C02", t.stringColumn("crc_code").get(p.row(t, "cl_binary_oct_dec_2015")));
    assertEquals(41.7, p.value(t, "cl_binary_oct_dec_2015"));
  }

  @Test
  void ownerListing() {
    // published_more.md D11: Napo 2018 lists Sodexo 6 ... People Plus 1, ARCC 1 (8 groups, 21 CRCs)
    Table t = PublishedTable.OWNER_LISTINGS.load().table();
    assertEquals(8, t.rowCount());
    assertEquals(21, t.intColumn("crcs").sum());
    assertEquals("People Plus", t.stringColumn("owner_as_published").get(6));
    assertEquals("EOS", t.stringColumn("owner_code").get(6));
  }

  @Test
  void aMalformedRowIsReportedWithFileLineColumnValueAndWhatWasExpected(@TempDir Path dir)
      throws IOException {
    Path f = dir.resolve("victim_liaison.csv");
    Files.writeString(
        f,
        "id,nps_division_code,period,measure,value_kind,value,unit,value_as_published,source,tag,note\n"
            + "a,N07,2016-11,caseload,point,278,cases,278,PQ 129248,found,\n"
            + "b,N09,2016-11,caseload,point,many,cases,278,PQ 129248,found,\n"
            + "c,N01,2016-11,caseload,point,,cases,?,PQ 129248,guessed,\n");
    DatasetValidationException e =
        assertThrows(DatasetValidationException.class, () -> PublishedTable.VICTIM_LIAISON.load(f));
    String m = e.getMessage();
    assertTrue(m.contains("victim_liaison.csv"), m);
    assertTrue(
        m.contains(
            "line 3, column 2 (nps_division_code): found \"N09\", expected one of N01, N02, N03,"
                + " N04, N05, N06, N07"),
        m);
    assertTrue(
        m.contains("line 3, column 6 (value): found \"many\", expected a decimal number"), m);
    assertTrue(
        m.contains(
            "line 4, column 10 (tag): found \"guessed\", expected one of found, secondary,"
                + " derived, uncertain"),
        m);
  }

  @Test
  void aNumberAskedOfAQualitativeRowIsALocatedError() {
    PublishedTable v = PublishedTable.VICTIM_LIAISON;
    Table t = v.load().table();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> v.value(t, "victims_database"));
    assertTrue(e.getMessage().contains("victim_liaison.csv"), e.getMessage());
    assertTrue(e.getMessage().contains("column value"), e.getMessage());
    IllegalStateException none =
        assertThrows(IllegalStateException.class, () -> v.value(t, "no_such_row"));
    assertTrue(none.getMessage().contains("no row with id 'no_such_row'"), none.getMessage());
  }

  @Test
  void aQuarterNotWrittenYyyyQnIsRefused(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("nps.csv");
    Files.writeString(
        f,
        "measure_code,geography,quarter,quarter_label,percent,source,tag\n"
            + "NPS SL001,England and Wales,Apr-Jun 17,Apr-Jun 17,100,x,found\n");
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class, () -> PublishedTable.NPS_SERVICE_LEVELS.load(f));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertTrue(e.getMessage().contains("yyyy-Qn"), e.getMessage());
    assertTrue(e.getMessage().contains("Apr-Jun 17"), e.getMessage());
  }
}
