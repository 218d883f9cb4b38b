package org.probationlens.court;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.ColumnSpec;
import org.probationlens.read.DatasetLoader;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import org.probationlens.read.Rule;
import org.probationlens.read.Schema;
import tech.tablesaw.api.Table;

/**
 * Court-level data for the court-liaison analyses: courts, pre-sentence reports with the sentences
 * that followed, community and suspended sentence orders with their RARs, CRC breach referrals, and
 * sentencer-survey answers (layouts in {@link CourtTable}).
 *
 * <p>No such data is published. The data in this project is synthetic, made by {@link
 * CourtDataGenerator} and labelled so: its files are named {@code synthetic_*.csv}, and {@code
 * manifest.csv} records the generator, seed, scale and each file's SHA-256. A user's own real
 * court-level records load through the same {@link #load(Path)}: files named without the prefix
 * ({@code reports.csv}) and a manifest whose {@code kind} is {@code official_sensitive} (generator,
 * seed and scale may be empty); their provenance is then {@link Provenance.Kind#OFFICIAL_SENSITIVE}
 * with the SHA-256 of the bytes read, never synthetic. Every table returned here carries
 * "SYNTHETIC" in its name. Immutable: accessors return copies.
 */
public final class CourtData {
  /** The manifest's file name. */
  public static final String MANIFEST = "manifest.csv";

  private static final String MANIFEST_HEADER = "file,rows,sha256,kind,generator,seed,scale";

  private final Table courts;
  private final Table reports;
  private final Table orders;
  private final Table breaches;
  private final Table survey;
  private final long seed;
  private final double scale;
  private final String generator;
  private final byte[][] files;
  private final String[] sha256;
  private final Provenance.Kind kind;

  private CourtData(
      Table[] tables,
      String[] read,
      Provenance.Kind kind,
      long seed,
      double scale,
      String generator) {
    this.kind = kind;
    this.seed = seed;
    this.scale = scale;
    this.generator = generator;
    this.files = new byte[tables.length][];
    this.sha256 = new String[tables.length];
    for (int i = 0; i < tables.length; i++) {
      files[i] = CourtCsv.toCsv(tables[i], CourtTable.values()[i]);
      // loaded data: the hash of the bytes read; generated data: of the bytes write() writes
      sha256[i] = read != null ? read[i] : sha256(files[i]);
    }
    String label =
        kind == Provenance.Kind.SYNTHETIC
            ? " (SYNTHETIC, seed " + seed + ", scale " + fmt(scale) + ")"
            : " (" + kind + ")";
    this.courts = named(tables[0], "courts" + label);
    this.reports = named(tables[1], "reports" + label);
    this.orders = named(tables[2], "orders" + label);
    this.breaches = named(tables[3], "breaches" + label);
    this.survey = named(tables[4], "survey" + label);
  }

  static CourtData synthetic(
      Table courts,
      Table reports,
      Table orders,
      Table breaches,
      Table survey,
      long seed,
      double scale,
      String generator) {
    return new CourtData(
        new Table[] {courts, reports, orders, breaches, survey},
        null,
        Provenance.Kind.SYNTHETIC,
        seed,
        scale,
        generator);
  }

  /**
   * The committed sample: {@code CourtDataGenerator.generate(2014, 0.1)}, loaded from {@code
   * data/sample/court} under the project directory: the working directory or the first of its
   * parents that holds it (a notebook runs in {@code notebooks/}, a test in the project or a module
   * of it).
   *
   * @return the sample, checked against its manifest
   * @throws DatasetValidationException if the sample cannot be found or fails its checks
   */
  public static CourtData sample() {
    return load(sampleDirectory());
  }

  /**
   * Where the committed sample lives.
   *
   * @return the directory {@code data/sample/court} of the project
   * @throws IllegalStateException if no such directory is found
   */
  public static Path sampleDirectory() {
    List<Path> tried = new ArrayList<>();
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      tried.add(p.resolve("data/sample/court"));
    }
    for (Path p : tried) {
      if (Files.isRegularFile(p.resolve(MANIFEST))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "data/sample/court/" + MANIFEST + " not found; looked in " + tried);
  }

  /**
   * Loads court data written by {@link #write(Path)}: checks the manifest, each file's SHA-256 and
   * row count, and every value (codes, dates, counts, links between files).
   *
   * @param dir the directory holding {@code manifest.csv} and the five files, not null
   * @return the data, not null
   * @throws DatasetValidationException listing every problem found, with file, line, column and
   *     value
   */
  public static CourtData load(Path dir) {
    Path manifestPath = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifestPath)) {
      throw new DatasetValidationException(
          MANIFEST,
          List.of(
              new Problem(
                  MANIFEST,
                  1,
                  null,
                  0,
                  "no such file",
                  "a manifest " + manifestPath + " listing the five files")),
          0);
    }
    DatasetLoader.Hashed read;
    try {
      read = DatasetLoader.of(MANIFEST_SCHEMA).readHashed(manifestPath);
    } catch (DatasetValidationException e) {
      throw relabel(e, MANIFEST);
    }
    Table m = read.table();
    List<Problem> problems = new ArrayList<>();
    String kindText = m.rowCount() == 0 ? "synthetic" : m.stringColumn("kind").get(0);
    Provenance.Kind kind =
        kindText.equals("synthetic")
            ? Provenance.Kind.SYNTHETIC
            : Provenance.Kind.OFFICIAL_SENSITIVE;
    boolean synthetic = kind == Provenance.Kind.SYNTHETIC;
    java.util.Map<String, Integer> rowOf = new java.util.HashMap<>();
    for (int r = 0; r < m.rowCount(); r++) {
      long line = r + 2L; // the manifest is written without quoting, one line per row
      String file = m.stringColumn("file").get(r);
      rowOf.put(file, r);
      if (!m.stringColumn("kind").get(r).equals(kindText)) {
        problems.add(
            new Problem(
                MANIFEST,
                line,
                "kind",
                4,
                m.stringColumn("kind").get(r),
                kindText + ", as on line 2: one kind for all five files"));
      }
      if (synthetic != file.startsWith("synthetic_")) {
        problems.add(
            new Problem(
                MANIFEST,
                line,
                "file",
                1,
                file,
                synthetic
                    ? "a file named synthetic_*.csv for synthetic data"
                    : "a file name without synthetic_ for " + kind + " data"));
      }
      if (synthetic
          && (m.stringColumn("generator").isMissing(r)
              || m.stringColumn("generator").get(r).isEmpty()
              || m.stringColumn("seed").get(r).isEmpty()
              || m.doubleColumn("scale").isMissing(r))) {
        problems.add(
            new Problem(
                MANIFEST,
                line,
                "generator",
                5,
                m.stringColumn("generator").get(r),
                "generator, seed and scale for synthetic data"));
      }
    }
    for (CourtTable t : CourtTable.values()) {
      if (!rowOf.containsKey(t.fileName(synthetic))) {
        problems.add(
            new Problem(
                MANIFEST,
                m.rowCount() + 2L,
                null,
                0,
                "the end of the file",
                "a line for " + t.fileName(synthetic) + " (every one of the five files)"));
      }
    }
    if (!problems.isEmpty()) {
      throw new DatasetValidationException(MANIFEST, problems, 0);
    }
    CourtCsv.Read files = CourtCsv.readAll(dir, synthetic);
    for (CourtTable t : CourtTable.values()) {
      int r = rowOf.get(t.fileName(synthetic));
      long line = r + 2L;
      String listed = m.stringColumn("sha256").get(r);
      String actual = files.sha256()[t.ordinal()];
      if (!listed.equals(actual)) {
        problems.add(
            new Problem(
                MANIFEST,
                line,
                "sha256",
                3,
                listed,
                "the SHA-256 of the bytes of "
                    + t.fileName(synthetic)
                    + " as read, "
                    + actual
                    + " (the file was changed after the manifest was written)"));
      }
      int rows = m.intColumn("rows").get(r);
      if (files.tables()[t.ordinal()].rowCount() != rows) {
        problems.add(
            new Problem(
                MANIFEST,
                line,
                "rows",
                2,
                Integer.toString(rows),
                "the number of rows of "
                    + t.fileName(synthetic)
                    + ", "
                    + files.tables()[t.ordinal()].rowCount()));
      }
    }
    if (!problems.isEmpty()) {
      throw new DatasetValidationException(MANIFEST, problems, 0);
    }
    long seed = synthetic ? Long.parseLong(m.stringColumn("seed").get(0)) : 0;
    double scale = synthetic ? m.doubleColumn("scale").get(0) : 1;
    String generator = synthetic ? m.stringColumn("generator").get(0) : null;
    return new CourtData(files.tables(), files.sha256(), kind, seed, scale, generator);
  }

  /** The manifest's layout: one line per file, checked by the validating loader. */
  private static final Schema MANIFEST_SCHEMA =
      Schema.builder("court_manifest")
          .columns(
              ColumnSpec.code(
                  "file",
                  java.util.stream.Stream.concat(
                          java.util.Arrays.stream(CourtTable.values()).map(t -> t.fileName(true)),
                          java.util.Arrays.stream(CourtTable.values()).map(t -> t.fileName(false)))
                      .toList()),
              ColumnSpec.integer("rows", 0, Integer.MAX_VALUE),
              ColumnSpec.text("sha256"),
              ColumnSpec.code("kind", List.of("synthetic", "official_sensitive")),
              ColumnSpec.text("generator").optional(),
              ColumnSpec.text("seed").optional(),
              ColumnSpec.decimal("scale", Double.MIN_VALUE, 1).optional())
          .primaryKey("file")
          .rules(
              Rule.of(
                  "sha256",
                  "64 lower-case hex digits (SHA-256)",
                  row -> row.text("sha256").matches("[0-9a-f]{64}")),
              Rule.of(
                  "seed",
                  "an integer (the generator's seed)",
                  row -> row.text("seed").matches("-?[0-9]{1,18}")))
          .build();

  private static DatasetValidationException relabel(DatasetValidationException e, String name) {
    List<Problem> named = new ArrayList<>();
    for (Problem p : e.problems()) {
      named.add(new Problem(name, p.line(), p.column(), p.columnNumber(), p.value(), p.expected()));
    }
    return new DatasetValidationException(name, named, e.unlisted());
  }

  /**
   * Writes the five files ({@code synthetic_*.csv}) and {@code manifest.csv} into a directory,
   * creating it if needed.
   *
   * @param dir the directory, not null
   * @throws UncheckedIOException if a file cannot be written
   */
  public void write(Path dir) {
    try {
      Files.createDirectories(dir);
      StringBuilder manifest = new StringBuilder(MANIFEST_HEADER).append('\n');
      Table[] tables = {courts, reports, orders, breaches, survey};
      for (int i = 0; i < tables.length; i++) {
        CourtTable layout = CourtTable.values()[i];
        Files.write(dir.resolve(layout.fileName(true)), files[i]);
        manifest
            .append(layout.fileName(true))
            .append(',')
            .append(tables[i].rowCount())
            .append(',')
            .append(sha256(files[i]))
            .append(",synthetic,")
            .append(generator)
            .append(',')
            .append(seed)
            .append(',')
            .append(fmt(scale))
            .append('\n');
      }
      Files.writeString(dir.resolve(MANIFEST), manifest.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One line saying where the data came from, for a notebook or a chart footer.
   *
   * @return e.g. "SYNTHETIC court data (court-generator 1, seed 2014, scale 0.1): calibrated to
   *     published figures; not real cases"
   */
  public String provenance() {
    if (kind != Provenance.Kind.SYNTHETIC) {
      return kind
          + " court data (real, unpublished records; read from files listed in "
          + MANIFEST
          + ")";
    }
    return "SYNTHETIC court data ("
        + generator
        + ", seed "
        + seed
        + ", scale "
        + fmt(scale)
        + "): calibrated to published figures; not real cases";
  }

  /**
   * The provenance of one table, in the project's common form: synthetic, with the generator, its
   * version, the seed and the SHA-256 of the table's CSV file (as {@link #write(Path)} writes it
   * and {@code manifest.csv} records it).
   *
   * @param table which table, not null
   * @return the provenance, not null
   */
  public Provenance provenance(CourtTable table) {
    if (kind != Provenance.Kind.SYNTHETIC) {
      return Provenance.officialSensitive(
          "Court-level " + table.name().toLowerCase(Locale.ROOT),
          "court-level records supplied to the analyst (manifest kind official_sensitive)",
          "held under the supplier's data-sharing agreement; not for publication",
          sha256[table.ordinal()]);
    }
    return Provenance.synthetic(
        "Court-level "
            + table.name().toLowerCase(Locale.ROOT)
            + " (synthetic, scale "
            + fmt(scale)
            + ")",
        CourtDataGenerator.class.getName(),
        seed,
        generator,
        sha256[table.ordinal()]);
  }

  /**
   * Whether the data are synthetic (generated, or loaded from a manifest of kind {@code
   * synthetic}); false for real records loaded from a manifest of kind {@code official_sensitive}.
   *
   * @return true for synthetic data
   */
  public boolean isSynthetic() {
    return kind == Provenance.Kind.SYNTHETIC;
  }

  /**
   * The seed the data was generated with.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * The scale the data was generated at (1 = national volumes).
   *
   * @return the scale, in (0, 1]
   */
  public double scale() {
    return scale;
  }

  /**
   * The courts (layout {@link CourtTable#COURTS}).
   *
   * @return a copy of the table
   */
  public Table courts() {
    return courts.copy();
  }

  /**
   * The pre-sentence reports and sentences (layout {@link CourtTable#REPORTS}).
   *
   * @return a copy of the table
   */
  public Table reports() {
    return reports.copy();
  }

  /**
   * The community and suspended sentence orders (layout {@link CourtTable#ORDERS}).
   *
   * @return a copy of the table
   */
  public Table orders() {
    return orders.copy();
  }

  /**
   * The CRC breach referrals (layout {@link CourtTable#BREACHES}).
   *
   * @return a copy of the table
   */
  public Table breaches() {
    return breaches.copy();
  }

  /**
   * The sentencer-survey answers (layout {@link CourtTable#SURVEY}).
   *
   * @return a copy of the table
   */
  public Table survey() {
    return survey.copy();
  }

  @Override
  public String toString() {
    return provenance();
  }

  private static Table named(Table t, String name) {
    Table copy = t.copy();
    copy.setName(name);
    return copy;
  }

  static String fmt(double scale) {
    return String.format(Locale.ROOT, "%s", scale);
  }

  static String sha256(byte[] bytes) {
    return org.probationlens.read.Sha256.of(bytes);
  }
}
