package org.probationlens.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The execution layer: a cell's snippets run in order and its value is the object itself. */
class CellRunnerTest {
  private static CellRunner runner;
  private static final PrintStream NOWHERE = new PrintStream(PrintStream.nullOutputStream());

  @BeforeAll
  static void start() {
    runner = CellRunner.start(StartupImports.ofThisJvm());
  }

  @AfterAll
  static void stop() {
    runner.close();
  }

  @Test
  void theValueOfATableExpressionIsTheTableNotItsString() throws CellException {
    Optional<Object> value =
        runner.run(
            "Table t = Table.create(\"areas\", StringColumn.create(\"code\", \"NTS\"));\nt",
            NOWHERE,
            () -> false);
    assertEquals(1, assertInstanceOf(Table.class, value.orElseThrow()).rowCount());
  }

  @Test
  void aStatementHasNoValueAndNullIsShownAsNull() throws CellException {
    assertTrue(runner.run("int unused = 1;", NOWHERE, () -> false).isEmpty());
    assertEquals(
        "null",
        runner.run("String none = null;\nnone", NOWHERE, () -> false).orElseThrow().toString());
  }

  @Test
  void aStopRequestEndsTheCellBeforeItsNextSnippet() {
    CellException e =
        assertThrows(
            CellInterruptedException.class,
            () -> runner.run("int a = 1;\nint b = 2;", NOWHERE, () -> true));
    assertEquals("the cell was interrupted at line 1; the kernel is ready", e.getMessage());
  }
}
