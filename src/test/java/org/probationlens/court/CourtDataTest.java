package org.probationlens.court;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading court data: what is accepted and how each kind of bad input is reported. */
class CourtDataTest {

  /**
   * Writes a small synthetic data set, then lets the test edit one file and re-seal the manifest.
   */
  private static Path written(Path dir) {
    CourtDataGenerator.generate(11, 0.005).write(dir);
    return dir;
  }

  private static void replaceLine(Path dir, String file, int lineNo, String text)
      throws IOException {
    Path p = dir.resolve(file);
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(p, StandardCharsets.UTF_8));
    lines.set(lineNo - 1, text);
    Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    // re-seal: put the new SHA-256 in the manifest so that the value check, not the hash, fires
    Path m = dir.resolve(CourtData.MANIFEST);
    List<String> manifest = new java.util.ArrayList<>(Files.readAllLines(m));
    for (int i = 1; i < manifest.size(); i++) {
      String[] f = manifest.get(i).split(",");
      if (f[0].equals(file)) {
        f[2] = CourtData.sha256(Files.readAllBytes(p));
        manifest.set(i, String.join(",", f));
      }
    }
    Files.writeString(m, String.join("\n", manifest) + "\n");
  }

  @Test
  void roundTripsThroughFiles(@TempDir Path dir) {
    CourtData original = CourtDataGenerator.generate(11, 0.005);
    original.write(dir);
    CourtData loaded = CourtData.load(dir);
    assertEquals(original.reports().printAll(), loaded.reports().printAll());
    assertEquals(original.survey().printAll(), loaded.survey().printAll());
    assertEquals(
        "SYNTHETIC court data (court-generator 1, seed 11, scale 0.005): calibrated to published"
            + " figures; not real cases",
        loaded.provenance());
  }

  @Test
  void eachTableCarriesSyntheticProvenanceWithTheManifestHash(@TempDir Path dir)
      throws IOException {
    CourtData data = CourtDataGenerator.generate(11, 0.005);
    data.write(dir);
    org.probationlens.data.Provenance p = data.provenance(CourtTable.ORDERS);
    assertEquals(org.probationlens.data.Provenance.Kind.SYNTHETIC, p.kind());
    assertEquals(11L, p.seed());
    assertEquals(CourtDataGenerator.VERSION, p.generatorVersion());
    assertEquals(
        CourtData.sha256(Files.readAllBytes(dir.resolve("synthetic_orders.csv"))), p.sha256());
    assertTrue(p.oneLine().startsWith("SYNTHETIC data, not published figures."));
    assertEquals(p, CourtData.load(dir).provenance(CourtTable.ORDERS));
  }

  @Test
  void anEditedFileFailsItsChecksum(@TempDir Path dir) throws IOException {
    written(dir);
    Path orders = dir.resolve("synthetic_orders.csv");
    Files.writeString(orders, Files.readString(orders).replace(",CRC,0,0", ",CRC,0,1"));
    CourtDataException e = assertThrows(CourtDataException.class, () -> CourtData.load(dir));
    assertTrue(
        e.getMessage().startsWith("manifest.csv line 4, column sha256: synthetic_orders.csv has"),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("(the file was changed after it was generated)"));
  }

  @Test
  void badValuesAreReportedWithFileLineColumnAndValue(@TempDir Path dir) throws IOException {
    written(dir);
    replaceLine(dir, "synthetic_orders.csv", 3, "O0000002,MCDRH,2016-04-31,CO,CRC,20,30");
    replaceLine(
        dir,
        "synthetic_reports.csv",
        2,
        "R0000001,MCDRH,ORAL,2018-06-14,2018-06-13,2018-06-14,CO,CUSTODY,CRC");
    CourtDataException e = assertThrows(CourtDataException.class, () -> CourtData.load(dir));
    assertEquals(
        List.of(
            "synthetic_reports.csv: line 2, column 5 (due_date): found \"2018-06-13\", expected a"
                + " date on or after requested_date",
            "synthetic_reports.csv: line 2, column 9 (supervising_provider): found \"CRC\", expected"
                + " NPS or CRC when the sentence is CO or SSO, NONE otherwise",
            "synthetic_orders.csv: line 3, column 3 (sentence_date): found \"2016-04-31\", expected"
                + " a date yyyy-MM-dd in 2014-01-01..2021-12-31",
            "synthetic_orders.csv: line 3, column 7 (rar_days_delivered): found \"30\", expected no"
                + " more than rar_days_ordered"),
        e.problems());
  }

  @Test
  void linksBetweenFilesAreChecked(@TempDir Path dir) throws IOException {
    written(dir);
    replaceLine(
        dir,
        "synthetic_reports.csv",
        2,
        "R0000001,MCXXX,ORAL,2018-06-14,2018-06-14,2018-06-14,CO,CO,CRC");
    replaceLine(dir, "synthetic_breaches.csv", 2, "B0000001,MCDRH,C01,2017-05-18,2017-05-19");
    CourtDataException e = assertThrows(CourtDataException.class, () -> CourtData.load(dir));
    assertEquals(
        List.of(
            "synthetic_reports.csv: line 2, column 2 (court_code): found \"MCXXX\", expected a"
                + " court_code listed in synthetic_courts.csv",
            "synthetic_breaches.csv: line 2, column 3 (cpa_code): found \"C01\", expected the CPA"
                + " of court MCDRH (C03)"),
        e.problems());
  }

  @Test
  void aWrongHeaderIsNamed(@TempDir Path dir) throws IOException {
    written(dir);
    replaceLine(dir, "synthetic_survey.csv", 1, "respondent_id,court_code,role,item,score");
    CourtDataException e = assertThrows(CourtDataException.class, () -> CourtData.load(dir));
    assertEquals(
        "synthetic_survey.csv: line 1, column 5 (score): found \"score\", expected only the columns"
            + " respondent_id,court_code,role,item,answer\n"
            + "synthetic_survey.csv: line 1, column 5 (answer): found \"score\", expected the column"
            + " \"answer\" (the header is respondent_id,court_code,role,item,answer)",
        e.getMessage());
  }

  @Test
  void aMissingManifestIsNamed(@TempDir Path dir) {
    CourtDataException e = assertThrows(CourtDataException.class, () -> CourtData.load(dir));
    assertTrue(e.getMessage().startsWith(dir.resolve("manifest.csv") + ": cannot be read"));
  }
}
