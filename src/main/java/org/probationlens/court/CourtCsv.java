package org.probationlens.court;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.probationlens.area.Geography;
import org.probationlens.area.PccArea;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Writes and strictly reads the court CSV files; every problem names file, line and column. */
final class CourtCsv {
  static final int MAX_PROBLEMS = 50;

  private CourtCsv() {}

  /** The table as the bytes of its CSV file (UTF-8, header first, one line per row). */
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
        out.append(col.getUnformattedString(r));
      }
      out.append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Reads all five files, checking each value and the links between files. */
  static Table[] readAll(Path dir, boolean synthetic) {
    Reader reader = new Reader();
    Table courts = reader.courts(dir.resolve(CourtTable.COURTS.fileName(synthetic)));
    Map<String, String> courtCpa = new HashMap<>();
    for (int i = 0; i < courts.rowCount(); i++) {
      courtCpa.put(
          courts.stringColumn("court_code").get(i), courts.stringColumn("cpa_code").get(i));
    }
    Table reports = reader.reports(dir.resolve(CourtTable.REPORTS.fileName(synthetic)), courtCpa);
    Table orders = reader.orders(dir.resolve(CourtTable.ORDERS.fileName(synthetic)), courtCpa);
    Table breaches =
        reader.breaches(dir.resolve(CourtTable.BREACHES.fileName(synthetic)), courtCpa);
    Table survey = reader.survey(dir.resolve(CourtTable.SURVEY.fileName(synthetic)), courtCpa);
    reader.throwIfAny();
    return new Table[] {courts, reports, orders, breaches, survey};
  }

  /** One pass over the files, collecting problems. */
  private static final class Reader {
    private final List<String> problems = new ArrayList<>();
    private final BusinessDays days = BusinessDays.englandAndWales();
    private String file;
    private int line;
    private Map<String, String> row;

    void throwIfAny() {
      if (!problems.isEmpty()) {
        throw new CourtDataException(problems);
      }
    }

    private void problem(String column, String message) {
      if (problems.size() < MAX_PROBLEMS) {
        problems.add(file + " line " + line + ", column " + column + ": " + message);
      } else if (problems.size() == MAX_PROBLEMS) {
        problems.add("(more problems not listed)");
      }
    }

    /** Calls {@code each} for each data row, with {@link #row} holding the row's values. */
    private void rows(Path path, CourtTable layout, Runnable each) {
      file = path.getFileName().toString();
      line = 0;
      if (!Files.isRegularFile(path)) {
        problems.add(file + ": file not found at " + path.toAbsolutePath());
        return;
      }
      try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        String header = in.readLine();
        line = 1;
        String expected = String.join(",", layout.columns());
        if (!expected.equals(header)) {
          problems.add(
              file + " line 1: expected header '" + expected + "', found '" + header + "'");
          return;
        }
        String text;
        while ((text = in.readLine()) != null) {
          line++;
          String[] f = text.split(",", -1);
          if (f.length != layout.columns().size()) {
            problem(
                "*",
                "expected "
                    + layout.columns().size()
                    + " fields, found "
                    + f.length
                    + ": '"
                    + text
                    + "'");
            continue;
          }
          row = new HashMap<>();
          for (int i = 0; i < f.length; i++) {
            row.put(layout.columns().get(i), f[i]);
          }
          each.run();
        }
      } catch (IOException e) {
        problems.add(file + ": cannot be read: " + e.getMessage());
      }
    }

    private String text(String column) {
      String v = row.get(column);
      if (v.isEmpty()) {
        problem(column, "value is empty; a value is required");
      } else if (v.indexOf('"') >= 0) {
        problem(column, "value '" + v + "' has a quote; court data files use no quoting");
      }
      return v;
    }

    private String oneOf(String column, Set<String> allowed) {
      String v = row.get(column);
      if (!allowed.contains(v)) {
        problem(column, "value '" + v + "' is not one of " + new java.util.TreeSet<>(allowed));
      }
      return v;
    }

    private <E extends Enum<E>> String oneOf(String column, Class<E> type) {
      Set<String> names = new HashSet<>();
      for (E e : type.getEnumConstants()) {
        names.add(e.name());
      }
      return oneOf(column, names);
    }

    private LocalDate date(String column) {
      String v = row.get(column);
      try {
        LocalDate d = LocalDate.parse(v);
        if (d.isBefore(days.firstDate()) || d.isAfter(days.lastDate())) {
          problem(
              column,
              "value '"
                  + v
                  + "' is outside "
                  + days.firstDate()
                  + " to "
                  + days.lastDate()
                  + ", the dates the business-day calendar covers");
          return null;
        }
        return d;
      } catch (DateTimeParseException e) {
        problem(column, "value '" + v + "' is not a yyyy-MM-dd date");
        return null;
      }
    }

    private Integer integer(String column, int min, int max) {
      String v = row.get(column);
      try {
        int i = Integer.parseInt(v);
        if (i < min || i > max) {
          problem(column, "value '" + v + "' is not between " + min + " and " + max);
          return null;
        }
        return i;
      } catch (NumberFormatException e) {
        problem(column, "value '" + v + "' is not a whole number");
        return null;
      }
    }

    private void unique(Set<String> seen, String column, String value) {
      if (!seen.add(value)) {
        problem(column, "value '" + value + "' appears more than once; it must be unique");
      }
    }

    private String court(Map<String, String> courts) {
      String v = row.get("court_code");
      if (!courts.containsKey(v)) {
        problem("court_code", "value '" + v + "' is not a court in the courts file");
      }
      return v;
    }

    Table courts(Path path) {
      StringColumn code = StringColumn.create("court_code");
      StringColumn name = StringColumn.create("court_name");
      StringColumn area = StringColumn.create("pcc_area");
      StringColumn cpa = StringColumn.create("cpa_code");
      StringColumn rating = StringColumn.create("liaison_rating");
      Map<String, PccArea> areas = new HashMap<>();
      for (PccArea a : Geography.standard().pccAreas()) {
        areas.put(a.code(), a);
      }
      Set<String> seen = new HashSet<>();
      rows(
          path,
          CourtTable.COURTS,
          () -> {
            String c = text("court_code");
            unique(seen, "court_code", c);
            String a = oneOf("pcc_area", areas.keySet());
            String p = row.get("cpa_code");
            if (areas.containsKey(a) && !areas.get(a).cpaCode().equals(p)) {
              problem(
                  "cpa_code",
                  "value '"
                      + p
                      + "' is not the CPA of area "
                      + a
                      + " ("
                      + areas.get(a).cpaCode()
                      + ")");
            }
            code.append(c);
            name.append(text("court_name"));
            area.append(a);
            cpa.append(p);
            rating.append(oneOf("liaison_rating", LiaisonRating.class));
          });
      return Table.create("courts", code, name, area, cpa, rating);
    }

    Table reports(Path path, Map<String, String> courts) {
      StringColumn id = StringColumn.create("report_id");
      StringColumn court = StringColumn.create("court_code");
      StringColumn type = StringColumn.create("report_type");
      DateColumn requested = DateColumn.create("requested_date");
      DateColumn due = DateColumn.create("due_date");
      DateColumn delivered = DateColumn.create("delivered_date");
      StringColumn proposal = StringColumn.create("proposal");
      StringColumn sentence = StringColumn.create("sentence");
      StringColumn provider = StringColumn.create("supervising_provider");
      Set<String> seen = new HashSet<>();
      rows(
          path,
          CourtTable.REPORTS,
          () -> {
            String i = text("report_id");
            unique(seen, "report_id", i);
            LocalDate req = date("requested_date");
            LocalDate d = date("due_date");
            LocalDate del = date("delivered_date");
            if (req != null && d != null && d.isBefore(req)) {
              problem("due_date", "value '" + d + "' is before requested_date (" + req + ")");
            }
            if (req != null && del != null && del.isBefore(req)) {
              problem(
                  "delivered_date", "value '" + del + "' is before requested_date (" + req + ")");
            }
            String s = oneOf("sentence", Disposal.class);
            String p = oneOf("supervising_provider", Set.of("NPS", "CRC", "NONE"));
            boolean supervised = s.equals(Disposal.CO.name()) || s.equals(Disposal.SSO.name());
            if (supervised == p.equals("NONE")) {
              problem(
                  "supervising_provider",
                  "value '"
                      + p
                      + "' does not fit sentence "
                      + s
                      + " (NPS or CRC for CO and SSO, NONE otherwise)");
            }
            id.append(i);
            court.append(court(courts));
            type.append(oneOf("report_type", ReportType.class));
            requested.append(req);
            due.append(d);
            delivered.append(del);
            proposal.append(oneOf("proposal", Disposal.class));
            sentence.append(s);
            provider.append(p);
          });
      return Table.create(
          "reports", id, court, type, requested, due, delivered, proposal, sentence, provider);
    }

    Table orders(Path path, Map<String, String> courts) {
      StringColumn id = StringColumn.create("order_id");
      StringColumn court = StringColumn.create("court_code");
      DateColumn date = DateColumn.create("sentence_date");
      StringColumn type = StringColumn.create("order_type");
      StringColumn provider = StringColumn.create("supervising_provider");
      IntColumn ordered = IntColumn.create("rar_days_ordered");
      IntColumn delivered = IntColumn.create("rar_days_delivered");
      Set<String> seen = new HashSet<>();
      rows(
          path,
          CourtTable.ORDERS,
          () -> {
            String i = text("order_id");
            unique(seen, "order_id", i);
            Integer o = integer("rar_days_ordered", 0, 365);
            Integer d = integer("rar_days_delivered", 0, 365);
            if (o != null && d != null && d > o) {
              problem(
                  "rar_days_delivered",
                  "value '" + d + "' is more than rar_days_ordered (" + o + ")");
            }
            id.append(i);
            court.append(court(courts));
            date.append(date("sentence_date"));
            type.append(oneOf("order_type", Set.of("CO", "SSO")));
            provider.append(oneOf("supervising_provider", Set.of("NPS", "CRC")));
            ordered.append(o == null ? 0 : o);
            delivered.append(d == null ? 0 : d);
          });
      return Table.create("orders", id, court, date, type, provider, ordered, delivered);
    }

    Table breaches(Path path, Map<String, String> courts) {
      StringColumn id = StringColumn.create("breach_id");
      StringColumn court = StringColumn.create("court_code");
      StringColumn cpa = StringColumn.create("cpa_code");
      DateColumn aware = DateColumn.create("aware_date");
      DateColumn referral = DateColumn.create("referral_date");
      Set<String> seen = new HashSet<>();
      rows(
          path,
          CourtTable.BREACHES,
          () -> {
            String i = text("breach_id");
            unique(seen, "breach_id", i);
            String c = court(courts);
            String p = row.get("cpa_code");
            if (courts.containsKey(c) && !courts.get(c).equals(p)) {
              problem(
                  "cpa_code",
                  "value '" + p + "' is not the CPA of court " + c + " (" + courts.get(c) + ")");
            }
            LocalDate a = date("aware_date");
            LocalDate r = date("referral_date");
            if (a != null && r != null && r.isBefore(a)) {
              problem("referral_date", "value '" + r + "' is before aware_date (" + a + ")");
            }
            id.append(i);
            court.append(c);
            cpa.append(p);
            aware.append(a);
            referral.append(r);
          });
      return Table.create("breaches", id, court, cpa, aware, referral);
    }

    Table survey(Path path, Map<String, String> courts) {
      StringColumn id = StringColumn.create("respondent_id");
      StringColumn court = StringColumn.create("court_code");
      StringColumn role = StringColumn.create("role");
      StringColumn item = StringColumn.create("item");
      IntColumn answer = IntColumn.create("answer");
      Set<String> seen = new HashSet<>();
      rows(
          path,
          CourtTable.SURVEY,
          () -> {
            String i = text("respondent_id");
            String it = oneOf("item", SurveyItem.class);
            unique(seen, "respondent_id+item", i + "+" + it);
            Integer a = integer("answer", 1, 5);
            id.append(i);
            court.append(court(courts));
            role.append(oneOf("role", Set.of("MAGISTRATE", "DISTRICT_JUDGE")));
            item.append(it);
            answer.append(a == null ? 0 : a);
          });
      return Table.create("survey", id, court, role, item, answer);
    }
  }
}
