package org.probationlens.court;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;

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
    org.probationlens.provenance.Provenance p = data.provenance(CourtTable.ORDERS);
    assertEquals(org.probationlens.provenance.Provenance.Kind.SYNTHETIC, p.kind());
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
    Files.writeString(orders, Files.readString(orders).replaceFirst(",CRC,0,0", ",NPS,0,0"));
    DatasetValidationException e =
        assertThrows(DatasetValidationException.class, () -> CourtData.load(dir));
    Problem p = e.problems().get(0);
    assertEquals(List.of("manifest.csv", 4L, "sha256"), List.of(p.file(), p.line(), p.column()));
    assertEquals(
        "the SHA-256 of the bytes of synthetic_orders.csv as read, "
            + CourtData.sha256(Files.readAllBytes(orders))
            + " (the file was changed after the manifest was written)",
        p.expected());
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
    DatasetValidationException e =
        assertThrows(DatasetValidationException.class, () -> CourtData.load(dir));
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
        e.problems().stream().map(Problem::toString).toList());
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
    DatasetValidationException e =
        assertThrows(DatasetValidationException.class, () -> CourtData.load(dir));
    assertEquals(
        List.of(
            "synthetic_reports.csv: line 2, column 2 (court_code): found \"MCXXX\", expected a"
                + " court_code listed in synthetic_courts.csv",
            "synthetic_breaches.csv: line 2, column 3 (cpa_code): found \"C01\", expected the CPA"
                + " of the court named in court_code (as synthetic_courts.csv lists it)"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void aWrongHeaderIsNamed(@TempDir Path dir) throws IOException {
    written(dir);
    replaceLine(dir, "synthetic_survey.csv", 1, "respondent_id,court_code,role,item,score");
    DatasetValidationException e =
        assertThrows(DatasetValidationException.class, () -> CourtData.load(dir));
    assertEquals(
        List.of(
            "synthetic_survey.csv: line 1, column 5 (score): found \"score\", expected only the"
                + " columns respondent_id,court_code,role,item,answer",
            "synthetic_survey.csv: line 1, column 5 (answer): found \"score\", expected the column"
                + " \"answer\" (the header is respondent_id,court_code,role,item,answer)"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void aMissingManifestIsNamed(@TempDir Path dir) {
    DatasetValidationException e =
        assertThrows(DatasetValidationException.class, () -> CourtData.load(dir));
    assertEquals("no such file", e.problems().get(0).value());
    assertTrue(e.getMessage().contains(dir.resolve("manifest.csv").toString()), e.getMessage());
  }

  @Test
  void theProvenanceHashIsOfTheBytesReadEvenWithCrlfAndQuotedNames(@TempDir Path dir)
      throws Exception {
    written(dir);
    // rewrite the courts file with CRLF line ends, a BOM and a quoted name, no final newline;
    // the manifest is updated with the hash of these exact bytes
    Path courts = dir.resolve("synthetic_courts.csv");
    String text = Files.readString(courts);
    String[] lines = text.split("\n");
    String[] second = lines[1].split(",", -1);
    second[1] = "\"" + second[1] + "\"";
    lines[1] = String.join(",", second);
    byte[] bytes =
        ("\uFEFF" + String.join("\r\n", lines)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Files.write(courts, bytes);
    String sha = CourtData.sha256(bytes);
    Path manifest = dir.resolve("manifest.csv");
    String m = Files.readString(manifest);
    String old = m.lines().filter(l -> l.startsWith("synthetic_courts.csv")).findFirst().get();
    Files.writeString(manifest, m.replace(old, old.replaceAll("[0-9a-f]{64}", sha)));
    CourtData loaded = CourtData.load(dir);
    assertEquals(sha, loaded.provenance(CourtTable.COURTS).sha256());
  }

  @Test
  void anErrorAfterAQuotedNewlineIsReportedAtItsOwnLine(@TempDir Path dir) throws IOException {
    written(dir);
    Path courts = dir.resolve("synthetic_courts.csv");
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(courts));
    String[] second = lines.get(1).split(",", -1);
    second[1] = "\"A court\nwith two lines\"";
    lines.set(1, String.join(",", second));
    String[] third = lines.get(2).split(",", -1);
    third[2] = "XYZ";
    lines.set(2, String.join(",", third));
    Files.writeString(courts, String.join("\n", lines) + "\n");
    DatasetValidationException e =
        assertThrows(DatasetValidationException.class, () -> CourtData.load(dir));
    Problem p =
        e.problems().stream()
            .filter(q -> q.file().equals("synthetic_courts.csv"))
            .findFirst()
            .get();
    // line 2 spans two physical lines, so the third record starts on line 4
    assertEquals(List.of(4L, "pcc_area", "XYZ"), List.of(p.line(), p.column(), p.value()));
  }

  @Test
  void realCourtRecordsLoadAsOfficialSensitive(@TempDir Path dir) throws IOException {
    written(dir);
    Path manifest = dir.resolve("manifest.csv");
    StringBuilder real = new StringBuilder("file,rows,sha256,kind,generator,seed,scale\n");
    for (String line : Files.readAllLines(manifest).subList(1, 6)) {
      String[] f = line.split(",", -1);
      String name = f[0].substring("synthetic_".length());
      Files.move(dir.resolve(f[0]), dir.resolve(name));
      real.append(name + "," + f[1] + "," + f[2] + ",official_sensitive,,,\n");
    }
    Files.writeString(manifest, real.toString());
    CourtData data = CourtData.load(dir);
    assertFalse(data.isSynthetic());
    org.probationlens.provenance.Provenance p = data.provenance(CourtTable.REPORTS);
    assertEquals(org.probationlens.provenance.Provenance.Kind.OFFICIAL_SENSITIVE, p.kind());
    assertEquals(CourtData.sha256(Files.readAllBytes(dir.resolve("reports.csv"))), p.sha256());
    assertFalse(p.oneLine().contains("SYNTHETIC"), p.oneLine());
  }

  @Test
  void aManifestWithANonNumericSeedGetsALocatedError(@TempDir Path dir) throws IOException {
    written(dir);
    Path manifest = dir.resolve("manifest.csv");
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(manifest));
    lines.set(3, lines.get(3).replaceAll(",[0-9]+,([0-9.]+)$", ",abc,$1"));
    Files.writeString(manifest, String.join("\n", lines) + "\n");
    DatasetValidationException e =
        assertThrows(DatasetValidationException.class, () -> CourtData.load(dir));
    Problem p = e.problems().get(0);
    assertEquals(
        List.of("manifest.csv", 4L, "seed", "abc"),
        List.of(p.file(), p.line(), p.column(), p.value()));
  }
}
