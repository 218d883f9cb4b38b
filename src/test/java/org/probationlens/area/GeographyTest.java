package org.probationlens.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import org.probationlens.read.Sha256;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Expected values come from ../shared/reference/facts.md section 1, which cites the nDelius code
 * lists, NAO 2016/2017/2019 and HMIP press releases.
 */
class GeographyTest {

  private final Geography geo = Geography.standard();

  @Test
  void fortyTwoAreasMapOntoTwentyOneContractPackageAreas() {
    assertEquals(42, geo.pccAreas().size());
    assertEquals(21, geo.cpas().size());
    assertEquals(7, geo.npsDivisions().size());
    assertEquals(8, geo.owners().size());
    // facts.md: "Counts by CPA: BeNCH 4; Wales 4; BGSW 3; DLNR 3; HLNY 3; KSS 3; CGM 2; C&L 2;
    // DDC 2; DTV 2; N&S 2; SWM 2; WWM 2; and 1 each for the other eight. The total is 42."
    Map<String, Long> areasPerCpa =
        geo.pccAreas().stream()
            .collect(Collectors.groupingBy(PccArea::cpaCode, TreeMap::new, Collectors.counting()));
    Map<String, Long> expected = new TreeMap<>();
    for (String c : List.of("C13", "C10")) {
      expected.put(c, 4L);
    }
    for (String c : List.of("C15", "C08", "C04", "C21")) {
      expected.put(c, 3L);
    }
    for (String c : List.of("C07", "C02", "C19", "C03", "C14", "C11", "C12")) {
      expected.put(c, 2L);
    }
    for (String c : List.of("C18", "C20", "C17", "C06", "C01", "C09", "C16", "C05")) {
      expected.put(c, 1L);
    }
    assertEquals(expected, areasPerCpa);
  }

  @Test
  void everyAreaSitsInOneCpaAndOneDivisionOrIsFlaggedUncertain() {
    for (PccArea a : geo.pccAreas()) {
      geo.cpa(a.cpaCode());
      if (a.npsDivisionUncertain()) {
        assertEquals("uncertain", a.npsDivisionConfidence(), a.code());
        a.npsDivisionCandidates().forEach(geo::npsDivision);
      } else {
        assertEquals(a.npsDivisionCode(), geo.npsDivision(a.npsDivisionCode()).code());
      }
    }
    // Only Northamptonshire's division is left open by the sources (Midlands or SE & Eastern).
    List<String> uncertain =
        geo.pccAreas().stream().filter(PccArea::npsDivisionUncertain).map(PccArea::code).toList();
    assertEquals(List.of("NTS"), uncertain);
    assertEquals(List.of("N04", "N06"), geo.pccArea("Northamptonshire").npsDivisionCandidates());
  }

  @Test
  void ownersHeldSixFiveThreeTwoTwoOneOneOneCpasIn2015() {
    Map<String, Integer> held = countByOwner(LocalDate.of(2015, 6, 30));
    assertEquals(
        Map.of(
            "SODEXO", 6,
            "PURPLE_FUTURES", 5,
            "WORKING_LINKS", 3,
            "MTCNOVO", 2,
            "RRP", 2,
            "SEETEC", 1,
            "EOS", 1,
            "ARCC", 1),
        held);
  }

  @Test
  void seetecHeldFourAfterFebruary2019() {
    Map<String, Integer> held = countByOwner(LocalDate.of(2019, 3, 1));
    assertEquals(4, held.get("SEETEC"));
    assertEquals(null, held.get("WORKING_LINKS"));
    assertEquals(
        List.of("C10", "C15", "C19", "C21"),
        geo.cpasByOwner(LocalDate.of(2019, 3, 1)).get("SEETEC").stream().map(Cpa::code).toList());
    assertEquals("WORKING_LINKS", geo.ownerOf("Wales", LocalDate.of(2019, 1, 31)).code());
  }

  @Test
  void ownerInTheMonthOfAnUnpublishedTransferDayIsNotGuessed() {
    GeographyException e =
        assertThrows(GeographyException.class, () -> geo.ownerOf("C19", LocalDate.of(2019, 2, 14)));
    assertEquals(
        "owner of C19 (DDC) on 2019-02-14 is not published to the day: it passed between"
            + " WORKING_LINKS and SEETEC during that month; choose a date outside February 2019",
        e.getMessage());
  }

  @Test
  void ownerBeforeTheShareSaleIsAnError() {
    GeographyException e =
        assertThrows(GeographyException.class, () -> geo.ownerOf("C01", LocalDate.of(2014, 9, 1)));
    assertEquals(
        "owner of C01 on 2014-09-01: CRCs were in public ownership until the share sale on"
            + " 2015-02-01; expected a date from 2015-02-01",
        e.getMessage());
  }

  @Test
  void lookUpByCodeOrExactNameAndNearMissesNameTheClosest() {
    assertEquals("DRH", geo.pccArea("Durham").code());
    assertEquals("Durham", geo.pccArea("DRH").name());
    assertEquals("C13", geo.cpa("BeNCH").code());
    assertEquals("C17", geo.cpa("London CRC").code());
    assertEquals("N01", geo.npsDivision("NPS North West").code());
    GeographyException e = assertThrows(GeographyException.class, () -> geo.pccArea("Durhm"));
    assertEquals(
        "unknown PCC_AREA 'Durhm' (codes and names match exactly, case included); closest:"
            + " 'Durham', 'DRH', 'DRS'",
        e.getMessage());
    assertThrows(GeographyException.class, () -> geo.pccArea("durham"));
  }

  @Test
  void rollUpSumsCountsAndWeightsMeans() {
    // Durham (DRH) and Cleveland (TES) make up C03 Durham Tees Valley; Essex (ESX) is C18.
    Table t =
        Table.create(
            "starts",
            StringColumn.create("area", "DRH", "TES", "ESX"),
            IntColumn.create("starts", 100, 300, 50),
            DoubleColumn.create("completion_rate", 0.5, 0.7, 0.9));
    Table byCpa =
        geo.rollUp(
            t,
            "area",
            Level.PCC_AREA,
            Level.CPA,
            null,
            RollUp.sum("starts").andWeightedMean("completion_rate", "starts"));
    assertEquals(List.of("cpa", "starts", "completion_rate"), byCpa.columnNames());
    assertEquals(List.of("C03", "C18"), byCpa.stringColumn("cpa").asList());
    assertEquals(400L, byCpa.longColumn("starts").get(0));
    assertEquals(50L, byCpa.longColumn("starts").get(1));
    // (100 * 0.5 + 300 * 0.7) / 400 = 260 / 400 = 0.65
    assertEquals(0.65, byCpa.doubleColumn("completion_rate").get(0), 1e-12);
    assertEquals(0.9, byCpa.doubleColumn("completion_rate").get(1), 1e-12);

    Table byOwner =
        geo.rollUp(
            t,
            "area",
            Level.PCC_AREA,
            Level.OWNER,
            LocalDate.of(2016, 3, 31),
            RollUp.sum("starts"));
    assertEquals(List.of("ARCC", "SODEXO"), byOwner.stringColumn("owner").asList());
    Table national =
        geo.rollUp(byCpa, "cpa", Level.CPA, Level.ENGLAND_AND_WALES, null, RollUp.sum("starts"));
    assertEquals(450L, national.longColumn("starts").get(0));
    assertEquals(Geography.ENGLAND_AND_WALES_CODE, national.stringColumn(0).get(0));
  }

  @Test
  void rollUpKeepsExtraKeys() {
    Table t =
        Table.create(
            "starts",
            StringColumn.create("area", "DRH", "TES", "DRH"),
            StringColumn.create("work_type", "CO", "CO", "LIC"),
            IntColumn.create("starts", 1, 2, 4));
    Table r =
        geo.rollUp(
            t, "area", Level.PCC_AREA, Level.CPA, null, RollUp.sum("starts").keeping("work_type"));
    assertEquals(List.of("CO", "LIC"), r.stringColumn("work_type").asList());
    assertEquals(List.of(3L, 4L), r.longColumn("starts").asList());
  }

  @Test
  void impossibleDirectionsFailClearly() {
    Table t = Table.create("t", StringColumn.create("cpa", "C01"), IntColumn.create("n", 1));
    GeographyException e =
        assertThrows(
            GeographyException.class,
            () -> geo.rollUp(t, "cpa", Level.CPA, Level.NPS_DIVISION, null, RollUp.sum("n")));
    assertEquals(
        "cannot roll up from CPA to NPS_DIVISION: contract package areas do not nest within NPS"
            + " divisions; roll up from PCC_AREA instead. Possible from CPA: OWNER,"
            + " ENGLAND_AND_WALES",
        e.getMessage());
    assertThrows(
        GeographyException.class,
        () -> geo.parentCode(Level.OWNER, "SODEXO", Level.CPA, LocalDate.of(2016, 1, 1)));
    assertThrows(
        GeographyException.class, () -> geo.parentCode(Level.PCC_AREA, "DRH", Level.OWNER, null));
  }

  @Test
  void uncertainDivisionNeedsAnExplicitAssumption() {
    Table t =
        Table.create("t", StringColumn.create("area", "NTS", "DBS"), IntColumn.create("n", 5, 7));
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class,
            () -> geo.rollUp(t, "area", Level.PCC_AREA, Level.NPS_DIVISION, null, RollUp.sum("n")));
    assertTrue(
        e.getMessage()
            .contains(
                "row 1, column 1 (area): found \"NTS\", expected a PCC_AREA code that rolls up to"
                    + " NPS_DIVISION (area NTS (Northamptonshire) has no published NPS division:"
                    + " the sources allow N04 or N06"),
        e.getMessage());
    Table r =
        geo.assumingNpsDivision("NTS", "N04")
            .rollUp(t, "area", Level.PCC_AREA, Level.NPS_DIVISION, null, RollUp.sum("n"));
    assertEquals(List.of("N04"), r.stringColumn("nps_division").asList());
    assertEquals(12L, r.longColumn("n").get(0));
    assertThrows(GeographyException.class, () -> geo.assumingNpsDivision("NTS", "N07"));
    assertThrows(GeographyException.class, () -> geo.assumingNpsDivision("DBS", "N04"));
  }

  @Test
  void rollUpReportsEveryBadRowTogether() {
    Table t =
        Table.create(
            "t",
            StringColumn.create("area", "DRH", "XXX", "TES", "Durham"),
            IntColumn.create("n", new int[] {1, 2, 3, 4}));
    t.intColumn("n").setMissing(2);
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class,
            () -> geo.rollUp(t, "area", Level.PCC_AREA, Level.CPA, null, RollUp.sum("n")));
    assertEquals(
        "table 't': 3 problems; nothing was rolled up from PCC_AREA to CPA\n"
            + "  row 2, column 1 (area): found \"XXX\", expected a PCC_AREA code that rolls up to"
            + " CPA (unknown PCC_AREA code 'XXX'; closest: 'ESX', 'SSX', 'ASP' (expected one"
            + " of 42 codes))\n"
            + "  row 3, column 2 (n): found \"a missing value\", expected a number (a roll-up"
            + " never treats a gap as 0)\n"
            + "  row 4, column 1 (area): found \"Durham\", expected a PCC_AREA code that rolls up"
            + " to CPA ('Durham' is the name of PCC_AREA DRH; expected a code here)",
        e.getMessage());
    assertEquals(
        List.of(
            Problem.inTable(
                "t", 3, "n", 2, "a missing value", "a number (a roll-up never treats a gap as 0)")),
        e.problems().subList(1, 2));
    assertEquals(Problem.Origin.TABLE, e.problems().get(0).origin());
    assertEquals("t", e.file());
  }

  @Test
  void rollUpReportsMissingAndMistypedColumnsByTableColumn() {
    Table t =
        Table.create("caseload", StringColumn.create("area", "DRH"), StringColumn.create("n", "1"));
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class,
            () ->
                geo.rollUp(
                    t,
                    "area",
                    Level.PCC_AREA,
                    Level.CPA,
                    null,
                    RollUp.sum("n").andWeightedMean("rate", "n")));
    assertEquals(
        "table 'caseload': 3 problems; nothing was rolled up from PCC_AREA to CPA\n"
            + "  column 2 (n): found \"STRING\", expected a numeric column\n"
            + "  the table: found \"columns [area, n]\", expected a column 'rate'\n"
            + "  column 2 (n): found \"STRING\", expected a numeric column",
        e.getMessage());
  }

  private Map<String, Integer> countByOwner(LocalDate asOf) {
    Map<String, Integer> out = new TreeMap<>();
    geo.cpasByOwner(asOf).forEach((k, v) -> out.put(k, v.size()));
    return out;
  }

  @Test
  void sourcesQuoteTheDigestOfEachReferenceTable() {
    List<String> files =
        List.of(
            "pcc_areas.csv", "cpas.csv", "owners.csv", "nps_divisions.csv", "cpa_ownership.csv");
    List<org.probationlens.provenance.Provenance> sources = geo.sources().inputs();
    assertEquals(files.size(), sources.size());
    for (int i = 0; i < files.size(); i++) {
      assertEquals("Reference geography, " + files.get(i), sources.get(i).title());
      assertEquals(Sha256.ofResources("data/reference/" + files.get(i)), sources.get(i).sha256());
    }
  }
}
