package org.probationlens.innovation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import org.probationlens.stats.SurvivalStep;
import tech.tablesaw.api.Table;

class InnovationRegisterTest {

  private static final String H = InnovationRegister.HEADER + "\n";

  private static InnovationRegister read(String body) {
    return InnovationRegister.read("test.csv", new StringReader(H + body));
  }

  /** The first problem of a register that fails, with file, line, column, value and expected. */
  private static Problem fails(String body) {
    return assertThrows(DatasetValidationException.class, () -> read(body)).problems().get(0);
  }

  @Test
  void documentedRegisterHoldsTheTwelveEventsOfFactsSectionFive() {
    InnovationRegister doc = InnovationRegister.documented();
    assertEquals(12, doc.innovations().size());
    assertTrue(doc.innovations().stream().noneMatch(Innovation::synthetic));
    // by owner, counted by hand from data/reference/innovations.csv:
    // SODEXO DOC-04..09 = 6; WORKING_LINKS DOC-02, 03, 12 = 3; ARCC, MTCNOVO, PURPLE_FUTURES 1 each
    Table byOwner = doc.countBy(Breakdown.OWNER).table();
    assertEquals(
        List.of("ARCC", "MTCNOVO", "PURPLE_FUTURES", "SODEXO", "WORKING_LINKS"),
        byOwner.stringColumn("owner").asList());
    assertEquals(List.of(1, 1, 1, 6, 3), byOwner.intColumn("innovations").asList());
    assertEquals(List.of(0, 0, 0, 0, 0), byOwner.intColumn("synthetic").asList());
  }

  @Test
  void documentedDatesKeepTheSourcesPrecision() {
    InnovationRegister doc = InnovationRegister.documented();
    Innovation hubs = byId(doc, "DOC-01");
    EventDate d = hubs.event(LifecycleStage.ROLLED_OUT).orElseThrow().date();
    assertEquals(EventDate.Precision.MONTH, d.precision());
    assertEquals(EventDate.Kind.BY, d.kind());
    assertEquals("by 2019-03", d.toString());
    assertEquals(LocalDate.of(2019, 3, 31), d.latest().orElseThrow());
    assertFalse(d.earliest().isPresent());
    assertEquals(
        EventDate.Precision.YEAR,
        byId(doc, "DOC-10").event(LifecycleStage.ROLLED_OUT).orElseThrow().date().precision());
    assertEquals(
        EventDate.Precision.UNKNOWN,
        byId(doc, "DOC-04").event(LifecycleStage.ROLLED_OUT).orElseThrow().date().precision());
    // no documented event is dated to a day it did not give: only DOC-02 and DOC-12 carry a day,
    // the publication days of the Gwent report (19 Apr 2017) and of the Guardian (1 Nov 2017)
    List<String> days =
        doc.innovations().stream()
            .filter(
                i ->
                    i.events().stream()
                        .anyMatch(e -> e.date().precision() == EventDate.Precision.DAY))
            .map(Innovation::id)
            .toList();
    assertEquals(List.of("DOC-02", "DOC-12"), days);
  }

  @Test
  void documentedRegisterCannotTimeSignOff() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> InnovationRegister.documented().timeToSignOff(LocalDate.of(2021, 6, 25)));
    assertTrue(e.getMessage().startsWith("no innovation has a submitted date known to the day"));
  }

  @Test
  void unknownCpaCodeIsLocated() {
    Problem e = fails("TST-1,Hubs,delivery_model,C22,SODEXO,rolled_out,2017-04,by,HMIP,found\n");
    assertEquals(
        "test.csv: line 2, column 4 (provider): found \"C22\", expected a CPA code C01..C21, or the owner's"
            + " code for an owner-wide innovation",
        e.toString());
    assertEquals(2, e.line());
    assertEquals("provider", e.column());
    assertEquals("C22", e.value());
  }

  @Test
  void eventsOutOfLifecycleOrderAreLocated() {
    Problem e =
        fails(
            "SYN-1,X,it_system,C05,PURPLE_FUTURES,submitted,2016-05-01,on,gen,synthetic\n"
                + "SYN-1,X,it_system,C05,PURPLE_FUTURES,approved,2016-04-30,on,gen,synthetic\n");
    assertEquals(
        "test.csv: line 3, column 7 (date): found \"2016-04-30\", expected a date on or after the submitted"
            + " event (2016-05-01, line 2): lifecycle events out of order",
        e.toString());
  }

  @Test
  void eventAfterWithdrawalIsLocatedAtTheLaterEvent() {
    Problem e =
        fails(
            "SYN-1,X,it_system,C05,PURPLE_FUTURES,rolled_out,2017-05-01,on,gen,synthetic\n"
                + "SYN-1,X,it_system,C05,PURPLE_FUTURES,withdrawn,2016,on,gen,synthetic\n");
    assertEquals(
        "test.csv: line 2, column 7 (date): found \"2017-05-01\", expected no event after the withdrawal"
            + " (2016, line 3): lifecycle events out of order",
        e.toString());
  }

  @Test
  void monthPrecisionDoesNotContradictADayInTheSameMonth() {
    // submitted "in April 2016" and approved on 10 April 2016 can both be true
    InnovationRegister r =
        read(
            "SYN-1,X,it_system,C05,PURPLE_FUTURES,submitted,2016-04,on,gen,synthetic\n"
                + "SYN-1,X,it_system,C05,PURPLE_FUTURES,approved,2016-04-10,on,gen,synthetic\n");
    assertEquals(2, r.innovations().get(0).events().size());
  }

  @Test
  void otherBadCellsAreLocated() {
    assertEquals(
        "test.csv: line 2, column 5 (owner): found \"SODEXO\", expected an owner of C05 at the event's date"
            + " (2016-04-10): [PURPLE_FUTURES]",
        fails("SYN-1,X,it_system,C05,SODEXO,approved,2016-04-10,on,gen,synthetic\n").toString());
    assertEquals(
        "test.csv: line 2, column 7 (date): found \"2017-02-30\", expected yyyy, yyyy-MM or yyyy-MM-dd (a real"
            + " calendar date), or unknown",
        fails("SYN-1,X,it_system,C05,PURPLE_FUTURES,approved,2017-02-30,on,gen,synthetic\n")
            .toString());
    assertEquals(
        "test.csv: line 2, column 8 (date_kind): found \"\", expected on | by",
        fails("SYN-1,X,it_system,C05,PURPLE_FUTURES,approved,2017-02,,gen,synthetic\n").toString());
    assertEquals(
        "test.csv: line 2, column 6 (stage): found \"signed_off\", expected proposed | submitted | approved |"
            + " piloted | rolled_out | evaluated | withdrawn",
        fails("SYN-1,X,it_system,C05,PURPLE_FUTURES,signed_off,2017,on,gen,synthetic\n")
            .toString());
    assertEquals(
        "test.csv: line 2, column 7 (date): found \"2009\", expected a date from 2013 (Transforming"
            + " Rehabilitation) to 2021 (the CRC contracts ended on 25 June 2021)",
        fails("SYN-1,X,it_system,C05,PURPLE_FUTURES,approved,2009,on,gen,synthetic\n").toString());
    assertEquals(
        "test.csv: line 3, column 6 (stage): found \"approved\", expected each stage once per innovation;"
            + " approved is already on line 2",
        fails(
                "SYN-1,X,it_system,C05,PURPLE_FUTURES,approved,2016,on,gen,synthetic\n"
                    + "SYN-1,X,it_system,C05,PURPLE_FUTURES,approved,2017,on,gen,synthetic\n")
            .toString());
    assertEquals(
        "test.csv: line 3, column 10 (tag): found \"found\", expected synthetic: an innovation is wholly"
            + " documented or wholly synthetic (as on line 2)",
        fails(
                "SYN-1,X,it_system,C05,PURPLE_FUTURES,submitted,2016,on,gen,synthetic\n"
                    + "SYN-1,X,it_system,C05,PURPLE_FUTURES,approved,2017,on,HMIP,found\n")
            .toString());
    Problem header =
        assertThrows(
                DatasetValidationException.class,
                () -> InnovationRegister.read("test.csv", new StringReader("id,name\n")))
            .problems()
            .get(0);
    assertEquals(List.of(1L, "id"), List.of(header.line(), header.column()));
  }

  @Test
  void everyBadRowIsListedNotOnlyTheFirst() {
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class,
            () ->
                read(
                    "TST-1,Hubs,delivery_model,C22,SODEXO,rolled_out,2017-04,by,HMIP,found\n"
                        + "SYN-1,X,it_system,C05,PURPLE_FUTURES,signed_off,2017,on,gen,synthetic\n"
                        + "SYN-2,X,it_system,C05,PURPLE_FUTURES,approved,2009,on,gen,synthetic\n"));
    assertEquals(
        List.of("2:provider", "3:stage", "4:date"),
        e.problems().stream().map(p -> p.line() + ":" + p.column()).toList());
  }

  @Test
  void aLatin1ByteIsRefusedWithItsLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = dir.resolve("latin1.csv");
    java.nio.file.Files.write(
        file,
        (H + "TST-1,Caf\u00e9 hubs,delivery_model,C03,ARCC,rolled_out,2019-03,by,HMIP,found\n")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    Problem p =
        assertThrows(DatasetValidationException.class, () -> InnovationRegister.load(file))
            .problems()
            .get(0);
    assertEquals(List.of(2L, "bytes that are not UTF-8"), List.of(p.line(), p.value()));
  }

  @Test
  void timeToSignOffMatchesHandCalculation() {
    // A: submitted 2016-01-01, approved 2016-01-31: 30 days, event
    // B: submitted 2016-01-01, still pending on 2016-03-01: censored at 60 days
    // C: submitted 2016-02-01, approved 2016-03-01 (2016 is a leap year): 29 days, event
    // KM: t=29: n=3, d=1, S = 2/3; t=30: n=2, d=1, S = 2/3 * 1/2 = 1/3; t=60: censored.
    // Median: first S <= 0.5 is at t = 30.
    InnovationRegister r =
        read(
            "SYN-A,A,it_system,C05,PURPLE_FUTURES,submitted,2016-01-01,on,gen,synthetic\n"
                + "SYN-A,A,it_system,C05,PURPLE_FUTURES,approved,2016-01-31,on,gen,synthetic\n"
                + "SYN-B,B,it_system,C08,RRP,submitted,2016-01-01,on,gen,synthetic\n"
                + "SYN-C,C,telephony,C08,RRP,submitted,2016-02-01,on,gen,synthetic\n"
                + "SYN-C,C,telephony,C08,RRP,approved,2016-03-01,on,gen,synthetic\n");
    StageTimes s = r.timeToSignOff(LocalDate.of(2016, 3, 1));
    assertEquals(List.of(30.0, 60.0, 29.0), s.times().doubleColumn("days").asList());
    assertEquals(
        List.of("reached", "waiting", "reached"), s.times().stringColumn("status").asList());
    List<SurvivalStep> steps = s.overall().steps();
    assertEquals(2.0 / 3, steps.get(0).survival(), 1e-12);
    assertEquals(1.0 / 3, steps.get(1).survival(), 1e-12);
    assertEquals(30.0, s.overall().median().estimate().getAsDouble(), 0.0);
    assertEquals(List.of("PURPLE_FUTURES", "RRP"), List.copyOf(s.byGroup().keySet()));
    assertTrue(s.groupTest().isPresent());
    // as of 2016-01-15 nothing is approved yet and C is not yet submitted
    StageTimes early = r.timeToSignOff(LocalDate.of(2016, 1, 15));
    assertEquals(0, early.overall().events());
    assertEquals(
        List.of(
            "SYN-C: submitted 2016-02-01, after the analysis date 2016-01-15",
            "log-rank test between groups not possible: no group difference can be measured: no"
                + " event time had subjects from two groups at risk (events observed: 0)"),
        early.excluded());
    assertTrue(early.groupTest().isEmpty());
  }

  @Test
  void ownerWideInnovationDiffusesToEachOfTheOwnersCrcs() {
    // DOC-09: Sodexo's assessment tools, by Nov 2018, count for each of Sodexo's six CRCs
    // (data/reference/cpa_ownership.csv: C01, C02, C09, C13, C14, C18)
    Table t =
        InnovationRegister.documented()
            .diffusion(InnovationType.IT_SYSTEM, LifecycleStage.ROLLED_OUT)
            .table();
    assertEquals(
        List.of("C01", "C02", "C09", "C13", "C14", "C18"), t.stringColumn("cpa_code").asList());
    assertEquals(6, t.intColumn("cumulative_crcs").getInt(5));
    assertEquals(6.0 / 21, t.doubleColumn("share_of_crcs").getDouble(5), 1e-12);
    assertEquals(LocalDate.of(2018, 11, 30), t.dateColumn("adopted_by").get(0));
  }

  @Test
  void undatedAdoptionComesLastWithoutACumulativeCount() {
    // telephone supervision rolled out: Gwent by 2017-04 (C10), Suffolk by 2017-06 (C14), Essex
    // undated (C18); Northumbria and South Yorkshire only withdrew it, so they do not count
    Table t =
        InnovationRegister.documented()
            .diffusion(InnovationType.TELEPHONE_SUPERVISION, LifecycleStage.ROLLED_OUT)
            .table();
    assertEquals(List.of("C10", "C14", "C18"), t.stringColumn("cpa_code").asList());
    assertEquals(2, t.intColumn("cumulative_crcs").getInt(1));
    assertTrue(t.intColumn("cumulative_crcs").isMissing(2));
  }

  @Test
  void innovationIndexMatchesHandCalculation() {
    // Practices HMIP criticised (innovation_judgements.csv) are adopted but left out of the index.
    // C14 Norfolk & Suffolk: DOC-05 telephone contact, DOC-06 open booths, DOC-09 Sodexo-wide
    // tools: three adopted, all three criticised, index 0 (it was 3.0 before the judgements).
    // C10 Wales: DOC-02 hubs (not judged, rolled out, 1.0) + DOC-03 phone every six weeks
    // (criticised) = 1.0.
    // C01 Northumbria: DOC-08 (withdrawn, criticised) + DOC-09 (criticised) = 0.
    // C08 DLNR: nothing documented = 0
    Table t = InnovationRegister.documented().innovationIndex().table();
    assertEquals(21, t.rowCount());
    assertEquals(0.0, indexOf(t, "C14"), 0.0);
    assertEquals(3, t.intColumn("innovations").get(t.stringColumn("cpa_code").indexOf("C14")));
    assertEquals(
        3, t.intColumn("criticised_by_inspectors").get(t.stringColumn("cpa_code").indexOf("C14")));
    assertEquals(1.0, indexOf(t, "C10"), 0.0);
    assertEquals(0.0, indexOf(t, "C01"), 0.0);
    assertEquals(0.0, indexOf(t, "C08"), 0.0);
  }

  @Test
  void judgementsAreKeptApartFromAdoption() {
    Table j = InnovationRegister.documented().judgements().table();
    assertEquals(12, j.rowCount());
    assertEquals(
        List.of("DOC-03", "DOC-04", "DOC-05", "DOC-06", "DOC-07", "DOC-08", "DOC-09"),
        j.where(j.stringColumn("judgement").isEqualTo("criticised"))
            .stringColumn("innovation_id")
            .asList());
    assertEquals("innovation, provider", j.columnNames().get(1) + ", " + j.columnNames().get(2));
  }

  @Test
  void indexWeightsFollowTheFurthestStage() {
    assertEquals(0.25, InnovationIndex.weight(LifecycleStage.SUBMITTED), 0.0);
    assertEquals(0.5, InnovationIndex.weight(LifecycleStage.APPROVED), 0.0);
    assertEquals(0.75, InnovationIndex.weight(LifecycleStage.PILOTED), 0.0);
    assertEquals(1.0, InnovationIndex.weight(LifecycleStage.EVALUATED), 0.0);
  }

  @Test
  void mergingRefusesRepeatedIds() {
    InnovationRegister doc = InnovationRegister.documented();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> doc.with(doc));
    assertTrue(e.getMessage().startsWith("innovation id DOC-01 is in both registers"));
  }

  @Test
  void publishedCountsCarryTheNaoFinding() {
    Table t = InnovationRegister.publishedCounts().table();
    // facts.md section 2: "Only 2 CRCs delivered the IT innovation they promised (NAO press
    // release 2019)"
    assertEquals("crcs_delivering_promised_it", t.stringColumn("measure").get(0));
    assertEquals(2, t.intColumn("value").getInt(0));
    assertEquals(21, t.intColumn("of").getInt(0));
    assertEquals("found", t.stringColumn("tag").get(0));
  }

  @Test
  void diffusionCurvesRunFromTheCrcsCreationToTheContractsEnd() {
    // documented IT: Sodexo's six CRCs by 30 Nov 2018 (DOC-09), nothing else
    Table t =
        InnovationRegister.documented()
            .diffusionCurves(List.of(InnovationType.IT_SYSTEM), LifecycleStage.ROLLED_OUT)
            .table();
    assertEquals(
        List.of(LocalDate.of(2014, 6, 1), LocalDate.of(2018, 11, 30), LocalDate.of(2021, 6, 25)),
        t.dateColumn("date").asList());
    assertEquals(List.of(0, 6, 6), t.intColumn("cumulative_crcs").asList());
  }

  private static double indexOf(Table t, String cpa) {
    int row = t.stringColumn("cpa_code").asList().indexOf(cpa);
    return t.doubleColumn("index").getDouble(row);
  }

  private static Innovation byId(InnovationRegister r, String id) {
    return r.innovations().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void everyTableCarriesWhereItsEventsCameFrom() {
    InnovationRegister doc = InnovationRegister.documented();
    assertEquals(org.probationlens.provenance.Provenance.Kind.DERIVED, doc.sources().kind());
    InnovationRegister both = doc.with(InnovationRegister.synthetic(2014));
    // documented and synthetic events together: the synthetic ones make every figure synthetic
    assertTrue(both.countBy(Breakdown.OWNER).sources().synthetic());
    assertEquals(2, both.sources().inputs().size());
    assertEquals("2014", String.valueOf(both.sources().inputs().get(1).seed()));
    assertFalse(doc.innovationIndex().sources().synthetic());
  }
}
