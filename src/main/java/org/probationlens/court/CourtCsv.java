package org.probationlens.court;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.probationlens.area.Geography;
import org.probationlens.area.PccArea;
import org.probationlens.data.ProviderType;
import org.probationlens.period.BusinessDays;
import org.probationlens.read.ColumnSpec;
import org.probationlens.read.DatasetLoader;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import org.probationlens.read.Rule;
import org.probationlens.read.Schema;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes and strictly reads the court CSV files. Each file is read by the project's validating
 * loader ({@link DatasetLoader}) against its {@link Schema}; the links between files (every
 * court_code names a court; a breach's CPA is its court's) are checked here. Every problem names
 * file, line, column, the value and what was expected.
 */
final class CourtCsv {
  static final int MAX_PROBLEMS = 50;

  private CourtCsv() {}

  /**
   * The table as the bytes of its CSV file: UTF-8, header first, one record per row, LF line ends,
   * each field as {@link org.probationlens.read.CsvField#quote(String)} writes it (quoted exactly
   * when it holds a comma, a double quote, a CR or an LF).
   */
  static byte[] toCsv(Table t, CourtTable layout) {
    if (!t.columnNames().equals(layout.columns())) {
      throw new IllegalArgumentException(
          "table "
              + t.name()
              + " has columns "
              + t.columnNames()
              + ", expected "
              + layout.columns());
    }
    StringBuilder out = new StringBuilder(String.join(",", layout.columns())).append('\n');
    for (int r = 0; r < t.rowCount(); r++) {
      for (int c = 0; c < t.columnCount(); c++) {
        if (c > 0) {
          out.append(',');
        }
        Column<?> col = t.column(c);
        out.append(org.probationlens.read.CsvField.quote(col.getUnformattedString(r)));
      }
      out.append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The five tables as read, and the SHA-256 of the exact bytes of each file. */
  record Read(Table[] tables, String[] sha256) {}

  /**
   * Reads all five files with the validating loader, checking each value and the links between
   * files (every court_code names a court in the courts file; a breach's CPA is its court's) as
   * rules of the loader, so every problem has the file's own line number (after a quoted newline
   * too).
   *
   * @throws DatasetValidationException listing every problem, each naming its file
   */
  static Read readAll(Path dir, boolean synthetic) {
    List<Problem> problems = new ArrayList<>();
    long unlisted = 0;
    Table[] tables = new Table[CourtTable.values().length];
    String[] shas = new String[tables.length];
    Map<String, String> cpaOfCourt = null;
    for (CourtTable t : CourtTable.values()) {
      String name = t.fileName(synthetic);
      Path file = dir.resolve(name);
      Schema schema = t == CourtTable.COURTS ? schema(t) : schema(t, cpaOfCourt, synthetic);
      try {
        DatasetLoader.Hashed read =
            DatasetLoader.of(schema).withMaxProblems(MAX_PROBLEMS).readHashed(file);
        tables[t.ordinal()] = read.table();
        shas[t.ordinal()] = read.sha256();
      } catch (DatasetValidationException e) {
        for (Problem p : e.problems()) {
          problems.add(
              new Problem(name, p.line(), p.column(), p.columnNumber(), p.value(), p.expected()));
        }
        unlisted += e.unlisted();
      } catch (UncheckedIOException e) {
        problems.add(
            new Problem(
                name,
                1,
                null,
                0,
                "a file that cannot be read: " + e.getCause().getMessage(),
                "the file " + name + " in " + dir));
      }
      if (t == CourtTable.COURTS && tables[t.ordinal()] != null) {
        Table courts = tables[t.ordinal()];
        cpaOfCourt = new HashMap<>();
        for (int i = 0; i < courts.rowCount(); i++) {
          cpaOfCourt.put(
              courts.stringColumn("court_code").get(i), courts.stringColumn("cpa_code").get(i));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new DatasetValidationException(dir.toString(), problems, unlisted);
    }
    return new Read(tables, shas);
  }

  /** A file's layout with its links to the courts file (none when that file failed). */
  static Schema schema(CourtTable t, Map<String, String> cpaOfCourt, boolean synthetic) {
    Schema base = schema(t);
    if (cpaOfCourt == null) {
      return base;
    }
    String courtsFile = CourtTable.COURTS.fileName(synthetic);
    Schema.Builder builder =
        Schema.builder(base.name())
            .noteRows(base.noteRows())
            .columns(base.columns().toArray(ColumnSpec[]::new));
    builder.primaryKey(base.primaryKey().toArray(String[]::new));
    builder.rules(base.rules().toArray(Rule[]::new));
    builder.rules(
        Rule.of(
            "court_code",
            "a court_code listed in " + courtsFile,
            row -> cpaOfCourt.containsKey(row.text("court_code"))));
    if (t == CourtTable.BREACHES) {
      builder.rules(
          Rule.of(
              "cpa_code",
              "the CPA of the court named in court_code (as " + courtsFile + " lists it)",
              row ->
                  !cpaOfCourt.containsKey(row.text("court_code"))
                      || cpaOfCourt.get(row.text("court_code")).equals(row.text("cpa_code")),
              "court_code"));
    }
    return builder.build();
  }

  /** The layout of each file, as the validating loader checks it. */
  static Schema schema(CourtTable t) {
    BusinessDays days = BusinessDays.englandAndWales();
    LocalDate first = days.firstDate();
    LocalDate last = days.lastDate();
    List<String> providers = ProviderType.codes();
    List<String> providersOrNone = new ArrayList<>(providers);
    providersOrNone.add("NONE");
    return switch (t) {
      case COURTS -> {
        Map<String, String> cpaOfArea = new HashMap<>();
        for (PccArea a : Geography.standard().pccAreas()) {
          cpaOfArea.put(a.code(), a.cpaCode());
        }
        List<String> cpas = Geography.standard().cpas().stream().map(c -> c.code()).toList();
        yield Schema.builder("courts")
            .columns(
                ColumnSpec.text("court_code"),
                ColumnSpec.text("court_name"),
                ColumnSpec.code("pcc_area", cpaOfArea.keySet()),
                ColumnSpec.code("cpa_code", cpas),
                ColumnSpec.code("liaison_rating", names(LiaisonRating.values())))
            .primaryKey("court_code")
            .rules(
                Rule.of(
                    "cpa_code",
                    "the CPA that the court's pcc_area belongs to",
                    row -> row.text("cpa_code").equals(cpaOfArea.get(row.text("pcc_area"))),
                    "pcc_area"))
            .build();
      }
      case REPORTS ->
          Schema.builder("reports")
              .columns(
                  ColumnSpec.text("report_id"),
                  ColumnSpec.text("court_code"),
                  ColumnSpec.code("report_type", names(ReportType.values())),
                  ColumnSpec.isoDate("requested_date", first, last),
                  ColumnSpec.isoDate("due_date", first, last),
                  ColumnSpec.isoDate("delivered_date", first, last),
                  ColumnSpec.code("proposal", names(Disposal.values())),
                  ColumnSpec.code("sentence", names(Disposal.values())),
                  ColumnSpec.code("supervising_provider", providersOrNone))
              .primaryKey("report_id")
              .rules(
                  Rule.of(
                      "due_date",
                      "a date on or after requested_date",
                      row -> !row.date("due_date").isBefore(row.date("requested_date")),
                      "requested_date"),
                  Rule.of(
                      "delivered_date",
                      "a date on or after requested_date",
                      row -> !row.date("delivered_date").isBefore(row.date("requested_date")),
                      "requested_date"),
                  Rule.of(
                      "supervising_provider",
                      "NPS or CRC when the sentence is CO or SSO, NONE otherwise",
                      row ->
                          Disposal.valueOf(row.text("sentence")).isSupervisedInCommunity()
                              != row.text("supervising_provider").equals("NONE"),
                      "sentence"))
              .build();
      case ORDERS ->
          Schema.builder("orders")
              .columns(
                  ColumnSpec.text("order_id"),
                  ColumnSpec.text("court_code"),
                  ColumnSpec.isoDate("sentence_date", first, last),
                  ColumnSpec.code("order_type", List.of("CO", "SSO")),
                  ColumnSpec.code("supervising_provider", providers),
                  ColumnSpec.integer("rar_days_ordered", 0, 365),
                  ColumnSpec.integer("rar_days_delivered", 0, 365))
              .primaryKey("order_id")
              .rules(
                  Rule.of(
                      "rar_days_delivered",
                      "no more than rar_days_ordered",
                      row -> row.integer("rar_days_delivered") <= row.integer("rar_days_ordered"),
                      "rar_days_ordered"))
              .build();
      case BREACHES ->
          Schema.builder("breaches")
              .columns(
                  ColumnSpec.text("breach_id"),
                  ColumnSpec.text("court_code"),
                  ColumnSpec.code(
                      "cpa_code", Geography.standard().cpas().stream().map(c -> c.code()).toList()),
                  ColumnSpec.isoDate("aware_date", first, last),
                  ColumnSpec.isoDate("referral_date", first, last))
              .primaryKey("breach_id")
              .rules(
                  Rule.of(
                      "referral_date",
                      "a date on or after aware_date",
                      row -> !row.date("referral_date").isBefore(row.date("aware_date")),
                      "aware_date"))
              .build();
      case SURVEY ->
          Schema.builder("survey")
              .columns(
                  ColumnSpec.text("respondent_id"),
                  ColumnSpec.text("court_code"),
                  ColumnSpec.code("role", List.of("MAGISTRATE", "DISTRICT_JUDGE")),
                  ColumnSpec.code("item", names(SurveyItem.values())),
                  ColumnSpec.integer("answer", 1, 5))
              .primaryKey("respondent_id", "item")
              .build();
    };
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }
}
