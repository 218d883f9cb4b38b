package org.probationlens.kernel.execution;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Turns what JShell reports about a failed snippet into the lines an analyst reads: compiler errors
 * at the cell's own line and column with the line quoted, runtime errors named by the analyst's
 * exception with the analyst's frames first as cell lines, then where inside a library it was
 * thrown, and never the kernel's or JShell's own frames.
 */
public final class ErrorReports {
  /** Frames of these packages are the kernel's and JShell's machinery, never shown. */
  private static final List<String> MACHINERY =
      List.of(
          "org.probationlens.kernel.",
          "jdk.jshell.",
          "jdk.internal.reflect.",
          "java.lang.reflect.Method.invoke",
          "REPL.");

  /** Exceptions whose message is a path, for which a relative path gets the working directory. */
  private static final Set<String> MISSING_FILE =
      Set.of(
          "java.nio.file.NoSuchFileException",
          "java.io.FileNotFoundException",
          "java.nio.file.NotDirectoryException");

  private ErrorReports() {}

  /** The report for a snippet JShell rejected. */
  static CellException compilationError(JShell shell, Cell cell, Cell.Unit unit, Snippet snippet) {
    List<String> report = new ArrayList<>();
    String first = null;
    for (Diag diag : shell.diagnostics(snippet).toList()) {
      if (!diag.isError()) {
        continue;
      }
      long position = diag.getPosition() >= 0 ? diag.getPosition() : diag.getStartPosition();
      int offset = unit.start() + (int) Math.max(0, Math.min(position, unit.source().length()));
      int line = cell.lineOf(offset);
      int column = cell.columnOf(offset);
      String message = diag.getMessage(Locale.ROOT).strip();
      String headline =
          "line " + line + ", column " + column + ": " + message.lines().findFirst().orElse("");
      if (first == null) {
        first = headline;
      }
      report.add("Compilation error at " + headline);
      message.lines().skip(1).forEach(more -> report.add("    " + more.strip()));
      report.addAll(quote(cell, offset, column));
    }
    if (first == null) {
      int line = cell.lineOf(unit.start());
      int column = cell.columnOf(unit.start());
      first =
          "line "
              + line
              + ", column "
              + column
              + ": this statement is not complete Java (check brackets, quotes and semicolons)";
      report.add("Compilation error at " + first);
      report.add(quote(cell, unit.start(), column).get(0));
    }
    return new CellCompilationException(first, report);
  }

  /**
   * The report for a snippet javac failed on with an exception of its own rather than a diagnostic
   * (JShell's InternalError around javac's exception): names what javac threw and says the next
   * cell compiles afresh.
   *
   * @param wholeCell whether javac failed while the cell was being cut into statements, so that
   *     none of it ran; otherwise on {@code unit} alone
   */
  static CellException compilerFailure(
      Cell cell, Cell.Unit unit, Throwable thrown, boolean wholeCell) {
    Throwable root = thrown;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    int line = cell.lineOf(unit.start());
    int column = cell.columnOf(unit.start());
    String first =
        "line "
            + line
            + ", column "
            + column
            + ": the Java compiler failed on this "
            + (wholeCell ? "cell" : "statement")
            + " with "
            + root;
    List<String> report = new ArrayList<>();
    report.add("Compilation error at " + first);
    report.add(quote(cell, unit.start(), column).get(0));
    report.add(
        "The "
            + (wholeCell ? "cell" : "statement")
            + " was not run; the kernel is ready and the next cell is compiled afresh.");
    return new CellCompilationException(first, report);
  }

  /** At most this many characters of a cell line are quoted under a compilation error. */
  static final int QUOTE_WIDTH = 160;

  /**
   * The cell line holding {@code offset}, indented, and a caret under {@code column}; a line longer
   * than {@link #QUOTE_WIDTH} (a generated array literal, say) is cut to that width around the
   * column, with "..." where it was cut.
   */
  static List<String> quote(Cell cell, int offset, int column) {
    String text = cell.lineText(offset);
    int caret = column - 1;
    if (text.length() > QUOTE_WIDTH) {
      int from = Math.max(0, Math.min(caret - QUOTE_WIDTH / 2, text.length() - QUOTE_WIDTH));
      String head = from > 0 ? "..." : "";
      String tail = from + QUOTE_WIDTH < text.length() ? "..." : "";
      text = head + text.substring(from, from + QUOTE_WIDTH) + tail;
      caret = caret - from + head.length();
    }
    return List.of("    " + text, "    " + " ".repeat(Math.max(0, caret)) + "^");
  }

  /** The report for a snippet that threw; {@code units} maps snippet ids to this cell's units. */
  static CellException runtimeError(Cell cell, Map<String, Cell.Unit> units, JShellException e) {
    List<String> report = new ArrayList<>();
    String headline = describe(e);
    String className = e instanceof EvalException ee ? ee.getExceptionClassName() : null;
    if ("java.lang.OutOfMemoryError".equals(className)) {
      long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
      headline = "OutOfMemoryError: the cell ran out of memory (" + e.getMessage() + ")";
      report.add(headline);
      report.add(
          "The kernel is still running with a heap of "
              + maxMb
              + " MB; variables from earlier cells are kept.");
      report.add(
          "Work on less data at once, set large variables to null, or give the kernel a bigger"
              + " heap and restart it: LENS_KERNEL_HEAP="
              + Math.max(2, 2 * ((maxMb + 1023) / 1024))
              + "g ./lens notebook (or java -jar the kernel jar: kernel install --heap SIZE).");
    } else if (missingFileInside(e) instanceof EvalException missing) {
      // the analyst's problem first: the file that is not there, not the library's wrapper
      headline = describe(missing);
      report.add(headline);
      workingDirectoryNote(missing).ifPresent(report::add);
      report.add("  (" + describe(e) + ")");
      appendFrames(report, cell, units, e);
      return new CellRuntimeException(nameOf(missing), headline, report);
    } else {
      report.add(headline);
      workingDirectoryNote(e).ifPresent(report::add);
    }
    appendFrames(report, cell, units, e);
    Throwable cause = e.getCause();
    int depth = 0;
    while (cause != null && depth++ < 5) {
      report.add("Caused by: " + (cause instanceof JShellException j ? describe(j) : cause));
      if (cause instanceof JShellException j) {
        workingDirectoryNote(j).ifPresent(report::add);
        appendFrames(report, cell, units, j);
      }
      cause = cause.getCause();
    }
    return new CellRuntimeException(nameOf(e), headline, report);
  }

  /** The report for a cell stopped by an interrupt before {@code unit}. */
  static CellException interrupted(Cell cell, Cell.Unit unit) {
    String message =
        "the cell was interrupted at line " + cell.lineOf(unit.start()) + "; the kernel is ready";
    return new CellInterruptedException(message, List.of("Interrupted: " + message + "."));
  }

  /** The simple name of the analyst's exception, for the notebook's error header. */
  static String nameOf(JShellException e) {
    if (e instanceof EvalException ee) {
      String name = ee.getExceptionClassName();
      return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
    }
    if (e instanceof UnresolvedReferenceException) {
      return "UnresolvedReference";
    }
    return e.getClass().getSimpleName();
  }

  private static String describe(JShellException e) {
    if (e instanceof EvalException ee) {
      String message = ee.getMessage();
      return ee.getExceptionClassName() + (message == null ? "" : ": " + message);
    }
    if (e instanceof UnresolvedReferenceException ure) {
      return "cannot run "
          + SnippetNotes.describe(ure.getSnippet())
          + ": it uses something not yet defined";
    }
    return e.toString();
  }

  /**
   * The missing-file exception an {@code UncheckedIOException} wraps (as the library's loaders
   * report a file that is not there), or null.
   */
  private static JShellException missingFileInside(JShellException e) {
    if (e instanceof EvalException ee
        && "java.io.UncheckedIOException".equals(ee.getExceptionClassName())
        && ee.getCause() instanceof EvalException cause
        && MISSING_FILE.contains(cause.getExceptionClassName())) {
      return cause;
    }
    return null;
  }

  /** For a missing file named by a relative path: where the kernel looked. */
  private static java.util.Optional<String> workingDirectoryNote(JShellException e) {
    if (!(e instanceof EvalException ee)
        || !MISSING_FILE.contains(ee.getExceptionClassName())
        || e.getMessage() == null) {
      return java.util.Optional.empty();
    }
    String named = e.getMessage().strip();
    int space = named.indexOf(" (");
    if (space > 0) {
      named = named.substring(0, space); // FileNotFoundException: "x.csv (No such file ...)"
    }
    Path path;
    try {
      path = Path.of(named);
    } catch (RuntimeException notAPath) {
      return java.util.Optional.empty();
    }
    if (path.isAbsolute()) {
      return java.util.Optional.empty();
    }
    Path cwd = Path.of("").toAbsolutePath();
    return java.util.Optional.of(
        "  "
            + named
            + " is a relative path: the kernel's working directory is "
            + cwd
            + ", so it looked for "
            + cwd.resolve(path).normalize());
  }

  /** The analyst's frames first (as cell lines), then where in a library it was thrown. */
  private static void appendFrames(
      List<String> report, Cell cell, Map<String, Cell.Unit> units, JShellException e) {
    StackTraceElement[] frames = e.getStackTrace();
    int firstUser = -1;
    List<String> user = new ArrayList<>();
    for (int i = 0; i < frames.length; i++) {
      StackTraceElement frame = frames[i];
      String file = frame.getFileName();
      if (file == null || !file.startsWith("#")) {
        continue;
      }
      if (firstUser < 0) {
        firstUser = i;
      }
      String id = file.substring(1);
      String method = frame.getMethodName();
      String where = method.isEmpty() ? "" : " in " + method + "()";
      Cell.Unit unit = units.get(id);
      if (unit != null) {
        int line = cell.lineOf(unit.start()) + Math.max(frame.getLineNumber(), 1) - 1;
        user.add("    at this cell, line " + line + where);
      } else {
        user.add(
            "    at snippet #"
                + id
                + ", line "
                + frame.getLineNumber()
                + where
                + " (an earlier cell)");
      }
    }
    if (!user.isEmpty()) {
      report.add("  In your code:");
      report.addAll(user);
    }
    int libraryEnd = firstUser < 0 ? frames.length : firstUser;
    List<StackTraceElement> library = new ArrayList<>();
    for (int i = 0; i < libraryEnd; i++) {
      if (!isMachinery(frames[i])) {
        library.add(frames[i]);
      }
    }
    if (!library.isEmpty()) {
      report.add("  Thrown inside:");
      int shown = Math.min(library.size(), 8);
      for (int i = 0; i < shown; i++) {
        report.add("    at " + library.get(i));
      }
      if (library.size() > shown) {
        report.add("    ... " + (library.size() - shown) + " more library frames");
      }
    }
  }

  /** Whether a frame is the kernel's or JShell's own (never shown to the analyst). */
  static boolean isMachinery(StackTraceElement frame) {
    String where = frame.getClassName() + "." + frame.getMethodName();
    for (String prefix : MACHINERY) {
      if (where.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
