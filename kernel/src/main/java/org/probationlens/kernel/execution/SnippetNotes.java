package org.probationlens.kernel.execution;

import java.io.PrintStream;
import java.util.List;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

/**
 * Notes printed when JShell silently changes an earlier declaration: a variable reset to its
 * default because a type it uses was redefined, a method that can no longer run, a declaration
 * waiting for something undefined. Each note names the variable or method, so an analyst whose
 * caseload table became null knows why.
 */
public final class SnippetNotes {
  private final JShell shell;
  private final PrintStream out;

  /**
   * Notes about {@code shell}'s snippets, printed to {@code out} (the cell's standard error when
   * the kernel runs a cell).
   */
  SnippetNotes(JShell shell, PrintStream out) {
    this.shell = shell;
    this.out = out;
  }

  /** Reports what a snippet's evaluation did to another, earlier one (event has a cause). */
  void dependentChange(SnippetEvent event) {
    Snippet snippet = event.snippet();
    String because = describe(event.causeSnippet());
    if (snippet instanceof VarSnippet v
        && event.previousStatus().isActive()
        && event.status().isActive()) {
      out.println(
          "note: variable "
              + v.name()
              + " ("
              + v.typeName()
              + ") was reset to "
              + defaultValueOf(v.typeName())
              + " because "
              + because
              + " was redefined; its earlier value is lost.");
    } else if (snippet instanceof DeclarationSnippet d
        && event.previousStatus().isActive()
        && !event.status().isActive()
        && event.status() != Snippet.Status.OVERWRITTEN) {
      out.println(
          "note: " + describe(d) + " can no longer be used because " + because + " changed.");
    } else if (snippet instanceof DeclarationSnippet d
        && event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
      out.println("note: " + describe(d) + " is not usable until " + unresolved(d) + ".");
    }
  }

  /** Reports a declaration of the cell itself that waits for something not yet defined. */
  void unresolved(SnippetEvent event) {
    if (event.snippet() instanceof DeclarationSnippet d
        && (event.status() == Snippet.Status.RECOVERABLE_DEFINED
            || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED)) {
      out.println(
          "note: " + describe(d) + " is defined but cannot be used until " + unresolved(d) + ".");
    }
  }

  private String unresolved(DeclarationSnippet d) {
    List<String> names = shell.unresolvedDependencies(d).toList();
    return names.isEmpty() ? "its dependencies are defined" : String.join(", ", names) + " exist";
  }

  /** A snippet as an analyst would name it: variable x, method f(int), type T. */
  static String describe(Snippet snippet) {
    if (snippet instanceof VarSnippet v) {
      return "variable " + v.name();
    }
    if (snippet instanceof MethodSnippet m) {
      return "method " + m.name() + "(" + m.parameterTypes() + ")";
    }
    if (snippet instanceof TypeDeclSnippet t) {
      return "type " + t.name();
    }
    if (snippet instanceof DeclarationSnippet d) {
      return d.name();
    }
    return "snippet #" + snippet.id();
  }

  /** The value JShell gives a variable it resets: Java's default for the type. */
  static String defaultValueOf(String typeName) {
    switch (typeName) {
      case "boolean":
        return "false";
      case "char":
        return "'\\0'";
      case "byte":
      case "short":
      case "int":
      case "long":
        return "0";
      case "float":
      case "double":
        return "0.0";
      default:
        return "null";
    }
  }
}
