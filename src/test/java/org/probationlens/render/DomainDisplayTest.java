package org.probationlens.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.probationlens.area.Geography;
import tech.tablesaw.api.Table;

class DomainDisplayTest {

  @Test
  void geographyShowsItsCpasWithPccAreasAndOwners() {
    MimeBundle b = Renderers.render(Geography.standard()).orElseThrow();
    String html = b.get(MimeBundle.TEXT_HTML).orElseThrow();
    assertFalse(b.plain().contains("Geography@"), b.plain());
    assertTrue(
        b.plain()
            .startsWith(
                "Geography of probation in England and Wales: 42 PCC areas, 21 CPAs, 8 owners,"
                    + " 7 NPS divisions\n"),
        b.plain());
    // data/reference: C03 Durham Tees Valley covers Durham (DRH) and Cleveland; C04 was held by
    // Purple Futures from the share sale to June 2021 (cpa_ownership.csv)
    assertTrue(html.contains("<td>Durham Tees Valley</td>"), html);
    assertTrue(html.contains("Purple Futures (Interserve-led)"), html);
    assertEquals(
        21,
        java.util.regex.Pattern.compile("<tr><th class=\"pl-idx\">\\d")
            .matcher(html)
            .results()
            .count(),
        "all 21 CPAs shown");
    assertFalse(html.contains("…"), "no row or cell cut");
  }

  @Test
  void beforeTheShareSaleCrcsWerePubliclyOwned() {
    Table t = Geography.standard().table(LocalDate.of(2014, 7, 1));
    assertEquals(21, t.rowCount());
    assertEquals("publicly owned", t.stringColumn("owner on 2014-07-01").get(0));
  }
}
