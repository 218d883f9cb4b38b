package org.probationlens.stats;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What disclosure control did to a table of counts: for each cell whether it is shown or suppressed
 * (and why), the figure to show in place of each shown count (rounded when the policy rounds), how
 * many cells were suppressed, and a note for the reader such as "disclosure control: 7 cells
 * suppressed, shown as [c] (4 counts under 10, and 3 more so that totals cannot give them back)".
 * Immutable; the true values of suppressed cells are not kept.
 */
public final class DisclosureOutcome {

  /** What happened to one cell. */
  public enum Cell {
    /** Shown (rounded if the policy rounds). */
    SHOWN,
    /** Suppressed because the count is small. */
    PRIMARY,
    /** Suppressed so that totals cannot give a small count back. */
    SECONDARY
  }

  /** The marker shown in place of a suppressed cell: the GSS shorthand for "confidential". */
  public static final String MARKER = "[c]";

  private final long[][] shown;
  private final Cell[][] status;
  private final DisclosurePolicy policy;
  private final int primary;
  private final int secondary;
  private final boolean[][] exposed;
  private final int exposedCount;

  DisclosureOutcome(
      long[][] counts, Cell[][] status, boolean[][] exposed, DisclosurePolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
    int rows = counts.length;
    this.shown = new long[rows][];
    this.status = new Cell[rows][];
    int p = 0;
    int s = 0;
    for (int r = 0; r < rows; r++) {
      this.status[r] = status[r].clone();
      this.shown[r] = new long[counts[r].length];
      for (int c = 0; c < counts[r].length; c++) {
        switch (status[r][c]) {
          case SHOWN -> shown[r][c] = round(counts[r][c], policy.roundingBase());
          case PRIMARY -> {
            shown[r][c] = -1;
            p++;
          }
          case SECONDARY -> {
            shown[r][c] = -1;
            s++;
          }
        }
      }
    }
    this.primary = p;
    this.secondary = s;
    this.exposed = new boolean[rows][];
    int e = 0;
    for (int r = 0; r < rows; r++) {
      this.exposed[r] = exposed[r].clone();
      for (boolean x : exposed[r]) {
        e += x ? 1 : 0;
      }
    }
    this.exposedCount = e;
  }

  /**
   * Whether a suppressed cell can still be worked out exactly from the totals, because the totals
   * themselves are so small (a CPA with one person in the table, say) that no pattern of
   * suppression hides it. The note then says so: show a coarser table.
   *
   * @param row the row, from 0
   * @param column the column, from 0
   * @return true when suppression could not protect the cell
   */
  public boolean exposed(int row, int column) {
    return exposed[row][column];
  }

  /**
   * The number of suppressed cells that the totals still give away (see {@link #exposed}).
   *
   * @return at least 0; 0 whenever the totals a reader knows are large enough
   */
  public int exposedCount() {
    return exposedCount;
  }

  /** Rounds to the nearest multiple of base, halves up. */
  static long round(long count, int base) {
    if (base == 1) {
      return count;
    }
    return Math.floorDiv(count + base / 2, base) * base;
  }

  /**
   * The number of rows.
   *
   * @return at least 1
   */
  public int rows() {
    return status.length;
  }

  /**
   * The number of columns.
   *
   * @return at least 1
   */
  public int columns() {
    return status[0].length;
  }

  /**
   * What happened to a cell.
   *
   * @param row the row, from 0
   * @param column the column, from 0
   * @return the cell's status, not null
   * @throws ArrayIndexOutOfBoundsException if the cell is outside the table
   */
  public Cell status(int row, int column) {
    return status[row][column];
  }

  /**
   * Whether a cell is suppressed, for either reason.
   *
   * @param row the row, from 0
   * @param column the column, from 0
   * @return true when the cell must not be shown
   */
  public boolean suppressed(int row, int column) {
    return status[row][column] != Cell.SHOWN;
  }

  /**
   * The figure to show for a cell.
   *
   * @param row the row, from 0
   * @param column the column, from 0
   * @return the count (rounded when the policy rounds), or empty when the cell is suppressed
   */
  public OptionalLong shown(int row, int column) {
    return suppressed(row, column) ? OptionalLong.empty() : OptionalLong.of(shown[row][column]);
  }

  /**
   * The number of small counts suppressed.
   *
   * @return at least 0
   */
  public int primary() {
    return primary;
  }

  /**
   * The number of further cells suppressed so that totals cannot give a small count back.
   *
   * @return at least 0
   */
  public int secondary() {
    return secondary;
  }

  /**
   * The number of cells suppressed for either reason.
   *
   * @return primary plus secondary
   */
  public int suppressedCount() {
    return primary + secondary;
  }

  /**
   * The policy applied.
   *
   * @return the policy, not null
   */
  public DisclosurePolicy policy() {
    return policy;
  }

  /**
   * A note for the reader saying what was done, such as "disclosure control: 7 cells suppressed,
   * shown as [c] (4 counts under 10, and 3 more so that totals cannot give them back)", or
   * "disclosure control: no cell suppressed (counts under 10 would be)"; with the rounding, when
   * there is any.
   *
   * @return the note, not null
   */
  public String note() {
    StringBuilder b = new StringBuilder("disclosure control: ");
    int all = suppressedCount();
    if (all == 0) {
      b.append("no cell suppressed (counts under ")
          .append(policy.threshold())
          .append(policy.zerosSuppressed() ? ", zeros included," : "")
          .append(" would be)");
    } else {
      b.append(all)
          .append(all == 1 ? " cell" : " cells")
          .append(" suppressed, shown as ")
          .append(MARKER)
          .append(" (");
      if (secondary > 0) {
        b.append(primary).append(primary == 1 ? " count" : " counts");
      } else {
        b.append("counts");
      }
      b.append(" under ")
          .append(policy.threshold())
          .append(policy.zerosSuppressed() ? ", zeros included" : "");
      if (secondary > 0) {
        b.append(", and ").append(secondary).append(" more so that totals cannot give them back");
      }
      b.append(')');
    }
    if (exposedCount > 0) {
      b.append("; WARNING: ")
          .append(exposedCount)
          .append(exposedCount == 1 ? " suppressed cell" : " suppressed cells")
          .append(
              " can still be worked out from totals that are themselves small: show a coarser"
                  + " table");
    }
    if (policy.roundingBase() > 1) {
      b.append("; shown counts rounded to the nearest ")
          .append(policy.roundingBase())
          .append(", so totals may not add up");
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return note();
  }
}
