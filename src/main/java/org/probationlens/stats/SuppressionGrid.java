package org.probationlens.stats;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The working state of {@link DisclosurePolicy#protect}: the counts, which cells are suppressed and
 * why, and the graph whose nodes are the table's constrained lines (rows and columns whose sum a
 * reader knows) plus one "free" node for the ends of cells on a line with no known sum.
 */
final class SuppressionGrid {

  /** The cost of suppressing a zero as a secondary cell: chosen only when nothing else will do. */
  private static final double ZERO_COST = 1e15;

  private final long[][] v;
  private final int rows;
  private final int cols;
  private final DisclosurePolicy policy;
  private final DisclosureOutcome.Cell[][] status;
  private final boolean[] rowConstrained;
  private final boolean[] colConstrained;
  private final int free;
  private final boolean lastRowIsTotal;
  private final boolean lastColumnIsTotal;

  SuppressionGrid(long[][] counts, DisclosurePolicy.TotalsShown totals, DisclosurePolicy policy) {
    this.policy = policy;
    this.rows = counts.length;
    if (rows == 0 || counts[0] == null || counts[0].length == 0) {
      throw new IllegalArgumentException("counts must have at least one row and one column");
    }
    this.cols = counts[0].length;
    this.v = new long[rows][];
    for (int r = 0; r < rows; r++) {
      if (counts[r] == null || counts[r].length != cols) {
        throw new IllegalArgumentException(
            "counts row "
                + r
                + " has "
                + (counts[r] == null ? "no array" : counts[r].length + " columns")
                + "; every row must have "
                + cols);
      }
      v[r] = counts[r].clone();
      for (int c = 0; c < cols; c++) {
        if (v[r][c] < 0) {
          throw new IllegalArgumentException(
              "count at row "
                  + r
                  + ", column "
                  + c
                  + " is "
                  + v[r][c]
                  + "; counts are never negative");
        }
      }
    }
    int innerRows = rows - (totals.row() ? 1 : 0);
    int innerCols = cols - (totals.column() ? 1 : 0);
    if (innerRows < 1 || innerCols < 1) {
      throw new IllegalArgumentException(
          "a table with totals "
              + totals
              + " needs at least one row and one column besides them; it has "
              + rows
              + " rows and "
              + cols
              + " columns");
    }
    checkTotals(totals, innerRows, innerCols);
    // A line's sum is known when the table shows it, or (taken as published elsewhere) when the
    // line has two or more cells; a line of one cell has no sum apart from the cell itself.
    this.rowConstrained = new boolean[rows];
    this.colConstrained = new boolean[cols];
    Arrays.fill(rowConstrained, totals.column() || innerCols >= 2);
    Arrays.fill(colConstrained, totals.row() || innerRows >= 2);
    this.free = rows + cols;
    this.lastRowIsTotal = totals.row();
    this.lastColumnIsTotal = totals.column();
    this.status = new DisclosureOutcome.Cell[rows][cols];
    for (DisclosureOutcome.Cell[] line : status) {
      Arrays.fill(line, DisclosureOutcome.Cell.SHOWN);
    }
  }

  private void checkTotals(DisclosurePolicy.TotalsShown totals, int innerRows, int innerCols) {
    if (totals.column()) {
      for (int r = 0; r < rows; r++) {
        long sum = 0;
        for (int c = 0; c < innerCols; c++) {
          sum += v[r][c];
        }
        if (sum != v[r][innerCols]) {
          throw new IllegalArgumentException(
              "total at row "
                  + r
                  + ", column "
                  + innerCols
                  + " is "
                  + v[r][innerCols]
                  + "; the row's other cells sum to "
                  + sum);
        }
      }
    }
    if (totals.row()) {
      for (int c = 0; c < cols; c++) {
        long sum = 0;
        for (int r = 0; r < innerRows; r++) {
          sum += v[r][c];
        }
        if (sum != v[innerRows][c]) {
          throw new IllegalArgumentException(
              "total at row "
                  + innerRows
                  + ", column "
                  + c
                  + " is "
                  + v[innerRows][c]
                  + "; the column's other cells sum to "
                  + sum);
        }
      }
    }
  }

  DisclosureOutcome run() {
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (policy.isSmall(v[r][c])) {
          status[r][c] = DisclosureOutcome.Cell.PRIMARY;
        }
      }
    }
    boolean[][] exposed = new boolean[rows][cols];
    if (policy.secondarySuppression()) {
      while (true) {
        lineRule();
        closeBridges();
        List<int[]> pinned = suppressedZeroPresent() ? audit() : List.of();
        if (pinned.isEmpty()) {
          break;
        }
        boolean more = false;
        for (int[] cell : pinned) {
          more |= suppressCheapestInRow(cell[0]) | suppressCheapestInColumn(cell[1]);
        }
        if (!more) {
          for (int[] cell : pinned) {
            exposed[cell[0]][cell[1]] = true;
          }
          break;
        }
      }
    }
    return new DisclosureOutcome(v, status, exposed, policy);
  }

  private boolean suppressedZeroPresent() {
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (suppressed(r, c) && v[r][c] == 0) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean suppressCheapestInRow(int r) {
    int best = -1;
    for (int c = 0; c < cols; c++) {
      if (!suppressed(r, c) && (best < 0 || cheaper(v[r][c], v[r][best]))) {
        best = c;
      }
    }
    if (best >= 0) {
      status[r][best] = DisclosureOutcome.Cell.SECONDARY;
    }
    return best >= 0;
  }

  private boolean suppressCheapestInColumn(int c) {
    int best = -1;
    for (int r = 0; r < rows; r++) {
      if (!suppressed(r, c) && (best < 0 || cheaper(v[r][c], v[best][c]))) {
        best = r;
      }
    }
    if (best >= 0) {
      status[best][c] = DisclosureOutcome.Cell.SECONDARY;
    }
    return best >= 0;
  }

  /**
   * The suppressed cells a reader can pin down exactly from the shown cells, the line totals and
   * the fact that counts are not negative: for each suppressed cell, the least and greatest value
   * by linear programming (Commons Math's simplex solver). The constraint matrix of a two-way table
   * with margins is totally unimodular, so the bounds are whole numbers. Run only when a zero is
   * suppressed: otherwise every suppressed cell is at least 1, and the cycle through it lets a
   * reader move it by 1 either way.
   */
  private List<int[]> audit() {
    int[][] index = new int[rows][cols];
    int n = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        index[r][c] = suppressed(r, c) ? n++ : -1;
      }
    }
    List<LinearConstraint> cons = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      if (rowConstrained[r]) {
        addLine(cons, index, n, r, -1, lastColumnIsTotal ? cols - 1 : -1);
      }
    }
    for (int c = 0; c < cols; c++) {
      if (colConstrained[c]) {
        addLine(cons, index, n, -1, c, lastRowIsTotal ? rows - 1 : -1);
      }
    }
    List<int[]> pinned = new ArrayList<>();
    if (cons.isEmpty()) {
      return pinned;
    }
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (index[r][c] >= 0) {
          double[] obj = new double[n];
          obj[index[r][c]] = 1;
          double low = bound(obj, cons, GoalType.MINIMIZE);
          double high = bound(obj, cons, GoalType.MAXIMIZE);
          if (high - low < 0.5) {
            pinned.add(new int[] {r, c});
          }
        }
      }
    }
    return pinned;
  }

  /**
   * Adds the relation of one row (column < 0) or column (row < 0): the sum of its cells other than
   * the total equals the total (a shown total at position {@code total}) or, with no shown total,
   * the true sum, taken as known.
   */
  private void addLine(
      List<LinearConstraint> cons, int[][] index, int n, int row, int column, int total) {
    double[] a = new double[n];
    double rhs = 0;
    boolean any = false;
    int length = row >= 0 ? cols : rows;
    for (int k = 0; k < length; k++) {
      int r = row >= 0 ? row : k;
      int c = row >= 0 ? k : column;
      int coef = k == total ? -1 : 1;
      if (total < 0) {
        rhs += v[r][c];
      }
      if (index[r][c] >= 0) {
        a[index[r][c]] += coef;
        any = true;
      } else {
        rhs -= coef * v[r][c];
      }
    }
    if (any) {
      cons.add(new LinearConstraint(a, Relationship.EQ, rhs));
    }
  }

  /**
   * One bound by the simplex method. Counts not being negative is stated as explicit constraints:
   * Commons Math 3.6.1's {@code NonNegativeConstraint(true)} with equality constraints returned the
   * starting vertex instead of the optimum in our tests (max x2 subject to x1+x2+x3=3 gave 0).
   */
  private static double bound(double[] obj, List<LinearConstraint> equalities, GoalType goal) {
    List<LinearConstraint> cons = new ArrayList<>(equalities);
    for (int i = 0; i < obj.length; i++) {
      double[] e = new double[obj.length];
      e[i] = 1;
      cons.add(new LinearConstraint(e, Relationship.GEQ, 0));
    }
    try {
      return new SimplexSolver()
          .optimize(
              new MaxIter(100_000),
              new LinearObjectiveFunction(obj, 0),
              new LinearConstraintSet(cons),
              goal,
              new NonNegativeConstraint(false))
          .getValue();
    } catch (UnboundedSolutionException e) {
      return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }
  }

  private boolean suppressed(int r, int c) {
    return status[r][c] != DisclosureOutcome.Cell.SHOWN;
  }

  /**
   * While a constrained line holds exactly one suppressed cell, suppress its next-smallest cell.
   */
  private void lineRule() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int r = 0; r < rows; r++) {
        if (rowConstrained[r] && countRow(r) == 1) {
          int best = -1;
          for (int c = 0; c < cols; c++) {
            if (!suppressed(r, c) && (best < 0 || cheaper(v[r][c], v[r][best]))) {
              best = c;
            }
          }
          if (best >= 0) {
            status[r][best] = DisclosureOutcome.Cell.SECONDARY;
            changed = true;
          }
        }
      }
      for (int c = 0; c < cols; c++) {
        if (colConstrained[c] && countCol(c) == 1) {
          int best = -1;
          for (int r = 0; r < rows; r++) {
            if (!suppressed(r, c) && (best < 0 || cheaper(v[r][c], v[best][c]))) {
              best = r;
            }
          }
          if (best >= 0) {
            status[best][c] = DisclosureOutcome.Cell.SECONDARY;
            changed = true;
          }
        }
      }
    }
  }

  /** Whether a is a better secondary cell than b: positive before zero, then smaller. */
  private static boolean cheaper(long a, long b) {
    if ((a == 0) != (b == 0)) {
      return b == 0;
    }
    return a < b;
  }

  private int countRow(int r) {
    int n = 0;
    for (int c = 0; c < cols; c++) {
      n += suppressed(r, c) ? 1 : 0;
    }
    return n;
  }

  private int countCol(int c) {
    int n = 0;
    for (int r = 0; r < rows; r++) {
      n += suppressed(r, c) ? 1 : 0;
    }
    return n;
  }

  private int rowNode(int r) {
    return rowConstrained[r] ? r : free;
  }

  private int colNode(int c) {
    return colConstrained[c] ? rows + c : free;
  }

  /**
   * Until no suppressed cell is a bridge of the graph of suppressed cells, closes a cycle through
   * each bridge along the cheapest path of other cells.
   */
  private void closeBridges() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int r = 0; r < rows && !changed; r++) {
        for (int c = 0; c < cols && !changed; c++) {
          if (suppressed(r, c) && isBridge(r, c)) {
            List<int[]> path = cheapestPath(r, c);
            if (path == null) {
              throw new IllegalStateException(
                  "cell at row " + r + ", column " + c + " cannot be protected by suppression");
            }
            for (int[] cell : path) {
              if (!suppressed(cell[0], cell[1])) {
                status[cell[0]][cell[1]] = DisclosureOutcome.Cell.SECONDARY;
              }
            }
            changed = true;
          }
        }
      }
    }
  }

  /** Whether the suppressed cell (r, c) lies on no cycle of suppressed cells. */
  private boolean isBridge(int r, int c) {
    int u = rowNode(r);
    int w = colNode(c);
    if (u == w) {
      return false; // both ends free: the cell's line sums are unknown
    }
    boolean[] seen = new boolean[rows + cols + 1];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(u);
    seen[u] = true;
    while (!queue.isEmpty()) {
      int x = queue.poll();
      for (int rr = 0; rr < rows; rr++) {
        for (int cc = 0; cc < cols; cc++) {
          if ((rr == r && cc == c) || !suppressed(rr, cc)) {
            continue;
          }
          int a = rowNode(rr);
          int b = colNode(cc);
          int other = a == x ? b : b == x ? a : -1;
          if (other >= 0 && !seen[other]) {
            if (other == w) {
              return false;
            }
            seen[other] = true;
            queue.add(other);
          }
        }
      }
    }
    return true;
  }

  /**
   * The cheapest path from one end of cell (r, c) to the other over the other cells: suppressed
   * cells cost nothing, a positive count costs its value, a zero costs {@link #ZERO_COST}.
   */
  private List<int[]> cheapestPath(int r, int c) {
    int n = rows + cols + 1;
    int source = rowNode(r);
    int target = colNode(c);
    double[] dist = new double[n];
    int[][] via = new int[n][];
    int[] prev = new int[n];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    dist[source] = 0;
    PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
    queue.add(new double[] {0, source});
    while (!queue.isEmpty()) {
      double[] top = queue.poll();
      int x = (int) top[1];
      if (top[0] > dist[x]) {
        continue;
      }
      if (x == target) {
        break;
      }
      for (int rr = 0; rr < rows; rr++) {
        for (int cc = 0; cc < cols; cc++) {
          if (rr == r && cc == c) {
            continue;
          }
          int a = rowNode(rr);
          int b = colNode(cc);
          int other = a == x ? b : b == x ? a : -1;
          if (other < 0) {
            continue;
          }
          double cost = suppressed(rr, cc) ? 0 : v[rr][cc] == 0 ? ZERO_COST : v[rr][cc];
          if (dist[x] + cost < dist[other]) {
            dist[other] = dist[x] + cost;
            via[other] = new int[] {rr, cc};
            prev[other] = x;
            queue.add(new double[] {dist[other], other});
          }
        }
      }
    }
    if (Double.isInfinite(dist[target])) {
      return null;
    }
    List<int[]> path = new ArrayList<>();
    for (int x = target; x != source; x = prev[x]) {
      path.add(via[x]);
    }
    return path;
  }
}
