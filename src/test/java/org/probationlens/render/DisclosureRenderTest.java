package org.probationlens.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.probationlens.provenance.CountColumns;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import org.probationlens.stats.CellKeyMethod;
import org.probationlens.stats.DisclosurePolicy;
import org.probationlens.stats.RecordKeys;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class DisclosureRenderTest {

  static final Provenance REAL =
      Provenance.officialSensitive(
          "Case extract, CRC Q1 2016",
          "a CRC's own case system",
          "data-sharing agreement",
          "c".repeat(64));
  static final Provenance SYNTHETIC =
      Provenance.synthetic("Synthetic cases", "CaseGenerator", 2014L, "2", "d".repeat(64));
  static final Provenance PUBLISHED =
      Provenance.published(
          "OMSQ probation starts",
          "MoJ",
          java.time.LocalDate.of(2016, 7, 28),
          "OGL v3",
          "e".repeat(64));

  /** Starts by CPA and order type: the hand example of DisclosurePolicyTest, with a share. */
  record Starts(Table data, Sources sources, CountColumns counts) implements Result {
    @Override
    public String title() {
      return "Starts by CPA and order type";
    }

    @Override
    public Table table() {
      return data.copy();
    }

    @Override
    public List<String> notes() {
      return List.of();
    }

    @Override
    public CountColumns countColumns() {
      return counts;
    }
  }

  static Table handTable() {
    return Table.create(
        "starts",
        StringColumn.create(
            "cpa", "Cumbria and Lancashire", "Durham Tees Valley", "Merseyside", "All"),
        IntColumn.create("community_order", 20, 15, 40, 75),
        IntColumn.create("suspended_sentence_order", 4, 25, 18, 47),
        IntColumn.create("other", 30, 12, 22, 64),
        IntColumn.create("total", 54, 52, 80, 186),
        DoubleColumn.create("sso_share", 4 / 54.0, 25 / 52.0, 18 / 80.0, 47 / 186.0));
  }

  static final CountColumns HAND_COUNTS =
      CountColumns.of("community_order", "suspended_sentence_order", "other", "total")
          .withTotalColumn("total")
          .withTotalRow();

  static Result hand(Provenance p) {
    return new Starts(handTable(), Sources.of(p), HAND_COUNTS);
  }

  @AfterEach
  void reset() {
    Disclosure.resetSession();
  }

  /** The body cells of the first HTML table, row by row (index column left out). */
  static List<List<String>> cells(String html) {
    List<List<String>> rows = new ArrayList<>();
    Matcher tr = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(html);
    while (tr.find()) {
      List<String> row = new ArrayList<>();
      Matcher td = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(tr.group(1));
      while (td.find()) {
        row.add(td.group(1));
      }
      if (!row.isEmpty()) {
        rows.add(row);
      }
    }
    return rows;
  }

  static String html(Object value) {
    return Renderers.render(value).orElseThrow().get(MimeBundle.TEXT_HTML).orElseThrow();
  }

  static String plain(Object value) {
    return Renderers.render(value).orElseThrow().plain();
  }

  /**
   * What the cell key method shows for a count of the hand table, worked out apart from render: the
   * key of the cell's labels and count under the tests' secret, through the perturbation table.
   */
  static long expected(String cpa, String column, long count) {
    String cell = "cpa=" + cpa + "\u001f" + column + "=" + count;
    return CellKeyMethod.standard().perturb(count, RecordKeys.standard().key(cell));
  }

  static final String[] AREAS = {
    "Cumbria and Lancashire", "Durham Tees Valley", "Merseyside", "All"
  };
  static final String[] COUNTS = {"community_order", "suspended_sentence_order", "other", "total"};

  @Test
  void officialSensitiveResultIsPerturbedByTheCellKeyMethodByDefault() {
    String h = html(hand(REAL));
    Table t = handTable();
    List<List<String>> shown = cells(h);
    int moved = 0;
    for (int i = 0; i < 4; i++) {
      boolean rowMoved = false;
      for (int j = 0; j < 4; j++) {
        long truth = t.intColumn(COUNTS[j]).get(i);
        long e = expected(AREAS[i], COUNTS[j], truth);
        assertEquals(Long.toString(e), shown.get(i).get(j + 1), AREAS[i] + " " + COUNTS[j]);
        assertTrue(Math.abs(e - truth) <= 4 && e != 1 && e != 2, AREAS[i] + " " + COUNTS[j]);
        rowMoved |= e != truth;
        moved += e != truth ? 1 : 0;
      }
      // the share was worked out from the true counts: withheld wherever one of them moved
      assertEquals(rowMoved, shown.get(i).get(5).equals("[c]"), AREAS[i]);
    }
    assertTrue(moved > 0, "some count moved");
    String note =
        "disclosure control: the 16 counts (community_order, suspended_sentence_order, other,"
            + " total) given the noise of the "
            + CellKeyMethod.standard().describe()
            + ", keyed by each cell's labels as no record keys came with them; "
            + moved
            + " moved";
    assertTrue(h.contains("<p class=\"pl-disclosure\""), h);
    assertTrue(h.contains(Text.html(note)), h);
    assertTrue(plain(hand(REAL)).contains(note));
    // drawn again, the same figures: asking twice gives no fresh draw of the noise
    assertEquals(h, html(hand(REAL)));
  }

  @Test
  void aChartOfRealCountsShowsItsDisclosureNoteInSightUnderItsFooterLine() {
    MimeBundle b =
        Renderers.chart(
            org.probationlens.chart.Charts.bar("Starts", hand(REAL), "cpa", "community_order"));
    String h = b.get(MimeBundle.TEXT_HTML).orElseThrow();
    // the footer's line (closed), then the note on its own line, as under a table, once
    Matcher note =
        Pattern.compile("</details>\n<p class=\"pl-disclosure\" [^>]*>([^<]*)</p>").matcher(h);
    assertTrue(note.find(), h);
    assertTrue(note.group(1).startsWith("Disclosure control: the "), note.group(1));
    assertTrue(note.group(1).contains(CellKeyMethod.standard().describe()), note.group(1));
    assertEquals(1, h.split("pl-disclosure", -1).length - 1, h);
    // the same chart of synthetic counts has no note
    String synthetic =
        Renderers.chart(
                org.probationlens.chart.Charts.bar(
                    "Starts", hand(SYNTHETIC), "cpa", "community_order"))
            .get(MimeBundle.TEXT_HTML)
            .orElseThrow();
    assertFalse(synthetic.contains("pl-disclosure"), synthetic);
  }

  @Test
  void aSessionWatchingLoadsProtectsBareTablesFromTheFirstRealLoad() {
    LensSession session = new LensSession();
    session.watchOfficialSensitiveLoads();
    try {
      new org.probationlens.provenance.LoadedDataset(handTable(), SYNTHETIC);
      assertFalse(session.officialSensitiveSeen(), "synthetic records do not count");
      new org.probationlens.provenance.LoadedDataset(handTable(), REAL);
      assertTrue(session.officialSensitiveSeen());
      assertEquals(
          Long.toString(expected(AREAS[0], COUNTS[1], 4)),
          Disclosure.apply(handTable(), session).display().stringColumn(COUNTS[1]).get(0));
    } finally {
      org.probationlens.provenance.OfficialSensitiveLoads.listen(null);
    }
  }

  @Test
  void columnsNamedAsLabelsAreNotTakenForCounts() {
    Table t =
        Table.create(
            "by year",
            IntColumn.create("financial_year", 2015, 2016),
            IntColumn.create("rank", 1, 2),
            IntColumn.create("case_id", 7, 8),
            IntColumn.create("starts", 40, 9),
            IntColumn.create("change", -3, 4));
    assertEquals(List.of("starts"), Disclosure.takenAsCounts(t));
  }

  @Test
  void aChosenSuppressionPolicyStillSuppresses() {
    Disclosure.sessionPolicy(DisclosurePolicy.withDefaults());
    String h = html(hand(REAL));
    // the pattern worked out by hand in DisclosurePolicyTest.handExampleWithTotals; shares in the
    // three rows with a withheld count are withheld too
    assertEquals(
        List.of(
            List.of("Cumbria and Lancashire", "[c]", "[c]", "30", "54", "[c]"),
            List.of("Durham Tees Valley", "[c]", "25", "[c]", "52", "[c]"),
            List.of("Merseyside", "40", "[c]", "[c]", "80", "[c]"),
            List.of("All", "75", "47", "64", "186", "0.25")),
        cells(h));
    String note =
        "disclosure control: 6 cells suppressed, shown as [c] (1 count under 10, and 5 more so"
            + " that totals cannot give them back); 3 figures worked out from a withheld count"
            + " (shares, rates) also withheld";
    assertTrue(h.contains(Text.html(note)), h);
    assertFalse(plain(hand(REAL)).contains(" 4 "));
  }

  @Test
  void aResultProtectedWhereItWasMadeIsDrawnAsItIsAndSaysHow() {
    Result r =
        new Starts(
            handTable(),
            Sources.of(REAL).protectedBy("cell key method (test)"),
            CountColumns.of("community_order", "suspended_sentence_order"));
    String h = html(r);
    assertEquals("4", cells(h).get(0).get(2));
    assertTrue(
        h.contains(
            Text.html(
                "disclosure control: the 8 counts of people (community_order,"
                    + " suspended_sentence_order) were perturbed where they were made, by the cell"
                    + " key method (test)")),
        h);
  }

  @Test
  void aBareTableIsProtectedOnceRealRecordsHaveBeenDrawnInTheSession() {
    LensSession session = new LensSession();
    Table bare = handTable();
    assertEquals(bare, Disclosure.apply(bare, session).display());
    Disclosure.apply(hand(REAL), session);
    Disclosure.Applied a = Disclosure.apply(bare, session);
    assertEquals(
        Long.toString(expected(AREAS[0], COUNTS[1], 4)),
        a.display().stringColumn("suspended_sentence_order").get(0));
    assertTrue(a.note().orElseThrow().contains("this table carries no provenance"), a.note().get());
    LensSession.use(session);
    try {
      String h = html(bare);
      assertTrue(h.contains("official-sensitive records were used in this session"), h);
      String off = html(Disclosure.off(bare));
      assertEquals("4", cells(off).get(0).get(2));
      assertTrue(off.contains(Disclosure.TURNED_OFF), off);
    } finally {
      LensSession.use(new LensSession());
    }
  }

  @Test
  void syntheticAndPublishedAreDrawnAsTheyAreByDefault() {
    for (Provenance p : List.of(SYNTHETIC, PUBLISHED)) {
      String h = html(hand(p));
      assertFalse(h.contains("[c]"), h);
      assertFalse(h.contains("disclosure control"), h);
      assertEquals("4", cells(h).get(0).get(2));
    }
  }

  @Test
  void sessionSwitchProtectsSyntheticButNotPublished() {
    Disclosure.onForSynthetic(true);
    assertEquals(
        Long.toString(expected(AREAS[0], COUNTS[1], 4)),
        cells(html(hand(SYNTHETIC))).get(0).get(2));
    assertEquals("4", cells(html(hand(PUBLISHED))).get(0).get(2));
  }

  @Test
  void perOutputOnWithItsOwnPolicy() {
    Result r = Disclosure.on(hand(PUBLISHED), DisclosurePolicy.withDefaults().withThreshold(5));
    assertEquals("[c]", cells(html(r)).get(0).get(2));
    Result rounded =
        Disclosure.on(hand(SYNTHETIC), DisclosurePolicy.withDefaults().withRounding(5));
    List<List<String>> c = cells(html(rounded));
    assertEquals(List.of("All", "75", "45", "65", "185", "0.25"), c.get(3));
  }

  @Test
  void turningItOffIsRecordedInTheFooter() {
    Result off = Disclosure.off(hand(REAL));
    String h = html(off);
    assertEquals("4", cells(h).get(0).get(2));
    Matcher footer =
        Pattern.compile("<div class=\"pl-provenance\"[^>]*>(.*?)</div></details>").matcher(h);
    assertTrue(footer.find(), h);
    assertEquals(Text.html(Renderers.sourcesLine(off.sources())), footer.group(1));
    // the user's choice stays in sight under the footer line, not folded away with the sources
    Matcher choice = Pattern.compile("</details>\n<p class=\"pl-note\"[^>]*>(.*?)</p>").matcher(h);
    assertTrue(choice.find(), h);
    assertEquals(Text.html(Disclosure.TURNED_OFF), choice.group(1));
    assertTrue(plain(off).endsWith(Disclosure.TURNED_OFF));
    assertFalse(html(hand(REAL)).contains(Disclosure.TURNED_OFF));
  }

  @Test
  void undeclaredCountsAreEveryWholeNumberColumnAndTheNoteSaysSo() {
    Result r = new Starts(handTable(), Sources.of(REAL), CountColumns.undeclared());
    String h = html(r);
    assertEquals(Long.toString(expected(AREAS[0], COUNTS[1], 4)), cells(h).get(0).get(2));
    assertTrue(
        h.contains(
            "the 16 counts (community_order, suspended_sentence_order, other, total) given the"
                + " noise"),
        h);
  }

  @Test
  void aDeclaredCountColumnMustBeWholeNumbers() {
    Result r = new Starts(handTable(), Sources.of(REAL), CountColumns.of("sso_share"));
    assertEquals(
        "count column 'sso_share' of table 'starts' must be a whole-number column; its columns are"
            + " [cpa, community_order, suspended_sentence_order, other, total, sso_share]",
        assertThrows(IllegalArgumentException.class, () -> Renderers.render(r)).getMessage());
    assertEquals(
        "count column 'sso_share' in table 'starts' is DOUBLE; a count column holds whole numbers"
            + " (INTEGER, LONG or SHORT)",
        assertThrows(
                IllegalArgumentException.class,
                () -> Renderers.render(Disclosure.on(r, DisclosurePolicy.withDefaults())))
            .getMessage());
  }

  // ------------------------------------------------------------ property over random tables

  @Provide
  Arbitrary<int[][]> grids() {
    Arbitrary<Integer> cell =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(1, Arbitraries.just(0)),
            net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(1, 9)),
            net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(10, 5000)));
    return Arbitraries.integers()
        .between(1, 5)
        .flatMap(
            c ->
                cell.array(Integer[].class)
                    .ofSize(c)
                    .map(a -> java.util.Arrays.stream(a).mapToInt(Integer::intValue).toArray())
                    .array(int[][].class)
                    .ofMinSize(1)
                    .ofMaxSize(20));
  }

  /** A table of the grid's counts by area. */
  static Table gridTable(int[][] grid) {
    Table t = Table.create("random");
    t.addColumns(StringColumn.create("area"));
    for (int i = 0; i < grid.length; i++) {
      t.stringColumn("area").append("area " + i);
    }
    for (int j = 0; j < grid[0].length; j++) {
      IntColumn c = IntColumn.create("count_" + j);
      for (int[] row : grid) {
        c.append(row[j]);
      }
      t.addColumns(c);
    }
    return t;
  }

  /**
   * Any table of counts from official-sensitive records, drawn by render by default: every shown
   * count is within 4 of the truth, never 1 or 2, a 0 stays 0, and the same table drawn again shows
   * the same figures.
   */
  @Property(tries = 300)
  void everyRenderedCountIsCloseToTheTruthAndNeverOneOrTwo(@ForAll("grids") int[][] grid) {
    Result r = new Starts(gridTable(grid), Sources.of(REAL), CountColumns.undeclared());
    String h = html(r);
    List<List<String>> cells = cells(h);
    assertEquals(grid.length, cells.size());
    for (int i = 0; i < grid.length; i++) {
      for (int j = 0; j < grid[0].length; j++) {
        long v = Long.parseLong(cells.get(i).get(j + 1).replace(",", ""));
        assertTrue(Math.abs(v - grid[i][j]) <= 4, "shown " + v + " for " + grid[i][j]);
        assertTrue(v != 1 && v != 2, "shown " + v);
        if (grid[i][j] == 0) {
          assertEquals(0, v);
        }
      }
    }
    assertEquals(h, html(r));
  }

  /**
   * Any table of counts from official-sensitive records, drawn under a chosen suppression policy:
   * no cell of the HTML or of the plain text shows a count from 1 to 9, and every small count's
   * cell reads [c].
   */
  @Property(tries = 300)
  void noRenderedCountIsUnderTheThresholdOfAChosenSuppressionPolicy(@ForAll("grids") int[][] grid) {
    Table t = gridTable(grid);
    Result r =
        Disclosure.on(
            new Starts(t, Sources.of(REAL), CountColumns.undeclared()),
            DisclosurePolicy.withDefaults());
    List<List<String>> cells = cells(html(r));
    assertEquals(grid.length, cells.size());
    for (int i = 0; i < grid.length; i++) {
      for (int j = 0; j < grid[0].length; j++) {
        String shown = cells.get(i).get(j + 1);
        if (grid[i][j] > 0 && grid[i][j] < 10) {
          assertEquals("[c]", shown, "row " + i + " column " + j);
        }
        if (!shown.equals("[c]")) {
          long v = Long.parseLong(shown.replace(",", ""));
          assertTrue(v == 0 || v >= 10, "shown " + v);
        }
      }
    }
    String text = plain(r);
    for (int i = 0; i < grid.length; i++) {
      Matcher m = Pattern.compile("(?m)^\\s*" + i + "\\s+area " + i + "\\s+(.*)$").matcher(text);
      assertTrue(m.find(), "row " + i + " in plain text:\n" + text);
      String[] tokens = m.group(1).trim().split("\\s+");
      assertEquals(grid[0].length, tokens.length, m.group(0));
      for (String token : tokens) {
        if (!token.equals("[c]")) {
          long v = Long.parseLong(token.replace(",", ""));
          assertTrue(v == 0 || v >= 10, "plain text shows " + v + " in: " + m.group(0));
        }
      }
    }
  }
}
