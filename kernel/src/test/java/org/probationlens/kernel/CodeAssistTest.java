package org.probationlens.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.probationlens.kernel.execution.CellRunner;
import org.probationlens.kernel.execution.StartupImports;

/** Completion, inspection and is_complete over a session, without the protocol. */
class CodeAssistTest {
  private static CellRunner runner;
  private static CodeAssist assist;

  @BeforeAll
  static void start() {
    StartupImports startup = StartupImports.ofThisJvm();
    runner = CellRunner.start(startup);
    assist =
        new CodeAssist(
            runner.analysis(),
            new Javadocs(CodeAssistTest.class.getClassLoader()),
            startup.libraryPackages());
  }

  @AfterAll
  static void stop() {
    runner.close();
  }

  @Test
  void completionIsForTheLastSnippetOfTheCell() {
    String code = "int n = 1;\nMath.flo";
    ReplacementOptions options = assist.complete(code, code.length());
    assertEquals(List.of("floor(", "floorDiv(", "floorMod("), options.getReplacements());
    assertEquals(code.length() - 3, options.getSourceStart());
  }

  @Test
  void isCompleteGivesTheIndentToContinueWith() {
    assertEquals("complete", assist.isComplete("int x = 1;\nx + 1"));
    assertEquals("        ", assist.isComplete("if (true) {\n    for (int i = 0; i < 3; i++) {"));
    assertEquals("invalid", assist.isComplete("int z = ;"));
  }

  @Test
  void inspectFindsTheLibrarysJavadocFromItsSources() {
    String text = assist.inspect("clearOutput", 5).orElseThrow();
    assertTrue(text.contains("Clears what the running cell has shown so far"), text);
  }

  @Test
  void whileJShellStartsTheBracketsDecide() {
    assertEquals("complete", CodeAssist.bracketsComplete("System.out.println(\"(\");"));
    assertEquals("    ", CodeAssist.bracketsComplete("for (int i = 0; i < 3; i++) {"));
    assertEquals("complete", CodeAssist.bracketsComplete("int x = 1; // (open"));
    assertEquals("invalid", CodeAssist.bracketsComplete("}"));
  }
}
