package org.probationlens.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.Sources;
import org.probationlens.reference.FigureCheck;

class PbrRecordTest {

  private final PbrRecord record = PbrRecord.standard();

  @Test
  void theNaoFiguresAreReadFromTheTable() {
    // NAO press release 1 Mar 2019, as in pbr_reoffending.csv: "-2.5 ppt", "+22%", "6 of 21".
    assertEquals(-2.5, record.binaryChangePoints());
    assertEquals(22.0, record.frequencyChangePercent());
    assertEquals(6, record.crcsWithSignificantReductions());
    assertEquals(21, record.crcs());
    assertEquals(Provenance.Kind.PUBLISHED, record.sources().kind());
  }

  @Test
  void theCohortCountsAreTheSixOfTwentyOneAndTheFiveFinalCohorts() {
    // pbr_reoffending.csv: to Mar 2017 6; Apr-Jun 2019 20; Jul-Sep 2019 17; Oct-Dec 2019 18;
    // Jan-Mar 2020 20; 2019/20 annual 21.
    assertEquals(List.of(6, 20, 17, 18, 20, 21), record.byCohort().intColumn("crcs").asList());
  }

  @Test
  void theRegistryAgreesWithTheTable() {
    for (FigureCheck c : record.checks().checks()) {
      assertTrue(c.pass(), c.toString());
    }
  }

  @Test
  void besideTheModelTheResultIsNotPublished() {
    Sources model = new Sources(List.of(), List.of("PbR share of the maximum: 10% (assumption)"));
    PbrBesideModel b = record.beside(3.2, model);
    assertEquals(Provenance.Kind.DERIVED, b.sources().kind());
    assertEquals(3.2, b.table().doubleColumn("value").getDouble(3));
    assertTrue(b.table().stringColumn("kind").get(3).startsWith("MODELLED"));
    assertThrows(IllegalArgumentException.class, () -> record.beside(120, model));
  }
}
