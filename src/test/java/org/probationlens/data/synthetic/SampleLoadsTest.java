package org.probationlens.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.probationlens.data.CaseRecords;
import org.probationlens.data.ForecastVolumes;
import org.probationlens.provenance.LoadedDataset;

/** The committed sample passes the validating loaders of the data package (the shared contract). */
class SampleLoadsTest {

  private static Path sample(String file) {
    return Path.of(System.getProperty("lens.projectDir", ".")).resolve("data/sample").resolve(file);
  }

  @Test
  void casesAndForecastLoadWithoutAProblem() {
    LoadedDataset cases =
        CaseRecords.load(
            sample("cases.csv"), GeneratorSettings.DEFAULT_SEED, CaseGenerator.VERSION);
    assertEquals(GeneratorSettings.DEFAULT_ROWS, cases.table().rowCount());
    LoadedDataset forecast =
        ForecastVolumes.load(
            sample("forecast.csv"), GeneratorSettings.DEFAULT_SEED, CaseGenerator.VERSION);
    assertEquals(21 * 7 * 5, forecast.table().rowCount());
  }
}
