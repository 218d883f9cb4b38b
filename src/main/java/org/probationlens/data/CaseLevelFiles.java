package org.probationlens.data;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.DatasetLoader;
import org.probationlens.read.Manifest;
import org.probationlens.read.Schema;

/**
 * Loading a case-level file ({@code cases.csv}, {@code forecast.csv}) with the provenance its
 * caller states, confirmed by the {@link Manifest} beside it, or taken from that manifest when the
 * caller states nothing. Shared by {@link CaseRecords} and {@link ForecastVolumes}.
 */
final class CaseLevelFiles {

  /** The source named for real records whose manifest names none. */
  static final String DEFAULT_REAL_SOURCE =
      "case-level records supplied to the analyst (stated as real and unpublished)";

  /** The terms named for real records whose manifest names none. */
  static final String DEFAULT_REAL_LICENCE =
      "held under the supplier's data-sharing agreement; not for publication";

  static final String GENERATOR =
      "Probation Lens synthetic case generator, calibrated to published aggregates";

  private CaseLevelFiles() {}

  /**
   * Loads and validates {@code file}.
   *
   * @param stated the kind the caller states, or null to take it from the manifest
   * @param seed the seed the caller states (synthetic only), or null
   * @param version the generator version the caller states (synthetic only), or null
   * @param loader the public method to name in messages, e.g. {@code CaseRecords.load}
   */
  static LoadedDataset load(
      Schema schema,
      Path file,
      Provenance.Kind stated,
      Long seed,
      String version,
      String syntheticTitle,
      String realTitle,
      String loader) {
    Objects.requireNonNull(file, "file");
    requireCaseLevelKind(file, stated);
    if (!Files.exists(file)) {
      // said first: a missing file is not a missing manifest
      throw new UncheckedIOException(
          "cannot read " + file + ": no such file (" + file.toAbsolutePath().normalize() + ")",
          new NoSuchFileException(file.toString()));
    }
    Optional<Manifest> manifest = Manifest.beside(file);
    if (stated == null && manifest.isEmpty()) {
      throw new IllegalArgumentException(
          file
              + ": no "
              + Manifest.FILE_NAME
              + " beside it says what these records are, so state it: "
              + loader
              + "(file, Provenance.Kind.OFFICIAL_SENSITIVE) for real case records, or "
              + loader
              + "(file, Provenance.Kind.SYNTHETIC) for generator output (or "
              + loader
              + "(file, seed, generatorVersion) when they are known)");
    }
    String name = file.getFileName().toString();
    return DatasetLoader.of(schema)
        .load(
            file,
            sha -> {
              Provenance.Kind kind = manifest.map(m -> m.confirm(name, sha, stated)).orElse(stated);
              if (kind == Provenance.Kind.SYNTHETIC) {
                return Provenance.synthetic(
                    syntheticTitle,
                    GENERATOR,
                    agreed(manifest, "seed", seed, manifest.flatMap(Manifest::seed)),
                    agreed(
                        manifest,
                        "generator_version",
                        version,
                        manifest.flatMap(Manifest::generatorVersion)),
                    sha);
              }
              if (kind != Provenance.Kind.OFFICIAL_SENSITIVE) {
                throw manifest
                    .get()
                    .failure(
                        "kind",
                        kind.name(),
                        "OFFICIAL_SENSITIVE or SYNTHETIC: case-level data are never " + kind);
              }
              if (seed != null || version != null) {
                throw new IllegalArgumentException(
                    file + ": a seed and generator version are for synthetic data only");
              }
              return Provenance.officialSensitive(
                  realTitle,
                  manifest.flatMap(m -> m.value("source")).orElse(DEFAULT_REAL_SOURCE),
                  manifest.flatMap(m -> m.value("licence")).orElse(DEFAULT_REAL_LICENCE),
                  sha);
            });
  }

  /**
   * Refuses a kind that case-level records never have: they are real and unpublished or synthetic.
   *
   * @param where the file or directory, for the message
   * @param stated the kind the caller states, or null (nothing stated)
   * @throws IllegalArgumentException for PUBLISHED or DERIVED
   */
  static void requireCaseLevelKind(Path where, Provenance.Kind stated) {
    if (stated != null
        && stated != Provenance.Kind.SYNTHETIC
        && stated != Provenance.Kind.OFFICIAL_SENSITIVE) {
      throw new IllegalArgumentException(
          where
              + ": case-level data are either real, unpublished records (OFFICIAL_SENSITIVE) or"
              + " synthetic (SYNTHETIC); "
              + stated
              + " is for published tables");
    }
  }

  /**
   * Refuses a directory that is not there, as a missing file is refused: the path as given and as
   * resolved, under an {@link UncheckedIOException} whose cause is a {@link NoSuchFileException}.
   *
   * @param dir the directory
   * @param what what it should hold, e.g. "the nDelius extract"
   */
  static void requireDirectory(Path dir, String what) {
    if (!Files.isDirectory(dir)) {
      throw new UncheckedIOException(
          "cannot read "
              + what
              + " "
              + dir
              + ": no such directory ("
              + dir.toAbsolutePath().normalize()
              + ")",
          new NoSuchFileException(dir.toString()));
    }
  }

  /** The value the caller stated, which the manifest (if it records one) must agree with. */
  private static <T> T agreed(
      Optional<Manifest> manifest, String key, T stated, Optional<T> recorded) {
    if (stated == null) {
      return recorded.orElse(null);
    }
    if (recorded.isPresent() && !recorded.get().equals(stated)) {
      throw manifest
          .get()
          .failure(key, recorded.get().toString(), "the " + key + " the caller stated, " + stated);
    }
    return stated;
  }
}
