package org.probationlens.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import org.probationlens.read.Schema;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** The cases.csv contract of COMMON.md ("Case-level dataset"), checked row by row. */
class CaseRecordsTest {

  @TempDir Path dir;

  static final String HEADER =
      "case_id,provider_type,provider_code,pcc_area,work_type,start_date,end_date,"
          + "sentence_months,rar_days,upw_hours,accredited_programme,termination_reason,weight";

  /** The contract's 42 PCC area codes, in its order, as the unknown-code message lists them. */
  static final String PCC_CODES =
      "ASP, BED, CBS, CHS, TES, CMB, DBS, DCP, DRS, DRH, DPP, ESX, GCS, MCG, GWT, HPS, HFS, HBS,"
          + " KNT, LCS, LTS, LNS, LDN, MRS, NFK, WSN, YSN, NTS, NBR, NHS, SWS, YSS, STF, SFK, SRY,"
          + " SSX, TVP, WWS, WMP, MLW, YSW, WTS";

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("cases.csv"), text, StandardCharsets.UTF_8);
  }

  @Test
  void aWellFormedFileLoadsWithTheContractsTypesAndSyntheticProvenance() throws IOException {
    Path file =
        write(
            HEADER
                + "\n"
                + "K00000001,NPS,N03,KNT,LIC,2016-03-01,2017-03-01,12,0,0,false,COMPLETED,1.0\n"
                + "K00000002,CRC,C05,YSW,CO,2016-04-01,2021-04-01,12,20,100,true,ONGOING,2.5\n");
    LoadedDataset cases = CaseRecords.load(file, 2014L, "0.1.0");
    Table table = cases.table();
    assertEquals("cases", table.name());
    assertEquals(List.of(HEADER.split(",")), table.columnNames());
    assertEquals(
        List.of(
            ColumnType.STRING,
            ColumnType.STRING,
            ColumnType.STRING,
            ColumnType.STRING,
            ColumnType.STRING,
            ColumnType.LOCAL_DATE,
            ColumnType.LOCAL_DATE,
            ColumnType.INTEGER,
            ColumnType.INTEGER,
            ColumnType.INTEGER,
            ColumnType.BOOLEAN,
            ColumnType.STRING,
            ColumnType.DOUBLE),
        table.types());
    assertEquals(2, table.rowCount());
    assertEquals("C05", table.stringColumn("provider_code").get(1));
    assertEquals(LocalDate.of(2021, 4, 1), table.dateColumn("end_date").get(1));
    assertEquals(100, table.intColumn("upw_hours").get(1));
    assertEquals(3.5, table.doubleColumn("weight").sum());

    Provenance provenance = cases.provenance();
    assertEquals(Provenance.Kind.SYNTHETIC, provenance.kind());
    assertEquals(2014L, provenance.seed());
    assertEquals("0.1.0", provenance.generatorVersion());
    assertEquals(
        "SYNTHETIC data, not published figures. Synthetic case records (one row per order or"
            + " licence started). Source: Probation Lens synthetic case generator, calibrated to"
            + " published aggregates (SYNTHETIC, generator version 0.1.0, seed 2014; synthetic"
            + " data made by Probation Lens; no real person's record); SHA-256 "
            + provenance.sha256(),
        cases.provenanceLine());
  }

  @Test
  void withoutARecordedSeedTheProvenanceSaysSo() throws IOException {
    Path file =
        write(
            HEADER
                + "\nK00000001,NPS,N03,KNT,LIC,2016-03-01,2017-03-01,12,0,0,false,COMPLETED,1.0\n");
    Provenance provenance = CaseRecords.load(file, Provenance.Kind.SYNTHETIC).provenance();
    assertEquals(null, provenance.seed());
    assertEquals(null, provenance.generatorVersion());
    assertEquals(
        true, provenance.oneLine().contains("generator version not recorded, seed not recorded"));
  }

  /**
   * The test the issue requires: a malformed CSV (a missing column, text in a count, an unknown
   * area code, a negative count, a truncated last line) gives one error listing every problem with
   * line and column. The header lacks upw_hours, so every row has 12 fields.
   */
  @Test
  void aMalformedCsvGivesOneErrorListingEveryProblemWithLineAndColumn() throws IOException {
    String header = HEADER.replace("upw_hours,", "");
    Path file =
        write(
            header
                + "\n"
                // line 2: fine
                + "K00000001,NPS,N03,KNT,LIC,2016-03-01,2017-03-01,12,0,false,COMPLETED,1.0\n"
                // line 3: text in a count (sentence_months)
                + "K00000002,NPS,N03,KNT,LIC,2016-03-01,2017-03-01,ten,0,false,COMPLETED,1.0\n"
                // line 4: an unknown area code
                + "K00000003,NPS,N03,XYZ,LIC,2016-03-01,2017-03-01,12,0,false,COMPLETED,1.0\n"
                // line 5: a negative count (rar_days)
                + "K00000004,CRC,C05,YSW,CO,2016-03-01,2017-03-01,12,-3,true,COMPLETED,1.0\n"
                // line 6: the last line, cut off in the middle of start_date
                + "K00000005,CRC,C05,YSW,CO,2016-0");

    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class,
            () -> CaseRecords.load(file, Provenance.Kind.SYNTHETIC));

    String f = file.toString();
    assertEquals(
        List.of(
            new Problem(
                f,
                1,
                "upw_hours",
                10,
                "accredited_programme",
                "the column \"upw_hours\" (the header is " + HEADER + ")"),
            new Problem(f, 3, "sentence_months", 8, "ten", "an integer 1..120"),
            new Problem(f, 4, "pcc_area", 4, "XYZ", "one of " + PCC_CODES),
            new Problem(f, 5, "rar_days", 9, "-3", "an integer >= 0"),
            new Problem(f, 6, "end_date", 7, "6 fields", "12 fields, as in the header")),
        e.problems());
    assertEquals(0, e.unlisted());
    assertEquals(f, e.file());
    assertEquals(
        f
            + ": 5 problems; nothing was loaded\n"
            + "  line 1, column 10 (upw_hours): found \"accredited_programme\", expected the"
            + " column \"upw_hours\" (the header is "
            + HEADER
            + ")\n"
            + "  line 3, column 8 (sentence_months): found \"ten\", expected an integer 1..120\n"
            + "  line 4, column 4 (pcc_area): found \"XYZ\", expected one of "
            + PCC_CODES
            + "\n"
            + "  line 5, column 9 (rar_days): found \"-3\", expected an integer >= 0\n"
            + "  line 6, column 7 (end_date): found \"6 fields\", expected 12 fields, as in the"
            + " header",
        e.getMessage());
  }

  @Test
  void theContractsCrossColumnRulesAreReportedAtTheirColumn() throws IOException {
    Path file =
        write(
            HEADER
                + "\n"
                // line 2: a CRC case whose provider is an NPS division
                + "K1,CRC,N03,KNT,LIC,2016-03-01,2017-03-01,12,0,0,false,COMPLETED,1.0\n"
                // line 3: post-sentence supervision before 1 February 2015
                + "K2,NPS,N01,KNT,PSS,2015-01-15,2016-01-15,12,0,0,false,COMPLETED,1.0\n"
                // line 4: ends before it starts
                + "K3,NPS,N01,KNT,LIC,2016-03-01,2016-02-28,12,0,0,false,COMPLETED,1.0\n"
                // line 5: RAR days on a licence
                + "K4,NPS,N01,KNT,LIC,2016-03-01,2017-03-01,12,10,0,false,COMPLETED,1.0\n"
                // line 6: RAR days on an order made before RAR existed
                + "K5,CRC,C05,YSW,CO,2014-12-01,2015-12-01,12,10,0,false,COMPLETED,1.0\n"
                // line 7: 20 hours of unpaid work (the minimum is 40)
                + "K6,CRC,C05,YSW,CO,2016-03-01,2017-03-01,12,0,20,false,COMPLETED,1.0\n"
                // line 8: unpaid work on a licence
                + "K7,NPS,N01,KNT,LIC,2016-03-01,2017-03-01,12,0,100,false,COMPLETED,1.0\n"
                // line 9: an NPS case whose provider is a CPA
                + "K8,NPS,C05,KNT,CO,2016-03-01,2017-03-01,12,0,0,false,COMPLETED,1.0\n");
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class,
            () -> CaseRecords.load(file, Provenance.Kind.SYNTHETIC));
    String f = file.toString();
    String provider =
        "a CPA code C01..C21 for a CRC case, an NPS division N01..N07 for an NPS case";
    String onlyCoSso = "0 unless work_type is CO or SSO";
    assertEquals(
        List.of(
            new Problem(f, 2, "provider_code", 3, "N03", provider),
            new Problem(
                f,
                3,
                "start_date",
                6,
                "2015-01-15",
                "a date on or after 2015-02-01 for post-sentence supervision (PSS)"),
            new Problem(f, 4, "end_date", 7, "2016-02-28", "a date on or after start_date"),
            new Problem(f, 5, "rar_days", 9, "10", onlyCoSso),
            new Problem(
                f,
                6,
                "rar_days",
                9,
                "10",
                "0 for a start before 2015-02-01 (RAR exists from then)"),
            new Problem(f, 7, "upw_hours", 10, "20", "0 or 40..300 hours of unpaid work"),
            new Problem(f, 8, "upw_hours", 10, "100", onlyCoSso),
            new Problem(f, 9, "provider_code", 3, "C05", provider)),
        e.problems());
  }

  @Test
  void aRuleDoesNotRepeatAProblemAlreadyReportedForAColumnItReads() throws IOException {
    // start_date is unreadable, so "end_date on or after start_date" is not checked on top
    Path file =
        write(HEADER + "\nK1,NPS,N01,KNT,LIC,2016-13-01,2016-02-28,12,0,0,false,COMPLETED,1.0\n");
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class,
            () -> CaseRecords.load(file, Provenance.Kind.SYNTHETIC));
    assertEquals(
        List.of(
            new Problem(
                file.toString(),
                2,
                "start_date",
                6,
                "2016-13-01",
                "a date yyyy-MM-dd in 2014-06-01..2020-12-31")),
        e.problems());
  }

  @Test
  void theSchemaExposesTheContractsCodeLists() {
    Schema schema = CaseRecords.schema();
    assertEquals(42, schema.column("pcc_area").codes().size());
    assertEquals(
        List.of("N01", "N02", "N03", "N04", "N05", "N06", "N07", "C01"),
        List.copyOf(schema.column("provider_code").codes()).subList(0, 8));
    assertEquals(28, schema.column("provider_code").codes().size());
    assertEquals(List.of("case_id"), schema.primaryKey());
  }

  @Test
  void theSchemaStatesTheHeaderAndTheColumnTypesOnce() {
    // data/README.md's table of the cases.csv columns, in file order.
    Schema schema = CaseRecords.schema();
    assertEquals(HEADER, schema.header());
    assertEquals(
        List.of(
            ColumnType.STRING, // case_id
            ColumnType.STRING, // provider_type
            ColumnType.STRING, // provider_code
            ColumnType.STRING, // pcc_area
            ColumnType.STRING, // work_type
            ColumnType.LOCAL_DATE, // start_date
            ColumnType.LOCAL_DATE, // end_date
            ColumnType.INTEGER, // sentence_months
            ColumnType.INTEGER, // rar_days
            ColumnType.INTEGER, // upw_hours
            ColumnType.BOOLEAN, // accredited_programme
            ColumnType.STRING, // termination_reason
            ColumnType.DOUBLE), // weight
        schema.columns().stream().map(c -> c.type()).toList());
  }

  @Test
  void aMissingFileIsReportedAsMissingNotAsAMissingManifest(
      @org.junit.jupiter.api.io.TempDir Path dir) {
    Path nope = dir.resolve("nope.csv");
    java.io.UncheckedIOException e =
        assertThrows(java.io.UncheckedIOException.class, () -> CaseRecords.load(nope));
    assertEquals(java.nio.file.NoSuchFileException.class, e.getCause().getClass());
    assertEquals(nope.toString(), e.getCause().getMessage());
    assertEquals("cannot read " + nope + ": no such file (" + nope + ")", e.getMessage());
  }
}
