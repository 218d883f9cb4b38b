package org.probationlens.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.probationlens.area.Cpa;
import org.probationlens.area.Geography;
import org.probationlens.area.NpsDivision;

/** The MoJ's OMSQ names against real_layouts.md section 3 and the project's geography. */
class OmsqVocabularyTest {

  @Test
  void theMojsOwnNamesCoverEachCpaAndDivisionOnce() {
    List<OmsqVocabulary.Name> own =
        OmsqVocabulary.probationAreas().stream().filter(n -> !n.variant()).toList();
    assertEquals(28, own.size());
    Set<String> codes = own.stream().map(OmsqVocabulary.Name::code).collect(Collectors.toSet());
    Set<String> geography = new TreeSet<>();
    Geography.standard().cpas().stream().map(Cpa::code).forEach(geography::add);
    Geography.standard().npsDivisions().stream().map(NpsDivision::code).forEach(geography::add);
    assertEquals(geography, new TreeSet<>(codes), "C01-C21 and N01-N07, each once");
    assertEquals(
        7, OmsqVocabulary.npsRegions().stream().map(OmsqVocabulary.Name::code).distinct().count());
  }

  @Test
  void thePublishedMisspellingsMapAsTheMojsLookupCorrectsThem() {
    // real_layouts.md section 3.1 (the lookup's "typos in published data") and 3.4 (codes)
    Map<String, String> expected = new TreeMap<>();
    expected.put("Derbyshire, Nottinghamshire and Leicestershire CRC", "C08");
    expected.put("Durham and Cleveland CRC", "C03");
    expected.put("Gloucetsershire, Avon and Somerset and Wiltshire CRC", "C15");
    expected.put("Kent, Surrey and Sussex CRC DATA CaseloadQ2", "C21");
    expected.put("Northamptonshire, Bedfordshire, Hertfordshire and Cambridgshire CRC", "C13");
    expected.put("NPS South West", "N05");
    expected.put("SouthYorkshire CRC", "C09");
    Map<String, String> found = new TreeMap<>();
    OmsqVocabulary.probationAreas().stream()
        .filter(OmsqVocabulary.Name::variant)
        .forEach(n -> found.put(n.name(), n.code()));
    assertEquals(expected, found);
    // a few of the MoJ's wordings that differ from the project's reference names
    assertEquals("C20", OmsqVocabulary.probationArea("Hampshire CRC").code());
    assertEquals("C12", OmsqVocabulary.probationArea("West Mercia and Warwickshire CRC").code());
    assertEquals("N05", OmsqVocabulary.npsRegion("South West").code());
  }

  @Test
  void aggregatesAreKeptApartFromSpecificTypes() {
    assertEquals(18, OmsqVocabulary.supervisionTypes().size());
    assertTrue(OmsqVocabulary.isAggregate("All court orders"));
    assertTrue(OmsqVocabulary.isAggregate("All supervision"));
    assertFalse(OmsqVocabulary.isAggregate("Community order"));
    assertFalse(OmsqVocabulary.isAggregate("YRO"));
    assertEquals("Youth rehabilitation order", OmsqVocabulary.supervisionType("YRO").code());
    // a near miss: the variant differing only in case first, then the words shared
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> OmsqVocabulary.isAggregate("Suspended sentence"));
    assertEquals(
        "not an OMSQ supervision type: \"Suspended sentence\"; closest: Suspended Sentence,"
            + " Suspended sentence order, Deferred sentence",
        e.getMessage());
  }
}
