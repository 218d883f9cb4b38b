package org.probationlens.innovation;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.probationlens.area.Geography;
import org.probationlens.area.Ownership;
import org.probationlens.read.ColumnSpec;
import org.probationlens.read.DatasetLoader;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import org.probationlens.read.Schema;
import tech.tablesaw.api.Table;

/**
 * Reads an innovation register file ({@link InnovationRegister#HEADER}): the validating loader
 * ({@link DatasetLoader}) checks the header and the CSV, then each row is checked (codes, dates,
 * sources, an owner that held the CRC) and then each innovation's events together (each stage once,
 * in lifecycle order, the same name, type, provider and owner on every row). Every problem found is
 * a {@link Problem} with file, line, column, value and what was expected, and all of them are
 * thrown together as one {@link DatasetValidationException}.
 */
final class RegisterReader {

  /** The register's columns, in header order. */
  static final List<String> COLUMNS = List.of(InnovationRegister.HEADER.split(","));

  /** The register file's layout for the validating loader: the header, and text in every cell. */
  static final Schema SCHEMA = textSchema("innovations", COLUMNS);

  /** A schema of text columns (blank allowed); the register's own rules are checked after. */
  static Schema textSchema(String name, List<String> columns) {
    return Schema.builder(name)
        .columns(
            columns.stream().map(c -> ColumnSpec.text(c).optional()).toArray(ColumnSpec[]::new))
        .build();
  }

  /**
   * The innovations of a register file's bytes.
   *
   * @param fileName the name to use in problems
   * @param bytes the file's bytes (UTF-8)
   * @param geo the CPAs, owners and ownerships the rows are checked against
   * @return the innovations in file order
   * @throws DatasetValidationException listing every problem
   */
  static List<Innovation> parse(String fileName, byte[] bytes, Geography geo) {
    DatasetLoader.Hashed read = DatasetLoader.of(SCHEMA).readBytes(fileName, bytes);
    return new RegisterReader(fileName, geo).innovations(read);
  }

  /**
   * The text of a register, read to its end.
   *
   * @param fileName the name to use in an I/O error
   * @param reader the text, not closed
   * @return the text as UTF-8 bytes
   * @throws UncheckedIOException if the reader fails
   */
  static byte[] text(String fileName, Reader reader) {
    StringBuilder text = new StringBuilder();
    try {
      reader.transferTo(
          new Writer() {
            @Override
            public void write(char[] chars, int off, int len) {
              text.append(chars, off, len);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read innovation register " + fileName, e);
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private final String file;
  private final Geography geo;
  private final Set<String> cpaCodes = new TreeSet<>();
  private final Set<String> ownerCodes = new TreeSet<>();

  private RegisterReader(String file, Geography geo) {
    this.file = file;
    this.geo = geo;
    geo.cpas().forEach(c -> cpaCodes.add(c.code()));
    geo.owners().forEach(o -> ownerCodes.add(o.code()));
  }

  private final List<Problem> problems = new ArrayList<>();

  /**
   * A problem found at a cell, as the refusal of the register; thrown to end the check of its row
   * or innovation, and its problem kept with the others.
   */
  private DatasetValidationException error(
      long line, String column, String value, String expected) {
    return refusal(file, line, column, value, expected);
  }

  /**
   * The refusal of a register for one problem at a cell.
   *
   * @param file the register file as the caller named it
   * @param line the cell's physical line
   * @param column the register column, or one not in the header for the whole line
   * @param value what was found
   * @param expected what was expected
   * @return the exception to throw
   */
  static DatasetValidationException refusal(
      String file, long line, String column, String value, String expected) {
    int number = COLUMNS.indexOf(column) + 1;
    Problem problem =
        number == 0
            ? new Problem(file, line, null, 0, value, expected)
            : new Problem(file, line, column, number, value, expected);
    return new DatasetValidationException(file, List.of(problem), 0);
  }

  private record Row(
      long line,
      String id,
      String name,
      InnovationType type,
      String provider,
      String owner,
      InnovationEvent event) {}

  /**
   * The innovations of a register file read by the validating loader.
   *
   * @param read the file's text cells and their lines
   * @return the innovations in file order
   * @throws DatasetValidationException listing every problem, in line order
   */
  List<Innovation> innovations(DatasetLoader.Hashed read) {
    Table table = read.table();
    Map<String, List<Row>> byId = new LinkedHashMap<>();
    for (int r = 0; r < table.rowCount(); r++) {
      List<String> f = new ArrayList<>(COLUMNS.size());
      for (String column : COLUMNS) {
        f.add(table.stringColumn(column).get(r));
      }
      try {
        Row row = row(read.lineOf(r), f);
        List<Row> rows = byId.computeIfAbsent(row.id(), k -> new ArrayList<>());
        if (!rows.isEmpty()) {
          consistent(rows.get(0), row);
        }
        rows.add(row);
      } catch (DatasetValidationException e) {
        problems.addAll(e.problems());
      }
    }
    List<Innovation> out = new ArrayList<>();
    for (List<Row> rows : byId.values()) {
      try {
        out.add(innovation(rows));
      } catch (DatasetValidationException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparingLong(Problem::line));
      throw new DatasetValidationException(file, problems, 0);
    }
    return out;
  }

  private Row row(long line, List<String> f) {
    String id = f.get(0);
    if (!id.matches("[A-Z]{2,5}-[0-9A-Za-z-]+")) {
      throw error(line, "innovation_id", id, "an id such as DOC-01 or SYN-0001");
    }
    String name = f.get(1);
    if (name.isBlank()) {
      throw error(line, "innovation", name, "a short description of the innovation");
    }
    InnovationType type;
    try {
      type = InnovationType.ofCode(f.get(2));
    } catch (IllegalArgumentException e) {
      throw error(line, "type", f.get(2), InnovationType.codes());
    }
    String provider = f.get(3);
    String owner = f.get(4);
    if (!ownerCodes.contains(owner)) {
      throw error(line, "owner", owner, "an owner code, one of " + ownerCodes);
    }
    if (!cpaCodes.contains(provider) && !ownerCodes.contains(provider)) {
      throw error(
          line,
          "provider",
          provider,
          "a CPA code C01..C21, or the owner's code for an owner-wide innovation");
    }
    if (ownerCodes.contains(provider) && !provider.equals(owner)) {
      throw error(
          line,
          "provider",
          provider,
          "the owner's own code (" + owner + ") for an owner-wide innovation, or a CPA code");
    }
    LifecycleStage stage;
    try {
      stage = LifecycleStage.ofCode(f.get(5));
    } catch (IllegalArgumentException e) {
      throw error(line, "stage", f.get(5), LifecycleStage.codes());
    }
    EventDate date = EventDate.parse(f.get(6), f.get(7), file, line);
    if (date.precision() != EventDate.Precision.UNKNOWN
        && (date.start().getYear() < InnovationRegister.FIRST_YEAR
            || date.start().getYear() > InnovationRegister.LAST_YEAR)) {
      throw error(
          line,
          "date",
          f.get(6),
          "a date from "
              + InnovationRegister.FIRST_YEAR
              + " (Transforming Rehabilitation) to "
              + InnovationRegister.LAST_YEAR
              + " (the CRC contracts ended on 25 June 2021)");
    }
    String source = f.get(8);
    if (source.isBlank()) {
      throw error(line, "source", source, "the evidence for the event (a citation)");
    }
    EvidenceTag tag;
    try {
      tag = EvidenceTag.ofCode(f.get(9));
    } catch (IllegalArgumentException e) {
      throw error(line, "tag", f.get(9), EvidenceTag.codes());
    }
    return new Row(
        line,
        id,
        name,
        type,
        provider,
        owner,
        new InnovationEvent(stage, date, source, tag, file + ":" + line));
  }

  private void checkOwnerHeld(long line, String cpa, String owner, EventDate date) {
    LocalDate from = date.earliest().orElse(InnovationRegister.CONTRACTS_START);
    LocalDate to = date.latest().orElse(InnovationRegister.CONTRACTS_END);
    if (to.isBefore(from)) {
      to = from;
    }
    List<String> holders = new ArrayList<>();
    for (Ownership o : geo.ownerships()) {
      if (o.cpaCode().equals(cpa) && !o.from().isAfter(to) && !o.to().isBefore(from)) {
        if (o.ownerCode().equals(owner)) {
          return;
        }
        holders.add(o.ownerCode());
      }
    }
    throw error(
        line,
        "owner",
        owner,
        "an owner of "
            + cpa
            + " at the event's date ("
            + date
            + "): "
            + (holders.isEmpty() ? "none published (CRCs were publicly owned)" : holders));
  }

  private void consistent(Row first, Row row) {
    String where = " (as on line " + first.line() + ")";
    if (!row.name().equals(first.name())) {
      throw error(row.line(), "innovation", row.name(), "'" + first.name() + "'" + where);
    }
    if (row.type() != first.type()) {
      throw error(row.line(), "type", row.type().code(), first.type().code() + where);
    }
    if (!row.provider().equals(first.provider())) {
      throw error(row.line(), "provider", row.provider(), first.provider() + where);
    }
    if (!row.owner().equals(first.owner())) {
      throw error(row.line(), "owner", row.owner(), first.owner() + where);
    }
    boolean firstSynthetic = first.event().tag() == EvidenceTag.SYNTHETIC;
    if ((row.event().tag() == EvidenceTag.SYNTHETIC) != firstSynthetic) {
      throw error(
          row.line(),
          "tag",
          row.event().tag().code(),
          (firstSynthetic ? "synthetic" : "a documented tag (not synthetic)")
              + ": an innovation is wholly documented or wholly synthetic"
              + where);
    }
  }

  private Innovation innovation(List<Row> rows) {
    Map<LifecycleStage, Row> seen = new HashMap<>();
    for (Row r : rows) {
      Row before = seen.putIfAbsent(r.event().stage(), r);
      if (before != null) {
        throw error(
            r.line(),
            "stage",
            r.event().stage().code(),
            "each stage once per innovation; "
                + r.event().stage().code()
                + " is already on line "
                + before.line());
      }
    }
    List<Row> ordered = new ArrayList<>(rows);
    ordered.sort(Comparator.comparing((Row r) -> r.event().stage()));
    for (int b = 0; b < ordered.size(); b++) {
      Row later = ordered.get(b);
      Optional<LocalDate> laterLatest = later.event().date().latest();
      for (int a = 0; a < b; a++) {
        Row earlier = ordered.get(a);
        Optional<LocalDate> earlierEarliest = earlier.event().date().earliest();
        if (laterLatest.isPresent()
            && earlierEarliest.isPresent()
            && earlierEarliest.get().isAfter(laterLatest.get())) {
          boolean withdrawn = later.event().stage() == LifecycleStage.WITHDRAWN;
          Row at = withdrawn ? earlier : later;
          throw error(
              at.line(),
              "date",
              at.event().date().toString(),
              withdrawn
                  ? "no event after the withdrawal ("
                      + later.event().date()
                      + ", line "
                      + later.line()
                      + "): lifecycle events out of order"
                  : "a date on or after the "
                      + earlier.event().stage().code()
                      + " event ("
                      + earlier.event().date()
                      + ", line "
                      + earlier.line()
                      + "): lifecycle events out of order");
        }
      }
    }
    Row first = rows.get(0);
    if (!ownerCodes.contains(first.provider())) {
      Row dated =
          ordered.stream()
              .filter(r -> r.event().date().precision() != EventDate.Precision.UNKNOWN)
              .findFirst()
              .orElse(ordered.get(0));
      checkOwnerHeld(dated.line(), dated.provider(), dated.owner(), dated.event().date());
    }
    return new Innovation(
        first.id(),
        first.name(),
        first.type(),
        first.provider(),
        first.owner(),
        rows.stream().map(Row::event).toList());
  }
}
