package org.probationlens.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed sample in data/sample is exactly what the generator writes for its manifest. */
class SampleRegenerationTest {

  private static Path sampleDir() {
    return Path.of(System.getProperty("lens.projectDir", ".")).resolve("data/sample");
  }

  @Test
  void committedSampleIsByteIdenticalToARegeneration(@TempDir Path dir) throws IOException {
    Properties manifest = new Properties();
    manifest.load(new StringReader(Files.readString(sampleDir().resolve("MANIFEST"))));
    assertEquals("true", manifest.getProperty("synthetic"));
    assertEquals(CaseGenerator.VERSION, manifest.getProperty("generator_version"));
    GeneratorSettings settings =
        new GeneratorSettings(
            Long.parseLong(manifest.getProperty("seed")),
            Long.parseLong(manifest.getProperty("rows")));
    assertEquals(GeneratorSettings.defaults(), settings);
    CaseGenerator.standard().generate(dir, settings, ProgressListener.none());
    for (String file : new String[] {"cases.csv", "forecast.csv", "MANIFEST"}) {
      assertArrayEquals(
          Files.readAllBytes(sampleDir().resolve(file)),
          Files.readAllBytes(dir.resolve(file)),
          "data/sample/"
              + file
              + " differs from a regeneration with "
              + settings
              + "; if the generator changed on purpose, bump CaseGenerator.VERSION and rerun"
              + " ./lens data --rows 10000 --seed 2014 --out data/sample");
    }
  }
}
