package org.probationlens.kernel.execution;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.probationlens.export.Spreadsheet;
import org.probationlens.provenance.Result;
import org.probationlens.render.LensSession;

/**
 * The tables of a headless run ({@code ./lens run NOTEBOOK --tables DIR}): every analysis {@link
 * Result} a cell shows (its last expression or {@code display(...)}) is kept, as the session draws
 * it at that moment, under its disclosure control ({@link Spreadsheet#and(Result, LensSession)}),
 * and when the kernel shuts down the spreadsheet is written, once, to the file named by the
 * environment variable {@value #ENV} (./lens run sets it to a file in its temporary folder and
 * moves it into DIR when the run ends). Without the variable nothing is kept. Once rather than
 * after every cell, so that the workbook is built once and a cell's time is its own; a run whose
 * kernel dies has failed anyway, and the run shuts its kernel down gracefully (a shutdown request,
 * then up to 5 s) before it looks for the file.
 *
 * <p>Collected here, where the value is shown, rather than read back from the executed notebook's
 * outputs: the outputs hold HTML and text, in which numbers are formatted and a withheld count is
 * only the text {@code [c]}, while here the result itself is at hand, with its table, notes and
 * sources, and the same disclosure control as the screen is applied to it in the same session at
 * the same moment. One writer (the library's {@link Spreadsheet}) serves cells and runs alike.
 */
public final class RunTables {
  /** The environment variable naming the spreadsheet a run's tables are written to. */
  static final String ENV = "LENS_RUN_TABLES";

  private static final Logger LOG = Logger.getLogger(RunTables.class.getName());

  private final Optional<Path> target;
  private final LensSession session;
  private Spreadsheet tables;
  private boolean unwritten;

  RunTables(Optional<Path> target, LensSession session) {
    this.target = target;
    this.session = session;
  }

  /**
   * The tables of this process's run: kept and written where {@value #ENV} says, if it is set.
   *
   * @param session the kernel's session, whose disclosure settings apply, not null
   * @return the collector, not null
   */
  public static RunTables fromEnvironment(LensSession session) {
    String file = System.getenv(ENV);
    return new RunTables(
        file == null || file.isBlank() ? Optional.empty() : Optional.of(Path.of(file)), session);
  }

  /**
   * Keeps a value a cell showed, if it is a result and a run asked for its tables.
   *
   * @param value what the cell showed, may be null
   */
  public synchronized void shown(Object value) {
    if (target.isEmpty() || !(value instanceof Result result)) {
      return;
    }
    try {
      Spreadsheet base =
          tables == null
              ? Spreadsheet.of(java.util.List.of(), session).titled(title(target.get()))
              : tables;
      tables = base.and(result, session);
      unwritten = true;
    } catch (RuntimeException e) {
      // in the cell's output, where the analyst sees it, since the spreadsheet will lack it
      System.err.println(
          "lens run --tables: the result '"
              + result.title()
              + "' is not in the run's spreadsheet: "
              + e.getMessage());
      LOG.log(Level.WARNING, "cannot export the result '" + result.title() + "'", e);
    }
  }

  /**
   * How many results were kept so far.
   *
   * @return the count
   */
  public synchronized int count() {
    return tables == null ? 0 : tables.tableCount();
  }

  /**
   * Writes the spreadsheet where {@value #ENV} named, if a result was shown since it was last
   * written (the kernel calls it when it shuts down); a failure is logged, not thrown, and the run
   * notices the file missing.
   */
  public synchronized void write() {
    if (target.isEmpty() || !unwritten || tables == null) {
      return;
    }
    try {
      tables.write(target.get());
      unwritten = false;
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "cannot write the run's tables " + target.get(), e);
    }
  }

  /** The cover's title: the notebook's name, which is the file's name without .xlsx. */
  private static String title(Path file) {
    String name = file.getFileName().toString();
    String stem = name.endsWith(".xlsx") ? name.substring(0, name.length() - 5) : name;
    return "Tables from the notebook " + stem;
  }
}
