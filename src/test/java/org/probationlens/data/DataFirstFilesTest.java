package org.probationlens.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * Each rule of {@link DataFirstFiles} on hand-made rows, with the expected case-table cells worked
 * out by hand beside them, and each kind of bad input with the problem it must give.
 */
class DataFirstFilesTest {

  @TempDir Path dir;

  private static final String FLAT_HEADER =
      "event_id_hash,disposal_date,disposal_termination_date,disposal_termination_reason_desc,"
          + "length_in_days,disposal_type_description,custodial_status,probation_area_desc,"
          + "lsoa_residence,ethnicity_desc";

  private static final String RQ_HEADER =
      "event_id_hash,rqmnt_type_main_category_code,rqmnt_type_sub_category_code,length";

  /** Three LSOAs: one in Durham (C03), one in Northumbria (C01), one in London (C17). */
  private static final String LOOKUP =
      "lsoa11cd,pcc_area\nE01000001,DRH\nE01000002,NBR\nE01000003,LDN\n";

  private Path write(String flat, String rqmnts) throws IOException {
    return write(flat, rqmnts, LOOKUP, "lsoa_pcc_lookup.source=hand-made test lookup\n");
  }

  private Path write(String flat, String rqmnts, String lookup, String manifest)
      throws IOException {
    Files.writeString(dir.resolve("flatfile.csv"), flat);
    Files.writeString(dir.resolve("rqmnts.csv"), rqmnts);
    if (lookup != null) {
      Files.writeString(dir.resolve("lsoa_pcc_lookup.csv"), lookup);
    }
    if (manifest != null) {
      Files.writeString(dir.resolve("MANIFEST"), manifest);
    }
    return dir;
  }

  private static String cells(Row row) {
    StringBuilder text = new StringBuilder();
    for (String column : row.columnNames()) {
      text.append(text.length() == 0 ? "" : ",").append(row.getObject(column));
    }
    return text.toString();
  }

  @Test
  void eachRuleGivesTheCaseTableCellsWorkedOutByHand() throws IOException {
    String flat =
        FLAT_HEADER
            + "\n"
            // a community order of 365 days: 365 / (365.25 / 12) = 11.99, so 12 months; weight CO
            // 1.00 x 1.00 (7-12 months) = 1.00; RAR 20 days (F), 100 + 20 hours of unpaid work
            // (two W rows), an accredited programme (RM38)
            + "ev1,2016-03-01,2017-02-28,Ran its full course,365,ORA Community Order,,CPA Durham"
            + " Tees Valley,E01000001,White : Irish\n"
            // a licence, NPS North East, 913 days: 913 / 30.4375 = 30.0 months; still running, so
            // ONGOING ending at the planned end: half of 30 months = 15 x 30.4375 = 456.6, so 457
            // days after 2020-06-01 = 2021-09-01; weight LIC 1.20 x 1.50 (25-48 months) = 1.80
            + "ev2,2020-06-01,,,913,ORA Adult Custody (not PSS),B,NPS North East,E01000002,\n"
            // an SSO ending after the data's last day: ONGOING, ending on that date; 730 days =
            // 23.98, so 24 months; weight SSO 1.00 x 1.25 (13-24) = 1.25; category 7 with
            // sub-category RS66 is not an accredited programme
            + "ev3,2019-02-01,2021-01-31,Ran its full course,730,SA2020 Suspended Sentence"
            + " Order,,NPS London,E01000003,\n"
            // post-sentence supervision (P) after a 6-month sentence (183 days = 6.01, so 6):
            // weight PSS 0.60 x 0.80 = 0.48; revoked for breach
            + "ev4,2017-05-10,2017-09-01,Failure to comply with requirements,183,ORA Adult Custody"
            + " (inc PSS),P,CPA Northumbria,E01000002,\n"
            // pre-release (D) before the ORA, 1461 days = 48.0 months: weight PRE 0.40 x 1.50
            // (25-48) = 0.60; ended by another conviction
            + "ev5,2014-07-01,2016-07-01,Conviction of an offence,1461,CJA - Std Determinate"
            + " Custody,D,NPS London,E01000003,\n";
    String rq =
        RQ_HEADER
            + "\nev1,F,,20\nev1,W,,100\nev1,W,,20\nev1,RM38,,\nev1,Q,,\nev3,7,RS66,\nev3,Q,,\n";
    LoadedDataset read = DataFirstFiles.load(write(flat, rq), Provenance.Kind.OFFICIAL_SENSITIVE);
    Table t = read.table();
    assertEquals(CaseRecords.schema().header(), String.join(",", t.columnNames()));
    assertEquals(
        "ev1,CRC,C03,DRH,CO,2016-03-01,2017-02-28,12,20,120,true,COMPLETED,1.0", cells(t.row(0)));
    assertEquals(
        "ev2,NPS,N02,NBR,LIC,2020-06-01,2021-09-01,30,0,0,false,ONGOING,1.8", cells(t.row(1)));
    assertEquals(
        "ev3,NPS,N07,LDN,SSO,2019-02-01,2021-01-31,24,0,0,false,ONGOING,1.25", cells(t.row(2)));
    assertEquals(
        "ev4,CRC,C01,NBR,PSS,2017-05-10,2017-09-01,6,0,0,false,REVOKED_BREACH,0.48",
        cells(t.row(3)));
    assertEquals(
        "ev5,NPS,N07,LDN,PRE,2014-07-01,2016-07-01,48,0,0,false,REVOKED_NEW_OFFENCE,0.6",
        cells(t.row(4)));
    assertEquals(Provenance.Kind.OFFICIAL_SENSITIVE, read.provenance().kind());
    assertTrue(read.provenance().source().endsWith("hand-made test lookup"));
    assertTrue(
        read.notes()
            .contains(
                "Requirements of categories without a column in the case table (read past), by"
                    + " rqmnt_type_main_category_code: 7: 1; Q: 2."),
        read.notes().toString());
    assertEquals(LocalDate.of(2021, 9, 1), LocalDate.of(2020, 6, 1).plusDays(457));
  }

  @Test
  void rowsOutsideTheCaseTableAreExcludedAndCountedByValueNeverSilently() throws IOException {
    String co = ",365,ORA Community Order,,";
    String flat =
        FLAT_HEADER
            + "\n"
            + "keep,2016-03-01,2017-02-28,Ran its full course"
            + co
            + "CPA Durham Tees Valley,E01000001,\n"
            // the same event again, identical in every column read (ethnicity differs: not read)
            + "keep,2016-03-01,2017-02-28,Ran its full course"
            + co
            + "CPA Durham Tees Valley,E01000001,White : Other\n"
            + "p1,2016-03-01,2017-02-28,Ran its full course"
            + co
            + "Altcourse (HMP),E01000001,\n"
            + "p2,2016-03-01,2017-02-28,Ran its full course"
            + co
            + "Altcourse (HMP),E01000001,\n"
            + "u1,2016-03-01,2017-02-28,Ran its full course"
            + co
            + "Unallocated,E01000001,\n"
            + "n1,2016-03-01,2017-02-28,Ran its full course"
            + co
            + "NPS Greater Manchester,E01000001,\n"
            // before the CRCs began
            + "early,2014-03-01,2015-02-28,Ran its full course"
            + co
            + "CPA Durham Tees Valley,E01000001,\n"
            // a terminated custody: its phase is not known
            + "t1,2016-03-01,,,913,ORA Adult Custody (not PSS),T,NPS North East,E01000002,\n"
            // no home LSOA
            + "nohome,2016-03-01,2017-02-28,Ran its full course"
            + co
            + "CPA Durham Tees Valley,,\n"
            // a Durham Tees Valley CRC case whose home is in London
            + "moved,2016-03-01,2017-02-28,Ran its full course"
            + co
            + "CPA Durham Tees Valley,E01000003,\n"
            // a licence after a 15-year sentence: 5479 days = 180.0 months, beyond the table's 120
            + "long,2016-03-01,,,5479,CJA - Std Determinate Custody,B,NPS North East,E01000002,\n"
            // and one after exactly 120 months (3653 days = 120.0): kept
            + "ten,2016-03-01,,,3653,CJA - Std Determinate Custody,B,NPS North East,E01000002,\n";
    // the requirement of an excluded event is counted with it, not refused
    String rq = RQ_HEADER + "\np1,F,,10\n";
    LoadedDataset read = DataFirstFiles.load(write(flat, rq), Provenance.Kind.SYNTHETIC);
    assertEquals(2, read.table().rowCount());
    assertEquals("keep", read.table().stringColumn("case_id").get(0));
    assertEquals("ten", read.table().stringColumn("case_id").get(1));
    assertEquals(120, read.table().intColumn("sentence_months").get(1));
    List<String> notes = read.notes();
    assertTrue(
        notes.contains("Read 12 flat-file rows (11 events) and 1 requirement rows."),
        notes.toString());
    assertTrue(
        notes.contains(
            "1 flat-file row(s) repeated an event_id_hash with the same values in every column"
                + " this reader uses, and were collapsed into the first."),
        notes.toString());
    assertTrue(
        notes.contains(
            "4 event(s) excluded: held by no CRC or NPS division of 2014-2020, by"
                + " probation_area_desc: \"Altcourse (HMP)\": 2; \"NPS Greater Manchester\": 1;"
                + " \"Unallocated\": 1."),
        notes.toString());
    assertTrue(
        notes.contains(
            "5 event(s) excluded: CRC case of C03 whose home LSOA lies in LDN (CPA C17): 1;"
                + " custodial sentence of more than 120 months (the case table's sentence_months"
                + " runs to 120): 1;"
                + " custodial_status \"T\" (terminated or migrated custody: the phase is not"
                + " known): 1; disposal_date before 2014-06-01 (outside the case table's period):"
                + " 1; empty lsoa_residence (no PCC area): 1."),
        notes.toString());
  }

  @Test
  void withoutACustodialStatusColumnCustodialRowsAreExcludedByDescription() throws IOException {
    String flat =
        "event_id_hash,disposal_date,disposal_termination_date,disposal_termination_reason_desc,"
            + "length_in_days,disposal_type_description,probation_area_desc,lsoa_residence\n"
            + "c1,2016-03-01,,,913,ORA Adult Custody (not PSS),NPS North East,E01000002\n"
            + "c2,2016-03-01,,,913,ORA Adult Custody (not PSS),NPS North East,E01000002\n"
            + "o1,2016-03-01,2017-02-28,Ran its full course,365,ORA Community Order,CPA"
            + " Northumbria,E01000002\n";
    LoadedDataset read =
        DataFirstFiles.load(write(flat, RQ_HEADER + "\n"), Provenance.Kind.SYNTHETIC);
    assertEquals(1, read.table().rowCount());
    assertTrue(
        read.notes()
            .contains(
                "2 event(s) excluded: custodial disposal \"ORA Adult Custody (not PSS)\" (the flat"
                    + " file has no custodial_status column to tell licence, PSS and pre-release"
                    + " apart): 2."),
        read.notes().toString());
  }

  @Test
  void batchesMappedApartAddUpToTheWholeLoad() throws IOException {
    String co = ",365,ORA Community Order,,";
    String[] flatRows = {
      "a1,2016-03-01,2017-02-28,Ran its full course" + co + "CPA Durham Tees Valley,E01000001,",
      "a1,2016-03-01,2017-02-28,Ran its full course" + co + "CPA Durham Tees Valley,E01000001,",
      "b2,2016-03-01,2017-02-28,Other" + co + "NPS London,E01000003,",
      "c3,2016-03-01,2017-02-28,Other" + co + "Unallocated,E01000003,",
      "d4,2016-03-01,2017-02-28,Other" + co + "NPS London,E01000003,"
    };
    String[] rqRows = {"a1,F,,20", "b2,W,,60", "d4,Q,,"};
    LoadedDataset whole =
        DataFirstFiles.load(
            write(
                FLAT_HEADER + "\n" + String.join("\n", flatRows) + "\n",
                RQ_HEADER + "\n" + String.join("\n", rqRows) + "\n"),
            Provenance.Kind.SYNTHETIC);
    // two batches: events a1 and b2, then c3 and d4, each with its requirements
    List<String> flatColumns = List.of(FLAT_HEADER.split(","));
    List<String> rqColumns = List.of(RQ_HEADER.split(","));
    Map<String, Long> summed = new TreeMap<>();
    List<String> rows = new ArrayList<>();
    for (List<Integer> part : List.of(List.of(0, 1, 2), List.of(3, 4))) {
      List<DataFirstFiles.Cells> flat = new ArrayList<>();
      for (int i : part) {
        flat.add(new DataFirstFiles.Cells("flat", i + 1, flatRows[i].split(",", -1)));
      }
      List<DataFirstFiles.Cells> rq = new ArrayList<>();
      for (int i = 0; i < rqRows.length; i++) {
        String[] cells = rqRows[i].split(",", -1);
        if (part.stream().anyMatch(f -> flatRows[f].startsWith(cells[0] + ","))) {
          rq.add(new DataFirstFiles.Cells("rq", i + 1, cells));
        }
      }
      DataFirstFiles.Batch batch =
          DataFirstFiles.mapBatch(
              flatColumns, flat, rqColumns, rq, Map.of("E01000001", "DRH", "E01000003", "LDN"));
      batch.counts().forEach((k, v) -> summed.merge(k, v, Long::sum));
      for (int r = 0; r < batch.table().rowCount(); r++) {
        rows.add(cells(batch.table().row(r)));
      }
    }
    List<String> expected = new ArrayList<>();
    for (int r = 0; r < whole.table().rowCount(); r++) {
      expected.add(cells(whole.table().row(r)));
    }
    assertEquals(expected, rows);
    assertEquals(whole.notes().subList(2, whole.notes().size()), DataFirstFiles.notes(summed));
    assertEquals(
        "Read 5 flat-file rows (4 events) and 3 requirement rows.",
        DataFirstFiles.notes(summed).get(0));
  }

  private DatasetValidationException refused(String flat, String rq) throws IOException {
    return assertThrows(
        DatasetValidationException.class,
        () -> DataFirstFiles.load(write(flat, rq), Provenance.Kind.OFFICIAL_SENSITIVE));
  }

  private static final String GOOD_ROW =
      "ev1,2016-03-01,2017-02-28,Ran its full course,365,ORA Community Order,,CPA Durham Tees"
          + " Valley,E01000001,\n";

  @Test
  void anUnknownDisposalDescriptionIsRefusedListingTheKnownOnes() throws IOException {
    DatasetValidationException e =
        refused(
            FLAT_HEADER
                + "\n"
                + GOOD_ROW
                + "ev2,2016-03-01,2017-02-28,Ran its full course,365,Community Order,,CPA Durham"
                + " Tees Valley,E01000001,\n",
            RQ_HEADER + "\n");
    assertEquals(1, e.problems().size());
    Problem p = e.problems().get(0);
    assertEquals(dir.resolve("flatfile.csv").toString(), p.file());
    assertEquals(3, p.line());
    assertEquals("disposal_type_description", p.column());
    assertEquals(6, p.columnNumber());
    assertEquals("Community Order", p.value());
    assertEquals(
        "one of [ORA Community Order, CJA - Community Order, SA2020 Community Order, ORA Suspended"
            + " Sentence Order, CJA - Suspended Sentence Order, SA2020 Suspended Sentence Order,"
            + " ORA Adult Custody (inc PSS), ORA Adult Custody (not PSS), CJA - Std Determinate"
            + " Custody, Adult Custody < 12m]",
        p.expected());
  }

  @Test
  void aMissingColumnIsRefusedNamingIt() throws IOException {
    String header = FLAT_HEADER.replace("lsoa_residence,", "");
    DatasetValidationException e =
        refused(
            header
                + "\nev1,2016-03-01,2017-02-28,Ran its full course,365,ORA Community"
                + " Order,,CPA Durham Tees Valley,\n",
            "event_id_hash\n");
    assertEquals(3, e.problems().size(), e.getMessage());
    Problem missing = e.problems().get(0);
    assertEquals(1, missing.line());
    assertEquals(null, missing.column());
    assertTrue(
        missing.value().startsWith("no column lsoa_residence among [event_id_hash,"),
        missing.value());
    assertTrue(e.problems().get(0).expected().startsWith("the flat file's column lsoa_residence"));
    assertTrue(
        e.problems().get(1).value().startsWith("no column rqmnt_type_main_category_code"),
        e.getMessage());
    assertTrue(e.problems().get(2).value().startsWith("no column length"), e.getMessage());
  }

  @Test
  void aFlatFileMissingAColumnIsOneProblemNotOnePerRequirement() throws IOException {
    String header = FLAT_HEADER.replace("disposal_date,", "");
    DatasetValidationException e =
        refused(
            header
                + "\nev1,2017-02-28,Ran its full course,365,ORA Community Order,,CPA Durham"
                + " Tees Valley,E01000001,\n",
            RQ_HEADER + "\nev1,F,,20\nev2,W,,40\n");
    assertEquals(1, e.problems().size(), e.getMessage());
    assertTrue(e.problems().get(0).value().startsWith("no column disposal_date among"));
  }

  @Test
  void aConflictingDuplicateIsRefusedNamingBothRows() throws IOException {
    DatasetValidationException e =
        refused(
            FLAT_HEADER
                + "\n"
                + GOOD_ROW
                + "ev1,2016-03-01,2017-02-28,Ran its full course,365,ORA Community Order,,CPA"
                + " Northumbria,E01000002,\n",
            RQ_HEADER + "\n");
    assertEquals(1, e.problems().size());
    Problem p = e.problems().get(0);
    assertEquals(3, p.line());
    assertEquals("probation_area_desc", p.column());
    assertEquals("CPA Northumbria", p.value());
    assertEquals(
        "the same probation_area_desc as line 2 of "
            + dir.resolve("flatfile.csv")
            + ", which has the same event_id_hash \"ev1\" and \"CPA Durham Tees Valley\" (a"
            + " conflicting duplicate: which row is right cannot be known)",
        p.expected());
  }

  @Test
  void aValueClaimingAProviderButNotOneIsRefused() throws IOException {
    DatasetValidationException e =
        refused(
            FLAT_HEADER
                + "\n"
                + GOOD_ROW.replace("ev1", "ev2").replace("CPA Durham Tees Valley", "CPA Londn"),
            RQ_HEADER + "\n");
    Problem p = e.problems().get(0);
    assertEquals("probation_area_desc", p.column());
    assertEquals("CPA Londn", p.value());
    assertTrue(p.expected().startsWith("one of the CPA and NPS division descriptions [CPA"));
  }

  @Test
  void withoutALookupTheLoadIsRefusedSayingWhatToSupply() throws IOException {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DataFirstFiles.load(
                    write(FLAT_HEADER + "\n" + GOOD_ROW, RQ_HEADER + "\n", null, null),
                    Provenance.Kind.OFFICIAL_SENSITIVE));
    assertTrue(
        e.getMessage()
            .startsWith(
                dir
                    + ": no lsoa_pcc_lookup.csv. Data First gives each person's home LSOA"
                    + " (lsoa_residence), not a PCC area"),
        e.getMessage());
  }

  @Test
  void aLookupWhoseSourceIsNotStatedIsRefused() throws IOException {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DataFirstFiles.load(
                    write(FLAT_HEADER + "\n" + GOOD_ROW, RQ_HEADER + "\n", LOOKUP, null),
                    Provenance.Kind.OFFICIAL_SENSITIVE));
    assertTrue(
        e.getMessage().startsWith(dir + ": the source of lsoa_pcc_lookup.csv is not stated"),
        e.getMessage());
  }

  @Test
  void everyProblemIsLocatedAndAllAreListedInOneException() throws IOException {
    String flat =
        FLAT_HEADER
            + "\n"
            + GOOD_ROW
            // an LSOA the lookup lacks
            + "ev2,2016-03-01,2017-02-28,Ran its full course,365,ORA Community Order,,CPA Durham"
            + " Tees Valley,E01999999,\n"
            // an unknown termination reason
            + "ev3,2016-03-01,2017-02-28,Finished,365,ORA Community Order,,CPA Durham Tees"
            + " Valley,E01000001,\n"
            // a date not written yyyy-MM-dd
            + "ev4,01/03/2016,2017-02-28,Ran its full course,365,ORA Community Order,,CPA Durham"
            + " Tees Valley,E01000001,\n"
            // a licence (B) with a RAR requirement: the case table's rule refuses it, traced back
            + "ev5,2020-06-01,,,913,ORA Adult Custody (not PSS),B,NPS North East,E01000002,\n";
    String rq = RQ_HEADER + "\nev5,F,,10\nnoevent,W,,40\n";
    DatasetValidationException e = refused(flat, rq);
    String flatFile = dir.resolve("flatfile.csv").toString();
    String rqFile = dir.resolve("rqmnts.csv").toString();
    assertEquals(5, e.problems().size(), e.getMessage());
    assertEquals(
        flatFile
            + ": line 3, column 9 (lsoa_residence): found \"E01999999\", expected an LSOA 2011 code"
            + " listed in lsoa_pcc_lookup.csv (it lists 3)",
        e.problems().get(1).toString(),
        e.getMessage());
    assertEquals(
        flatFile
            + ": line 4, column 4 (disposal_termination_reason_desc): found \"Finished\", expected"
            + " one of [Ran its full course, Terminated early for good progress, Expired (Normal),"
            + " Completed - early good progress, Failure to comply with requirements, Conviction"
            + " of an offence, Other]",
        e.problems().get(2).toString());
    assertEquals(
        flatFile
            + ": line 5, column 2 (disposal_date): found \"01/03/2016\", expected a date"
            + " yyyy-MM-dd",
        e.problems().get(3).toString());
    // the requirement of no event, found when the two files are joined
    assertEquals(
        rqFile
            + ": line 3, column 1 (event_id_hash): found \"noevent\", expected the event_id_hash of"
            + " an event in the flat file (this requirement has none)",
        e.problems().get(0).toString());
    assertEquals(
        rqFile
            + ": line 2, column 4 (length): found \"10\", expected a value giving the case table's"
            + " rar_days a valid value (derived: \"10\"; expected 0 unless work_type is CO or SSO)"
            + " for event \"ev5\"",
        e.problems().get(4).toString());
  }
}
