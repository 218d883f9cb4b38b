package org.probationlens.kernel;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.EndElementTree;
import com.sun.source.doctree.EntityTree;
import com.sun.source.doctree.LinkTree;
import com.sun.source.doctree.LiteralTree;
import com.sun.source.doctree.ParamTree;
import com.sun.source.doctree.ReturnTree;
import com.sun.source.doctree.StartElementTree;
import com.sun.source.doctree.TextTree;
import com.sun.source.doctree.ThrowsTree;
import com.sun.source.doctree.ValueTree;
import com.sun.source.util.SimpleDocTreeVisitor;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A doc comment as the plain text an inspect reply shows (Shift-Tab in a notebook): {@code {@code
 * x}} as x, {@code {@link Type#member label}} as its label or Type.member, {@code {@value
 * Type#CONSTANT}} as the constant's value, paragraphs and list items on lines of their own, HTML
 * entities decoded, and the block tags as "Parameters", "Returns" and "Throws" lines. javac's own
 * parser reads the comment ({@link com.sun.source.util.DocTrees}), so nothing is matched by hand.
 */
final class DocText {
  private static final Map<String, String> ENTITIES =
      Map.of(
          "lt", "<", "gt", ">", "amp", "&", "quot", "\"", "nbsp", " ", "ndash", "–", "mdash", "—",
          "times", "×", "ge", "≥", "le", "≤");

  private DocText() {}

  /**
   * The comment as text.
   *
   * @param comment the parsed comment, not null
   * @param constant the value of a constant named by {@code {@value}}: given the type's name as
   *     written (empty for the comment's own type) and the field's name, the value as text, or null
   *     when it cannot be found (then the reference is shown as Type.FIELD)
   */
  static String of(DocCommentTree comment, BiFunction<String, String, String> constant) {
    StringBuilder text = new StringBuilder();
    Renderer renderer = new Renderer(constant);
    for (DocTree tree : comment.getFullBody()) {
      text.append(tree.accept(renderer, null));
    }
    StringBuilder tags = new StringBuilder();
    boolean parameters = false;
    for (DocTree tag : comment.getBlockTags()) {
      if (tag instanceof ParamTree param) {
        if (!parameters) {
          tags.append("\n\nParameters:");
          parameters = true;
        }
        tags.append("\n  ")
            .append(param.getName().toString())
            .append(": ")
            .append(body(param.getDescription(), renderer));
      } else if (tag instanceof ReturnTree returns) {
        tags.append("\n\nReturns: ").append(body(returns.getDescription(), renderer));
      } else if (tag instanceof ThrowsTree thrown) {
        tags.append("\n\nThrows ")
            .append(thrown.getExceptionName().getSignature())
            .append(": ")
            .append(body(thrown.getDescription(), renderer));
      }
    }
    return tidy(text.toString()) + tags;
  }

  private static String body(List<? extends DocTree> trees, Renderer renderer) {
    StringBuilder text = new StringBuilder();
    for (DocTree tree : trees) {
      text.append(tree.accept(renderer, null));
    }
    return tidy(text.toString()).replace("\n", " ");
  }

  /** Runs of spaces as one, at most one blank line in a row, no space at a line's ends. */
  private static String tidy(String text) {
    return text.replaceAll("[ \\t]+", " ")
        .replaceAll(" *\\n *", "\n")
        .replaceAll("\\n{3,}", "\n\n")
        .strip();
  }

  private static final class Renderer extends SimpleDocTreeVisitor<String, Void> {
    private final BiFunction<String, String, String> constant;

    /** Inside {@code <pre>}: line breaks are kept. */
    private boolean pre;

    Renderer(BiFunction<String, String, String> constant) {
      super("");
      this.constant = constant;
    }

    @Override
    public String visitText(TextTree node, Void unused) {
      return pre ? node.getBody() : node.getBody().replaceAll("\\s+", " ");
    }

    @Override
    public String visitLiteral(LiteralTree node, Void unused) {
      String body = node.getBody().getBody();
      return pre ? body : body.replaceAll("\\s+", " ");
    }

    @Override
    public String visitLink(LinkTree node, Void unused) {
      if (!node.getLabel().isEmpty()) {
        StringBuilder label = new StringBuilder();
        node.getLabel().forEach(tree -> label.append(tree.accept(this, null)));
        return label.toString().strip();
      }
      String reference = node.getReference().getSignature();
      return reference.startsWith("#") ? reference.substring(1) : reference.replace('#', '.');
    }

    @Override
    public String visitValue(ValueTree node, Void unused) {
      if (node.getReference() == null) {
        return "";
      }
      String reference = node.getReference().getSignature();
      int hash = reference.indexOf('#');
      String type = hash < 0 ? "" : reference.substring(0, hash);
      String field = reference.substring(hash + 1);
      String value = constant.apply(type, field);
      return value != null ? value : (type.isEmpty() ? field : type + "." + field);
    }

    @Override
    public String visitStartElement(StartElementTree node, Void unused) {
      String name = node.getName().toString().toLowerCase(java.util.Locale.ROOT);
      pre |= name.equals("pre");
      return switch (name) {
        case "p", "pre" -> "\n\n";
        case "li" -> "\n- ";
        case "ul", "ol", "br" -> "\n";
        default -> "";
      };
    }

    @Override
    public String visitEndElement(EndElementTree node, Void unused) {
      String name = node.getName().toString().toLowerCase(java.util.Locale.ROOT);
      if (name.equals("pre")) {
        pre = false;
      }
      return name.equals("ul") || name.equals("ol") || name.equals("pre") ? "\n\n" : "";
    }

    @Override
    public String visitEntity(EntityTree node, Void unused) {
      return ENTITIES.getOrDefault(node.getName().toString(), "&" + node.getName() + ";");
    }

    @Override
    protected String defaultAction(DocTree node, Void unused) {
      return node.toString();
    }
  }

  /**
   * The value of a static constant of a class the kernel can load, as text (a string quoted as the
   * source writes it), or null.
   */
  static String constantValue(ClassLoader loader, String className, String field) {
    try {
      Class<?> type = Class.forName(className, false, loader);
      Field f = type.getDeclaredField(field);
      if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
        return null;
      }
      f.setAccessible(true);
      Object value = f.get(null);
      return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }
}
