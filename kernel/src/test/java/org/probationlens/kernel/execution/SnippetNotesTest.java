package org.probationlens.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notes an analyst gets when JShell silently changes an earlier declaration. */
class SnippetNotesTest {
  private JShell shell;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private SnippetNotes notes;

  @BeforeEach
  void start() {
    shell = JShell.builder().executionEngine("local").build();
    notes = new SnippetNotes(shell, new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    shell.close();
  }

  private void eval(String source) {
    List<SnippetEvent> events = shell.eval(source);
    for (SnippetEvent event : events) {
      if (event.causeSnippet() == null) {
        notes.unresolved(event);
      } else {
        notes.dependentChange(event);
      }
    }
  }

  private String printed() {
    return printed.toString(StandardCharsets.UTF_8).strip();
  }

  @Test
  void aVariableResetByARedefinedTypeIsNamedWithItsLostValue() {
    eval("class Caseload { int cases = 7; }");
    eval("Caseload kent = new Caseload();");
    eval("class Caseload { int cases = 7; int staff; }");
    assertEquals(
        "note: variable kent (Caseload) was reset to null because type Caseload was redefined;"
            + " its earlier value is lost.",
        printed());
  }

  @Test
  void aMethodWaitingForAnUndefinedNameSaysWhichName() {
    eval("int shortfall() { return expected - observed; }");
    assertEquals(
        "note: method shortfall() is defined but cannot be used until variable expected,"
            + " variable observed exist.",
        printed());
  }

  @Test
  void defaultValuesAreJavasForEachType() {
    assertEquals("0", SnippetNotes.defaultValueOf("int"));
    assertEquals("0.0", SnippetNotes.defaultValueOf("double"));
    assertEquals("false", SnippetNotes.defaultValueOf("boolean"));
    assertEquals("null", SnippetNotes.defaultValueOf("Table"));
  }
}
