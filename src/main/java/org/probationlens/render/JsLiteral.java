package org.probationlens.render;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;

/**
 * Reads the JavaScript object literals that tablesaw-jsplot writes for a trace or a layout ({@code
 * var trace0 = {x: [...], name: 'a', };}) into JSON.
 *
 * <p>It accepts what those templates produce and nothing more: unquoted or quoted keys, strings in
 * single or double quotes, numbers, {@code true}, {@code false}, {@code null}, {@code NaN} and
 * {@code Infinity} (both become JSON null, a gap to Plotly), arrays, objects, and trailing commas.
 * Strings in single quotes come from Pebble templates that escape HTML, so their entities are
 * decoded; strings in double quotes come from a JSON encoder and are taken as they are. Anything
 * else is an error naming the offset and the text there.
 */
final class JsLiteral {

  private final String src;
  private final String what;
  private int pos;

  private JsLiteral(String src, String what) {
    this.src = src;
    this.what = what;
  }

  /**
   * Parses {@code var NAME = VALUE;} (or a bare value) into JSON.
   *
   * @param src the JavaScript
   * @param what what it is, for error messages ("trace 0 of the figure")
   */
  static JsonElement parseAssignment(String src, String what) {
    JsLiteral p = new JsLiteral(src, what);
    p.skipSpace();
    if (p.src.startsWith("var ", p.pos)) {
      int eq = p.src.indexOf('=', p.pos);
      if (eq < 0) {
        throw p.error("expected '=' after 'var NAME'");
      }
      p.pos = eq + 1;
    }
    JsonElement value = p.value();
    p.skipSpace();
    if (p.pos < p.src.length() && p.src.charAt(p.pos) == ';') {
      p.pos++;
    }
    p.skipSpace();
    if (p.pos != p.src.length()) {
      throw p.error("expected the end of the literal");
    }
    return value;
  }

  private IllegalArgumentException error(String expected) {
    int from = Math.max(0, pos - 30);
    int to = Math.min(src.length(), pos + 30);
    String near = src.substring(from, to).replace("\n", "\\n");
    return new IllegalArgumentException(
        "cannot read the JavaScript tablesaw-jsplot wrote for "
            + what
            + " at offset "
            + pos
            + ": "
            + expected
            + "; text there: '"
            + near
            + "'");
  }

  private void skipSpace() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
  }

  private JsonElement value() {
    skipSpace();
    if (pos >= src.length()) {
      throw error("expected a value, found the end");
    }
    char c = src.charAt(pos);
    if (c == '{') {
      return object();
    }
    if (c == '[') {
      return array();
    }
    if (c == '\'' || c == '"') {
      return new JsonPrimitive(string());
    }
    if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
      return number();
    }
    if (Character.isLetter(c) || c == '_' || c == '$') {
      String word = identifier();
      switch (word) {
        case "true":
          return new JsonPrimitive(true);
        case "false":
          return new JsonPrimitive(false);
        case "null":
        case "undefined":
        case "NaN":
        case "Infinity":
          return JsonNull.INSTANCE;
        default:
          pos -= word.length();
          throw error("expected a value, found the name '" + word + "'");
      }
    }
    throw error("expected a value");
  }

  private JsonObject object() {
    JsonObject o = new JsonObject();
    pos++; // {
    while (true) {
      skipSpace();
      if (pos >= src.length()) {
        throw error("expected '}' to close an object");
      }
      char c = src.charAt(pos);
      if (c == '}') {
        pos++;
        return o;
      }
      String key;
      if (c == '\'' || c == '"') {
        key = string();
      } else if (Character.isLetter(c) || c == '_' || c == '$') {
        key = identifier();
      } else {
        throw error("expected a key or '}'");
      }
      skipSpace();
      if (pos >= src.length() || src.charAt(pos) != ':') {
        throw error("expected ':' after the key '" + key + "'");
      }
      pos++;
      o.add(key, value());
      skipSpace();
      if (pos < src.length() && src.charAt(pos) == ',') {
        pos++;
      } else if (pos >= src.length() || src.charAt(pos) != '}') {
        throw error("expected ',' or '}' after the value of '" + key + "'");
      }
    }
  }

  private JsonArray array() {
    JsonArray a = new JsonArray();
    pos++; // [
    while (true) {
      skipSpace();
      if (pos >= src.length()) {
        throw error("expected ']' to close an array");
      }
      if (src.charAt(pos) == ']') {
        pos++;
        return a;
      }
      a.add(value());
      skipSpace();
      if (pos < src.length() && src.charAt(pos) == ',') {
        pos++;
      } else if (pos >= src.length() || src.charAt(pos) != ']') {
        throw error("expected ',' or ']' in an array");
      }
    }
  }

  private String identifier() {
    int start = pos;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
        pos++;
      } else {
        break;
      }
    }
    return src.substring(start, pos);
  }

  private JsonElement number() {
    int start = pos;
    if (src.charAt(pos) == '-' || src.charAt(pos) == '+') {
      pos++;
    }
    if (src.startsWith("Infinity", pos)) {
      pos += "Infinity".length();
      return JsonNull.INSTANCE;
    }
    if (src.startsWith("NaN", pos)) {
      pos += "NaN".length();
      return JsonNull.INSTANCE;
    }
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (Character.isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+') {
        pos++;
      } else {
        break;
      }
    }
    String text = src.substring(start, pos);
    try {
      return new JsonPrimitive(new BigDecimal(text.startsWith("+") ? text.substring(1) : text));
    } catch (NumberFormatException e) {
      pos = start;
      throw error("expected a number, found '" + text + "'");
    }
  }

  private String string() {
    char quote = src.charAt(pos);
    pos++;
    StringBuilder b = new StringBuilder();
    while (true) {
      if (pos >= src.length()) {
        throw error("expected " + quote + " to close a string");
      }
      char c = src.charAt(pos++);
      if (c == quote) {
        break;
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (pos >= src.length()) {
        throw error("expected a character after '\\'");
      }
      char e = src.charAt(pos++);
      switch (e) {
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'u' -> {
          if (pos + 4 > src.length()) {
            throw error("expected four hex digits after '\\u'");
          }
          try {
            b.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
          } catch (NumberFormatException ex) {
            throw error("expected four hex digits after '\\u'");
          }
          pos += 4;
        }
        default -> b.append(e);
      }
    }
    return quote == '\'' ? decodeHtml(b.toString()) : b.toString();
  }

  /** Decodes the entities Pebble's HTML escaping writes: named ones and numeric ones. */
  static String decodeHtml(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int semi = c == '&' ? s.indexOf(';', i) : -1;
      if (semi > i && semi - i <= 10) {
        String entity = s.substring(i + 1, semi);
        String decoded = entity(entity);
        if (decoded != null) {
          b.append(decoded);
          i = semi + 1;
          continue;
        }
      }
      b.append(c);
      i++;
    }
    return b.toString();
  }

  private static String entity(String name) {
    switch (name) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return "\"";
      case "apos":
        return "'";
      default:
        break;
    }
    try {
      if (name.startsWith("#x") || name.startsWith("#X")) {
        return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
      }
      if (name.startsWith("#")) {
        return new String(Character.toChars(Integer.parseInt(name.substring(1))));
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return null;
  }
}
