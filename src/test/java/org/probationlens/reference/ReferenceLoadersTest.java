package org.probationlens.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.probationlens.partners.ReferralFunnel;
import org.probationlens.payment.PbrRecord;
import org.probationlens.people.StaffSurveys;
import org.probationlens.people.VictimContact;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Schema;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The reference tables of the people, partners and payment results read through the one CSV reader:
 * each shipped file loads with the same values as the plain text read it replaced, and a damaged
 * copy (a wrong type, an unknown code, a space around a code, a missing column) is refused with the
 * located problem. The expected messages are written out by hand from the damaged line.
 */
class ReferenceLoadersTest {

  static Stream<Arguments> shipped() {
    return Stream.of(
        Arguments.of("staff_surveys.csv", StaffSurveys.SURVEY_SCHEMA),
        Arguments.of("caseloads.csv", StaffSurveys.CASELOAD_SCHEMA),
        Arguments.of("victim_contact.csv", VictimContact.SCHEMA),
        Arguments.of("third_sector.csv", ReferralFunnel.SCHEMA),
        Arguments.of("pbr_reoffending.csv", PbrRecord.SCHEMA));
  }

  /** Every cell as the old all-text read had it: text equal, numbers equal to the text parsed. */
  @ParameterizedTest
  @MethodSource("shipped")
  void theShippedFileLoadsWithItsValuesUnchanged(String file, Schema schema) throws IOException {
    Table old = ReferenceTablesTest.read(file);
    Table loaded = ReferenceTable.read(file, "t", schema).table();
    assertEquals(file, loaded.name());
    assertEquals(old.columnNames(), loaded.columnNames());
    assertEquals(old.rowCount(), loaded.rowCount());
    for (String name : old.columnNames()) {
      Column<?> column = loaded.column(name);
      for (int r = 0; r < old.rowCount(); r++) {
        String text = old.stringColumn(name).get(r);
        if (column instanceof NumericColumn<?> numbers) {
          if (text.isEmpty()) {
            assertTrue(numbers.isMissing(r), file + " " + name + " row " + r);
          } else {
            assertEquals(Double.parseDouble(text), numbers.getDouble(r), file + " " + name);
          }
        } else {
          assertEquals(text, loaded.stringColumn(name).get(r), file + " " + name + " row " + r);
        }
      }
    }
  }

  @Test
  void theProvenanceHashIsOfTheBytesRead() throws IOException {
    byte[] bytes;
    try (var in = getClass().getResourceAsStream("/data/reference/caseloads.csv")) {
      bytes = in.readAllBytes();
    }
    Provenance p =
        ReferenceTable.read("caseloads.csv", "t", StaffSurveys.CASELOAD_SCHEMA).provenance();
    assertEquals(ReferenceTable.sha256(bytes), p.sha256());
    assertEquals(Provenance.Kind.PUBLISHED, p.kind());
  }

  private static final String CASELOAD_HEADER =
      "id,provider_type,provider,date,measure,value_kind,value,unit,value_as_published,source,"
          + "tag,note\n";
  private static final String CASELOAD_ROW =
      "nps_see_2019_average_caseload,NPS,NPS South East & Eastern,2019-09,average cases per"
          + " probation officer,lower_bound,42,cases,avg >42 cases,HMIP PR 2019/09/npssoutheast,"
          + "found,\n";

  private static String refused(Path dir, String name, String text, Schema schema)
      throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class, () -> ReferenceTable.load(file, "t", schema));
    return e.getMessage().replace(file.toString(), "FILE");
  }

  @Test
  void aGoodCaseloadCopyLoads(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("caseloads.csv");
    Files.writeString(file, CASELOAD_HEADER + CASELOAD_ROW);
    Table t = ReferenceTable.load(file, "t", StaffSurveys.CASELOAD_SCHEMA).table();
    assertEquals(42.0, ReferenceTable.number(t, "value", 0));
    assertEquals("lower_bound", t.stringColumn("value_kind").get(0));
    assertEquals("", t.stringColumn("note").get(0));
  }

  @Test
  void aCaseloadWrittenAsWordsIsLocated(@TempDir Path dir) throws IOException {
    assertEquals(
        "FILE: 1 problem; nothing was loaded\n"
            + "  line 2, column 7 (value): found \"forty-two\", expected a decimal number >= 0",
        refused(
            dir,
            "a.csv",
            CASELOAD_HEADER + CASELOAD_ROW.replace(",42,", ",forty-two,"),
            StaffSurveys.CASELOAD_SCHEMA));
  }

  @Test
  void anUnknownTagIsLocated(@TempDir Path dir) throws IOException {
    assertEquals(
        "FILE: 1 problem; nothing was loaded\n"
            + "  line 2, column 11 (tag): found \"Found\", expected one of found, secondary,"
            + " derived, uncertain",
        refused(
            dir,
            "a.csv",
            CASELOAD_HEADER + CASELOAD_ROW.replace(",found,", ",Found,"),
            StaffSurveys.CASELOAD_SCHEMA));
  }

  @Test
  void aSpaceAroundACodeIsLocated(@TempDir Path dir) throws IOException {
    assertEquals(
        "FILE: 1 problem; nothing was loaded\n"
            + "  line 2, column 2 (provider_type): found \"NPS \", expected one of all, NPS, CRC,"
            + " with no leading or trailing spaces",
        refused(
            dir,
            "a.csv",
            CASELOAD_HEADER + CASELOAD_ROW.replace(",NPS,", ",NPS ,"),
            StaffSurveys.CASELOAD_SCHEMA));
  }

  @Test
  void aMissingColumnIsLocated(@TempDir Path dir) throws IOException {
    // the unit column taken out of header and row
    String header = CASELOAD_HEADER.replace(",unit,", ",");
    String row = CASELOAD_ROW.replace(",42,cases,", ",42,");
    assertEquals(
        "FILE: 1 problem; nothing was loaded\n"
            + "  line 1, column 8 (unit): found \"value_as_published\", expected the column"
            + " \"unit\" (the header is id,provider_type,provider,date,measure,value_kind,value,"
            + "unit,value_as_published,source,tag,note)",
        refused(dir, "a.csv", header + row, StaffSurveys.CASELOAD_SCHEMA));
  }

  @Test
  void aDateThatWasNeverPublishedIsLocated(@TempDir Path dir) throws IOException {
    assertEquals(
        "FILE: 1 problem; nothing was loaded\n"
            + "  line 2, column 4 (date): found \"2019-13\", expected a date as published: yyyy,"
            + " yyyy-MM or yyyy-MM-dd",
        refused(
            dir,
            "a.csv",
            CASELOAD_HEADER + CASELOAD_ROW.replace(",2019-09,", ",2019-13,"),
            StaffSurveys.CASELOAD_SCHEMA));
  }

  private static final String SURVEY_HEADER =
      "id,survey,provider_type,provider,date,population,respondents,respondents_kind,finding,"
          + "value_kind,percent,value_as_published,registry_id,source,tag,note\n";
  private static final String SURVEY_ROW =
      "s1,a survey,all,probation staff,2014-09,staff,1000,lower_bound,morale decreased,point,82,"
          + "82%,,a source,found,\n";

  @Test
  void aSurveyShareOverAHundredIsLocated(@TempDir Path dir) throws IOException {
    assertEquals(
        "FILE: 1 problem; nothing was loaded\n"
            + "  line 2, column 11 (percent): found \"820\", expected a decimal number 0..100",
        refused(
            dir,
            "s.csv",
            SURVEY_HEADER + SURVEY_ROW.replace(",82,", ",820,"),
            StaffSurveys.SURVEY_SCHEMA));
  }

  @Test
  void respondentsGivenButSaidUnpublishedIsLocated(@TempDir Path dir) throws IOException {
    assertEquals(
        "FILE: 1 problem; nothing was loaded\n"
            + "  line 2, column 8 (respondents_kind): found \"not_published\", expected exact or"
            + " lower_bound, since respondents is given",
        refused(
            dir,
            "s.csv",
            SURVEY_HEADER + SURVEY_ROW.replace(",lower_bound,", ",not_published,"),
            StaffSurveys.SURVEY_SCHEMA));
  }

  @Test
  void anUnknownDivisionInTheVictimFindingsIsLocated(@TempDir Path dir) throws IOException {
    String header =
        "id,provider_type,provider,nps_division_code,date,measure,value_kind,percent,"
            + "value_as_published,registry_id,source,tag,note\n";
    String row =
        "v1,NPS,NPS London,N08,2019-05,a measure,lower_bound,20,more than a fifth,,src,found,\n";
    assertEquals(
        "FILE: 1 problem; nothing was loaded\n"
            + "  line 2, column 4 (nps_division_code): found \"N08\", expected one of N01, N02,"
            + " N03, N04, N05, N06, N07",
        refused(dir, "v.csv", header + row, VictimContact.SCHEMA));
  }

  @Test
  void aRepeatedPbrMeasureIsLocated(@TempDir Path dir) throws IOException {
    String text =
        "cohort,measure,value,note,source,tag\n"
            + "to Mar 2017,a measure,6 of 21,,NAO,found\n"
            + "to Mar 2017,a measure,7 of 21,,NAO,found\n";
    assertEquals(
        "FILE: 1 problem; nothing was loaded\n"
            + "  line 3, column 1 (cohort): found \"to Mar 2017,a measure\", expected a unique"
            + " cohort,measure; line 2 has the same",
        refused(dir, "p.csv", text, PbrRecord.SCHEMA));
  }

  @Test
  void aBadTagInTheRatingsListsTheTagsInOneOrder(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("hmip_ratings.csv");
    Files.writeString(
        file,
        "provider_code,provider,provider_type,cycle,overall_rating,published,"
            + "domain_ratings_reported,source,tag\n"
            + "C01,Northumbria CRC,CRC,2018-19,Good,2019-01-01,,a press release,Found\n");
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class,
            () -> org.probationlens.inspection.HmipRatings.load(file));
    assertEquals(
        file
            + ": 1 problem; nothing was loaded\n"
            + "  line 2, column 9 (tag): found \"Found\", expected one of found, secondary,"
            + " derived, uncertain",
        e.getMessage());
  }
}
