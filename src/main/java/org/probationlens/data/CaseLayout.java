package org.probationlens.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.probationlens.provenance.LoadedDataset;
import org.probationlens.provenance.Provenance;
import org.probationlens.read.Problem;

/**
 * The layouts case-level records come in, each read into the same case table (the columns of {@link
 * CaseRecords#schema()}): the project's own {@code cases.csv}, an nDelius extract (the tables of
 * the probation case-management system, one CSV each), and the Ministry of Justice's Data First
 * probation files. A notebook names one in its {@code casesFormat} parameter ({@link #format()}),
 * or says {@code auto} to have it recognised from the files ({@link #recognise}).
 */
public enum CaseLayout {
  /** The project's {@code cases.csv}: one file, read by {@link CaseRecords#load(Path)}. */
  PROJECT_CSV("csv"),
  /** An nDelius extract: a directory holding {@code EVENT.csv}, read by {@link NDeliusExtract}. */
  NDELIUS("ndelius"),
  /**
   * The Data First probation files: a directory holding {@code moj_probation_flatfile} Parquet
   * parts or {@code flatfile.csv} (the MoJ's layout for accredited researchers), read by {@link
   * DataFirstFiles}.
   */
  DATA_FIRST("datafirst");

  /** The {@code casesFormat} that asks for the layout to be recognised from the files. */
  public static final String AUTO = "auto";

  private final String format;

  CaseLayout(String format) {
    this.format = format;
  }

  /**
   * How a notebook's {@code casesFormat} parameter names this layout, e.g. {@code ndelius}.
   *
   * @return the name, lower case, not null
   */
  public String format() {
    return format;
  }

  /**
   * Reads case records laid out this way.
   *
   * @param path the file ({@link #PROJECT_CSV}) or directory (the others), not null
   * @param stated OFFICIAL_SENSITIVE or SYNTHETIC, or null to take the kind from the manifest
   *     beside the files
   * @return the case table with its provenance and the reader's notes
   * @throws org.probationlens.read.DatasetValidationException listing every problem in the files
   */
  public LoadedDataset load(Path path, Provenance.Kind stated) {
    Objects.requireNonNull(path, "path");
    return switch (this) {
      case PROJECT_CSV -> CaseLayout.projectCsv(path, stated);
      case NDELIUS -> NDeliusExtract.load(path, stated);
      case DATA_FIRST ->
          stated == null ? DataFirstFiles.load(path) : DataFirstFiles.load(path, stated);
    };
  }

  private static LoadedDataset projectCsv(Path path, Provenance.Kind stated) {
    if (Files.isDirectory(path)) {
      throw new IllegalArgumentException(
          path
              + " is a directory; the project's layout (casesFormat \"csv\") is one file,"
              + " cases.csv: give its path, or the format of the directory's files (ndelius, or"
              + " auto to recognise them)");
    }
    return stated == null ? CaseRecords.load(path) : CaseRecords.load(path, stated);
  }

  /**
   * The layout a notebook's {@code casesFormat} names, or for {@value #AUTO} the one recognised
   * from {@code path}.
   *
   * @param format {@code auto}, {@code csv}, {@code ndelius} or {@code datafirst}, exactly, not
   *     null
   * @param path the files, not null (looked at only for {@code auto})
   * @return the layout
   * @throws IllegalArgumentException for any other format, listing those there are
   */
  public static CaseLayout of(String format, Path path) {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(path, "path");
    if (format.equals(AUTO)) {
      return recognise(path);
    }
    for (CaseLayout layout : values()) {
      if (layout.format.equals(format)) {
        return layout;
      }
    }
    throw new IllegalArgumentException(
        "casesFormat \""
            + Problem.bounded(format)
            + "\" names no layout; expected one of "
            + AUTO
            + ", "
            + String.join(", ", Arrays.stream(values()).map(CaseLayout::format).toList()));
  }

  /**
   * The layout of the files at {@code path}: a file is the project's CSV; a directory holding
   * {@code EVENT.csv} is an nDelius extract; one holding {@code flatfile.csv} or a {@code
   * moj_probation_flatfile} part (a file or directory whose name starts so) is Data First.
   *
   * @param path a file or directory, not null
   * @return the layout
   * @throws UncheckedIOException when nothing is at {@code path}
   * @throws IllegalArgumentException for a directory of none of these layouts, saying what each
   *     needs
   */
  public static CaseLayout recognise(Path path) {
    Objects.requireNonNull(path, "path");
    if (Files.isRegularFile(path)) {
      return PROJECT_CSV;
    }
    if (!Files.isDirectory(path)) {
      throw new UncheckedIOException(
          "cannot read " + path + ": no such file or directory (" + path.toAbsolutePath() + ")",
          new NoSuchFileException(path.toString()));
    }
    if (NDeliusExtract.recognises(path)) {
      return NDELIUS;
    }
    try (Stream<Path> entries = Files.list(path)) {
      if (entries.anyMatch(
          p -> {
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.startsWith(DATA_FIRST_PART) || name.equals("flatfile.csv");
          })) {
        return DATA_FIRST;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
    }
    throw new IllegalArgumentException(
        path
            + ": a directory of no case layout known: an nDelius extract holds EVENT.csv, the Data"
            + " First probation files flatfile.csv or a "
            + DATA_FIRST_PART
            + "_NN part; the project's layout is one file, cases.csv, given by its own path");
  }

  private static final String DATA_FIRST_PART = "moj_probation_flatfile";
}
