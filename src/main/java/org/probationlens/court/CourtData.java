package org.probationlens.court;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.probationlens.data.Provenance;
import tech.tablesaw.api.Table;

/**
 * Court-level data for the court-liaison analyses: courts, pre-sentence reports with the sentences
 * that followed, community and suspended sentence orders with their RARs, CRC breach referrals, and
 * sentencer-survey answers (layouts in {@link CourtTable}).
 *
 * <p>No such data is published. The data in this project is synthetic, made by {@link
 * CourtDataGenerator} and labelled so: its files are named {@code synthetic_*.csv}, and {@code
 * manifest.csv} records the generator, seed, scale and each file's SHA-256. Every table returned
 * here carries "SYNTHETIC" in its name. Immutable: accessors return copies.
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

  private CourtData(Table[] tables, long seed, double scale, String generator) {
    this.seed = seed;
    this.scale = scale;
    this.generator = generator;
    this.files = new byte[tables.length][];
    for (int i = 0; i < tables.length; i++) {
      files[i] = CourtCsv.toCsv(tables[i], CourtTable.values()[i]);
    }
    String label = " (SYNTHETIC, seed " + seed + ", scale " + fmt(scale) + ")";
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
        new Table[] {courts, reports, orders, breaches, survey}, seed, scale, generator);
  }

  /**
   * The committed sample: {@code CourtDataGenerator.generate(2014, 0.1)}, loaded from {@code
   * data/sample/court} under the project directory (the system property {@code lens.projectDir},
   * else the working directory or one of its parents).
   *
   * @return the sample, checked against its manifest
   * @throws CourtDataException if the sample cannot be found or fails its checks
   */
  public static CourtData sample() {
    return load(sampleDirectory());
  }

  /**
   * Where the committed sample lives.
   *
   * @return the directory {@code data/sample/court} of the project
   * @throws CourtDataException if no such directory is found
   */
  public static Path sampleDirectory() {
    List<Path> tried = new ArrayList<>();
    String project = System.getProperty("lens.projectDir");
    if (project != null) {
      tried.add(Path.of(project).resolve("data/sample/court"));
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      tried.add(p.resolve("data/sample/court"));
    }
    for (Path p : tried) {
      if (Files.isRegularFile(p.resolve(MANIFEST))) {
        return p;
      }
    }
    throw new CourtDataException(
        List.of("data/sample/court/" + MANIFEST + " not found; looked in " + tried));
  }

  /**
   * Loads court data written by {@link #write(Path)}: checks the manifest, each file's SHA-256 and
   * row count, and every value (codes, dates, counts, links between files).
   *
   * @param dir the directory holding {@code manifest.csv} and the five files, not null
   * @return the data, not null
   * @throws CourtDataException listing every problem found, with file, line, column and value
   */
  public static CourtData load(Path dir) {
    Path manifest = dir.resolve(MANIFEST);
    List<String> lines;
    try {
      lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CourtDataException(List.of(manifest + ": cannot be read: " + e.getMessage()));
    }
    List<String> problems = new ArrayList<>();
    if (lines.isEmpty() || !lines.get(0).equals(MANIFEST_HEADER)) {
      throw new CourtDataException(
          List.of(MANIFEST + " line 1: expected header '" + MANIFEST_HEADER + "'"));
    }
    if (lines.size() != CourtTable.values().length + 1) {
      throw new CourtDataException(
          List.of(
              MANIFEST
                  + ": expected "
                  + CourtTable.values().length
                  + " files listed, found "
                  + (lines.size() - 1)));
    }
    long seed = 0;
    double scale = 0;
    String generator = null;
    for (int i = 0; i < CourtTable.values().length; i++) {
      CourtTable layout = CourtTable.values()[i];
      String[] f = lines.get(i + 1).split(",", -1);
      String where = MANIFEST + " line " + (i + 2);
      if (f.length != 7 || !f[0].equals(layout.fileName(true)) || !f[3].equals("synthetic")) {
        problems.add(
            where
                + ": expected "
                + layout.fileName(true)
                + " listed as synthetic (7 fields), found '"
                + lines.get(i + 1)
                + "'");
        continue;
      }
      Path file = dir.resolve(f[0]);
      try {
        String actual = sha256(Files.readAllBytes(file));
        if (!actual.equals(f[2])) {
          problems.add(
              where
                  + ", column sha256: "
                  + f[0]
                  + " has SHA-256 "
                  + actual
                  + ", manifest says "
                  + f[2]
                  + " (the file was changed after it was generated)");
        }
      } catch (IOException e) {
        problems.add(where + ": " + f[0] + " cannot be read: " + e.getMessage());
      }
      try {
        seed = Long.parseLong(f[5]);
        scale = Double.parseDouble(f[6]);
      } catch (NumberFormatException e) {
        problems.add(where + ", column seed/scale: '" + f[5] + "', '" + f[6] + "' are not numbers");
      }
      generator = f[4];
    }
    if (!problems.isEmpty()) {
      throw new CourtDataException(problems);
    }
    Table[] tables = CourtCsv.readAll(dir, true);
    for (int i = 0; i < tables.length; i++) {
      long rows = Long.parseLong(lines.get(i + 1).split(",")[1]);
      if (tables[i].rowCount() != rows) {
        problems.add(
            MANIFEST
                + " line "
                + (i + 2)
                + ", column rows: manifest says "
                + rows
                + ", file has "
                + tables[i].rowCount());
      }
    }
    if (!problems.isEmpty()) {
      throw new CourtDataException(problems);
    }
    return new CourtData(tables, seed, scale, generator);
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
    return Provenance.synthetic(
        "Court-level "
            + table.name().toLowerCase(Locale.ROOT)
            + " (synthetic, scale "
            + fmt(scale)
            + ")",
        CourtDataGenerator.class.getName(),
        seed,
        generator,
        sha256(files[table.ordinal()]));
  }

  /**
   * Always true: the only court data in this project is synthetic.
   *
   * @return true
   */
  public boolean isSynthetic() {
    return true;
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
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
