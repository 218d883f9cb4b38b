package org.probationlens.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.probationlens.provenance.CountColumns;
import org.probationlens.provenance.Provenance;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import org.probationlens.stats.CellKeyMethod;
import org.probationlens.stats.DisclosureOutcome;
import org.probationlens.stats.DisclosurePolicy;
import org.probationlens.stats.RecordKeys;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Disclosure control as {@code render} applies it: no count of people from real, unpublished case
 * records reaches a screen, chart or file as it is.
 *
 * <p><b>The method</b> is the cell key method ({@link CellKeyMethod}: ONS Census 2021, ABS
 * TableBuilder), chosen because it holds across every table drawn from the same records (a cell's
 * noise is fixed by its records, so roll-ups, filtered copies and repeats give nothing back) where
 * cell suppression protects only a set of tables known in advance. Analyses that count records
 * perturb their counts where they make them, from the records' keys, and say so in their {@link
 * Sources#protection()}: those results are drawn as they are, with a one-line note naming the
 * method. Any other result built on official-sensitive records is perturbed here, when drawn, by
 * {@link #perturb}, keyed by each cell's labels; so is a bare Tablesaw table once
 * official-sensitive records have been drawn in the session ({@link #apply(Table, LensSession)}),
 * since it may have been cut from them. Threshold suppression ({@link DisclosurePolicy}) remains
 * for a data owner who requires it, as an explicit choice of the session or of one output.
 *
 * <p><b>When it applies.</b> On by default for a result whose {@link Sources} include an {@link
 * Provenance.Kind#OFFICIAL_SENSITIVE} input (real, unpublished case records). Off by default for
 * synthetic and published inputs; {@link #onForSynthetic(boolean)} turns it on for synthetic
 * results for the rest of the session (to demonstrate it; the settings live in the {@link
 * LensSession} in use, and the static methods here delegate to it), {@link #on(Result)} for one
 * output whatever its sources. {@link #off(Result)} turns it off for one output, and the footer
 * then says "disclosure control turned off for this output by the user"; it cannot undo noise added
 * where the counts were made.
 *
 * <p><b>Which columns are counts.</b> The ones the result declares ({@link Result#countColumns()});
 * when it declares none, every whole-number column (INTEGER, LONG, SHORT) with no negative value is
 * taken as a count and the note says so. Any other numeric column (a share, a rate, a mean) in a
 * row where a count moved or was withheld is withheld too, since it was worked out from the true
 * count.
 */
public final class Disclosure {

  /** The footer's words when the user turned disclosure control off for an output. */
  public static final String TURNED_OFF =
      "Disclosure control turned off for this output by the user.";

  private Disclosure() {}

  /**
   * Sets the policy used whenever disclosure control applies without a policy of its own, for the
   * rest of the session in use ({@link LensSession#disclosurePolicy(DisclosurePolicy)}).
   *
   * @param policy the policy, not null
   */
  public static void sessionPolicy(DisclosurePolicy policy) {
    LensSession.current().disclosurePolicy(policy);
  }

  /**
   * The policy of the session in use.
   *
   * @return the policy, {@link DisclosurePolicy#withDefaults()} unless changed; not null
   */
  public static DisclosurePolicy sessionPolicy() {
    return LensSession.current().disclosurePolicy();
  }

  /**
   * Turns disclosure control on (or back off) for results built on synthetic cases, for the rest of
   * the session in use ({@link LensSession#protectSynthetic(boolean)}): synthetic data identify
   * nobody, but this shows what a table of real records would look like.
   *
   * @param on whether synthetic results are protected by default
   */
  public static void onForSynthetic(boolean on) {
    LensSession.current().protectSynthetic(on);
  }

  /**
   * Whether synthetic results are protected by default in the session in use.
   *
   * @return true after {@code onForSynthetic(true)}
   */
  public static boolean onForSynthetic() {
    return LensSession.current().protectSynthetic();
  }

  /**
   * Back to the defaults in the session in use: the default policy, synthetic results not
   * protected.
   */
  public static void resetSession() {
    LensSession.current().resetDisclosure();
  }

  /**
   * The result, to be drawn under disclosure control with the session's policy, whatever its
   * sources.
   *
   * @param result the result, not null
   * @return the result marked for protection (a {@link Result} that draws as the original), not
   *     null
   */
  public static Result on(Result result) {
    return new Chosen(result, true, null);
  }

  /**
   * The result, to be drawn under the given policy, whatever its sources.
   *
   * @param result the result, not null
   * @param policy the policy, not null
   * @return the result marked for protection, not null
   */
  public static Result on(Result result, DisclosurePolicy policy) {
    return new Chosen(result, true, Objects.requireNonNull(policy, "policy"));
  }

  /**
   * The result, to be drawn without disclosure control even if its sources call for it; the footer
   * records that the user turned it off.
   *
   * @param result the result, not null
   * @return the result marked as unprotected, not null
   */
  public static Result off(Result result) {
    return new Chosen(result, false, null);
  }

  /**
   * The policy that applies to a result when drawn, if any: its own choice ({@link #on}, {@link
   * #off}), else the session's policy for official-sensitive sources (and synthetic ones after
   * {@link #onForSynthetic(boolean)}), else none.
   *
   * @param result the result, not null
   * @return the policy, or empty when the result is drawn as it is
   */
  public static Optional<DisclosurePolicy> policyFor(Result result) {
    return policyFor(result, LensSession.current());
  }

  /**
   * The policy that applies to a result when drawn in a given session, as {@link
   * #policyFor(Result)} says, with that session's policy and choice for synthetic results.
   *
   * @param result the result, not null
   * @param session the session, not null
   * @return the policy, or empty when the result is drawn as it is
   */
  public static Optional<DisclosurePolicy> policyFor(Result result, LensSession session) {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(session, "session");
    DisclosurePolicy sessionPolicy = session.disclosurePolicy();
    if (result instanceof Chosen c) {
      return c.on()
          ? Optional.of(c.policy() == null ? sessionPolicy : c.policy())
          : Optional.empty();
    }
    Sources s = result.sources();
    boolean sensitive =
        s.inputs().stream().anyMatch(p -> p.kind() == Provenance.Kind.OFFICIAL_SENSITIVE);
    if (sensitive || (session.protectSynthetic() && s.synthetic())) {
      return Optional.of(sessionPolicy);
    }
    return Optional.empty();
  }

  /**
   * What to draw for a result: its table with disclosure control applied when it applies, the note
   * to show with it, and what the footer must add.
   *
   * @param result the result, not null
   * @return the protected table and its notes, not null
   */
  public static Applied apply(Result result) {
    return apply(result, LensSession.current());
  }

  /**
   * What to draw for a result in a given session, as {@link #apply(Result)} says, under that
   * session's disclosure settings.
   *
   * @param result the result, not null
   * @param session the session, not null
   * @return the protected table and its notes, not null
   */
  public static Applied apply(Result result, LensSession session) {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(session, "session");
    Sources sources = result.sources();
    session.officialSensitiveSeen(sources.needsProtection());
    Table table = result.table();
    boolean turnedOff = result instanceof Chosen c && !c.on();
    if (sources.protectedAtSource()) {
      String note =
          "disclosure control: "
              + countsPhrase(table, result.countColumns())
              + " perturbed where they were made, by the "
              + sources.protection()
              + (turnedOff
                  ? "; Disclosure.off cannot take that back (the analysis gives true counts only"
                      + " when asked, e.g. VolumeVariance.withoutDisclosureControl())"
                  : "");
      return new Applied(table, Money.formatted(table), Optional.empty(), Optional.of(note), false);
    }
    Optional<DisclosurePolicy> policy = policyFor(result, session);
    if (policy.isEmpty()) {
      return new Applied(
          table, Money.formatted(table), Optional.empty(), Optional.empty(), turnedOff);
    }
    boolean suppression =
        (result instanceof Chosen c && c.policy() != null) || session.disclosurePolicyChosen();
    Applied a =
        suppression
            ? protect(table, result.countColumns(), policy.get())
            : perturb(
                table, result.countColumns(), CellKeyMethod.standard(), RecordKeys.standard());
    return new Applied(
        a.numeric(), Money.formatted(a.display()), a.outcome(), a.note(), a.turnedOff());
  }

  /**
   * What to draw for a bare table (one that carries no provenance) in a session: the table as it
   * is, unless an output built on official-sensitive records has been drawn in the session ({@link
   * LensSession#officialSensitiveSeen()}), when its whole-number columns are taken as counts of
   * people and drawn under the cell key method, keyed by each cell's labels ({@link #perturb}). A
   * table cut from real records by hand cannot say so, so it is treated as if it were; {@link
   * #off(Table)} shows it as it is, saying so.
   *
   * @param table the table, not null
   * @param session the session, not null
   * @return the table to draw and its note, not null
   */
  public static Applied apply(Table table, LensSession session) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(session, "session");
    if (!session.officialSensitiveSeen() || takenAsCounts(table).isEmpty()) {
      return new Applied(table, table, Optional.empty(), Optional.empty(), false);
    }
    Applied a =
        perturb(table, CountColumns.undeclared(), CellKeyMethod.standard(), RecordKeys.standard());
    String note =
        a.note().orElse("")
            + "; applied because this table carries no provenance and official-sensitive records"
            + " were used in this session (Disclosure.off(table) shows it as it is, saying so)";
    return new Applied(a.numeric(), a.display(), a.outcome(), Optional.of(note), false);
  }

  /**
   * A bare table to be drawn without disclosure control, whatever the session has seen: a result
   * whose footer says that the user turned disclosure control off for it.
   *
   * @param table the table, not null
   * @return the table as a result marked unprotected, not null
   */
  public static Result off(Table table) {
    Objects.requireNonNull(table, "table");
    return off(
        org.probationlens.provenance.ResultTable.of(
            table.name() == null || table.name().isBlank() ? "Table" : table.name(),
            table,
            Sources.assumed("a table the user drew without saying where its figures came from")));
  }

  /**
   * A table under the cell key method when the records behind its counts are not at hand: each
   * count gets the noise of the {@link CellKeyMethod} with, in place of the sum of its records'
   * keys, the key of the cell's description (its row's text and date values with their column
   * names, the count's column and the count itself) under the same secret as record keys. The same
   * cell, labelled the same, shows the same value in every table and every run, and a cell whose
   * count changes (a filtered copy) gets fresh noise; what this cannot give, and record keys do, is
   * the same noise for the same records under other labels, so analyses that count records perturb
   * their counts where they make them (see {@link Sources#protection()}) and this serves only
   * tables that come without them. Any other number in a row where a count moved (a share, a rate)
   * is withheld as {@code [c]}, since it was worked out from the true count.
   *
   * @param table the table, not changed
   * @param counts which columns are counts (undeclared: the whole-number columns with no negative
   *     value that are not labels by name, {@link #takenAsCounts})
   * @param method the perturbation table
   * @param keys the keys' secret
   * @return the table to draw and its one-line note, not null
   * @throws IllegalArgumentException if a declared count column is absent, not whole numbers or
   *     holds a negative value
   */
  public static Applied perturb(
      Table table, CountColumns counts, CellKeyMethod method, RecordKeys keys) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(keys, "keys");
    List<String> names = new ArrayList<>();
    if (counts.isUndeclared()) {
      names.addAll(takenAsCounts(table));
    } else {
      for (String n : counts.columns()) {
        if (!table.containsColumn(n) || !integral(table.column(n).type())) {
          throw new IllegalArgumentException(
              "count column '"
                  + n
                  + "' of table '"
                  + table.name()
                  + "' must be a whole-number column; its columns are "
                  + table.columnNames());
        }
        if (((NumericColumn<?>) table.column(n)).min() < 0) {
          throw new IllegalArgumentException(
              "count column '" + n + "' of table '" + table.name() + "' holds a negative value");
        }
        names.add(n);
      }
    }
    int rows = table.rowCount();
    List<Column<?>> labels = new ArrayList<>();
    for (Column<?> c : table.columns()) {
      if (!(c instanceof NumericColumn<?>)) {
        labels.add(c);
      }
    }
    Table numeric = table.copy();
    boolean[] rowMoved = new boolean[rows];
    int cells = 0;
    int moved = 0;
    for (String n : names) {
      NumericColumn<?> source = table.numberColumn(n);
      NumericColumn<?> target = (NumericColumn<?>) numeric.column(n);
      for (int i = 0; i < rows; i++) {
        if (source.isMissing(i)) {
          continue;
        }
        long v = Math.round(source.getDouble(i));
        StringBuilder cell = new StringBuilder();
        for (Column<?> l : labels) {
          cell.append(l.name()).append('=').append(l.getString(i)).append('\u001f');
        }
        cell.append(n).append('=').append(v);
        long shown = method.perturb(v, keys.key(cell.toString()));
        setWhole(target, i, shown);
        cells++;
        if (shown != v) {
          moved++;
          rowMoved[i] = true;
        }
      }
    }
    Table display = Table.create(table.name());
    int derivedWithheld = 0;
    for (Column<?> original : table.columns()) {
      boolean isCount = names.contains(original.name());
      if (!(original instanceof NumericColumn<?>)) {
        display.addColumns(original.copy());
        continue;
      }
      NumericColumn<?> target = (NumericColumn<?>) numeric.column(original.name());
      StringColumn shown = StringColumn.create(original.name());
      for (int i = 0; i < rows; i++) {
        if (original.isMissing(i)) {
          shown.append(TableRenderer.MISSING);
        } else if (isCount) {
          shown.append(Text.integer(Math.round(target.getDouble(i)), true));
        } else if (rowMoved[i]) {
          target.setMissing(i);
          shown.append(DisclosureOutcome.MARKER);
          derivedWithheld++;
        } else {
          double v = ((NumericColumn<?>) original).getDouble(i);
          shown.append(
              integral(original.type())
                  ? Text.integer(Math.round(v), true)
                  : Text.decimal(v, 2, true, 3));
        }
      }
      display.addColumns(shown);
    }
    StringBuilder note =
        new StringBuilder("disclosure control: the ")
            .append(cells)
            .append(cells == 1 ? " count" : " counts")
            .append(names.isEmpty() ? "" : " (" + String.join(", ", names) + ")")
            .append(" given the noise of the ")
            .append(method.describe())
            .append(", keyed by each cell's labels as no record keys came with them; ")
            .append(moved)
            .append(" moved");
    if (derivedWithheld > 0) {
      note.append("; ")
          .append(derivedWithheld)
          .append(derivedWithheld == 1 ? " figure" : " figures")
          .append(" worked out from a moved count withheld as ")
          .append(DisclosureOutcome.MARKER);
    }
    return new Applied(numeric, display, Optional.empty(), Optional.of(note.toString()), false);
  }

  /**
   * The columns of a table that does not declare its counts taken as counts: every whole-number
   * column with no negative value, except those whose name says they label rather than count (a
   * name that is or ends in {@code year}, {@code rank} or {@code id}, such as {@code
   * financial_year} or {@code case_id}). The note under the output names the columns taken.
   */
  static List<String> takenAsCounts(Table table) {
    List<String> out = new ArrayList<>();
    for (Column<?> c : table.columns()) {
      String name = c.name().toLowerCase(java.util.Locale.ROOT);
      boolean label = name.matches("(.*[_ ])?(year|rank|id)");
      if (integral(c.type())
          && !label
          && (c.size() == c.countMissing() || ((NumericColumn<?>) c).min() >= 0)) {
        out.add(c.name());
      }
    }
    return out;
  }

  /** "the 105 counts of people (actual_count)" or "the counts of people". */
  private static String countsPhrase(Table table, CountColumns counts) {
    if (counts.isUndeclared()) {
      return "the counts of people in this table were";
    }
    long n = 0;
    for (String c : counts.columns()) {
      if (table.containsColumn(c)) {
        n += table.column(c).size() - table.column(c).countMissing();
      }
    }
    return "the "
        + n
        + (n == 1 ? " count" : " counts")
        + " of people ("
        + String.join(", ", counts.columns())
        + ") "
        + (n == 1 ? "was" : "were");
  }

  /**
   * A table with disclosure control applied under a policy, as {@link #apply} does for a result.
   *
   * @param table the table, not changed
   * @param counts which columns are counts and which totals it shows, not null
   * @param policy the policy, not null
   * @return the protected table and its note, not null
   * @throws IllegalArgumentException if a declared count column is absent or not whole numbers
   */
  public static Applied protect(Table table, CountColumns counts, DisclosurePolicy policy) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(policy, "policy");
    List<String> names = new ArrayList<>();
    if (counts.isUndeclared()) {
      for (Column<?> c : table.columns()) {
        if (integral(c.type())) {
          names.add(c.name());
        }
      }
    } else {
      for (String n : counts.columns()) {
        if (!table.containsColumn(n)) {
          throw new IllegalArgumentException(
              "count column '"
                  + n
                  + "' is not in table '"
                  + table.name()
                  + "': its columns are "
                  + table.columnNames());
        }
        if (!integral(table.column(n).type())) {
          throw new IllegalArgumentException(
              "count column '"
                  + n
                  + "' in table '"
                  + table.name()
                  + "' is "
                  + table.column(n).type().name()
                  + "; a count column holds whole numbers (INTEGER, LONG or SHORT)");
        }
        names.add(n);
      }
    }
    if (names.isEmpty() || table.rowCount() == 0) {
      String note =
          "disclosure control: no count column in this table, so nothing suppressed ("
              + policy
              + ")";
      return new Applied(table, table, Optional.empty(), Optional.of(note), false);
    }
    counts
        .totalColumn()
        .ifPresent(
            t -> {
              names.remove(t);
              names.add(t);
            });
    DisclosurePolicy.TotalsShown totals =
        counts.totalColumn().isPresent()
            ? (counts.lastRowIsTotal()
                ? DisclosurePolicy.TotalsShown.LAST_ROW_AND_COLUMN
                : DisclosurePolicy.TotalsShown.LAST_COLUMN)
            : (counts.lastRowIsTotal()
                ? DisclosurePolicy.TotalsShown.LAST_ROW
                : DisclosurePolicy.TotalsShown.NONE);
    int rows = table.rowCount();
    long[][] grid = new long[rows][names.size()];
    for (int j = 0; j < names.size(); j++) {
      NumericColumn<?> c = table.numberColumn(names.get(j));
      for (int i = 0; i < rows; i++) {
        grid[i][j] = c.isMissing(i) ? 0 : Math.round(c.getDouble(i));
      }
    }
    DisclosureOutcome outcome = policy.protect(grid, totals);
    boolean[] rowTouched = new boolean[rows];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < names.size(); j++) {
        rowTouched[i] |= outcome.suppressed(i, j);
      }
    }
    boolean anyRowTouched = outcome.suppressedCount() > 0;
    Table numeric = table.copy();
    Table display = Table.create(table.name());
    int derivedWithheld = 0;
    for (Column<?> original : table.columns()) {
      int j = names.indexOf(original.name());
      boolean isNumber = original instanceof NumericColumn<?>;
      if (j < 0 && !(isNumber && anyRowTouched)) {
        display.addColumns(original.copy());
        continue;
      }
      NumericColumn<?> target = (NumericColumn<?>) numeric.column(original.name());
      StringColumn shown = StringColumn.create(original.name());
      for (int i = 0; i < rows; i++) {
        boolean withheld = j >= 0 ? outcome.suppressed(i, j) : rowTouched[i];
        if (withheld) {
          target.setMissing(i);
          shown.append(DisclosureOutcome.MARKER);
          if (j < 0 && !original.isMissing(i)) {
            derivedWithheld++;
          }
        } else if (original.isMissing(i)) {
          shown.append(TableRenderer.MISSING);
        } else if (j >= 0) {
          long v = outcome.shown(i, j).getAsLong();
          setWhole(target, i, v);
          shown.append(Text.integer(v, true));
        } else {
          double v = ((NumericColumn<?>) original).getDouble(i);
          shown.append(
              integral(original.type())
                  ? Text.integer(Math.round(v), true)
                  : Text.decimal(v, 2, true, 3));
        }
      }
      display.addColumns(shown);
    }
    StringBuilder note = new StringBuilder(outcome.note());
    if (derivedWithheld > 0) {
      note.append("; ")
          .append(derivedWithheld)
          .append(derivedWithheld == 1 ? " figure" : " figures")
          .append(" worked out from a withheld count (shares, rates) also withheld");
    }
    if (counts.isUndeclared()) {
      note.append("; counts taken to be the whole-number columns ")
          .append(String.join(", ", names))
          .append(" (the result did not name them)");
    }
    return new Applied(numeric, display, Optional.of(outcome), Optional.of(note.toString()), false);
  }

  /** Draws the visible note of disclosure control under a table, in HTML and plain text. */
  /** The opening tag of a disclosure note in HTML: its own line, in sight, in bold. */
  static final String NOTE_OPEN =
      "<p class=\"pl-disclosure\" style=\"font-size:85%;font-weight:bold\">";

  static void drawNote(String note, StringBuilder html, StringBuilder plain) {
    html.append(NOTE_OPEN).append(Text.html(note)).append("</p>\n");
    plain.append('\n').append(note);
  }

  private static void setWhole(NumericColumn<?> c, int i, long v) {
    if (c instanceof tech.tablesaw.api.IntColumn ic) {
      ic.set(i, (int) v);
    } else if (c instanceof tech.tablesaw.api.LongColumn lc) {
      lc.set(i, v);
    } else if (c instanceof tech.tablesaw.api.ShortColumn sc) {
      sc.set(i, (short) v);
    }
  }

  private static boolean integral(ColumnType t) {
    return t == ColumnType.INTEGER || t == ColumnType.LONG || t == ColumnType.SHORT;
  }

  /**
   * What disclosure control gives {@code render} to draw.
   *
   * @param numeric the table with withheld cells missing and shown counts rounded, for charts
   * @param display the table to show, withheld cells as {@code [c]}
   * @param outcome what was suppressed, empty when disclosure control did not apply
   * @param note the visible note, empty when disclosure control did not apply
   * @param turnedOff whether the user turned disclosure control off for this output
   */
  public record Applied(
      Table numeric,
      Table display,
      Optional<DisclosureOutcome> outcome,
      Optional<String> note,
      boolean turnedOff) {

    /** Checks the parts are present. */
    public Applied {
      Objects.requireNonNull(numeric, "numeric");
      Objects.requireNonNull(display, "display");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(note, "note");
    }

    /**
     * What the sources footer must add: {@link #TURNED_OFF} with a leading space when the user
     * turned disclosure control off, else nothing.
     *
     * @return the addition, not null, maybe empty
     */
    public String footerAddition() {
      return turnedOff ? " " + TURNED_OFF : "";
    }

    /**
     * What a chart of the result adds under its sources footer: what the user chose about
     * disclosure control, and the disclosure note (capitalised, with a full stop) when it applied.
     *
     * @return the note, not null; empty when neither
     */
    public String chartNote() {
      String line = footerAddition().strip();
      if (note.isPresent()) {
        String n = note.get();
        line +=
            (line.isEmpty() ? "" : " ") + Character.toUpperCase(n.charAt(0)) + n.substring(1) + ".";
      }
      return line;
    }
  }

  /** A result with the user's choice of disclosure control for one output. */
  record Chosen(Result result, boolean on, DisclosurePolicy policy) implements Result {
    Chosen {
      Objects.requireNonNull(result, "result");
    }

    @Override
    public String title() {
      return result.title();
    }

    @Override
    public Table table() {
      return result.table();
    }

    @Override
    public List<String> notes() {
      return result.notes();
    }

    @Override
    public Sources sources() {
      return result.sources();
    }

    @Override
    public CountColumns countColumns() {
      return result.countColumns();
    }
  }
}
