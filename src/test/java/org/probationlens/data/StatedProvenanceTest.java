package org.probationlens.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;

/**
 * Real data loads as real: the case-level loaders take the provenance the caller states, check it
 * against the MANIFEST beside the file, and without a statement take the manifest's. Expected
 * hashes are computed here with {@link MessageDigest} over the file's bytes, independently of the
 * loader.
 */
class StatedProvenanceTest {

  @TempDir Path dir;

  private static final Path SAMPLE =
      Path.of(System.getProperty("lens.projectDir", ".")).resolve("data/sample");

  private static final String ONE_CASE =
      CaseRecordsTest.HEADER
          + "\nK00000001,NPS,N03,KNT,LIC,2016-03-01,2017-03-01,12,0,0,false,COMPLETED,1.0\n";

  static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  private Path cases(String manifest) throws IOException {
    Path file = Files.writeString(dir.resolve("cases.csv"), ONE_CASE, StandardCharsets.UTF_8);
    if (manifest != null) {
      Files.writeString(dir.resolve("MANIFEST"), manifest, StandardCharsets.UTF_8);
    }
    return file;
  }

  @Test
  void theCommittedSampleTakesItsProvenanceFromItsManifest() throws Exception {
    Path file = SAMPLE.resolve("cases.csv");
    Provenance cases = CaseRecords.load(file).provenance();
    assertEquals(Provenance.Kind.SYNTHETIC, cases.kind());
    // data/sample/MANIFEST: seed=2014, generator_version=2
    assertEquals(2014L, cases.seed());
    assertEquals("2", cases.generatorVersion());
    assertEquals(sha256(file), cases.sha256());
    Provenance forecast = ForecastVolumes.load(SAMPLE.resolve("forecast.csv")).provenance();
    assertEquals(Provenance.Kind.SYNTHETIC, forecast.kind());
    assertEquals(sha256(SAMPLE.resolve("forecast.csv")), forecast.sha256());
  }

  @Test
  void withoutAManifestTheCallerMustStateWhatTheRecordsAre() throws IOException {
    Path file = cases(null);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CaseRecords.load(file));
    assertTrue(
        e.getMessage().contains("CaseRecords.load(file, Provenance.Kind.OFFICIAL_SENSITIVE)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("Provenance.Kind.SYNTHETIC"), e.getMessage());
  }

  @Test
  void realRecordsAreOfficialSensitiveAndNeverStampedSynthetic() throws Exception {
    Path file = cases(null);
    Provenance real = CaseRecords.load(file, Provenance.Kind.OFFICIAL_SENSITIVE).provenance();
    assertEquals(Provenance.Kind.OFFICIAL_SENSITIVE, real.kind());
    assertEquals(sha256(file), real.sha256());
    assertFalse(real.oneLine().contains("SYNTHETIC"), real.oneLine());
    assertEquals(null, real.seed());
  }

  @Test
  void aManifestForRealRecordsGivesTheirSourceAndLicence() throws Exception {
    Path file = cases(null);
    String sha = sha256(file);
    cases(
        "kind=OFFICIAL_SENSITIVE\nsource=Example CRC nDelius extract\nlicence=DSA 2019-07\n"
            + "cases.csv.sha256="
            + sha
            + "\n");
    Provenance real = CaseRecords.load(file).provenance();
    assertEquals(Provenance.Kind.OFFICIAL_SENSITIVE, real.kind());
    assertEquals("Example CRC nDelius extract", real.source());
    assertEquals("DSA 2019-07", real.licence());
  }

  @Test
  void statingRealForTheSyntheticSampleIsRefusedAtTheManifestsLine() throws IOException {
    Files.copy(SAMPLE.resolve("cases.csv"), dir.resolve("cases.csv"));
    Files.copy(SAMPLE.resolve("MANIFEST"), dir.resolve("MANIFEST"));
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class,
            () -> CaseRecords.load(dir.resolve("cases.csv"), Provenance.Kind.OFFICIAL_SENSITIVE));
    Problem p = e.problems().get(0);
    // data/sample/MANIFEST: three comment lines, then synthetic=true on line 4
    assertEquals(4, p.line());
    assertEquals("synthetic", p.column());
    assertEquals("true", p.value());
  }

  @Test
  void aManifestWhoseHashDisagreesWithTheBytesReadIsRefused() throws IOException {
    Path file = cases("synthetic=true\nseed=7\ncases.csv.sha256=" + "0".repeat(64) + "\n");
    DatasetValidationException e =
        assertThrows(DatasetValidationException.class, () -> CaseRecords.load(file));
    Problem p = e.problems().get(0);
    assertEquals(3, p.line());
    assertEquals("cases.csv.sha256", p.column());
    assertTrue(p.expected().contains("SHA-256 of the bytes of cases.csv as read"), p.expected());
  }

  @Test
  void aManifestWithABadValueGetsALocatedError() throws IOException {
    Path file = cases("synthetic=true\nseed=twenty\ngenerator_version=2\n");
    DatasetValidationException e =
        assertThrows(DatasetValidationException.class, () -> CaseRecords.load(file));
    Problem p = e.problems().get(0);
    assertEquals(dir.resolve("MANIFEST").toAbsolutePath().toString(), p.file());
    assertEquals(2, p.line());
    assertEquals("seed", p.column());
    assertEquals(6, p.columnNumber(), "the value starts after 'seed='");
    assertEquals("twenty", p.value());
  }

  @Test
  void aStatedSeedMustAgreeWithTheManifest() throws IOException {
    Path file = cases("synthetic=true\nseed=7\ngenerator_version=2\n");
    assertEquals(7L, CaseRecords.load(file, 7L, "2").provenance().seed());
    DatasetValidationException e =
        assertThrows(DatasetValidationException.class, () -> CaseRecords.load(file, 8L, "2"));
    assertEquals("seed", e.problems().get(0).column());
  }

  @Test
  void caseLevelDataAreNeverPublished() throws IOException {
    Path file = cases(null);
    assertThrows(
        IllegalArgumentException.class, () -> CaseRecords.load(file, Provenance.Kind.PUBLISHED));
  }
}
