package org.probationlens.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import org.probationlens.render.Disclosure;
import org.probationlens.render.LensSession;
import org.probationlens.render.Money;
import org.probationlens.stats.DisclosureOutcome;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Results of probation analyses as one accessible spreadsheet (XLSX), laid out as the Government
 * Analysis Function's guidance "Releasing statistics in spreadsheets"
 * (https://analysisfunction.civilservice.gov.uk/policy-store/releasing-statistics-in-spreadsheets/)
 * and its checklist "Making spreadsheets accessible: a brief checklist of the basics"
 * (https://analysisfunction.civilservice.gov.uk/policy-store/making-spreadsheets-accessible-a-brief-checklist-of-the-basics/)
 * ask: a cover sheet (title, what the tables are, the kind of figures, every source with its
 * provenance), a contents sheet linking to each table, a notes sheet, and one table per sheet with
 * its title in cell A1, marked up as a spreadsheet table with one header row, no merged cells and
 * no blank rows or columns inside it; numbers stored as numbers, dates as dates; a withheld count
 * as the shorthand {@code [c]}, a missing figure as {@code [x]}, each explained above the table.
 *
 * <p><b>Disclosure control.</b> A table is exported exactly as {@code render} draws it on screen:
 * {@link Disclosure#apply(Result, LensSession)} at the moment it is added, in the session given
 * (the one in use by default), gives the protected table and the note, and the note goes into the
 * table's notes. A bare Tablesaw table goes through {@link Disclosure#apply(Table, LensSession)}.
 * True counts of official-sensitive records never reach the file.
 *
 * <p>Immutable: {@link #and} returns a new spreadsheet. For example, {@code
 * Spreadsheet.of(shortfall, payments).write(Path.of("out/tables.xlsx"))}.
 */
public final class Spreadsheet {

  /** The default title of the cover sheet. */
  public static final String DEFAULT_TITLE = "Tables from Probation Lens";

  /** What a withheld cell holds: the Analysis Function's shorthand for confidential. */
  public static final String WITHHELD = DisclosureOutcome.MARKER;

  /** What a missing figure holds: the Analysis Function's shorthand for not available. */
  public static final String NOT_AVAILABLE = "[x]";

  /** The sheet names of the cover, contents and notes, in that order before the tables. */
  public static final List<String> META_SHEETS = List.of("Cover", "Contents", "Notes");

  private static final int HEADER_CHARS = 255;
  private static final int MAX_COLUMN_CHARS = 60;
  private static final int COVER_CHARS = 118;
  private static final int NOTE_CHARS = 100;

  private final String title;
  private final List<Sheet> sheets;

  /**
   * One table as it is exported: what {@code render} would draw for it.
   *
   * @param title what the table shows, not blank
   * @param numeric the figures, with withheld cells missing (disclosure control applied)
   * @param display the figures as drawn, where a withheld cell reads {@code [c]}
   * @param notes the result's notes, each a sentence
   * @param disclosureNote what disclosure control did, when it applied
   * @param sources where the figures came from; empty for a bare table
   */
  record Sheet(
      String title,
      Table numeric,
      Table display,
      List<String> notes,
      Optional<String> disclosureNote,
      Optional<Sources> sources) {}

  private Spreadsheet(String title, List<Sheet> sheets) {
    this.title = title;
    this.sheets = List.copyOf(sheets);
  }

  /**
   * A spreadsheet of results, each under disclosure control as the session in use draws it.
   *
   * @param results the results, in the order their sheets take, none null
   * @return the spreadsheet, not null
   */
  public static Spreadsheet of(Result... results) {
    return of(List.of(results), LensSession.current());
  }

  /**
   * A spreadsheet of results, each under disclosure control as the given session draws it.
   *
   * @param results the results, in the order their sheets take, none null
   * @param session the session whose disclosure settings apply, not null
   * @return the spreadsheet, not null
   */
  public static Spreadsheet of(List<? extends Result> results, LensSession session) {
    Objects.requireNonNull(results, "results");
    Spreadsheet s = new Spreadsheet(DEFAULT_TITLE, List.of());
    for (Result r : results) {
      s = s.and(r, session);
    }
    return s;
  }

  /**
   * This spreadsheet with one more result, under disclosure control as the session in use draws it
   * now.
   *
   * @param result the result, not null
   * @return the new spreadsheet, not null
   */
  public Spreadsheet and(Result result) {
    return and(result, LensSession.current());
  }

  /**
   * This spreadsheet with one more result, under disclosure control as the given session draws it
   * now ({@link Disclosure#apply(Result, LensSession)}).
   *
   * @param result the result, not null
   * @param session the session whose disclosure settings apply, not null
   * @return the new spreadsheet, not null
   */
  public Spreadsheet and(Result result, LensSession session) {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(session, "session");
    Disclosure.Applied a = Disclosure.apply(result, session);
    List<String> notes = new ArrayList<>(result.notes());
    Optional<String> disclosure = a.note().map(Spreadsheet::sentence);
    if (a.turnedOff()) {
      notes.add(Disclosure.TURNED_OFF);
    }
    return with(
        new Sheet(
            result.title(),
            a.numeric(),
            a.display(),
            notes,
            disclosure,
            Optional.of(result.sources())));
  }

  /**
   * This spreadsheet with a bare table (one that carries no provenance), under disclosure control
   * as the given session draws it ({@link Disclosure#apply(Table, LensSession)}): protected once
   * official-sensitive records have been used in the session.
   *
   * @param tableTitle what the table shows, not blank
   * @param table the table, not null
   * @param session the session whose disclosure settings apply, not null
   * @return the new spreadsheet, not null
   */
  public Spreadsheet and(String tableTitle, Table table, LensSession session) {
    requireText(tableTitle, "tableTitle");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(session, "session");
    Disclosure.Applied a = Disclosure.apply(table, session);
    return with(
        new Sheet(
            tableTitle,
            a.numeric(),
            a.display(),
            List.of(),
            a.note().map(Spreadsheet::sentence),
            Optional.empty()));
  }

  /**
   * This spreadsheet with another title on its cover sheet (and in the file's properties).
   *
   * @param newTitle the title, not blank
   * @return the new spreadsheet, not null
   */
  public Spreadsheet titled(String newTitle) {
    requireText(newTitle, "title");
    return new Spreadsheet(newTitle.strip(), sheets);
  }

  /**
   * The title on the cover sheet.
   *
   * @return the title, not null
   */
  public String title() {
    return title;
  }

  /**
   * How many tables the spreadsheet holds, one per sheet after the cover, contents and notes.
   *
   * @return the number of tables
   */
  public int tableCount() {
    return sheets.size();
  }

  private Spreadsheet with(Sheet sheet) {
    SpreadsheetVersion v = SpreadsheetVersion.EXCEL2007;
    // the rows above the table: title, the sentence, source, and up to three more lines
    if (sheet.numeric().rowCount() + 8 > v.getMaxRows()) {
      throw new IllegalArgumentException(
          "table '"
              + sheet.title()
              + "' has "
              + sheet.numeric().rowCount()
              + " rows; a sheet holds at most "
              + (v.getMaxRows() - 8)
              + " rows of a table");
    }
    if (sheet.numeric().columnCount() > v.getMaxColumns()) {
      throw new IllegalArgumentException(
          "table '"
              + sheet.title()
              + "' has "
              + sheet.numeric().columnCount()
              + " columns; a sheet holds at most "
              + v.getMaxColumns());
    }
    if (sheet.numeric().columnCount() == 0) {
      throw new IllegalArgumentException("table '" + sheet.title() + "' has no columns");
    }
    List<Sheet> more = new ArrayList<>(sheets);
    more.add(sheet);
    return new Spreadsheet(title, more);
  }

  /**
   * Writes the spreadsheet to an XLSX file, replacing it if it exists: written beside it first and
   * moved into place, so a reader never sees half a file.
   *
   * @param file the file, ending in {@code .xlsx}, in a directory that exists; not null
   * @throws IllegalArgumentException if the name does not end in {@code .xlsx}
   * @throws IllegalStateException if the spreadsheet holds no table
   * @throws IOException if the file cannot be written; the message names it
   */
  public void write(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
      throw new IllegalArgumentException(
          file + ": a spreadsheet is written as XLSX; expected a file name ending in .xlsx");
    }
    if (sheets.isEmpty()) {
      throw new IllegalStateException(
          "no table to write to " + file + "; add a result first (Spreadsheet.of(result))");
    }
    Path target = file.toAbsolutePath();
    Path directory = target.getParent();
    if (!Files.isDirectory(directory)) {
      throw new java.nio.file.NoSuchFileException(
          target.toString(), null, "its directory " + directory + " does not exist");
    }
    Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".part");
    try {
      try (XSSFWorkbook workbook = workbook();
          OutputStream out = Files.newOutputStream(temporary)) {
        workbook.write(out);
      }
      try {
        Files.move(
            temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new IOException(target + ": cannot write the spreadsheet: " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** The workbook, in memory. */
  XSSFWorkbook workbook() {
    XSSFWorkbook wb = new XSSFWorkbook();
    Styles styles = new Styles(wb);
    var core = wb.getProperties().getCoreProperties();
    core.setTitle(title);
    core.setCreator("Probation Lens " + libraryVersion());
    core.setKeywords("probation, statistics, England and Wales");
    core.setDescription(coverSentence());
    Map<Integer, List<Integer>> noteNumbers = new LinkedHashMap<>();
    List<String[]> notes = new ArrayList<>();
    for (int t = 0; t < sheets.size(); t++) {
      Sheet s = sheets.get(t);
      List<Integer> numbers = new ArrayList<>();
      List<String> all = new ArrayList<>(s.notes());
      s.disclosureNote().ifPresent(all::add);
      for (String note : all) {
        notes.add(new String[] {"[note " + (notes.size() + 1) + "]", note, tableSheetName(t)});
        numbers.add(notes.size());
      }
      noteNumbers.put(t, numbers);
    }
    writeCover(wb.createSheet(META_SHEETS.get(0)), styles);
    writeContents(wb.createSheet(META_SHEETS.get(1)), styles);
    writeNotes(wb.createSheet(META_SHEETS.get(2)), styles, notes);
    for (int t = 0; t < sheets.size(); t++) {
      writeTable(wb.createSheet(tableSheetName(t)), styles, t, noteNumbers.get(t));
    }
    return wb;
  }

  private static String tableSheetName(int t) {
    return "Table_" + (t + 1);
  }

  private String coverSentence() {
    return "This workbook holds "
        + (sheets.size() == 1 ? "one table" : sheets.size() + " tables")
        + " exported by Probation Lens "
        + libraryVersion()
        + " on "
        + LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
        + " UTC, each on its own sheet (listed on the Contents sheet), with their notes on the"
        + " Notes sheet. The figures are as Probation Lens shows them on screen, under the same"
        + " disclosure control.";
  }

  private void writeCover(XSSFSheet sheet, Styles styles) {
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"h", "About these tables"});
    lines.add(new String[] {"", coverSentence()});
    lines.add(new String[] {"h", "Kind of figures"});
    Map<String, List<String>> kinds = new LinkedHashMap<>();
    for (int t = 0; t < sheets.size(); t++) {
      String kind =
          sheets.get(t).sources().map(s -> describe(s.kind())).orElse("source not stated");
      kinds.computeIfAbsent(kind, k -> new ArrayList<>()).add(tableSheetName(t));
    }
    kinds.forEach((k, t) -> lines.add(new String[] {"", k + ": " + String.join(", ", t) + "."}));
    lines.add(new String[] {"h", "Sources"});
    Set<String> inputs = new LinkedHashSet<>();
    Set<String> assumptions = new LinkedHashSet<>();
    Set<String> calibrated = new LinkedHashSet<>();
    Set<String> protections = new LinkedHashSet<>();
    boolean bare = false;
    for (Sheet s : sheets) {
      if (s.sources().isEmpty()) {
        bare = true;
        continue;
      }
      Sources src = s.sources().get();
      src.inputs().forEach(p -> inputs.add(p.oneLine()));
      assumptions.addAll(src.assumptions());
      calibrated.addAll(src.calibratedTo());
      if (src.protectedAtSource()) {
        protections.add(src.protection());
      }
    }
    inputs.forEach(i -> lines.add(new String[] {"", i}));
    assumptions.forEach(a -> lines.add(new String[] {"", "Assumption: " + a}));
    if (!calibrated.isEmpty()) {
      lines.add(
          new String[] {
            "",
            "Calibrated to the published figures "
                + String.join(", ", calibrated)
                + " (data/reference/published_figures.csv): a figure checked against one of them"
                + " is calibrated, not reproduced."
          });
    }
    if (bare) {
      lines.add(
          new String[] {"", "Some tables came without their sources; their sheets say which."});
    }
    lines.add(new String[] {"h", "Disclosure control"});
    boolean any = sheets.stream().anyMatch(s -> s.disclosureNote().isPresent());
    protections.forEach(
        p -> lines.add(new String[] {"", "Counts protected where they were made, by the " + p}));
    lines.add(
        new String[] {
          "",
          any
              ? "Counts from official-sensitive records are shown under disclosure control, as on"
                  + " screen; each table's note says what was done, and "
                  + WITHHELD
                  + " marks a withheld figure."
              : "No table here needed disclosure control: none was drawn from official-sensitive"
                  + " records in a way that called for it."
        });
    lines.add(new String[] {"h", "Made with"});
    lines.add(
        new String[] {
          "",
          "Probation Lens "
              + libraryVersion()
              + " (Java "
              + System.getProperty("java.version")
              + "); the tables' provenance is also on each table's sheet."
        });
    XSSFRow first = sheet.createRow(0);
    cell(first, 0, title, styles.title);
    int r = 1;
    for (String[] line : lines) {
      XSSFRow row = sheet.createRow(r++);
      cell(row, 0, line[1], line[0].equals("h") ? styles.heading : styles.wrap);
      fitWrapped(row, line[1], COVER_CHARS);
    }
    sheet.setColumnWidth(0, width(COVER_CHARS));
  }

  private void writeContents(XSSFSheet sheet, Styles styles) {
    cell(sheet.createRow(0), 0, "Contents", styles.title);
    cell(
        sheet.createRow(1),
        0,
        "This worksheet contains one table. Each sheet name links to its sheet.",
        null);
    int header = 2;
    String[] names = {"Sheet name", "Table title", "Kind of figures", "Rows"};
    XSSFRow h = sheet.createRow(header);
    for (int c = 0; c < names.length; c++) {
      cell(h, c, names[c], styles.heading);
    }
    CreationHelper helper = sheet.getWorkbook().getCreationHelper();
    int[] widths = {names[0].length(), names[1].length(), names[2].length(), names[3].length()};
    for (int t = 0; t < sheets.size(); t++) {
      Sheet s = sheets.get(t);
      XSSFRow row = sheet.createRow(header + 1 + t);
      XSSFCell link = cell(row, 0, tableSheetName(t), styles.link);
      Hyperlink hyperlink = helper.createHyperlink(HyperlinkType.DOCUMENT);
      hyperlink.setAddress("'" + tableSheetName(t) + "'!A1");
      link.setHyperlink(hyperlink);
      cell(row, 1, s.title(), null);
      String kind = s.sources().map(x -> x.kind().name()).orElse("source not stated");
      cell(row, 2, kind, null);
      row.createCell(3).setCellValue(s.numeric().rowCount());
      widths[1] = Math.max(widths[1], s.title().length());
      widths[2] = Math.max(widths[2], kind.length());
    }
    markUp(sheet, "Contents_table", header, sheets.size(), names.length);
    for (int c = 0; c < widths.length; c++) {
      sheet.setColumnWidth(c, width(Math.max(widths[c], 10)));
    }
  }

  private static void writeNotes(XSSFSheet sheet, Styles styles, List<String[]> notes) {
    cell(sheet.createRow(0), 0, "Notes", styles.title);
    cell(
        sheet.createRow(1),
        0,
        notes.isEmpty()
            ? "This worksheet contains one table. No table has a note."
            : "This worksheet contains one table. Each table refers to its notes by number.",
        null);
    String[] names = {"Note number", "Note text", "Table"};
    XSSFRow h = sheet.createRow(2);
    for (int c = 0; c < names.length; c++) {
      cell(h, c, names[c], styles.heading);
    }
    List<String[]> rows =
        notes.isEmpty() ? List.<String[]>of(new String[] {"[none]", "No notes.", "[z]"}) : notes;
    for (int i = 0; i < rows.size(); i++) {
      XSSFRow row = sheet.createRow(3 + i);
      for (int c = 0; c < names.length; c++) {
        cell(row, c, rows.get(i)[c], c == 1 ? styles.wrap : null);
      }
      fitWrapped(row, rows.get(i)[1], NOTE_CHARS);
    }
    markUp(sheet, "Notes_table", 2, rows.size(), names.length);
    sheet.setColumnWidth(0, width(12));
    sheet.setColumnWidth(1, width(NOTE_CHARS));
    sheet.setColumnWidth(2, width(10));
  }

  private void writeTable(XSSFSheet sheet, Styles styles, int t, List<Integer> noteNumbers) {
    Sheet s = sheets.get(t);
    int r = 0;
    cell(sheet.createRow(r++), 0, "Table " + (t + 1) + ": " + s.title(), styles.title);
    cell(sheet.createRow(r++), 0, "This worksheet contains one table.", null);
    cell(
        sheet.createRow(r++),
        0,
        s.sources()
            .map(Spreadsheet::sourceLine)
            .orElse("Source: not stated (a table that carries no provenance)."),
        null);
    if (!noteNumbers.isEmpty()) {
      List<String> refs = noteNumbers.stream().map(n -> "[note " + n + "]").toList();
      cell(
          sheet.createRow(r++),
          0,
          "Notes for this table are on the Notes sheet: " + String.join(", ", refs) + ".",
          null);
    }
    if (s.disclosureNote().isPresent()) {
      cell(sheet.createRow(r++), 0, s.disclosureNote().get(), null);
    }
    Table numeric = s.numeric();
    boolean withheld = false;
    boolean missing = false;
    for (Column<?> c : numeric.columns()) {
      for (int i = 0; i < numeric.rowCount(); i++) {
        if (c.isMissing(i)) {
          if (isWithheld(s.display(), c.name(), i)) {
            withheld = true;
          } else {
            missing = true;
          }
        }
      }
    }
    if (withheld || missing) {
      List<String> said = new ArrayList<>();
      if (withheld) {
        said.add(WITHHELD + " withheld to protect confidentiality (disclosure control)");
      }
      if (missing) {
        said.add(NOT_AVAILABLE + " not available");
      }
      cell(sheet.createRow(r++), 0, "Shorthand: " + String.join("; ", said) + ".", null);
    }
    int header = r;
    XSSFRow h = sheet.createRow(header);
    int[] widths = new int[numeric.columnCount()];
    for (int c = 0; c < numeric.columnCount(); c++) {
      String name = numeric.column(c).name();
      String label = name.isBlank() ? "column " + (c + 1) : name;
      cell(h, c, label.length() > HEADER_CHARS ? label.substring(0, HEADER_CHARS) : label, null);
      widths[c] = Math.max(label.length(), 6);
    }
    for (int i = 0; i < numeric.rowCount(); i++) {
      XSSFRow row = sheet.createRow(header + 1 + i);
      for (int c = 0; c < numeric.columnCount(); c++) {
        Column<?> col = numeric.column(c);
        XSSFCell cell = row.createCell(c);
        int chars = value(cell, col, i, s.display(), styles);
        widths[c] = Math.max(widths[c], chars);
      }
    }
    markUp(
        sheet,
        "Table_" + (t + 1) + "_data",
        header,
        Math.max(numeric.rowCount(), 1),
        numeric.columnCount());
    for (int c = 0; c < widths.length; c++) {
      sheet.setColumnWidth(c, width(Math.min(widths[c], MAX_COLUMN_CHARS)));
    }
    if (numeric.rowCount() == 0) {
      // a marked-up table needs a row under its header: say that there is none
      XSSFRow row = sheet.createRow(header + 1);
      for (int c = 0; c < numeric.columnCount(); c++) {
        cell(row, c, "[z]", null);
      }
    }
  }

  /** Writes one figure as a number, date, truth value or text; returns its width in characters. */
  private static int value(XSSFCell cell, Column<?> col, int i, Table display, Styles styles) {
    if (col.isMissing(i)) {
      String mark = isWithheld(display, col.name(), i) ? WITHHELD : NOT_AVAILABLE;
      cell.setCellValue(mark);
      return mark.length();
    }
    ColumnType type = col.type();
    if (col instanceof NumericColumn<?> n) {
      double v = n.getDouble(i);
      cell.setCellValue(v);
      boolean whole =
          type == ColumnType.INTEGER || type == ColumnType.LONG || type == ColumnType.SHORT;
      if (Money.isMoneyColumn(col.name())) {
        cell.setCellStyle(styles.money);
      } else if (whole) {
        cell.setCellStyle(styles.whole);
      }
      return Math.min(String.valueOf(v).length() + 2, 16);
    }
    if (type == ColumnType.LOCAL_DATE) {
      LocalDate d = (LocalDate) col.get(i);
      cell.setCellValue(d);
      cell.setCellStyle(styles.date);
      return 10;
    }
    if (type == ColumnType.LOCAL_DATE_TIME) {
      cell.setCellValue((LocalDateTime) col.get(i));
      cell.setCellStyle(styles.dateTime);
      return 16;
    }
    if (type == ColumnType.BOOLEAN) {
      cell.setCellValue((Boolean) col.get(i));
      return 5;
    }
    String text = col.getString(i);
    cell.setCellValue(text);
    return text.length();
  }

  private static boolean isWithheld(Table display, String column, int row) {
    return display.containsColumn(column)
        && row < display.rowCount()
        && WITHHELD.equals(display.column(column).getString(row));
  }

  /**
   * Marks a header row and the rows under it as a spreadsheet table (the checklist's "mark up").
   */
  private static void markUp(XSSFSheet sheet, String name, int header, int rows, int columns) {
    AreaReference area =
        new AreaReference(
            new CellReference(header, 0),
            new CellReference(header + rows, columns - 1),
            SpreadsheetVersion.EXCEL2007);
    XSSFTable table = sheet.createTable(area);
    table.setName(name);
    table.setDisplayName(name);
    table.getCTTable().addNewTableStyleInfo().setName("TableStyleLight1");
    table.getCTTable().getTableStyleInfo().setShowRowStripes(false);
  }

  private static XSSFCell cell(XSSFRow row, int column, String text, CellStyle style) {
    XSSFCell c = row.createCell(column);
    c.setCellValue(text);
    if (style != null) {
      c.setCellStyle(style);
    }
    return c;
  }

  /**
   * Makes a row tall enough for its wrapped text, which no spreadsheet program does on opening for
   * a file written without row heights: a line for every {@code chars} characters, a little less
   * than the column holds, as text is narrower than the digits a column's width counts.
   */
  private static void fitWrapped(XSSFRow row, String text, int chars) {
    int lines = (int) Math.ceil(text.length() / (chars * 0.9));
    if (lines > 1) {
      row.setHeightInPoints(lines * row.getSheet().getDefaultRowHeightInPoints() * 1.1f);
    }
  }

  private static int width(int chars) {
    return Math.min((chars + 2) * 256, 255 * 256);
  }

  private static String sourceLine(Sources s) {
    List<String> parts = new ArrayList<>();
    for (Provenance p : s.inputs()) {
      parts.add(p.title() + " (" + p.kind() + ", SHA-256 " + p.sha256().substring(0, 12) + ")");
    }
    for (String a : s.assumptions()) {
      parts.add("assumption: " + a);
    }
    return describe(s.kind())
        + ". Source: "
        + String.join("; ", parts)
        + ". Full provenance on the Cover sheet.";
  }

  private static String describe(Provenance.Kind kind) {
    return switch (kind) {
      case PUBLISHED -> "PUBLISHED figures";
      case DERIVED ->
          "DERIVED figures (computed by Probation Lens from published ones, or resting"
              + " on stated assumptions)";
      case OFFICIAL_SENSITIVE -> "OFFICIAL-SENSITIVE records, shown under disclosure control";
      case SYNTHETIC -> "SYNTHETIC data, not published figures";
    };
  }

  private static String sentence(String note) {
    String n = note.strip();
    n = Character.toUpperCase(n.charAt(0)) + n.substring(1);
    return n.endsWith(".") ? n : n + ".";
  }

  private static String libraryVersion() {
    String v = Spreadsheet.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank; say what the table shows");
    }
  }

  /** The workbook's few styles, made once: Excel allows a limited number per workbook. */
  private static final class Styles {
    final CellStyle title;
    final CellStyle heading;
    final CellStyle wrap;
    final CellStyle link;
    final CellStyle whole;
    final CellStyle money;
    final CellStyle date;
    final CellStyle dateTime;

    Styles(XSSFWorkbook wb) {
      Font big = wb.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 14);
      title = wb.createCellStyle();
      title.setFont(big);
      Font bold = wb.createFont();
      bold.setBold(true);
      heading = wb.createCellStyle();
      heading.setFont(bold);
      wrap = wb.createCellStyle();
      wrap.setWrapText(true);
      wrap.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
      Font underlined = wb.createFont();
      underlined.setUnderline(Font.U_SINGLE);
      underlined.setColor(org.apache.poi.ss.usermodel.IndexedColors.BLUE.getIndex());
      link = wb.createCellStyle();
      link.setFont(underlined);
      var formats = wb.createDataFormat();
      whole = wb.createCellStyle();
      whole.setDataFormat(formats.getFormat("#,##0"));
      money = wb.createCellStyle();
      money.setDataFormat(formats.getFormat("\"£\"#,##0"));
      date = wb.createCellStyle();
      date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
      dateTime = wb.createCellStyle();
      dateTime.setDataFormat(formats.getFormat("yyyy-mm-dd hh:mm"));
    }
  }
}
