package org.probationlens.innovation;

import java.util.ArrayList;
import java.util.List;

/** A minimal RFC 4180 line splitter that keeps line numbers for located errors. */
final class Csv {
  private Csv() {}

  /**
   * Splits one line into fields: commas separate, double quotes enclose fields that hold commas,
   * and a doubled quote inside a quoted field is one quote.
   *
   * @throws CellError when a quote is not closed on the line
   */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cur.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cur.append(c);
        }
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
        wasQuoted = false;
      } else if (c == '"' && cur.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else {
        cur.append(c);
      }
    }
    if (quoted) {
      throw new CellError("(line)", "a closing double quote before the end of the line");
    }
    out.add(cur.toString());
    return out;
  }

  /** Quotes a field for writing when it holds a comma or a quote. */
  static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
