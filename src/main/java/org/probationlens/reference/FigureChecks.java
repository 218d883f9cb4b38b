package org.probationlens.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Several computed figures, each beside its published value, with how it matches (reproduced,
 * calibrated or not reproduced): the summary a notebook ends with. Its title counts each status
 * separately, e.g. "1 reproduced, 2 calibrated, 1 not reproduced", and the status is the first
 * column of its table.
 *
 * @param checks the checks, in the order made; not null, at least one
 */
public record FigureChecks(List<FigureCheck> checks) implements Result {

  /** Copies the list. */
  public FigureChecks {
    checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
    if (checks.isEmpty()) {
      throw new IllegalArgumentException("FigureChecks needs at least one check");
    }
  }

  /**
   * Collects checks.
   *
   * @param checks the checks, at least one, none null
   * @return the collection, not null
   */
  public static FigureChecks of(FigureCheck... checks) {
    return new FigureChecks(List.of(checks));
  }

  /**
   * Whether every computed value lies within tolerance of its figure (reproduced or calibrated).
   *
   * @return true when none is not reproduced
   */
  public boolean allPass() {
    return checks.stream().allMatch(FigureCheck::pass);
  }

  /**
   * How many checks have a status.
   *
   * @param status the status, not null
   * @return the count
   */
  public long count(FigureCheck.Status status) {
    Objects.requireNonNull(status, "status");
    return checks.stream().filter(c -> c.status() == status).count();
  }

  /**
   * The headline: each status counted separately, in the order reproduced, calibrated, not
   * reproduced, leaving out those with none; e.g. "1 reproduced, 2 calibrated, 1 not reproduced".
   *
   * @return the headline, not null
   */
  public String headline() {
    List<String> parts = new ArrayList<>();
    for (FigureCheck.Status s : FigureCheck.Status.values()) {
      long n = count(s);
      if (n > 0) {
        parts.add(n + " " + s.label());
      }
    }
    return String.join(", ", parts);
  }

  /** {@return the headline as the title: "Published figures: 1 reproduced, 2 calibrated"} */
  @Override
  public String title() {
    return "Published figures checked: " + headline();
  }

  /**
   * One row per check, status first so that it shows without scrolling: {@code status, figure,
   * period, published, computed, computed from, tolerance}. Why each status is what it is, and each
   * figure's source, are in {@link #notes()}.
   *
   * @return a new table, not null
   */
  @Override
  public Table table() {
    StringColumn status = StringColumn.create("status");
    StringColumn id = StringColumn.create("figure");
    StringColumn period = StringColumn.create("period");
    StringColumn published = StringColumn.create("published");
    StringColumn computed = StringColumn.create("computed");
    StringColumn from = StringColumn.create("computed from");
    StringColumn tolerance = StringColumn.create("tolerance");
    for (FigureCheck c : checks) {
      PublishedFigure f = c.figure();
      status.append(c.status().name().replace('_', ' '));
      id.append(f.id());
      period.append(f.period());
      published.append(f.valueText());
      computed.append(c.computedText());
      from.append(computedFrom(c.computedFrom()));
      tolerance.append("+/- " + PublishedFigure.number(f.tolerance()) + " " + f.unit());
    }
    return Table.create("published figures checked")
        .addColumns(status, id, period, published, computed, from, tolerance);
  }

  /**
   * What a computed value was computed from, in a few words, so that two checks of one figure (on a
   * sample and on a larger run, say) tell their inputs apart: the first input's title up to its
   * first parenthesis, and how many more inputs there were ("Synthetic case records, 300,000
   * generated with seed 2014 and 1 more").
   */
  static String computedFrom(Sources sources) {
    java.util.LinkedHashSet<String> titles = new java.util.LinkedHashSet<>();
    for (org.probationlens.provenance.Provenance p : sources.inputs()) {
      String t = p.title();
      int cut = t.indexOf(" (");
      titles.add(cut > 0 ? t.substring(0, cut) : t);
    }
    if (titles.isEmpty()) {
      return "nothing recorded";
    }
    String first = titles.iterator().next();
    return titles.size() == 1 ? first : first + " and " + (titles.size() - 1) + " more";
  }

  /** {@return for each check, why its status is what it is and where its figure was published} */
  @Override
  public List<String> notes() {
    java.util.LinkedHashSet<String> notes = new java.util.LinkedHashSet<>();
    checks.forEach(c -> notes.addAll(c.notes()));
    return List.copyOf(notes);
  }

  /** {@return the sources of every computed value and every published figure} */
  @Override
  public Sources sources() {
    Sources s = checks.get(0).sources();
    for (int i = 1; i < checks.size(); i++) {
      s = s.and(checks.get(i).sources());
    }
    return s;
  }

  /** One line per check, then the headline. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    checks.forEach(c -> s.append(c).append('\n'));
    return s.append(headline()).toString();
  }
}
