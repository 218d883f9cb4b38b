package org.probationlens.read;

import java.util.List;
import java.util.Objects;

/**
 * A dataset file failed validation, so nothing was loaded. It lists every problem found (up to the
 * loader's limit) with file, line, column, value and what was expected, and says how many more were
 * found but not listed.
 *
 * <p>The same exception reports a table held in memory that an analysis refused ({@link #inTable}):
 * then {@link #file()} is the table's name and each {@link Problem} gives a row of the table
 * ({@link Problem.Origin#TABLE}) instead of a line of a file.
 */
public final class DatasetValidationException extends RuntimeException {

  private final String file;
  private final List<Problem> problems;
  private final long unlisted;

  /**
   * Creates the exception; the loaders, the manifest reader and the court and innovation readers
   * all report through it.
   *
   * @param file the file or resource as the caller named it, not null
   * @param problems the problems listed, in file order, not empty
   * @param unlisted how many further problems were found beyond the listing limit, at least 0
   */
  public DatasetValidationException(String file, List<Problem> problems, long unlisted) {
    this(file, file, "nothing was loaded", problems, unlisted);
  }

  private DatasetValidationException(
      String file, String heading, String outcome, List<Problem> problems, long unlisted) {
    super(message(file, heading, outcome, problems, unlisted));
    this.file = file;
    this.problems = List.copyOf(problems);
    this.unlisted = unlisted;
  }

  /**
   * A table held in memory was refused: the message reads {@code table 'name': 3 problems;
   * outcome}, then one line per problem ({@code row 2, column 1 (area): found ...}).
   *
   * @param table the table's name, not null
   * @param outcome what did not happen, in words, such as {@code nothing was rolled up}, not null
   * @param problems the problems listed, in row order, not empty; those of {@link
   *     Problem.Origin#TABLE} origin naming this table are listed without the name
   * @param unlisted how many further problems were found beyond the listing limit, at least 0
   * @return the exception, not null
   */
  public static DatasetValidationException inTable(
      String table, String outcome, List<Problem> problems, long unlisted) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(outcome, "outcome");
    return new DatasetValidationException(
        table, "table '" + table + "'", outcome, problems, unlisted);
  }

  private static String message(
      String file, String heading, String outcome, List<Problem> problems, long unlisted) {
    Objects.requireNonNull(file, "file");
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a validation failure needs at least one problem");
    }
    if (unlisted < 0) {
      throw new IllegalArgumentException("unlisted must be >= 0, was " + unlisted);
    }
    long total = problems.size() + unlisted;
    StringBuilder text =
        new StringBuilder(heading)
            .append(": ")
            .append(total)
            .append(total == 1 ? " problem" : " problems")
            .append("; ")
            .append(outcome);
    for (Problem problem : problems) {
      // a problem in another file than the one named (a manifest, a linked file) names its file
      text.append("\n  ")
          .append(problem.file().equals(file) ? problem.describe() : problem.toString());
    }
    if (unlisted > 0) {
      text.append("\n  ... and ")
          .append(unlisted)
          .append(" more not listed (the listing stops at ")
          .append(problems.size())
          .append(")");
    }
    return text.toString();
  }

  /**
   * The file or class-path resource that failed, as the caller named it; for {@link #inTable} the
   * table's name.
   *
   * @return the file name, not null
   */
  public String file() {
    return file;
  }

  /**
   * The problems listed, in the order they occur in the file.
   *
   * @return an unmodifiable list, never empty
   */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * How many further problems were found after the listing limit was reached.
   *
   * @return the count not listed, 0 when every problem is listed
   */
  public long unlisted() {
    return unlisted;
  }

  /**
   * All problems found, listed or not.
   *
   * @return {@code problems().size() + unlisted()}
   */
  public long total() {
    return problems.size() + unlisted;
  }
}
