package org.probationlens.innovation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A published count about CRC innovation that names no particular CRC, so it cannot enter the
 * register as events: for example, the NAO found (2019) that only 2 of the 21 CRCs had delivered
 * the IT innovation they promised.
 *
 * @param measure what is counted, for example {@code crcs_delivering_promised_it}; not blank
 * @param value the count, at least 0
 * @param of the total it is out of (for example 21 CRCs), at least {@code value}
 * @param period when it applies, as the source states it; not blank
 * @param source the citation; not blank
 * @param tag the evidence tag; never {@link EvidenceTag#SYNTHETIC}
 */
record PublishedCount(
    String measure, int value, int of, String period, String source, EvidenceTag tag) {

  /** Validates the fields. */
  PublishedCount {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(tag, "tag");
    if (measure.isBlank() || period.isBlank() || source.isBlank()) {
      throw new IllegalArgumentException("measure, period and source must not be blank");
    }
    if (value < 0 || of < value) {
      throw new IllegalArgumentException(
          "expected 0 <= value <= of, got value " + value + " of " + of);
    }
    if (tag == EvidenceTag.SYNTHETIC) {
      throw new IllegalArgumentException("a published count cannot be synthetic");
    }
  }

  static final String HEADER = "measure,value,of,period,source,tag";

  static List<PublishedCount> parse(String file, List<String> lines) {
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new RegisterException(file, 1, "(header)", lines.isEmpty() ? "" : lines.get(0), HEADER);
    }
    List<PublishedCount> out = new ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      if (lines.get(n).isEmpty()) {
        continue;
      }
      int line = n + 1;
      List<String> f;
      try {
        f = Csv.split(lines.get(n));
      } catch (CellError e) {
        throw new RegisterException(file, line, e.column, lines.get(n), e.expected);
      }
      if (f.size() != 6) {
        throw new RegisterException(file, line, "(row)", lines.get(n), "6 fields: " + HEADER);
      }
      int value = integer(file, line, "value", f.get(1));
      int of = integer(file, line, "of", f.get(2));
      EvidenceTag tag;
      try {
        tag = EvidenceTag.ofCode(f.get(5));
      } catch (IllegalArgumentException e) {
        throw new RegisterException(file, line, "tag", f.get(5), EvidenceTag.codes());
      }
      try {
        out.add(new PublishedCount(f.get(0), value, of, f.get(3), f.get(4), tag));
      } catch (IllegalArgumentException e) {
        throw new RegisterException(file, line, "(row)", lines.get(n), e.getMessage());
      }
    }
    return List.copyOf(out);
  }

  private static int integer(String file, int line, String column, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new RegisterException(file, line, column, text, "a whole number");
    }
  }
}
