package org.probationlens.kernel.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager.ResultFlag;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The kernel's history: tail, range and search as a history_request asks for them. */
class SessionHistoryTest {
  private static final Set<ResultFlag> INPUT_ONLY = EnumSet.noneOf(ResultFlag.class);
  private static final Set<ResultFlag> WITH_OUTPUT = EnumSet.of(ResultFlag.INCLUDE_OUTPUT);
  private static final Set<ResultFlag> UNIQUE = EnumSet.of(ResultFlag.UNIQUE);

  /** Cells 1 to 6 of a session; 2 and 6 run the same code, 4 failed and 5 is a statement. */
  private static SessionHistory sixCells() {
    SessionHistory history = new SessionHistory();
    history.record(1, "int areas = 21;", null);
    history.record(2, "areas * 2", "42");
    history.record(3, "String.join(\"-\", \"N01\", \"C21\")", "N01-C21");
    history.record(4, "areas / 0", null);
    history.record(5, "System.out.println(areas);", null);
    history.record(6, "areas * 2", "42");
    return history;
  }

  private static List<Integer> lines(List<HistoryEntry> entries) {
    List<Integer> numbers = new ArrayList<>();
    for (HistoryEntry entry : entries) {
      assertEquals(SessionHistory.SESSION, entry.getSession());
      numbers.add(entry.getCellNumber());
    }
    return numbers;
  }

  private static List<String> inputs(List<HistoryEntry> entries) {
    return entries.stream().map(HistoryEntry::getInput).toList();
  }

  @Test
  void tailGivesTheLastNCellsOldestFirst() {
    List<HistoryEntry> tail = sixCells().lookupTail(3, INPUT_ONLY);
    assertEquals(List.of(4, 5, 6), lines(tail));
    assertEquals(List.of("areas / 0", "System.out.println(areas);", "areas * 2"), inputs(tail));
    // output was not asked for: none, even for line 6, whose value was 42
    assertNull(tail.get(2).getOutput());
  }

  @Test
  void tailWithoutNOrWithMoreThanThereAreGivesEveryCell() {
    assertEquals(List.of(1, 2, 3, 4, 5, 6), lines(sixCells().lookupTail(0, INPUT_ONLY)));
    assertEquals(List.of(1, 2, 3, 4, 5, 6), lines(sixCells().lookupTail(100, INPUT_ONLY)));
    assertEquals(List.of(), new SessionHistory().lookupTail(10, INPUT_ONLY));
  }

  @Test
  void outputIsTheResultTextOrNullForACellWithoutAValue() {
    List<HistoryEntry> tail = sixCells().lookupTail(3, WITH_OUTPUT);
    assertNull(tail.get(0).getOutput());
    assertNull(tail.get(1).getOutput());
    assertEquals("42", tail.get(2).getOutput());
  }

  @Test
  void rangeIsFromStartUpToButNotIncludingStop() {
    SessionHistory history = sixCells();
    assertEquals(List.of(2, 3, 4), lines(history.lookupRange(1, 2, 5, INPUT_ONLY)));
    assertEquals(List.of(3), lines(history.lookupRange(1, 3, 4, INPUT_ONLY)));
    assertEquals(List.of(), lines(history.lookupRange(1, 4, 4, INPUT_ONLY)));
  }

  @Test
  void rangeWithoutStopRunsToTheEndAndNegativeLinesCountBackFromIt() {
    SessionHistory history = sixCells();
    assertEquals(List.of(5, 6), lines(history.lookupRange(1, 5, 0, INPUT_ONLY)));
    // the next line would be 7: start -2 is line 5, stop -1 is line 6 (not included)
    assertEquals(List.of(5), lines(history.lookupRange(1, -2, -1, INPUT_ONLY)));
    assertEquals(List.of(6), lines(history.lookupRange(1, -1, 0, INPUT_ONLY)));
  }

  @Test
  void sessionZeroIsTheCurrentSessionAndThereAreNoEarlierOnes() {
    SessionHistory history = sixCells();
    assertEquals(List.of(1, 2), lines(history.lookupRange(0, 1, 3, INPUT_ONLY)));
    assertEquals(List.of(), history.lookupRange(-1, 1, 3, INPUT_ONLY));
    assertEquals(List.of(), history.lookupRange(2, 1, 3, INPUT_ONLY));
  }

  @Test
  void searchMatchesTheWholeInputWithStarAndQuestionMark() {
    SessionHistory history = sixCells();
    assertEquals(List.of(2, 4, 6), lines(history.search("areas ? *", 0, INPUT_ONLY)));
    assertEquals(List.of(2, 6), lines(history.search("areas * 2", 0, INPUT_ONLY)));
    // anchored at both ends: "areas" alone matches nothing, "*areas*" every cell naming it
    assertEquals(List.of(), history.search("areas", 0, INPUT_ONLY));
    assertEquals(List.of(1, 2, 4, 5, 6), lines(history.search("*areas*", 0, INPUT_ONLY)));
    assertEquals(List.of(3), lines(history.search("String.join(*)", 0, INPUT_ONLY)));
  }

  @Test
  void searchTreatsOtherCharactersLiterallyAndCaseCounts() {
    SessionHistory history = new SessionHistory();
    history.record(1, "a.b", null);
    history.record(2, "axb", null);
    history.record(3, "int[] n = {1};", null);
    history.record(4, "A.B", null);
    assertEquals(List.of(1), lines(history.search("a.b", 0, INPUT_ONLY)));
    assertEquals(List.of(1, 2), lines(history.search("a?b", 0, INPUT_ONLY)));
    assertEquals(List.of(3), lines(history.search("int[] *", 0, INPUT_ONLY)));
    assertEquals(List.of(), history.search("int[a-z]*", 0, INPUT_ONLY));
    assertEquals(List.of(4), lines(history.search("A*", 0, INPUT_ONLY)));
  }

  @Test
  void starMatchesAcrossLineBreaks() {
    SessionHistory history = new SessionHistory();
    history.record(1, "int a = 40;\nint b = 2;\na + b", "42");
    assertEquals(List.of(1), lines(history.search("int a*a + b", 0, INPUT_ONLY)));
    assertEquals(List.of(1), lines(history.search("int a = 40;?int b*", 0, INPUT_ONLY)));
  }

  @Test
  void searchNGivesTheLatestMatches() {
    assertEquals(List.of(5, 6), lines(sixCells().search("*areas*", 2, INPUT_ONLY)));
  }

  @Test
  void uniqueGivesARepeatedInputOnceAtItsLatestRun() {
    SessionHistory history = sixCells();
    assertEquals(List.of(4, 6), lines(history.search("areas ? *", 0, UNIQUE)));
    assertEquals(List.of(6), lines(history.search("areas * 2", 0, UNIQUE)));
    // n counts distinct inputs: the latest two are line 5 and line 6 (line 2 repeats 6)
    assertEquals(List.of(5, 6), lines(history.search("*areas*", 2, UNIQUE)));
    assertEquals(List.of(1, 4, 5, 6), lines(history.search("*areas*", 0, UNIQUE)));
  }

  @Test
  void aMissingPatternMatchesEveryCell() {
    assertEquals(6, sixCells().search(null, 0, INPUT_ONLY).size());
  }

  @Test
  void theOldestEntriesGoPastTheEntryCap() {
    SessionHistory history = new SessionHistory(3, 1_000, 100);
    for (int line = 1; line <= 5; line++) {
      history.record(line, "cell " + line, null);
    }
    assertEquals(3, history.size());
    assertEquals(List.of(3, 4, 5), lines(history.lookupTail(0, INPUT_ONLY)));
  }

  @Test
  void theOldestEntriesGoPastTheCharacterBudgetButTheNewestStays() {
    // each "cell N" is 6 characters and each output "xxxx" 4: two entries fit in 20
    SessionHistory history = new SessionHistory(100, 20, 100);
    history.record(1, "cell 1", "xxxx");
    history.record(2, "cell 2", "xxxx");
    assertEquals(List.of(1, 2), lines(history.lookupTail(0, INPUT_ONLY)));
    history.record(3, "cell 3", "xxxx");
    assertEquals(List.of(2, 3), lines(history.lookupTail(0, INPUT_ONLY)));
    history.record(4, "a cell far longer than the whole budget", null);
    assertEquals(List.of(4), lines(history.lookupTail(0, INPUT_ONLY)));
  }

  @Test
  void aLongResultIsCutWithTheNumberOfCharactersLeftOut() {
    SessionHistory history = new SessionHistory(10, 1_000, 5);
    history.record(1, "table", "0123456789");
    assertEquals(
        "01234... (5 more characters)", history.lookupTail(1, WITH_OUTPUT).get(0).getOutput());
  }

  @Test
  void aRequestIsAnsweredWithItsAccessTypeAndFlags() {
    SessionHistory history = sixCells();
    List<HistoryEntry> tail = history.answer(new HistoryRequest.Tail(true, true, 2));
    assertEquals(List.of(5, 6), lines(tail));
    assertEquals("42", tail.get(1).getOutput());
    List<HistoryEntry> range = history.answer(new HistoryRequest.Range(false, true, 0, 2, 4));
    assertEquals(List.of(2, 3), lines(range));
    // line 2's value was 42; output was not asked for
    assertNull(range.get(0).getOutput());
    assertEquals(
        List.of(6),
        lines(history.answer(new HistoryRequest.Search(false, true, 0, "areas * 2", true))));
    assertEquals(
        List.of(2, 6),
        lines(history.answer(new HistoryRequest.Search(false, true, 0, "areas * 2", false))));
  }
}
