package org.probationlens.kernel;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The library's own javadoc, read at run time from the sources the build copies into the jar (under
 * {@value #ROOT}), so that inspecting a name in a notebook shows what it means in probation terms
 * even though the JDK's JShell only knows the JDK's own documentation.
 */
final class Javadocs {
  /** Where the build puts the library's sources inside the jar. */
  static final String ROOT = "META-INF/lens-sources/";

  private final ClassLoader loader;

  Javadocs(ClassLoader loader) {
    this.loader = loader;
  }

  /**
   * The javadoc of a member or type, as text ({@link DocText}), found from a JShell documentation
   * signature such as {@code "Geography Geography.standard()"} or {@code
   * "org.probationlens.area.Geography"}.
   *
   * @param signature the signature JShell printed
   * @param packages the packages whose simple names are imported into the session
   */
  Optional<String> forSignature(String signature, List<String> packages) {
    int paren = signature.indexOf('(');
    if (paren < 0) {
      if (signature.contains(" ") || signature.contains(":")) {
        return Optional.empty();
      }
      int dot = signature.lastIndexOf('.');
      return dot < 0
          ? Optional.empty()
          : find(signature.substring(0, dot), signature.substring(dot + 1), null, -1);
    }
    String head = signature.substring(0, paren);
    String qualified = head.substring(head.lastIndexOf(' ') + 1);
    int dot = qualified.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String owner = qualified.substring(0, dot);
    String member = qualified.substring(dot + 1);
    int arity = arity(signature.substring(paren + 1, signature.lastIndexOf(')')));
    if (owner.contains(".")) {
      int ownerDot = owner.lastIndexOf('.');
      return find(owner.substring(0, ownerDot), owner.substring(ownerDot + 1), member, arity);
    }
    for (String pkg : packages) {
      Optional<String> doc = find(pkg, owner, member, arity);
      if (doc.isPresent()) {
        return doc;
      }
    }
    return Optional.empty();
  }

  private static int arity(String parameters) {
    if (parameters.isBlank()) {
      return 0;
    }
    int depth = 0;
    int count = 1;
    for (char c : parameters.toCharArray()) {
      if (c == '<') {
        depth++;
      } else if (c == '>') {
        depth--;
      } else if (c == ',' && depth == 0) {
        count++;
      }
    }
    return count;
  }

  /**
   * The classes a type name written in a {@code {@value}} may mean, most likely first: the
   * comment's own type when none is written, a qualified name as it is, else the same package, the
   * source's imports and java.lang.
   */
  private static List<String> classNames(
      String written, String pkg, String type, List<String> imports) {
    if (written.isEmpty()) {
      return List.of(pkg + "." + type);
    }
    if (written.contains(".") && Character.isLowerCase(written.charAt(0))) {
      return List.of(written);
    }
    List<String> names = new ArrayList<>();
    names.add(pkg + "." + written);
    imports.stream().filter(i -> i.endsWith("." + written)).forEach(names::add);
    names.add("java.lang." + written);
    return names;
  }

  /** The doc comment of {@code member} (or of the type when member is null) in a shipped source. */
  private Optional<String> find(String pkg, String type, String member, int arity) {
    String resource = ROOT + pkg.replace('.', '/') + "/" + type + ".java";
    String source;
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    SimpleJavaFileObject file =
        new SimpleJavaFileObject(
            URI.create("string:///" + resource), SimpleJavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    JavacTask task =
        (JavacTask)
            compiler.getTask(null, null, d -> {}, List.of("-proc:none"), null, List.of(file));
    DocTrees trees = DocTrees.instance(task);
    List<String> found = new ArrayList<>();
    try {
      for (CompilationUnitTree unit : task.parse()) {
        List<String> imports =
            unit.getImports().stream()
                .filter(i -> !i.isStatic())
                .map(i -> i.getQualifiedIdentifier().toString())
                .toList();
        BiFunction<String, String, String> constant =
            (written, field) -> {
              for (String candidate : classNames(written, pkg, type, imports)) {
                String value = DocText.constantValue(loader, candidate, field);
                if (value != null) {
                  return value;
                }
              }
              return null;
            };
        new TreePathScanner<Void, Void>() {
          @Override
          public Void visitClass(ClassTree node, Void unused) {
            if (member == null && node.getSimpleName().contentEquals(type)) {
              add(trees.getDocCommentTree(getCurrentPath()));
            }
            return super.visitClass(node, unused);
          }

          @Override
          public Void visitMethod(MethodTree node, Void unused) {
            if (member != null
                && node.getName().contentEquals(member)
                && (arity < 0 || node.getParameters().size() == arity)) {
              add(trees.getDocCommentTree(getCurrentPath()));
            }
            return null;
          }

          @Override
          public Void visitVariable(VariableTree node, Void unused) {
            if (member != null && arity < 0 && node.getName().contentEquals(member)) {
              add(trees.getDocCommentTree(getCurrentPath()));
            }
            return null;
          }

          private void add(DocCommentTree comment) {
            if (comment == null) {
              return;
            }
            String doc = DocText.of(comment, constant);
            if (!doc.isBlank()) {
              found.add(doc);
            }
          }
        }.scan(unit, null);
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }
}
