package org.probationlens.kernel;

import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import jdk.jshell.SourceCodeAnalysis;
import org.probationlens.kernel.display.Display;
import org.probationlens.kernel.execution.Cell;
import org.probationlens.kernel.magic.Magics;

/**
 * Completion, inspection (signature and javadoc) and the is-complete check, for the snippet under
 * the cursor of a multi-statement cell; the library's own javadoc comes from its sources when
 * JShell has none.
 */
final class CodeAssist {
  /** The answer to is_complete for code that runs as it is. */
  static final String COMPLETE = "complete";

  /** The answer to is_complete for code that cannot run. */
  static final String INVALID = "invalid";

  private final SourceCodeAnalysis analysis;
  private final Javadocs javadocs;
  private final List<String> packages;

  /**
   * @param packages the packages whose javadoc the library ships (the imported library packages)
   */
  CodeAssist(SourceCodeAnalysis analysis, Javadocs javadocs, List<String> packages) {
    this.analysis = analysis;
    this.javadocs = javadocs;
    List<String> all = new ArrayList<>(packages);
    all.add(Display.class.getPackageName());
    this.packages = List.copyOf(all);
  }

  /** The completions of the snippet under the cursor, type matches first. */
  ReplacementOptions complete(String code, int at) {
    Optional<int[]> magic = magicToken(code, at);
    if (magic.isPresent()) {
      int start = magic.get()[0];
      return new ReplacementOptions(
          Magics.completions(code.substring(start, Math.min(at, code.length()))), start, at);
    }
    Cell cell = Cell.split(code.substring(0, Math.min(at, code.length())), analysis);
    if (cell.units().isEmpty()) {
      return new ReplacementOptions(List.of(), at, at);
    }
    Cell.Unit unit = cell.units().get(cell.units().size() - 1);
    String source = code.substring(unit.start(), at);
    int[] anchor = new int[1];
    List<SourceCodeAnalysis.Suggestion> suggestions =
        analysis.completionSuggestions(source, source.length(), anchor);
    Set<String> matches = new LinkedHashSet<>();
    suggestions.stream()
        .filter(SourceCodeAnalysis.Suggestion::matchesType)
        .forEach(s -> matches.add(s.continuation()));
    suggestions.forEach(s -> matches.add(s.continuation()));
    return new ReplacementOptions(new ArrayList<>(matches), unit.start() + anchor[0], at);
  }

  /** The signatures and javadoc of what the cursor is on; empty when it is on nothing known. */
  Optional<String> inspect(String code, int at) {
    Optional<int[]> magic = magicToken(code, at);
    if (magic.isPresent()) {
      return Magics.help(code.substring(magic.get()[0], magic.get()[1]));
    }
    int cursor = Math.max(0, Math.min(at, code.length()));
    int end = cursor;
    while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
      end++;
    }
    List<SourceCodeAnalysis.Documentation> docs;
    if (end < code.length() && code.charAt(end) == '(') {
      docs = documentation(code, end + 1);
    } else {
      docs = documentation(code.substring(0, end) + "(", end + 1);
    }
    if (docs.isEmpty()) {
      docs = documentation(code, end);
    }
    if (docs.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder();
    Set<String> seen = new TreeSet<>();
    for (SourceCodeAnalysis.Documentation doc : docs) {
      if (!seen.add(doc.signature())) {
        continue;
      }
      if (text.length() > 0) {
        text.append("\n\n");
      }
      text.append(doc.signature());
      String javadoc = doc.javadoc();
      if (javadoc == null) {
        javadoc = javadocs.forSignature(doc.signature(), packages).orElse(null);
      }
      if (javadoc != null) {
        text.append("\n\n").append(javadoc.strip());
      }
    }
    return Optional.of(text.toString());
  }

  /**
   * The start and end of the {@code %name} or {@code %%name} at the start of the cursor's line,
   * when the cursor is on it.
   */
  private static Optional<int[]> magicToken(String code, int at) {
    int cursor = Math.max(0, Math.min(at, code.length()));
    int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
    if (lineStart >= code.length() || code.charAt(lineStart) != '%') {
      return Optional.empty();
    }
    int end = lineStart;
    while (end < code.length() && code.charAt(end) == '%') {
      end++;
    }
    while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
      end++;
    }
    return cursor <= end ? Optional.of(new int[] {lineStart, end}) : Optional.empty();
  }

  private List<SourceCodeAnalysis.Documentation> documentation(String code, int cursor) {
    Cell cell = Cell.split(code.substring(0, Math.min(cursor, code.length())), analysis);
    if (cell.units().isEmpty()) {
      return List.of();
    }
    Cell.Unit unit = cell.units().get(cell.units().size() - 1);
    String source = code.substring(unit.start(), cursor);
    return analysis.documentation(source, source.length(), true);
  }

  /**
   * "complete", "invalid", or the indent to continue with (Jupyter's is_complete "incomplete"
   * answer).
   */
  String isComplete(String code) {
    if (Magics.usesMagic(code)) {
      // magic lines are complete as typed; what follows a cell magic is Java, checked as Java
      StringBuilder java = new StringBuilder();
      code.lines().forEach(line -> java.append(line.startsWith("%") ? "" : line).append('\n'));
      if (java.toString().isBlank()) {
        return COMPLETE;
      }
      if (code.startsWith("%%html") || code.startsWith("%%markdown")) {
        return code.endsWith("\n") ? COMPLETE : "";
      }
      code = java.toString();
    }
    String rest = code;
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      switch (info.completeness()) {
        case COMPLETE:
        case COMPLETE_WITH_SEMI:
          rest = info.remaining();
          break;
        case DEFINITELY_INCOMPLETE:
        case CONSIDERED_INCOMPLETE:
          return indentAfter(code);
        case EMPTY:
          return COMPLETE;
        default:
          return INVALID;
      }
    }
    return COMPLETE;
  }

  /**
   * is_complete from the brackets alone, for while JShell is starting: "complete" when every (, [
   * and { outside strings and comments is closed, else the indent to continue with.
   */
  static String bracketsComplete(String code) {
    int open = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (code.startsWith("//", i)) {
        int end = code.indexOf('\n', i);
        i = end < 0 ? code.length() : end;
      } else if (code.startsWith("/*", i)) {
        int end = code.indexOf("*/", i + 2);
        if (end < 0) {
          return indentAfter(code);
        }
        i = end + 1;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < code.length() && code.charAt(j) != c && code.charAt(j) != '\n') {
          j += code.charAt(j) == '\\' ? 2 : 1;
        }
        i = j;
      } else if (c == '(' || c == '[' || c == '{') {
        open++;
      } else if (c == ')' || c == ']' || c == '}') {
        open--;
      }
    }
    if (open < 0) {
      return INVALID;
    }
    return open == 0 ? COMPLETE : indentAfter(code);
  }

  private static String indentAfter(String code) {
    String last = code.lines().reduce((a, b) -> b).orElse("");
    int lead = 0;
    while (lead < last.length() && last.charAt(lead) == ' ') {
      lead++;
    }
    String trimmed = last.strip();
    boolean opens = trimmed.endsWith("{") || trimmed.endsWith("(");
    return " ".repeat(lead + (opens ? 4 : 0));
  }
}
