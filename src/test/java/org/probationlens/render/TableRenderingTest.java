package org.probationlens.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Bounded tables. Expected cells are worked out by hand from the rules in TableOptions' Javadoc;
 * golden files were reviewed by eye in Chromium (see BrowserTest's screenshot).
 */
class TableRenderingTest {

  /** A few synthetic cases, in the shape of the shared cases.csv; not real data. */
  static Table cases() {
    Table t =
        Table.create(
            "cases (synthetic)",
            StringColumn.create("case_id", "K00000001", "K00000002", "K00000003", "K00000004"),
            StringColumn.create("pcc_area", "BED", "CBS", "LDN", "NTS"),
            StringColumn.create("work_type", "CO", "SSO", "LIC", ""),
            DateColumn.create(
                "start_date",
                LocalDate.of(2015, 2, 1),
                LocalDate.of(2016, 3, 31),
                null,
                LocalDate.of(2020, 12, 31)),
            IntColumn.create("rar_days", 0, 20, 1234, 5),
            BooleanColumn.create("accredited_programme", true, false, true, false),
            DoubleColumn.create("weight", 1.0, 0.875, Double.NaN, 12.3456));
    t.booleanColumn("accredited_programme").setMissing(3);
    return t;
  }

  static Table numbered(int rows) {
    return Table.create(
        "numbered",
        IntColumn.create("i", IntStream.range(0, rows).toArray()),
        DoubleColumn.create("half", IntStream.range(0, rows).mapToDouble(x -> x / 2.0).toArray()));
  }

  /** The row numbers in the index column of the HTML, in order; -1 stands for the gap row. */
  static List<Integer> shownRows(String html) {
    List<Integer> out = new ArrayList<>();
    Matcher m = Pattern.compile("<th class=\"pl-idx( pl-gap)?\">([^<]*)</th>").matcher(html);
    while (m.find()) {
      if (m.group(1) == null && m.group(2).isEmpty()) {
        continue; // the header's empty index cell
      }
      out.add(m.group(1) != null ? -1 : Integer.parseInt(m.group(2).replace(",", "")));
    }
    return out;
  }

  static String html(MimeBundle b) {
    return b.get(MimeBundle.TEXT_HTML).orElseThrow();
  }

  @Test
  void smallTableMatchesGoldenHtmlAndText() throws Exception {
    MimeBundle b =
        Renderers.table(
            cases(), TableOptions.defaults().withSource("synthetic cases, seed 2014 (not real)"));
    Golden.assertMatches("table-small.html", html(b));
    Golden.assertMatches("table-small.txt", b.plain());
  }

  @Test
  void longTableMatchesGoldenHtml() throws Exception {
    Golden.assertMatches("table-long.html", html(Renderers.table(numbered(1234))));
  }

  @Test
  void wideTableMatchesGoldenHtml() throws Exception {
    Table wide = Table.create("wide");
    for (int c = 0; c < 9; c++) {
      wide.addColumns(IntColumn.create("c" + c, 1000 * c, 1000 * c + 1));
    }
    Golden.assertMatches(
        "table-wide.html", html(Renderers.table(wide, TableOptions.defaults().withMaxColumns(4))));
  }

  @Test
  void plainTextIsAlignedAndBounded() {
    Table t =
        Table.create(
            "t", StringColumn.create("area", "BED", "LDN"), DoubleColumn.create("v", 1.5, 1234.25));
    // v: 1234.25 needs max(1, 3-1-3) = 1 place, 1.5 needs 3-1-0 = 2: the column gets 2 places;
    // area: the PCC areas' names (data/reference/pcc_areas.csv) with their three-letter codes
    String expected =
        String.join(
            "\n",
            "t",
            "   area                                                 v",
            "0  Bedfordshire (BED)                                1.50",
            "1  London (Metropolitan + City of London) (LDN)  1,234.25",
            "2 rows × 2 columns");
    assertEquals(expected, Renderers.table(t).plain());
    // no line of column types under the table: the types show on the headers in HTML
    assertTrue(
        html(Renderers.table(t))
            .contains(
                "<th class=\"pl-txt pl-first\" title=\"STRING\">area</th>"
                    + "<th class=\"pl-num\" title=\"DOUBLE\">v</th>"),
        html(Renderers.table(t)));
  }

  @Test
  void codesAreShownWithTheirNames() {
    Table t =
        Table.create(
            "t",
            StringColumn.create("cpa", "C13", "C09", null),
            StringColumn.create("owner", "PURPLE_FUTURES", "WORKING_LINKS", "SODEXO"),
            StringColumn.create("note", "C13", "free text", "C09"),
            IntColumn.create("areas", 3, 0, 2));
    String p = Renderers.table(t).plain();
    // names from data/reference/cpas.csv and owners.csv: a short code stays beside its name, a
    // long one (the owner's code is its name in capitals) gives way to it; a column that is not
    // all codes ("free text") is left alone; a missing code stays missing; a zero stays 0
    // (C13's name, 62 characters, is cut to 60 - 3 - 3 = 54 so that its code still shows)
    assertEquals(
        List.of(
            "   cpa                                                           owner"
                + "                                 note       areas",
            "0  Bedfordshire, Northamptonshire, Cambridgeshire & Hert… (C13)  Purple Futures"
                + " (Interserve-led)       C13            3",
            "1  South Yorkshire (C09)                                         Working Links"
                + "                         free text      0",
            "2  NA                                                            Sodexo Justice"
                + " Services (with Nacro)  C09            2"),
        p.lines().skip(1).limit(4).toList());
    // owners of data/reference/owners.csv: EOS is its own name, ARCC's name holds its code
    Table owners =
        Table.create(
            "o", StringColumn.create("owner", "ARCC", "EOS", "MTCNOVO", "RRP", "WORKING_LINKS"));
    assertEquals(
        List.of(
            "0  ARCC (Achieving Real Change in Communities)",
            "1  EOS",
            "2  MTCnovo",
            "3  Reducing Reoffending Partnership (RRP)",
            "4  Working Links"),
        Renderers.table(owners).plain().lines().skip(2).limit(5).map(String::strip).toList());
    // the codes as they are, when asked
    String codes = Renderers.table(t, TableOptions.defaults().withNames(false)).plain();
    assertTrue(codes.contains("0  C13  PURPLE_FUTURES  C13"), codes);
    // a code column beside its own names is left as codes
    Table named =
        Table.create(
            "n",
            StringColumn.create("pcc_area", "BED", "NTS"),
            StringColumn.create("name", "Bedfordshire", "Northamptonshire"));
    assertTrue(Renderers.table(named).plain().contains("0  BED       Bedfordshire"));
  }

  @Test
  void longColumnNamesMayWrapAfterTheirUnderscoresAndTheFirstColumnStays() {
    Table t =
        Table.create(
            "t",
            StringColumn.create("provider", "a"),
            DoubleColumn.create("share_of_shortfall_pct", 1.5));
    String h = html(Renderers.table(t));
    assertTrue(
        h.contains(
            "<th class=\"pl-num\" title=\"DOUBLE\">share_<wbr>of_<wbr>shortfall_<wbr>pct</th>"),
        h);
    assertTrue(h.contains("<td class=\"pl-first\">a</td>"), h);
    // a date in a name is not broken at its hyphens
    assertEquals(
        "areas_<wbr><span class=\"pl-nb\">2016-04-01</span>",
        TableRenderer.breakable("areas_2016-04-01"));
    assertEquals("a&amp;b_<wbr>c", TableRenderer.breakable("a&b_c"));
    // only the hyphenated word is kept whole: the rest may wrap at its spaces (notebook 06)
    assertEquals(
        "<span class=\"pl-nb\">CRC-supervised</span> charged with murder",
        TableRenderer.breakable("CRC-supervised charged with murder"));
    assertTrue(TableRenderer.CSS.contains(".pl-table .pl-frame .pl-first{position:sticky;left:0;"));
    // long text wraps at 24 ems, numbers and the gap never
    assertTrue(
        TableRenderer.CSS.contains(
            ".pl-table .pl-frame td:not(.pl-num):not(.pl-gap){white-space:normal;max-width:24em;"));
  }

  @Test
  void zeroRowsShowsTheHeaderAndTheShape() {
    Table empty = Table.create("none", StringColumn.create("area"), IntColumn.create("n"));
    MimeBundle b = Renderers.table(empty);
    assertEquals(List.of(), shownRows(html(b)));
    assertTrue(
        html(b)
            .contains(
                "<th class=\"pl-txt pl-first\" title=\"STRING\">area</th>"
                    + "<th class=\"pl-num\" title=\"INTEGER\">n</th>"),
        html(b));
    assertTrue(html(b).contains("0 rows × 2 columns</div>"));
    assertFalse(html(b).contains("class=\"pl-gap\""));
  }

  @Test
  void fewerRowsThanTheLimitAreAllShown() {
    assertEquals(List.of(0, 1, 2, 3, 4), shownRows(html(Renderers.table(numbered(5)))));
  }

  @Test
  void exactlyTheLimitIsShownWholeWithoutAGap() {
    MimeBundle b = Renderers.table(numbered(20));
    assertEquals(IntStream.range(0, 20).boxed().toList(), shownRows(html(b)));
    assertTrue(b.plain().endsWith("20 rows × 2 columns"), b.plain());
    assertFalse(b.plain().contains("showing"));
  }

  @Test
  void oneMoreThanTheLimitShowsTheFirstTenAndLastTen() {
    List<Integer> expected = new ArrayList<>(IntStream.range(0, 10).boxed().toList());
    expected.add(-1);
    expected.addAll(IntStream.range(11, 21).boxed().toList());
    MimeBundle b = Renderers.table(numbered(21));
    assertEquals(expected, shownRows(html(b)));
    assertTrue(html(b).contains("21 rows × 2 columns · showing rows 0–9 and 11–20"));
  }

  @Test
  void aHugeTableShowsOnlyTwentyRows() {
    MimeBundle b = Renderers.table(numbered(1_000_000));
    List<Integer> rows = shownRows(html(b));
    assertEquals(21, rows.size());
    assertEquals(List.of(999_990, 999_999), List.of(rows.get(11), rows.get(20)));
    assertTrue(
        b.plain().contains("1,000,000 rows × 2 columns · showing rows 0–9 and 999,990–999,999"));
    // 20 data rows + header + gap + name + the shape line
    assertEquals(24, b.plain().lines().count());
  }

  @Test
  void anOddLimitShowsOneMoreRowAtTheTop() {
    assertEquals(
        List.of(0, 1, 2, -1, 6, 7),
        shownRows(html(Renderers.table(numbered(8), TableOptions.defaults().withMaxRows(5)))));
  }

  @Test
  void aLimitOfZeroShowsOnlyTheGapAndFooter() {
    MimeBundle b = Renderers.table(numbered(8), TableOptions.defaults().withMaxRows(0));
    assertEquals(List.of(-1), shownRows(html(b)));
    assertTrue(b.plain().contains("8 rows × 2 columns · no rows shown"));
  }

  @Test
  void wideTablesShowTheFirstAndLastColumns() {
    Table wide = Table.create("wide");
    for (int c = 0; c < 30; c++) {
      wide.addColumns(IntColumn.create("c" + c, new int[] {c}));
    }
    MimeBundle b = Renderers.table(wide);
    String firstLine = b.plain().lines().skip(1).findFirst().orElseThrow();
    assertEquals(
        "c0  c1  c2  c3  c4  c5  c6  c7  c8  c9  …  c20  c21  c22  c23  c24  c25  c26  c27  c28  c29",
        firstLine.strip());
    assertTrue(b.plain().contains("30 columns · showing the first 10 and last 10 columns"));
  }

  @Test
  void valuesNamesAndTableNameAreHtmlEscaped() {
    Table t =
        Table.create(
            "<b>name</b>",
            StringColumn.create("<i>col</i>", "<script>alert(\"x\")</script>", "O'Brien & Co"));
    String h = html(Renderers.table(t));
    assertFalse(h.contains("<script>alert"));
    assertFalse(h.contains("<b>name"));
    assertFalse(h.contains("<i>col"));
    assertTrue(
        h.contains(
            "<td class=\"pl-first\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td>"));
    assertTrue(h.contains("<td class=\"pl-first\">O&#39;Brien &amp; Co</td>"));
    assertTrue(h.contains("<caption>&lt;b&gt;name&lt;/b&gt;</caption>"));
    assertTrue(h.contains("title=\"STRING\">&lt;i&gt;col&lt;/i&gt;</th>"), h);
  }

  @Test
  void sourceLineIsEscapedToo() {
    String h =
        html(Renderers.table(numbered(1), TableOptions.defaults().withSource("HMIP <2019> & MoJ")));
    assertTrue(h.contains("<div class=\"pl-source\">Source: HMIP &lt;2019&gt; &amp; MoJ</div>"));
  }

  @Test
  void floatingColumnsGetSignificantFiguresAndWholeColumnsNone() {
    Table t =
        Table.create(
            "t",
            DoubleColumn.create("rate", 0.0523, 0.2, 0.15),
            DoubleColumn.create("count", 12.0, 3.0, 1500.0),
            DoubleColumn.create("mixed", 1234.56, 2.5, -0.25));
    String p = Renderers.table(t).plain();
    // rate: 0.0523 needs 3-1-(-2) = 4 places; count: all whole, 0 places; mixed: 2.5 and -0.25 need
    // 2 and 3 places, so 3
    assertTrue(p.contains("0  0.0523     12  1,234.560"), p);
    assertTrue(p.contains("1  0.2000      3      2.500"), p);
    assertTrue(p.contains("2  0.1500  1,500     -0.250"), p);
  }

  @Test
  void fixedDecimalsAndSeparatorsCanBeChosen() {
    Table t = Table.create("t", DoubleColumn.create("pct", 12.345, 1234.5));
    String p =
        Renderers.table(
                t, TableOptions.defaults().withFixedDecimals(1).withThousandsSeparators(false))
            .plain();
    assertTrue(p.contains("0    12.3"), p);
    assertTrue(p.contains("1  1234.5"), p);
  }

  @Test
  void yearColumnsAndNamedPlainColumnsHaveNoSeparators() {
    Table t =
        Table.create(
            "t",
            IntColumn.create("year", new int[] {2015}),
            IntColumn.create("start_year", new int[] {2016}),
            IntColumn.create("area_code", new int[] {1234}),
            IntColumn.create("starts", new int[] {12345}));
    String p = Renderers.table(t, TableOptions.defaults().withPlainColumns("area_code")).plain();
    assertTrue(p.contains("0  2015        2016       1234  12,345"), p);
  }

  @Test
  void missingValuesShowAsNa() {
    String h = html(Renderers.table(cases()));
    // rows 2 (NaN weight, no start date) and 3 (empty work type, missing boolean)
    assertTrue(h.contains("<td class=\"pl-na\">NA</td><td class=\"pl-num\">1,234</td>"), h);
    assertTrue(h.contains("<td class=\"pl-num pl-na\">NA</td>"), h);
    assertTrue(h.contains("<td>Northamptonshire (NTS)</td><td class=\"pl-na\">NA</td>"), h);
  }

  @Test
  void longCellsAreCut() {
    Table t = Table.create("t", StringColumn.create("note", "x".repeat(500)));
    String p = Renderers.table(t, TableOptions.defaults().withMaxCellChars(10)).plain();
    assertTrue(p.contains("0  xxxxxxxxx…\n"), p);
  }

  @Test
  void optionsAreImmutableAndValidated() {
    TableOptions d = TableOptions.defaults();
    TableOptions changed = d.withMaxRows(40);
    assertEquals(20, d.maxRows());
    assertEquals(40, changed.maxRows());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> d.withMaxRows(-1));
    assertEquals("maxRows must be 0 or more; got -1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> d.withMaxColumns(0));
    assertThrows(IllegalArgumentException.class, () -> d.withSource(" "));
    assertThrows(IllegalArgumentException.class, () -> d.withSignificantDigits(0));
    assertThrows(IllegalArgumentException.class, () -> d.withFixedDecimals(16));
  }
}
