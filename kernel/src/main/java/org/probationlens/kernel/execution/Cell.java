package org.probationlens.kernel.execution;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * A notebook cell cut into the snippets JShell evaluates one at a time, each with its offset in the
 * cell so that compiler positions can be reported as the cell's own line and column.
 */
public final class Cell {
  /** One snippet of a cell: its source as JShell takes it and where it starts in the cell. */
  public record Unit(String source, int start, Completeness completeness) {
    public Unit {
      if (source == null || start < 0 || completeness == null) {
        throw new IllegalArgumentException(
            "a cell unit needs a source, a start >= 0 and a completeness; got start " + start);
      }
    }
  }

  private final String text;
  private final List<Unit> units;

  private Cell(String text, List<Unit> units) {
    this.text = text;
    this.units = List.copyOf(units);
  }

  /** Splits {@code text} into complete snippets; an incomplete tail becomes the last unit. */
  public static Cell split(String text, SourceCodeAnalysis analysis) {
    List<Unit> units = new ArrayList<>();
    int consumed = 0;
    String rest = text;
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      Completeness completeness = info.completeness();
      if (completeness == Completeness.EMPTY) {
        break;
      }
      if (!completeness.isComplete() || info.source() == null) {
        // incomplete or unparseable: hand the whole rest to JShell so that it reports the error
        int lead = leadingWhitespace(rest);
        units.add(new Unit(rest.substring(lead), consumed + lead, completeness));
        break;
      }
      String remaining = info.remaining();
      int used = rest.length() - remaining.length();
      String chunk = rest.substring(0, used);
      // JShell numbers a snippet's lines from its first non-blank line
      String source = info.source().substring(leadingWhitespace(info.source()));
      units.add(new Unit(source, consumed + offsetOf(chunk, source), completeness));
      consumed += used;
      rest = remaining;
    }
    return new Cell(text, units);
  }

  /** The whole of {@code text} as one unit, for a cell JShell failed to split. */
  static Cell whole(String text) {
    int lead = leadingWhitespace(text);
    return new Cell(text, List.of(new Unit(text.substring(lead), lead, Completeness.UNKNOWN)));
  }

  private static int offsetOf(String chunk, String source) {
    int at = chunk.indexOf(source);
    if (at >= 0) {
      return at;
    }
    String withoutSemicolon = source.endsWith(";") ? source.substring(0, source.length() - 1) : "";
    if (!withoutSemicolon.isEmpty()) {
      at = chunk.indexOf(withoutSemicolon.strip());
      if (at >= 0) {
        return at;
      }
    }
    return leadingWhitespace(chunk);
  }

  private static int leadingWhitespace(String text) {
    int lead = 0;
    while (lead < text.length() && Character.isWhitespace(text.charAt(lead))) {
      lead++;
    }
    return lead;
  }

  /** The snippets, in cell order. */
  public List<Unit> units() {
    return units;
  }

  /** The 1-based line of a character offset in the cell. */
  int lineOf(int offset) {
    int line = 1;
    for (int i = 0; i < Math.min(offset, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The 1-based column of a character offset in the cell. */
  int columnOf(int offset) {
    int clamped = Math.min(offset, text.length());
    int lineStart = text.lastIndexOf('\n', clamped - 1) + 1;
    return clamped - lineStart + 1;
  }

  /** The text of the cell line holding {@code offset}, without its line break. */
  String lineText(int offset) {
    int clamped = Math.min(offset, text.length());
    int lineStart = text.lastIndexOf('\n', clamped - 1) + 1;
    int lineEnd = text.indexOf('\n', clamped);
    return text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
  }
}
