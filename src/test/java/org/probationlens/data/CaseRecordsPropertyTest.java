package org.probationlens.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.probationlens.area.Geography;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import tech.tablesaw.api.Table;

/**
 * Properties of the cases.csv loader: any well-formed file round-trips cell for cell, and any one
 * corrupted cell gives exactly one problem, at that cell's line and column.
 */
class CaseRecordsPropertyTest {

  private static final List<String> NPS = List.of("N01", "N02", "N03", "N04", "N05", "N06", "N07");
  private static final List<String> AREAS =
      List.copyOf(CaseRecords.schema().column("pcc_area").codes());
  private static final List<String> WORK = List.of("CO", "SSO", "LIC", "PSS", "PRE");
  private static final List<String> ENDS =
      List.of("COMPLETED", "REVOKED_BREACH", "REVOKED_NEW_OFFENCE", "OTHER", "ONGOING");
  private static final LocalDate FIRST = LocalDate.of(2014, 6, 1);
  private static final LocalDate ORA = LocalDate.of(2015, 2, 1);
  private static final LocalDate LAST = LocalDate.of(2020, 12, 31);

  /** One well-formed case as its 13 CSV fields, obeying every rule of the contract. */
  static List<String> randomCase(Random random, int index) {
    boolean crc = random.nextBoolean();
    String work = pick(random, WORK);
    LocalDate earliest = work.equals("PSS") ? ORA : FIRST;
    LocalDate start =
        earliest.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(earliest, LAST) + 1));
    boolean requirements = work.equals("CO") || work.equals("SSO");
    int rar =
        requirements && !start.isBefore(ORA) && random.nextBoolean() ? 1 + random.nextInt(60) : 0;
    int upw = requirements && random.nextBoolean() ? 40 + random.nextInt(261) : 0;
    BigDecimal weight = BigDecimal.valueOf(random.nextInt(100_000), 3);
    String area = pick(random, AREAS);
    LocalDate end = start.plusDays(random.nextInt(3000));
    // the contract ties these: a CRC case is its area's CPA's; ONGOING exactly when the case runs
    // past 31 December 2020; no accredited programme on PSS or pre-release work
    String provider = crc ? Geography.standard().pccArea(area).cpaCode() : pick(random, NPS);
    String reason = end.isAfter(LAST) ? "ONGOING" : pick(random, ENDS.subList(0, 4));
    boolean programme = random.nextBoolean() && !work.equals("PSS") && !work.equals("PRE");
    return List.of(
        String.format("K%08d", index),
        crc ? "CRC" : "NPS",
        provider,
        area,
        work,
        start.toString(),
        end.toString(),
        Integer.toString(1 + random.nextInt(120)),
        Integer.toString(rar),
        Integer.toString(upw),
        Boolean.toString(programme),
        reason,
        weight.toPlainString());
  }

  private static String pick(Random random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  @Provide
  Arbitrary<List<List<String>>> files() {
    return Arbitraries.integers()
        .between(1, 40)
        .flatMap(
            size ->
                Arbitraries.randomValue(
                    random -> {
                      List<List<String>> rows = new ArrayList<>();
                      for (int i = 0; i < size; i++) {
                        rows.add(randomCase(random, i + 1));
                      }
                      return rows;
                    }));
  }

  private static Path write(List<List<String>> rows) {
    try {
      Path file = Files.createTempFile("cases", ".csv");
      file.toFile().deleteOnExit();
      StringBuilder text = new StringBuilder(CaseRecordsTest.HEADER).append('\n');
      for (List<String> row : rows) {
        text.append(String.join(",", row)).append('\n');
      }
      return Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Property(tries = 200)
  void aWellFormedFileRoundTripsCellForCell(@ForAll("files") List<List<String>> rows) {
    Table table = CaseRecords.load(write(rows), Provenance.Kind.SYNTHETIC).table();
    assertEquals(rows.size(), table.rowCount());
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      for (int c = 0; c < row.size(); c++) {
        Object cell = table.column(c).get(r);
        String expected = row.get(c);
        if (cell instanceof Double d) {
          assertEquals(Double.parseDouble(expected), d);
        } else {
          assertEquals(expected, String.valueOf(cell), "row " + r + " column " + c);
        }
      }
    }
  }

  @Property(tries = 300)
  void anyOneCorruptedCellGivesExactlyOneProblemAtThatCell(
      @ForAll("files") List<List<String>> rows,
      @ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll @IntRange(min = 0, max = 12) int column,
      @ForAll boolean empty) {
    int r = where % rows.size();
    // an empty cell breaks every column (all are required); "x?" breaks all but the free-text id
    String bad = empty || column == 0 ? "" : "x?";
    List<List<String>> corrupted = new ArrayList<>(rows);
    List<String> row = new ArrayList<>(rows.get(r));
    row.set(column, bad);
    corrupted.set(r, row);
    Path file = write(corrupted);

    DatasetValidationException e =
        assertThrows(
            DatasetValidationException.class,
            () -> CaseRecords.load(file, Provenance.Kind.SYNTHETIC));

    assertEquals(1, e.total(), e::getMessage);
    Problem problem = e.problems().get(0);
    assertEquals(r + 2, problem.line(), "header is line 1, first case line 2");
    assertEquals(column + 1, problem.columnNumber());
    assertEquals(CaseRecords.schema().columns().get(column).name(), problem.column());
    assertEquals(bad, problem.value());
  }
}
