package org.probationlens.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.probationlens.provenance.Provenance;

/**
 * The {@code MANIFEST} that goes with a directory of case-level files ({@code data/sample/MANIFEST}
 * for the committed sample): {@code key=value} lines saying what the files are. The loaders read it
 * to confirm the provenance a caller states, or, when the caller states none, to take it from the
 * manifest. Lines starting with {@code #} are comments.
 *
 * <p>Keys read: {@code synthetic} ({@code true}/{@code false}); {@code kind} (a {@link
 * Provenance.Kind} name, e.g. {@code OFFICIAL_SENSITIVE}, for real records; {@code synthetic=true}
 * means {@code SYNTHETIC}); {@code seed} (an integer) and {@code generator_version} for generator
 * output; {@code source} and {@code licence} for real records; and {@code FILE.sha256} for each
 * file it covers (64 lower-case hex digits), checked against the SHA-256 of the exact bytes the
 * loader read. Other keys (the generator's planned shortfalls, the command) are kept and not
 * checked.
 *
 * <p>Every problem (a line without {@code =}, a repeated key, a seed that is not a number, a kind
 * that is not one of the four, a stated kind or a file hash that disagrees) is reported as a
 * located {@link Problem} at the manifest's line, in a {@link DatasetValidationException}.
 */
public final class Manifest {

  /** The manifest's file name, in the directory of the files it describes. */
  public static final String FILE_NAME = "MANIFEST";

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final String label;
  private final Map<String, String> values;
  private final Map<String, Integer> lines;

  private Manifest(String label, Map<String, String> values, Map<String, Integer> lines) {
    this.label = label;
    this.values = values;
    this.lines = lines;
  }

  /**
   * The manifest in the same directory as a data file, if there is one.
   *
   * @param file a data file, such as {@code data/sample/cases.csv}, not null
   * @return the manifest, or empty when the directory has no {@value #FILE_NAME}
   * @throws DatasetValidationException when the manifest has a malformed line or value
   */
  public static Optional<Manifest> beside(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    Path manifest = dir == null ? null : dir.resolve(FILE_NAME);
    if (manifest == null || !Files.isRegularFile(manifest)) {
      return Optional.empty();
    }
    return Optional.of(read(manifest));
  }

  /**
   * Reads and checks a manifest.
   *
   * @param manifest the file, not null
   * @return the manifest
   * @throws DatasetValidationException listing every malformed line or value, located
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Manifest read(Path manifest) {
    String label = manifest.toString();
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(manifest)))
              .toString();
    } catch (CharacterCodingException e) {
      throw new DatasetValidationException(
          label,
          List.of(new Problem(label, 1, null, 0, "bytes that are not UTF-8", "UTF-8 text")),
          0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + label + ": " + e.getMessage(), e);
    }
    List<Problem> problems = new ArrayList<>();
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    String[] all = text.split("\n", -1);
    for (int i = 0; i < all.length; i++) {
      String line = all[i].endsWith("\r") ? all[i].substring(0, all[i].length() - 1) : all[i];
      int number = i + 1;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        problems.add(new Problem(label, number, null, 0, line, "a line key=value, or # comment"));
        continue;
      }
      String key = line.substring(0, eq);
      String value = line.substring(eq + 1);
      if (!key.equals(key.strip()) || !value.equals(value.strip())) {
        problems.add(
            new Problem(label, number, key.strip(), 1, line, "key=value with no spaces around"));
        continue;
      }
      Integer first = lines.putIfAbsent(key, number);
      if (first != null) {
        problems.add(
            new Problem(label, number, key, 1, line, "each key once; line " + first + " has it"));
        continue;
      }
      values.put(key, value);
      String bad = checkValue(key, value);
      if (bad != null) {
        problems.add(new Problem(label, number, key, eq + 2, value, bad));
      }
    }
    if (!problems.isEmpty()) {
      throw new DatasetValidationException(label, problems, 0);
    }
    Manifest result = new Manifest(label, Map.copyOf(values), Map.copyOf(lines));
    if (values.containsKey("kind")
        && values.containsKey("synthetic")
        && (Provenance.Kind.valueOf(values.get("kind")) == Provenance.Kind.SYNTHETIC)
            != values.get("synthetic").equals("true")) {
      throw result.failure(
          "kind",
          values.get("kind"),
          "a kind that agrees with synthetic=" + values.get("synthetic"));
    }
    return result;
  }

  /** What is wrong with a value of a key the loaders read, or null. */
  private static String checkValue(String key, String value) {
    switch (key) {
      case "synthetic":
        return value.equals("true") || value.equals("false") ? null : "true or false";
      case "kind":
        for (Provenance.Kind kind : Provenance.Kind.values()) {
          if (kind.name().equals(value)) {
            return null;
          }
        }
        return "one of " + List.of(Provenance.Kind.values());
      case "seed":
        try {
          Long.parseLong(value);
          return null;
        } catch (NumberFormatException e) {
          return "an integer (the generator's seed)";
        }
      case "rows":
        return value.matches("[0-9]{1,18}") ? null : "a whole number of rows";
      case "generator_version":
      case "source":
      case "licence":
        return value.isBlank() ? "a value" : null;
      default:
        if (key.endsWith(".sha256")) {
          return SHA256.matcher(value).matches() ? null : "64 lower-case hex digits (SHA-256)";
        }
        return null;
    }
  }

  /**
   * The manifest's file, as it was named when read.
   *
   * @return the path text, not null
   */
  public String file() {
    return label;
  }

  /**
   * A value by key.
   *
   * @param key the key, e.g. {@code rows}, not null
   * @return the value as written, or empty when the key is absent
   */
  public Optional<String> value(String key) {
    return Optional.ofNullable(values.get(Objects.requireNonNull(key, "key")));
  }

  /**
   * What the manifest says the files are: {@code kind}, or {@code SYNTHETIC} for {@code
   * synthetic=true}.
   *
   * @return the kind, or empty when it says neither ({@code synthetic=false} alone)
   */
  public Optional<Provenance.Kind> kind() {
    if (values.containsKey("kind")) {
      return Optional.of(Provenance.Kind.valueOf(values.get("kind")));
    }
    if ("true".equals(values.get("synthetic"))) {
      return Optional.of(Provenance.Kind.SYNTHETIC);
    }
    return Optional.empty();
  }

  /**
   * The generator's seed, for synthetic files.
   *
   * @return the seed, or empty when not recorded
   */
  public Optional<Long> seed() {
    return value("seed").map(Long::valueOf);
  }

  /**
   * The generator's version, for synthetic files.
   *
   * @return the version, or empty when not recorded
   */
  public Optional<String> generatorVersion() {
    return value("generator_version");
  }

  /**
   * Checks a file the loader read against this manifest: its SHA-256 (when the manifest lists the
   * file) and the kind the caller stated (when the manifest gives one).
   *
   * @param fileName the file's name in the directory, e.g. {@code cases.csv}, not null
   * @param sha256 the SHA-256 of the bytes read, not null
   * @param stated the kind the caller stated, or null to take the manifest's
   * @return the kind: the one stated, confirmed by the manifest
   * @throws DatasetValidationException at the manifest's line when the hash or the kind disagrees,
   *     or when nothing was stated and the manifest gives no kind
   */
  public Provenance.Kind confirm(String fileName, String sha256, Provenance.Kind stated) {
    String key = fileName + ".sha256";
    String listed = values.get(key);
    if (listed != null && !listed.equals(sha256)) {
      throw failure(
          key,
          listed,
          "the SHA-256 of the bytes of "
              + fileName
              + " as read, "
              + sha256
              + " (the file changed after the manifest was written, or belongs to another one)");
    }
    Optional<Provenance.Kind> kind = kind();
    if (stated == null) {
      if (kind.isEmpty()) {
        throw new DatasetValidationException(
            label,
            List.of(
                new Problem(
                    label,
                    1,
                    null,
                    0,
                    "no kind",
                    "kind=OFFICIAL_SENSITIVE or synthetic=true saying what the files are; or state"
                        + " the kind when loading")),
            0);
      }
      return kind.get();
    }
    if (kind.isPresent() && kind.get() != stated) {
      String where = values.containsKey("kind") ? "kind" : "synthetic";
      throw failure(
          where,
          values.get(where),
          "the kind the caller stated, "
              + stated
              + "; the manifest says these files are "
              + kind.get());
    }
    return stated;
  }

  /**
   * A located problem at the line of {@code key} in this manifest (or at the manifest as a whole
   * when the key is not in it), as one exception.
   *
   * @param key the manifest key the problem concerns, not null
   * @param found the value found, or null
   * @param expected what was expected, not null
   * @return the exception, for the caller to throw
   */
  public DatasetValidationException failure(String key, String found, String expected) {
    Integer line = lines.get(key);
    Problem problem =
        line == null
            ? new Problem(label, 1, null, 0, "no " + key, expected)
            : new Problem(label, line, key, key.length() + 2, found, expected);
    return new DatasetValidationException(label, List.of(problem), 0);
  }
}
