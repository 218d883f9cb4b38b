package org.probationlens.reference;

import java.util.List;
import java.util.Objects;
import org.apache.commons.text.StringEscapeUtils;
import org.probationlens.render.MimeBundle;
import org.probationlens.render.Renderers;
import org.probationlens.render.RichDisplay;
import org.probationlens.render.TableOptions;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Several reproduced figures, each beside its published value, with a pass or fail: the summary
 * table a notebook ends with.
 *
 * @param checks the checks, in the order made; not null
 */
public record FigureChecks(List<FigureCheck> checks) implements RichDisplay {

  /** Copies the list. */
  public FigureChecks {
    checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
  }

  /**
   * Collects checks.
   *
   * @param checks the checks, not null
   * @return the collection, not null
   */
  public static FigureChecks of(FigureCheck... checks) {
    return new FigureChecks(List.of(checks));
  }

  /**
   * Whether every check passed.
   *
   * @return true when none failed
   */
  public boolean allPass() {
    return checks.stream().allMatch(FigureCheck::pass);
  }

  /**
   * One row per check: {@code result, id, published, computed, tolerance, basis, period, source,
   * tag}.
   *
   * @return a new table, not null
   */
  public Table table() {
    StringColumn result = StringColumn.create("result");
    StringColumn id = StringColumn.create("id");
    StringColumn published = StringColumn.create("published");
    StringColumn computed = StringColumn.create("computed");
    StringColumn tolerance = StringColumn.create("tolerance");
    StringColumn basis = StringColumn.create("basis");
    StringColumn period = StringColumn.create("period");
    StringColumn source = StringColumn.create("source");
    StringColumn tag = StringColumn.create("tag");
    for (FigureCheck c : checks) {
      PublishedFigure f = c.figure();
      result.append(c.pass() ? "PASS" : "FAIL");
      id.append(f.id());
      published.append(f.valueText());
      computed.append(c.computedText());
      tolerance.append("+/- " + PublishedFigure.number(f.tolerance()) + " " + f.unit());
      basis.append(c.basis());
      period.append(f.period());
      source.append(f.source());
      tag.append(f.tag());
    }
    return Table.create("published figures reproduced")
        .addColumns(result, id, published, computed, tolerance, basis, period, source, tag);
  }

  private String summary() {
    long passed = checks.stream().filter(FigureCheck::pass).count();
    return passed + " of " + checks.size() + " published figures reproduced";
  }

  /** One line per check, then a count of passes. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    checks.forEach(c -> s.append(c).append('\n'));
    return s.append(summary()).toString();
  }

  /** The table of checks with PASS or FAIL on each row, and the count of passes. */
  @Override
  public MimeBundle toMimeBundle() {
    TableOptions options = TableOptions.defaults().withMaxRows(100).withMaxCellChars(200);
    String html =
        "<div class=\"probation-lens-checks\"><p><b>"
            + StringEscapeUtils.escapeHtml4(summary())
            + "</b></p>"
            + Renderers.table(table(), options).get(MimeBundle.TEXT_HTML).orElse("")
            + "</div>";
    return MimeBundle.of(toString(), html);
  }
}
