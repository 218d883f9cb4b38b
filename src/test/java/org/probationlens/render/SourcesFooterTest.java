package org.probationlens.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.Sources;

/**
 * The footer's one visible line. Expected lines are worked out by hand from the rules in {@link
 * SourcesFooter#summary} and {@link SourcesFooter#shortSource}, with sources as notebooks 00 and 06
 * have them.
 */
class SourcesFooterTest {

  private static final String SHA = "d".repeat(64);

  @Test
  void aSyntheticOutputNamesItsGeneratorFirstWithVersionAndSeed() {
    // notebook 06's funnel: a published figure, then the synthetic reviews made to match it
    Sources s =
        Sources.of(
            Provenance.published(
                "Published figure hmip_2018_19_good",
                "HMIP PR 2019/10/ic1 (summary of the 2018-19 inspections)",
                null,
                "OGL v3",
                SHA),
            Provenance.synthetic(
                "Synthetic case-review outcomes by provider",
                "org.probationlens.inspection.SyntheticCaseReviews",
                7L,
                "1",
                SHA));
    // the generator's class without its package; the publisher up to " ("
    assertEquals(
        "SYNTHETIC · SyntheticCaseReviews v1, seed 7; HMIP PR 2019/10/ic1",
        SourcesFooter.summary(s));
  }

  @Test
  void aLongSourceIsCutAtTheEndOfAWordAndMoreInputsAreCounted() {
    String compiled =
        "compiled by Probation Lens from NAO and HMIP publications and nDelius codes"
            + " (data/reference/SOURCES.md)";
    Sources s =
        new Sources(
            List.of(
                Provenance.derived("Reference geography, pcc_areas.csv", compiled, "OGL v3", SHA),
                Provenance.derived("Reference geography, cpas.csv", compiled, "OGL v3", SHA),
                Provenance.derived(
                    "Owners listed", "data/reference/owner_listings.csv", "OGL", SHA),
                Provenance.derived("Service levels", "MoJ, CRC performance data", "OGL", SHA)),
            List.of("owners as of 31 March 2016"));
    // up to " (": 74 characters; its first 59 end inside "and", so cut at the space before it;
    // the two geography files have one source; two more inputs beyond the first two; 1 assumption
    assertEquals(
        "DERIVED · compiled by Probation Lens from NAO and HMIP publications…;"
            + " data/reference/owner_listings.csv and 1 more · 1 assumption",
        SourcesFooter.summary(s));
  }
}
