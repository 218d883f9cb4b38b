package org.probationlens.innovation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SyntheticInnovationsTest {

  private static final Path SAMPLE =
      Path.of(System.getProperty("lens.projectDir", "."))
          .resolve("data/sample/innovation_events_synthetic.csv");

  @Test
  void committedSampleIsTheGeneratorsOutputForTheDefaultSeed() throws IOException {
    // regenerate with SyntheticInnovations.write(SAMPLE, SyntheticInnovations.DEFAULT_SEED)
    assertEquals(
        SyntheticInnovations.csv(SyntheticInnovations.DEFAULT_SEED),
        Files.readString(SAMPLE, StandardCharsets.UTF_8));
  }

  @Test
  void sameSeedSameEventsOtherSeedOtherEvents() {
    assertEquals(SyntheticInnovations.csv(7), SyntheticInnovations.csv(7));
    assertNotEquals(SyntheticInnovations.csv(7), SyntheticInnovations.csv(8));
  }

  @Test
  void everyEventIsLabelledSyntheticAndPassesValidation() {
    InnovationRegister syn = InnovationRegister.load(SAMPLE);
    assertTrue(syn.innovations().size() > 20);
    assertTrue(syn.innovations().stream().allMatch(Innovation::synthetic));
    assertTrue(
        syn.innovations().stream()
            .flatMap(i -> i.events().stream())
            .allMatch(e -> e.source().startsWith("synthetic: SyntheticInnovations v1, seed 2014")));
    // and it merges with the documented register without id clashes
    assertEquals(
        syn.innovations().size() + 12,
        InnovationRegister.documented().with(syn).innovations().size());
  }

  @Test
  void nothingAfterTheContractsEnded() {
    InnovationRegister syn = InnovationRegister.synthetic(99);
    assertTrue(
        syn.innovations().stream()
            .flatMap(i -> i.events().stream())
            .allMatch(e -> !e.date().start().isAfter(LocalDate.of(2021, 6, 25))));
  }

  @Test
  void signOffAnalysisRunsOnTheSyntheticRegister() {
    StageTimes s =
        InnovationRegister.synthetic(SyntheticInnovations.DEFAULT_SEED)
            .timeToSignOff(LocalDate.of(2021, 6, 25));
    int n = s.times().rowCount();
    assertEquals(n, s.overall().subjects());
    // every submission is either approved (an event) or censored: waiting or withdrawn
    long reached = s.times().booleanColumn("reached").asList().stream().filter(b -> b).count();
    assertEquals(reached, s.overall().events());
    assertTrue(s.excluded().isEmpty(), s.excluded().toString());
  }
}
