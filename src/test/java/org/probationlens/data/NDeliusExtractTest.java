package org.probationlens.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import tech.tablesaw.api.Table;

/**
 * Each rule of {@link NDeliusExtract} on hand-made rows, and each kind of bad input. The fixture's
 * reference rows: disposal types 1 ORA Community Order (SP), 2 SA2020 Suspended Sentence Order
 * (NP), 3 ORA Adult Custody (inc PSS) (SC); requirement categories 1 F, 2 W, 3 RM38, 4 7, 5 X;
 * reference list 10 B, 11 P, 12 D, 13 -1, 20 Expired (Normal), 21 Failure to comply with
 * requirements, 22 Transferred abroad, 30 RS66; probation areas 1 C03 (Durham Tees Valley CPA), 2
 * N02, 3 Z99; teams 1 C03DRH and 2 N02DRH (Durham), 3 C03TES (Cleveland), 4 ZZZ999 (not mapped).
 */
class NDeliusExtractTest {

  @TempDir Path dir;

  private final Map<String, StringBuilder> tables = new LinkedHashMap<>();

  private void table(String name, String header, String... rows) {
    StringBuilder text = new StringBuilder(header).append('\n');
    for (String row : rows) {
      text.append(row).append('\n');
    }
    tables.put(name, text);
  }

  private void add(String name, String row) {
    tables.get(name).append(row).append('\n');
  }

  @BeforeEach
  void referenceTables() {
    table(
        "R_DISPOSAL_TYPE",
        "DISPOSAL_TYPE_ID,DISPOSAL_TYPE_CODE,DESCRIPTION,SENTENCE_TYPE",
        "1,A1,ORA Community Order,SP",
        "2,A2,SA2020 Suspended Sentence Order,NP",
        "3,A3,ORA Adult Custody (inc PSS),SC");
    table(
        "R_RQMNT_TYPE_MAIN_CATEGORY",
        "RQMNT_TYPE_MAIN_CATEGORY_ID,CODE",
        "1,F",
        "2,W",
        "3,RM38",
        "4,7",
        "5,X");
    table(
        "R_STANDARD_REFERENCE_LIST",
        "STANDARD_REFERENCE_LIST_ID,CODE_VALUE,CODE_DESCRIPTION",
        "10,B,Released on licence",
        "11,P,Post sentence supervision",
        "12,D,In custody",
        "13,-1,Migrated data",
        "20,DT1,Expired (Normal)",
        "21,DT2,Failure to comply with requirements",
        "22,DT9,Transferred abroad",
        "30,RS66,Sub-category");
    table("PROBATION_AREA", "PROBATION_AREA_ID,CODE", "1,C03", "2,N02", "3,Z99");
    table("TEAM", "TEAM_ID,CODE", "1,C03DRH", "2,N02DRH", "3,C03TES", "4,ZZZ999");
    table(
        "PCC_AREA_BY_TEAM",
        "TEAM_CODE,PCC_AREA,SOURCE",
        "C03DRH,DRH,test team list",
        "N02DRH,DRH,test team list",
        "C03TES,TES,test team list");
    table("EVENT", "EVENT_ID,SOFT_DELETED");
    table(
        "DISPOSAL",
        "DISPOSAL_ID,EVENT_ID,DISPOSAL_TYPE_ID,DISPOSAL_DATE,LENGTH_IN_DAYS,NOTIONAL_END_DATE,"
            + "TERMINATION_DATE,DISPOSAL_TERMINATION_REASON_ID,SOFT_DELETED");
    table(
        "RQMNT",
        "RQMNT_ID,DISPOSAL_ID,RQMNT_TYPE_MAIN_CATEGORY_ID,RQMNT_TYPE_SUB_CATEGORY_ID,LENGTH,"
            + "SOFT_DELETED");
    table("CUSTODY", "CUSTODY_ID,DISPOSAL_ID,CUSTODIAL_STATUS_ID,PSS_START_DATE,SOFT_DELETED");
    table("RELEASE", "RELEASE_ID,CUSTODY_ID,ACTUAL_RELEASE_DATE,SOFT_DELETED");
    table(
        "ORDER_MANAGER",
        "ORDER_MANAGER_ID,EVENT_ID,ALLOCATION_DATE,END_DATE,PROBATION_AREA_ID,"
            + "ALLOCATION_TEAM_ID,SOFT_DELETED");
  }

  /** A community order of event {@code id}: 365 days, ongoing to 2021, CRC C03 in Durham. */
  private void communityOrder(int id, int type) {
    add("EVENT", id + ",0");
    add("DISPOSAL", id + "," + id + "," + type + ",2016-03-01,365,2021-02-28,,,0");
    add("ORDER_MANAGER", id + "," + id + ",2016-03-01,,1,1,0");
  }

  private LoadedDataset load() throws IOException {
    for (Map.Entry<String, StringBuilder> e : tables.entrySet()) {
      Files.writeString(dir.resolve(e.getKey() + ".csv"), e.getValue());
    }
    return NDeliusExtract.load(dir, Provenance.Kind.OFFICIAL_SENSITIVE);
  }

  private DatasetValidationException refused() {
    return assertThrows(DatasetValidationException.class, this::load);
  }

  private static String row(Table t, int r) {
    return t.columnNames().stream()
        .map(c -> t.column(c).getString(r))
        .collect(Collectors.joining(","));
  }

  @Test
  void aCommunityOrderAndASuspendedSentenceOrderComeFromSentenceTypeAndDescription()
      throws IOException {
    communityOrder(1, 1);
    communityOrder(2, 2);
    Table cases = load().table();
    // 365 days / (365.25 / 12) = 11.99 months -> 12; weight 1.00 x 1.00 (7-12 months)
    assertEquals(
        "K00000001,CRC,C03,DRH,CO,2016-03-01,2021-02-28,12,0,0,false,ONGOING,1", row(cases, 0));
    assertEquals(
        "K00000002,CRC,C03,DRH,SSO,2016-03-01,2021-02-28,12,0,0,false,ONGOING,1", row(cases, 1));
    assertEquals(CaseRecords.schema().columns().size(), cases.columnCount());
  }

  @Test
  void custodialStatusGivesLicencePostSentenceSupervisionOrPreRelease() throws IOException {
    // a licence: 25-month sentence (761 days), sentenced 2015-01-05, released 2016-01-20
    add("EVENT", "5,0");
    add("DISPOSAL", "5,5,3,2015-01-05,761,2017-02-05,2017-02-05,20,0");
    add("CUSTODY", "50,5,10,,0");
    add("RELEASE", "500,50,2016-02-01,0");
    add("RELEASE", "501,50,2016-01-20,0"); // the earliest release starts the licence
    add("ORDER_MANAGER", "5,5,2016-01-20,,2,2,0");
    // post-sentence supervision from its PSS_START_DATE; 10 months = 304 days
    add("EVENT", "6,0");
    add("DISPOSAL", "6,6,3,2016-01-01,304,2017-10-01,2017-06-30,20,0");
    add("CUSTODY", "60,6,11,2016-11-01,0");
    add("ORDER_MANAGER", "6,6,2016-01-01,,1,3,0");
    // pre-release work: in custody (D), from the disposal date; 6 months = 183 days
    add("EVENT", "7,0");
    add("DISPOSAL", "7,7,3,2017-05-02,183,2017-08-01,2017-08-01,21,0");
    add("CUSTODY", "70,7,12,,0");
    add("ORDER_MANAGER", "7,7,2017-05-02,,1,1,0");
    Table cases = load().table();
    // LIC weight 1.20 x 1.50 (25-48 months) = 1.80; NPS N02 from PROBATION_AREA 2
    assertEquals(
        "K00000005,NPS,N02,DRH,LIC,2016-01-20,2017-02-05,25,0,0,false,COMPLETED,1.8",
        row(cases, 0));
    // PSS weight 0.60 x 1.00 = 0.60; Expired (Normal) is COMPLETED
    assertEquals(
        "K00000006,CRC,C03,TES,PSS,2016-11-01,2017-06-30,10,0,0,false,COMPLETED,0.6",
        row(cases, 1));
    // PRE weight 0.40 x 0.80 (up to 6 months) = 0.32; failure to comply is REVOKED_BREACH
    assertEquals(
        "K00000007,CRC,C03,DRH,PRE,2017-05-02,2017-08-01,6,0,0,false,REVOKED_BREACH,0.32",
        row(cases, 2));
  }

  @Test
  void requirementsGiveRarDaysUnpaidWorkAndProgrammes() throws IOException {
    communityOrder(1, 1);
    add("RQMNT", "1,1,1,,20,0"); // F 20 days
    add("RQMNT", "2,1,1,,10,0"); // F 10 more: 30
    add("RQMNT", "3,1,2,,120,0"); // W 120 hours
    add("RQMNT", "4,1,4,30,,0"); // 7 with RS66: not a programme
    add("RQMNT", "5,1,5,,,0"); // X: no column, counted
    communityOrder(2, 1);
    add("RQMNT", "6,2,4,,,0"); // 7 without RS66: a programme
    communityOrder(3, 1);
    add("RQMNT", "7,3,3,,,0"); // RM38: a programme
    add("RQMNT", "8,3,2,,500,1"); // soft-deleted: not counted
    LoadedDataset loaded = load();
    Table cases = loaded.table();
    assertEquals("30,120,false", cell(cases, 0));
    assertEquals("0,0,true", cell(cases, 1));
    assertEquals("0,0,true", cell(cases, 2));
    assertTrue(
        loaded
            .notes()
            .contains(
                "Requirements of main categories that add to no column of the case table, not"
                    + " counted: X 1."),
        loaded.notes().toString());
    assertTrue(
        loaded.notes().contains("Soft-deleted rows left out (SOFT_DELETED = 1): RQMNT 1."),
        loaded.notes().toString());
  }

  private static String cell(Table t, int r) {
    return t.column("rar_days").getString(r)
        + ","
        + t.column("upw_hours").getString(r)
        + ","
        + t.column("accredited_programme").getString(r);
  }

  @Test
  void onAHandoverDayTheIncomingManagerHoldsTheCase() throws IOException {
    add("EVENT", "1,0");
    add("DISPOSAL", "1,1,1,2016-03-01,365,2021-02-28,,,0");
    add("ORDER_MANAGER", "1,1,2016-01-01,2016-03-01,2,2,0"); // NPS, ends on the start date
    add("ORDER_MANAGER", "2,1,2016-03-01,,1,1,0"); // CRC, begins on it
    assertEquals("CRC,C03", typeAndCode(load().table()));
  }

  @Test
  void theDayBeforeAHandoverTheOutgoingManagerStillHolds() throws IOException {
    add("EVENT", "1,0");
    add("DISPOSAL", "1,1,1,2016-03-01,365,2021-02-28,,,0");
    add("ORDER_MANAGER", "1,1,2016-01-01,2016-03-02,2,2,0"); // NPS until 2 March
    add("ORDER_MANAGER", "2,1,2016-03-02,,1,1,0");
    assertEquals("NPS,N02", typeAndCode(load().table()));
  }

  private static String typeAndCode(Table t) {
    return t.column("provider_type").getString(0) + "," + t.column("provider_code").getString(0);
  }

  @Test
  void aTerminationAfterTheDataEndIsOngoingThereAndAStartOutsideIsLeftOutAndCounted()
      throws IOException {
    add("EVENT", "1,0");
    add("DISPOSAL", "1,1,1,2020-06-01,365,2021-06-01,2021-03-01,21,0");
    add("ORDER_MANAGER", "1,1,2020-06-01,,1,1,0");
    add("EVENT", "2,0");
    add("DISPOSAL", "2,2,1,2014-05-01,365,2015-05-01,,,0");
    add("ORDER_MANAGER", "2,2,2014-05-01,,1,1,0");
    add("EVENT", "3,0"); // no disposal: not sentenced
    LoadedDataset loaded = load();
    assertEquals(1, loaded.table().rowCount());
    assertEquals(
        "K00000001,CRC,C03,DRH,CO,2020-06-01,2021-03-01,12,0,0,false,ONGOING,1",
        row(loaded.table(), 0));
    assertTrue(
        loaded.notes().contains("1 events without a disposal (not sentenced) left out."),
        loaded.notes().toString());
    assertTrue(
        loaded
            .notes()
            .contains(
                "1 cases starting before 2014-06-01 or after 2020-12-31 (outside the case data's"
                    + " period) left out."),
        loaded.notes().toString());
  }

  @Test
  void softDeletedRowsAndTheRowsOfDeletedEventsAreLeftOutAndCounted() throws IOException {
    communityOrder(1, 1);
    add("EVENT", "2,1");
    add("DISPOSAL", "2,2,1,2016-03-01,365,2021-02-28,,,0");
    add("ORDER_MANAGER", "3,2,2016-03-01,,1,1,0");
    add("ORDER_MANAGER", "4,1,2016-03-01,,2,2,1"); // a deleted second manager of event 1
    LoadedDataset loaded = load();
    assertEquals(1, loaded.table().rowCount());
    assertEquals("CRC,C03", typeAndCode(loaded.table()));
    assertTrue(
        loaded
            .notes()
            .contains("Soft-deleted rows left out (SOFT_DELETED = 1): EVENT 1, ORDER_MANAGER 1."),
        loaded.notes().toString());
    assertTrue(
        loaded
            .notes()
            .contains(
                "Rows of soft-deleted events or disposals left out: DISPOSAL 1, ORDER_MANAGER 1."),
        loaded.notes().toString());
  }

  @Test
  void unknownCodesAreLocatedProblemsListingTheCodesKnown() {
    add("EVENT", "1,0"); // custodial status -1
    add("DISPOSAL", "1,1,3,2016-03-01,365,2021-02-28,,,0");
    add("CUSTODY", "10,1,13,,0");
    add("ORDER_MANAGER", "1,1,2016-03-01,,1,1,0");
    add("EVENT", "2,0"); // a termination description not known
    add("DISPOSAL", "2,2,1,2016-03-01,365,2021-02-28,2016-09-01,22,0");
    add("ORDER_MANAGER", "2,2,2016-03-01,,1,1,0");
    add("EVENT", "3,0"); // a provider code neither a CPA nor an NPS division
    add("DISPOSAL", "3,3,1,2016-03-01,365,2021-02-28,,,0");
    add("ORDER_MANAGER", "3,3,2016-03-01,,3,1,0");
    add("EVENT", "4,0"); // a team the mapping does not have
    add("DISPOSAL", "4,4,1,2016-03-01,365,2021-02-28,,,0");
    add("ORDER_MANAGER", "4,4,2016-03-01,,1,4,0");
    tables.get("R_DISPOSAL_TYPE").append("5,A5,Fine,XX\n");
    add("EVENT", "5,0"); // a sentence type not known
    add("DISPOSAL", "5,5,5,2016-03-01,365,2021-02-28,,,0");
    add("ORDER_MANAGER", "5,5,2016-03-01,,1,1,0");
    List<Problem> problems = refused().problems();
    String custody = dir.resolve("CUSTODY.csv").toString();
    String disposal = dir.resolve("DISPOSAL.csv").toString();
    String manager = dir.resolve("ORDER_MANAGER.csv").toString();
    String types = dir.resolve("R_DISPOSAL_TYPE.csv").toString();
    assertEquals(
        List.of(
            new Problem(
                custody,
                2,
                "CUSTODIAL_STATUS_ID",
                3,
                "13 (code -1)",
                "the id of a custodial status code known: [A, C, D, R, I, AT, B, T, P] (-1,"
                    + " migrated data, says nothing of custody)"),
            new Problem(
                disposal,
                3,
                "DISPOSAL_TERMINATION_REASON_ID",
                8,
                "22 (Transferred abroad)",
                "the id of a termination reason described as one of those known: [Ran its full"
                    + " course, Expired (Normal), Terminated early for good progress, Completed -"
                    + " early good progress, Failure to comply with requirements, Conviction of an"
                    + " offence, Other]"),
            new Problem(
                manager,
                4,
                "PROBATION_AREA_ID",
                5,
                "3 (code Z99)",
                "the id of a provider whose PROBATION_AREA.CODE is a CRC's CPA C01..C21 or an NPS"
                    + " division N01..N07"),
            new Problem(
                manager,
                5,
                "ALLOCATION_TEAM_ID",
                6,
                "4 (team ZZZ999)",
                "a team listed in PCC_AREA_BY_TEAM.csv (its TEAM_CODE column)"),
            new Problem(
                types,
                5,
                "SENTENCE_TYPE",
                4,
                "XX",
                "one of the sentence types known: SP, NP (community), SC, NC (custody); used by"
                    + " the disposal on line 6 of DISPOSAL.csv")),
        problems);
  }

  @Test
  void aMissingTableAndAMissingColumnAreEachOneProblem() throws IOException {
    communityOrder(1, 1);
    tables.remove("RELEASE");
    table("TEAM", "TEAM_ID,TEAM_CODE", "1,C03DRH");
    DatasetValidationException e = refused();
    assertEquals(
        List.of(
            new Problem(
                dir.resolve("RELEASE.csv").toString(),
                1,
                null,
                0,
                "no such file",
                "the table RELEASE.csv with the columns"
                    + " RELEASE_ID,CUSTODY_ID,ACTUAL_RELEASE_DATE,SOFT_DELETED"),
            new Problem(
                dir.resolve("TEAM.csv").toString(),
                1,
                "CODE",
                2,
                "TEAM_ID,TEAM_CODE",
                "a column named CODE (this reader needs TEAM_ID,CODE of TEAM; other columns are"
                    + " ignored)")),
        e.problems());
    assertTrue(e.getMessage().startsWith(dir + ": 2 problems; nothing was loaded"), e.getMessage());
  }

  @Test
  void orphanRowsAndRepeatedIdsAreProblems() {
    communityOrder(1, 1);
    add("RQMNT", "1,99,1,,20,0"); // no disposal 99
    add("DISPOSAL", "1,1,1,2016-03-01,365,2021-02-28,,,0"); // disposal 1 again
    add("ORDER_MANAGER", "9,42,2016-03-01,,1,1,0"); // no event 42
    List<Problem> problems = refused().problems();
    assertEquals(
        List.of(
            "DISPOSAL.csv line 3 DISPOSAL_ID: found 1, expected each DISPOSAL_ID once; 1 is"
                + " already on line 2",
            "RQMNT.csv line 2 DISPOSAL_ID: found 99, expected the id of a row of DISPOSAL.csv"
                + " (DISPOSAL_ID) (no row there has it)",
            "ORDER_MANAGER.csv line 3 EVENT_ID: found 42, expected the id of a row of EVENT.csv"
                + " (EVENT_ID) (no row there has it)"),
        problems.stream()
            .map(
                p ->
                    Path.of(p.file()).getFileName()
                        + " line "
                        + p.line()
                        + " "
                        + p.column()
                        + ": found "
                        + p.value()
                        + ", expected "
                        + p.expected())
            .toList());
  }

  @Test
  void theCaseTableRulesApplyToTheCasesBuiltLocatedAtTheEvent() {
    // a CRC case in Cleveland's team but managed by the C03 CPA is fine; a CRC case whose team is
    // mapped to an area of another CPA breaks the case table's rule
    table(
        "PCC_AREA_BY_TEAM",
        "TEAM_CODE,PCC_AREA,SOURCE",
        "C03DRH,LDN,test team list",
        "N02DRH,DRH,test team list",
        "C03TES,TES,test team list");
    communityOrder(1, 1);
    Problem problem = refused().problems().get(0);
    assertEquals(dir.resolve("EVENT.csv").toString(), problem.file());
    assertEquals(2, problem.line());
    assertEquals("provider_code", problem.column());
    assertTrue(
        problem
            .expected()
            .endsWith(
                "(in the case built from this event: column provider_code of" + " the case table)"),
        problem.expected());
  }

  @Test
  void withoutTheMappingFileNothingIsLoaded() {
    communityOrder(1, 1);
    tables.remove("PCC_AREA_BY_TEAM");
    Problem problem = refused().problems().get(0);
    assertEquals(dir.resolve("PCC_AREA_BY_TEAM.csv").toString(), problem.file());
    assertEquals("no such file", problem.value());
    assertTrue(problem.expected().contains("TEAM_CODE,PCC_AREA,SOURCE"), problem.expected());
  }

  @Test
  void aRealExtractIsOfficialSensitiveWithTheMappingSourceInItsProvenance() throws IOException {
    communityOrder(1, 1);
    Provenance provenance = load().provenance();
    assertEquals(Provenance.Kind.OFFICIAL_SENSITIVE, provenance.kind());
    assertTrue(
        provenance
            .source()
            .endsWith("; PCC areas from PCC_AREA_BY_TEAM.csv (sources: test team" + " list)"),
        provenance.source());
  }

  @Test
  void withoutAManifestTheKindMustBeStated() throws IOException {
    communityOrder(1, 1);
    load();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NDeliusExtract.load(dir));
    assertTrue(
        e.getMessage().contains("NDeliusExtract.load(dir, Provenance.Kind.OFFICIAL_SENSITIVE)"));
    assertThrows(
        IllegalArgumentException.class, () -> NDeliusExtract.load(dir, Provenance.Kind.PUBLISHED));
  }

  private List<String> located() {
    return refused().problems().stream()
        .map(p -> Path.of(p.file()).getFileName() + ":" + p.describe())
        .toList();
  }

  @Test
  void badRowsAndCellsAreLocatedStageByStage() {
    // reading the files comes first: a row of the wrong width is reported, and nothing joined
    communityOrder(1, 1);
    add("ORDER_MANAGER", "3,3,2016-03-01,,1"); // two fields short
    assertEquals(
        List.of(
            "ORDER_MANAGER.csv:line 3: found \"5 fields\", expected 7 fields, as in the header"),
        located());
    // then the ids and flags the tables are indexed by
    referenceTables();
    communityOrder(1, 1);
    add("EVENT", "2x,0");
    add("EVENT", "3,yes");
    assertEquals(
        List.of(
            "EVENT.csv:line 3, column 1 (EVENT_ID): found \"2x\", expected an id (a whole number"
                + " of up to 18 digits)",
            "EVENT.csv:line 4, column 2 (SOFT_DELETED): found \"yes\", expected 0 or 1"),
        located());
    // then each case's own cells, such as a date in Oracle's form rather than YYYY-MM-DD
    referenceTables();
    add("EVENT", "3,0");
    add("DISPOSAL", "3,3,1,01-JUN-17,365,2021-02-28,,,0");
    add("ORDER_MANAGER", "3,3,2016-03-01,,1,1,0");
    assertEquals(
        List.of(
            "DISPOSAL.csv:line 2, column 4 (DISPOSAL_DATE): found \"01-JUN-17\", expected a date"
                + " YYYY-MM-DD"),
        located());
  }

  @Test
  void twoDisposalsOfAnEventAndALicenceWithoutAReleaseAreProblems() {
    communityOrder(1, 1);
    add("DISPOSAL", "2,1,1,2016-03-01,365,2021-02-28,,,0");
    add("EVENT", "5,0");
    add("DISPOSAL", "5,5,3,2015-01-05,761,2017-02-05,2017-02-05,20,0");
    add("CUSTODY", "50,5,10,,0");
    add("ORDER_MANAGER", "5,5,2015-01-05,,2,2,0");
    assertEquals(
        List.of(
            "DISPOSAL.csv:line 3, column 2 (EVENT_ID): found \"1\", expected one disposal per"
                + " event; event 1 already has the disposal on line 2",
            "CUSTODY.csv:line 2, column 1 (CUSTODY_ID): found \"50\", expected a RELEASE row with"
                + " its ACTUAL_RELEASE_DATE for a custody whose status says released (licence)"),
        located());
  }
}
