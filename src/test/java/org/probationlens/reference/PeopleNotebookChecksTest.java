package org.probationlens.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.probationlens.partners.ReferralFunnel;
import org.probationlens.partners.SyntheticReferrals;
import org.probationlens.payment.PbrRecord;
import org.probationlens.people.StaffSurveys;
import org.probationlens.people.SyntheticPairedViews;
import org.probationlens.people.SyntheticVictimContact;
import org.probationlens.people.VictimContact;
import org.probationlens.people.ViewsAgreement;
import org.probationlens.provenance.Provenance;
import tech.tablesaw.api.Table;

/**
 * Every registry check notebook 07 and notebook 02 make, made the same way with the notebook's own
 * default parameters (read from its {@code parameters} cell), and the numbers its prose states, so
 * that a change in a generator or a table that would make the notebook's words untrue fails here
 * first.
 */
class PeopleNotebookChecksTest {

  private static double confidence;
  private static long seed;
  private static int pairedCases;
  private static int eligibleVictims;
  private static long assumedRespondents;

  @BeforeAll
  static void readTheNotebooksParameters() throws IOException {
    Path nb =
        Path.of(System.getProperty("lens.projectDir", "."))
            .resolve("notebooks/07-people-and-partners.ipynb");
    String json = Files.readString(nb);
    assertTrue(
        json.contains("\"tags\": [\n     \"parameters\"\n    ]"), "a cell tagged parameters");
    confidence = Double.parseDouble(value(json, "double confidence"));
    seed = Long.parseLong(value(json, "long seed"));
    pairedCases = Integer.parseInt(value(json, "int pairedCases"));
    eligibleVictims = Integer.parseInt(value(json, "int eligibleVictimsPerDivision"));
    assumedRespondents = Long.parseLong(value(json, "long assumedRespondentsPerSector"));
  }

  private static String value(String json, String declaration) {
    Matcher m = Pattern.compile(Pattern.quote(declaration) + "\\s*=\\s*([0-9.]+);").matcher(json);
    assertTrue(m.find(), "the parameters cell declares " + declaration);
    return m.group(1);
  }

  @Test
  void theDefaultsAreTheOnesTheProseDescribes() {
    assertEquals(0.95, confidence);
    assertEquals(2014, seed);
    assertEquals(240, pairedCases);
    assertEquals(60, eligibleVictims);
    assertEquals(100, assumedRespondents);
  }

  @Test
  void staffChecksPassAndTheProseNumbersHold() {
    StaffSurveys staff = StaffSurveys.standard();
    for (FigureCheck c : staff.checks().checks()) {
      assertTrue(c.pass(), c.toString());
    }
    // "82% said morale had fallen, 2014, interval about 79% to 84%"
    Table t = staff.shares(confidence).table();
    assertEquals(79.5, t.doubleColumn("lower_percent").getDouble(0), 0.05);
    assertEquals(84.3, t.doubleColumn("upper_percent").getDouble(0), 0.05);
    // "the CRC-NPS gap ... 53 points ... whatever the unknown number of respondents"
    var gap = staff.npsAgainstCrc(assumedRespondents, confidence);
    assertEquals(0.53, gap.difference().difference(), 1e-12);
    assertTrue(gap.difference().excludesZero());
    assertEquals(7, gap.smallestGroupExcludingZero());
  }

  @Test
  void usersAgainstInspectorsReadsAsTheNotebookSays() {
    ViewsAgreement a =
        ViewsAgreement.of(SyntheticPairedViews.generate(pairedCases, seed), confidence);
    assertEquals(Provenance.Kind.SYNTHETIC, a.sources().kind());
    // "users put most cases at Good or better and inspectors most at Requires improvement"
    assertTrue(a.userGoodOrBetter() > 0.5, String.valueOf(a.userGoodOrBetter()));
    assertTrue(a.inspectorGoodOrBetter() < 0.5, String.valueOf(a.inspectorGoodOrBetter()));
    // "Stuart-Maxwell and McNemar reject equal margins, while kappa shows only modest agreement"
    assertTrue(a.stuartMaxwell().reject(0.05) && a.mcNemar().reject(0.05));
    assertTrue(a.quadratic().kappa() > 0 && a.quadratic().upper() < 0.6, a.quadratic().toString());
    assertTrue(a.linear().kappa() > 0 && a.linear().upper() < 0.6, a.linear().toString());
  }

  @Test
  void theOrganisationsCheckIsCalibratedAndPasses() {
    ReferralFunnel f = ReferralFunnel.of(SyntheticReferrals.generate(seed), confidence);
    FigureCheck c = f.organisationsCheck();
    assertTrue(c.pass(), c.toString());
    assertEquals(FigureCheck.Status.CALIBRATED, c.status());
    assertEquals(Provenance.Kind.SYNTHETIC, f.sources().kind());
  }

  @Test
  void theLondonCheckIsCalibratedAndItsIntervalIsTheOneTheProseGives() {
    VictimContact v =
        VictimContact.of(SyntheticVictimContact.generate(eligibleVictims, seed), confidence);
    FigureCheck c = v.londonCheck();
    assertTrue(c.pass(), c.toString());
    assertEquals(FigureCheck.Status.CALIBRATED, c.status());
    // "London's 25% not offered has an interval of roughly 16% to 37%: ... can say 'more than one
    // in ten' with confidence but cannot by itself confirm 'more than a fifth'"
    assertEquals(0.25, v.londonNotOffered().estimate(), 1e-12);
    assertEquals(0.16, v.londonNotOffered().lower(), 0.005);
    assertEquals(0.37, v.londonNotOffered().upper(), 0.005);
    assertTrue(v.londonNotOffered().lower() > 0.10 && v.londonNotOffered().lower() < 0.20);
  }

  @Test
  void notebook02sPaymentByResultsChecksPass() throws IOException {
    for (FigureCheck c : PbrRecord.standard().checks().checks()) {
      assertTrue(c.pass(), c.toString());
    }
    String notebook =
        Files.readString(
            Path.of(System.getProperty("lens.projectDir", "."))
                .resolve("notebooks/02-contract-payments.ipynb"));
    assertTrue(notebook.contains("pbr.checks()"));
    assertTrue(
        notebook.contains("pbr.beside(result.totals().pbrPercentOfPaid(), result.sources())"));
  }
}
