package org.probationlens.innovation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probationlens.data.CaseRecords;
import org.probationlens.read.DatasetValidationException;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class AccreditedProgrammesTest {

  /** A hand-made case table: 2015 Q1 has 4 orders (2 with a programme), 2016 Q3 has 2 (0). */
  private static Table cases() {
    return Table.create(
        "hand-made cases",
        StringColumn.create(
            "start_date",
            "2015-01-05",
            "2015-02-10",
            "2015-03-31",
            "2015-03-01",
            "2015-03-02",
            "2016-07-01",
            "2016-09-30"),
        StringColumn.create("work_type", "CO", "SSO", "CO", "CO", "LIC", "CO", "SSO"),
        StringColumn.create("provider_type", "CRC", "CRC", "NPS", "CRC", "NPS", "CRC", "NPS"),
        StringColumn.create(
            "accredited_programme", "true", "false", "true", "false", "true", "false", "false"));
  }

  @Test
  void shareOfOrdersByQuarterMatchesHandCount() {
    // 2015-Q1 orders (LIC is not an order): CRC 3 (1 programme), NPS 1 (1): ALL 4 (2) = 0.5
    // 2016-Q3: CRC 1 (0), NPS 1 (0): ALL 2 (0) = 0
    Table t = AccreditedProgrammes.shareByQuarter(cases());
    assertEquals(
        List.of("2015-Q1", "2015-Q1", "2015-Q1", "2016-Q3", "2016-Q3", "2016-Q3"),
        t.stringColumn("quarter").asList());
    assertEquals(
        List.of("ALL", "CRC", "NPS", "ALL", "CRC", "NPS"),
        t.stringColumn("provider_type").asList());
    assertEquals(List.of(4, 3, 1, 2, 1, 1), t.intColumn("orders").asList());
    assertEquals(List.of(2, 1, 1, 0, 0, 0), t.intColumn("programme_starts").asList());
    assertEquals(0.5, t.doubleColumn("share").getDouble(0), 0.0);
    assertEquals(1.0 / 3, t.doubleColumn("share").getDouble(1), 1e-12);
    // Wilson 95% interval for 2 of 4, by hand: z = 1.959964, z^2 = 3.841459;
    // centre = (2 + z^2/2) / (4 + z^2) = 3.920729 / 7.841459 = 0.5;
    // half-width = z sqrt(p(1-p)/n + z^2/(4n^2)) / (1 + z^2/n)
    //            = 1.959964 * sqrt(0.122523) / 1.960365 = 1.959964 * 0.350033 / 1.960365
    //            = 0.686052 / 1.960365 = 0.349961
    assertEquals(0.5 - 0.349961, t.doubleColumn("lower").getDouble(0), 1e-6);
    assertEquals(0.5 + 0.349961, t.doubleColumn("upper").getDouble(0), 1e-6);
  }

  @Test
  void badCellIsLocated() {
    Table t = cases();
    t.stringColumn("accredited_programme").set(3, "yes");
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class, () -> AccreditedProgrammes.shareByQuarter(t));
    assertEquals(
        refused(
            "hand-made cases",
            "row 4, column 4 (accredited_programme): found \"yes\", expected true | false"),
        e.getMessage());
  }

  @Test
  void theFirstBadOrderIsReportedAndOtherWorkIsNotChecked() {
    // Row 5 is a licence: not an order, so its cells are never read.
    Table t = cases();
    t.stringColumn("start_date").set(4, "not a date");
    t.stringColumn("accredited_programme").set(4, "maybe");
    t.stringColumn("provider_type").set(4, "PRIVATE");
    assertEquals(6, AccreditedProgrammes.shareByQuarter(t).rowCount());
    // Row 4 has a bad provider, row 2 a bad flag and a bad date: row 2's date comes first.
    t.stringColumn("provider_type").set(3, "PRIVATE");
    t.stringColumn("accredited_programme").set(1, "maybe");
    t.stringColumn("start_date").set(1, "2015-02-30");
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class, () -> AccreditedProgrammes.shareByQuarter(t));
    assertEquals(
        refused(
            "hand-made cases",
            "row 2, column 1 (start_date): found \"2015-02-30\", expected a date (yyyy-MM-dd)"),
        e.getMessage());
    t.stringColumn("start_date").set(1, "2015-02-10");
    e =
        assertThrows(
            DatasetValidationException.class, () -> AccreditedProgrammes.shareByQuarter(t));
    assertEquals(
        refused(
            "hand-made cases",
            "row 2, column 4 (accredited_programme): found \"maybe\", expected true | false"),
        e.getMessage());
    t.stringColumn("accredited_programme").set(1, "false");
    e =
        assertThrows(
            DatasetValidationException.class, () -> AccreditedProgrammes.shareByQuarter(t));
    assertEquals(
        refused(
            "hand-made cases",
            "row 4, column 3 (provider_type): found \"PRIVATE\", expected NPS | CRC"),
        e.getMessage());
  }

  @Test
  void typedColumnsWithGapsOutsideTheOrdersAreCounted() {
    // The same cases with a date column and a boolean column; the licence (row 5) has no date and
    // no flag. A gap in an order is an error naming its row.
    Table text = cases();
    Table t =
        Table.create(
            "typed cases",
            DateColumn.create(
                "start_date",
                text.stringColumn("start_date").asList().stream().map(LocalDate::parse).toList()),
            text.stringColumn("work_type"),
            text.stringColumn("provider_type"),
            BooleanColumn.create(
                "accredited_programme",
                text.stringColumn("accredited_programme").asList().stream()
                    .map(Boolean::parseBoolean)
                    .toList()));
    t.dateColumn("start_date").setMissing(4);
    t.booleanColumn("accredited_programme").setMissing(4);
    Table ours = AccreditedProgrammes.shareByQuarter(t);
    assertEquals(List.of(4, 3, 1, 2, 1, 1), ours.intColumn("orders").asList());
    assertEquals(List.of(2, 1, 1, 0, 0, 0), ours.intColumn("programme_starts").asList());
    t.booleanColumn("accredited_programme").setMissing(6);
    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class, () -> AccreditedProgrammes.shareByQuarter(t));
    assertEquals(
        refused(
            "typed cases",
            "row 7, column 4 (accredited_programme): found \"\", expected true | false"),
        e.getMessage());
  }

  @Test
  void noOrdersNoRows() {
    Table t = cases();
    t.stringColumn("work_type").set(t.stringColumn("work_type").isIn("CO", "SSO"), "PSS");
    Table ours = AccreditedProgrammes.shareByQuarter(t);
    assertEquals(0, ours.rowCount());
    assertEquals(
        List.of(
            "quarter", "provider_type", "orders", "programme_starts", "share", "lower", "upper"),
        ours.columnNames());
  }

  @Test
  void committedSyntheticCasesAgreeWithDuckDb() throws Exception {
    Path file =
        Path.of(System.getProperty("lens.projectDir", ".")).resolve("data/sample/cases.csv");
    Table ours =
        AccreditedProgrammes.shareByQuarter(CaseRecords.load(file).table())
            .where(t -> t.stringColumn("provider_type").isEqualTo("ALL"));
    List<String> expected = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT year(start_date) || '-Q' || quarter(start_date) AS q, count(*) AS orders,"
                    + " sum(CASE WHEN accredited_programme THEN 1 ELSE 0 END) AS starts"
                    + " FROM read_csv('"
                    + file.toAbsolutePath()
                    + "', header = true) WHERE work_type IN ('CO', 'SSO') GROUP BY q ORDER BY q")) {
      while (rs.next()) {
        expected.add(rs.getString(1) + " " + rs.getInt(2) + " " + rs.getInt(3));
      }
    }
    List<String> actual = new ArrayList<>();
    for (int r = 0; r < ours.rowCount(); r++) {
      actual.add(
          ours.stringColumn("quarter").get(r)
              + " "
              + ours.intColumn("orders").getInt(r)
              + " "
              + ours.intColumn("programme_starts").getInt(r));
    }
    assertEquals(expected, actual);
  }

  /** The message of a table refused for one problem. */
  private static String refused(String table, String problem) {
    return "table '" + table + "': 1 problem; no shares were computed\n  " + problem;
  }
}
