package org.probationlens.kernel.messages;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells a kernel has run, for Jupyter's {@code history_request}: the up-arrow and history
 * search of jupyter console and JupyterLab's console.
 *
 * <p>Each entry is a cell's input as typed, its line number (the execution count shown as {@code In
 * [n]}) and, when the cell ended with a value, that value's {@code text/plain} form. Input is
 * stored raw; the kernel does not transform it, so raw and transformed history are the same.
 *
 * <p>The history lives in memory for the kernel's lifetime only: it is not written to disk (cells
 * may hold case details) and a restarted kernel starts an empty history. So there is one session,
 * numbered {@value #SESSION}; a request for session 0 means the current session, a negative one
 * counts back to earlier sessions, of which there are none.
 *
 * <p>It is bounded: the oldest entries are dropped past {@value #MAX_ENTRIES} entries or {@value
 * #MAX_CHARS} characters of input and output together, and a result's text is cut after {@value
 * #MAX_OUTPUT_CHARS} characters.
 */
public final class SessionHistory implements HistoryManager {
  /** The number of the kernel's only session. */
  static final int SESSION = 1;

  static final int MAX_ENTRIES = 10_000;
  static final int MAX_CHARS = 8_000_000;
  static final int MAX_OUTPUT_CHARS = 10_000;

  private final int maxEntries;
  private final int maxChars;
  private final int maxOutputChars;
  private final Deque<Line> lines = new ArrayDeque<>();
  private long chars;

  /** One executed cell. */
  private record Line(int number, String input, String output) {
    long size() {
      return input.length() + (output == null ? 0 : output.length());
    }
  }

  public SessionHistory() {
    this(MAX_ENTRIES, MAX_CHARS, MAX_OUTPUT_CHARS);
  }

  SessionHistory(int maxEntries, int maxChars, int maxOutputChars) {
    this.maxEntries = maxEntries;
    this.maxChars = maxChars;
    this.maxOutputChars = maxOutputChars;
  }

  /**
   * Adds a cell, dropping the oldest entries when over the bounds (the newest is always kept).
   *
   * @param line the cell's execution count
   * @param input the cell's code
   * @param output the {@code text/plain} of its value, or null when it had none
   */
  public synchronized void record(int line, String input, String output) {
    String kept = output;
    if (kept != null && kept.length() > maxOutputChars) {
      kept =
          kept.substring(0, maxOutputChars)
              + "... ("
              + (output.length() - maxOutputChars)
              + " more characters)";
    }
    Line added = new Line(line, input, kept);
    lines.addLast(added);
    chars += added.size();
    while (lines.size() > 1 && (lines.size() > maxEntries || chars > maxChars)) {
      chars -= lines.removeFirst().size();
    }
  }

  /** How many entries are kept. */
  synchronized int size() {
    return lines.size();
  }

  /**
   * The answer to a {@code history_request}, with the flags the request sets (as the base library
   * maps them).
   */
  public List<HistoryEntry> answer(HistoryRequest request) {
    Set<ResultFlag> flags = java.util.EnumSet.noneOf(ResultFlag.class);
    if (request.includeOutput()) {
      flags.add(ResultFlag.INCLUDE_OUTPUT);
    }
    if (!request.useRaw()) {
      flags.add(ResultFlag.TRANSFORMED_INPUT);
    }
    if (request instanceof HistoryRequest.Tail tail) {
      return lookupTail(tail.getMaxReturnLength(), flags);
    }
    if (request instanceof HistoryRequest.Range range) {
      return lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
    }
    if (request instanceof HistoryRequest.Search search) {
      if (search.filterUnique()) {
        flags.add(ResultFlag.UNIQUE);
      }
      return search(search.getPattern(), search.getMaxReturnLength(), flags);
    }
    throw new IllegalArgumentException("unknown hist_access_type " + request.getAccessType());
  }

  /**
   * The last {@code n} cells, oldest first; all of them when {@code n} is 0 or less (a request
   * without {@code n} reads as 0).
   */
  @Override
  public synchronized List<HistoryEntry> lookupTail(int n, Set<ResultFlag> flags) {
    return entries(last(new ArrayList<>(lines), n), flags);
  }

  /**
   * The cells of a session whose line numbers run from {@code start} up to but not including {@code
   * stop}. {@code stop} 0 (or left out) means to the end; a negative {@code start} or {@code stop}
   * counts back from the end, so -1 is the last cell. Session 0 is the current session and negative
   * sessions count back from it; only the current session is kept.
   */
  @Override
  public synchronized List<HistoryEntry> lookupRange(
      int session, int start, int stop, Set<ResultFlag> flags) {
    int resolved = session <= 0 ? SESSION + session : session;
    if (resolved != SESSION || lines.isEmpty()) {
      return List.of();
    }
    int next = lines.getLast().number() + 1;
    int from = start < 0 ? next + start : start;
    int to = stop == 0 ? Integer.MAX_VALUE : stop < 0 ? next + stop : stop;
    List<Line> found = new ArrayList<>();
    for (Line line : lines) {
      if (line.number() >= from && line.number() < to) {
        found.add(line);
      }
    }
    return entries(found, flags);
  }

  /**
   * The last {@code n} cells (all when {@code n} is 0 or less) whose whole input matches a glob
   * pattern: {@code *} stands for any text, line breaks included, {@code ?} for any one character,
   * every other character for itself, case counting. With the UNIQUE flag a repeated input is given
   * once, at its latest run. Oldest first.
   */
  @Override
  public synchronized List<HistoryEntry> search(String pattern, int n, Set<ResultFlag> flags) {
    Pattern glob = glob(pattern == null ? "*" : pattern);
    List<Line> matches = new ArrayList<>();
    for (Line line : lines) {
      if (glob.matcher(line.input()).matches()) {
        matches.add(line);
      }
    }
    if (flags.contains(ResultFlag.UNIQUE)) {
      Set<String> seen = new HashSet<>();
      List<Line> latestFirst = new ArrayList<>();
      for (int i = matches.size() - 1; i >= 0; i--) {
        if (seen.add(matches.get(i).input())) {
          latestFirst.add(matches.get(i));
        }
      }
      java.util.Collections.reverse(latestFirst);
      matches = latestFirst;
    }
    return entries(last(matches, n), flags);
  }

  /** A regular expression for a glob pattern with {@code *} and {@code ?}. */
  static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static List<Line> last(List<Line> found, int n) {
    if (n <= 0 || n >= found.size()) {
      return found;
    }
    return found.subList(found.size() - n, found.size());
  }

  private static List<HistoryEntry> entries(List<Line> found, Set<ResultFlag> flags) {
    boolean withOutput = flags.contains(ResultFlag.INCLUDE_OUTPUT);
    List<HistoryEntry> entries = new ArrayList<>(found.size());
    for (Line line : found) {
      String output = withOutput ? line.output() : null;
      entries.add(new HistoryEntry(SESSION, line.number(), line.input(), output));
    }
    return entries;
  }
}
