package org.probationlens.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.probationlens.data.synthetic.CaseGenerator;
import org.probationlens.data.synthetic.GeneratorSettings;
import org.probationlens.data.synthetic.ProgressListener;

/** Generated cases for the Spark tests: the project's seeded generator, made-up data. */
final class SparkVolumesTestData {
  private SparkVolumesTestData() {}

  static Path generate(Path dir, long seed, long rows) {
    Path out = dir.resolve("seed-" + seed + "-rows-" + rows);
    if (!Files.exists(out.resolve("cases.csv"))) {
      try {
        CaseGenerator.standard()
            .generate(out, new GeneratorSettings(seed, rows), ProgressListener.none());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** The cases of one file in two, each with the header: together the same cases. */
  static List<Path> split(Path cases, Path dir) throws IOException {
    List<String> lines = Files.readAllLines(cases);
    int half = lines.size() / 2;
    Path a = dir.resolve("part-a.csv");
    Path b = dir.resolve("part-b.csv");
    Files.write(a, (String.join("\n", lines.subList(0, half)) + "\n").getBytes());
    List<String> rest = new ArrayList<>(List.of(lines.get(0)));
    rest.addAll(lines.subList(half, lines.size()));
    Files.write(b, (String.join("\n", rest) + "\n").getBytes());
    return List.of(a, b);
  }
}
