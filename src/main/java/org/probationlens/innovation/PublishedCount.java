package org.probationlens.innovation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.probationlens.read.DatasetLoader;
import org.probationlens.read.DatasetValidationException;
import org.probationlens.read.Problem;
import tech.tablesaw.api.Table;

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

  static List<PublishedCount> parse(String file, byte[] bytes) {
    DatasetLoader.Hashed read =
        DatasetLoader.of(RegisterReader.textSchema("innovation_counts", List.of(HEADER.split(","))))
            .readBytes(file, bytes);
    Table t = read.table();
    List<Problem> problems = new ArrayList<>();
    List<PublishedCount> out = new ArrayList<>();
    for (int r = 0; r < t.rowCount(); r++) {
      long line = read.lineOf(r);
      List<String> f = new ArrayList<>();
      for (String column : HEADER.split(",")) {
        f.add(t.stringColumn(column).get(r));
      }
      Integer value = integer(file, line, 2, "value", f.get(1), problems);
      Integer of = integer(file, line, 3, "of", f.get(2), problems);
      EvidenceTag tag = null;
      try {
        tag = EvidenceTag.ofCode(f.get(5));
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(file, line, "tag", 6, f.get(5), EvidenceTag.codes()));
      }
      if (value == null || of == null || tag == null) {
        continue;
      }
      try {
        out.add(new PublishedCount(f.get(0), value, of, f.get(3), f.get(4), tag));
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(file, line, null, 0, String.join(",", f), e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new DatasetValidationException(file, problems, 0);
    }
    return List.copyOf(out);
  }

  private static Integer integer(
      String file, long line, int number, String column, String text, List<Problem> problems) {
    if (text.matches("-?[0-9]{1,9}")) {
      return Integer.valueOf(text);
    }
    problems.add(new Problem(file, line, column, number, text, "a whole number"));
    return null;
  }
}
