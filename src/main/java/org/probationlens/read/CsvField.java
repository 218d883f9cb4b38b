package org.probationlens.read;

/**
 * Writing one CSV field so that {@link DatasetLoader} reads it back exactly: quoted (RFC 4180,
 * inner quotes doubled) when it holds a comma, a double quote, a CR or an LF, and as it is
 * otherwise. The one writing rule for the project's CSV writers (court data, the synthetic
 * innovation register). Written by hand because commons-csv's minimal quoting also quotes an empty
 * first field and fields starting with some punctuation, which would change committed files.
 */
public final class CsvField {

  private CsvField() {}

  /**
   * The field as it is written in a CSV line.
   *
   * @param value the value, not null
   * @return the value, quoted when it must be
   */
  public static String quote(String value) {
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == ',' || ch == '"' || ch == '\r' || ch == '\n') {
        return '"' + value.replace("\"", "\"\"") + '"';
      }
    }
    return value;
  }
}
