package org.probationlens.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * A reader trying to get suppressed counts back from what a protected table shows and from its row
 * and column totals (shown, or published elsewhere): first by subtraction (a line with one unknown
 * gives it), then by linear programming (the least and greatest value each suppressed cell can
 * take, counts being never negative), with Commons Math's simplex solver. The constraint matrix of
 * a two-way table with margins is totally unimodular, so the LP bounds are whole numbers and a
 * range of width 0 is exactly a recovered cell.
 */
final class Attacker {

  private final long[][] truth;
  private final DisclosurePolicy.TotalsShown totals;
  private final DisclosureOutcome outcome;
  private final int rows;
  private final int cols;
  private final int innerRows;
  private final int innerCols;
  private final int[][] index; // variable index of a suppressed cell, -1 when shown
  private final int unknowns;

  Attacker(long[][] truth, DisclosurePolicy.TotalsShown totals, DisclosureOutcome outcome) {
    this.truth = truth;
    this.totals = totals;
    this.outcome = outcome;
    this.rows = truth.length;
    this.cols = truth[0].length;
    this.innerRows = rows - (totals.row() ? 1 : 0);
    this.innerCols = cols - (totals.column() ? 1 : 0);
    this.index = new int[rows][cols];
    int n = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        index[r][c] = outcome.suppressed(r, c) ? n++ : -1;
      }
    }
    this.unknowns = n;
  }

  /** One known linear relation: sum of coef * cell = rhs, over the given cells. */
  record Relation(List<int[]> cells, List<Integer> coefs, long rhs) {}

  /** Everything the reader knows: each row and column sum (shown or published). */
  List<Relation> relations() {
    List<Relation> out = new ArrayList<>();
    boolean rowKnown = totals.column() || innerCols >= 2;
    boolean colKnown = totals.row() || innerRows >= 2;
    if (rowKnown) {
      for (int r = 0; r < rows; r++) {
        List<int[]> cells = new ArrayList<>();
        List<Integer> coefs = new ArrayList<>();
        long sum = 0;
        for (int c = 0; c < innerCols; c++) {
          cells.add(new int[] {r, c});
          coefs.add(1);
          sum += truth[r][c];
        }
        if (totals.column()) {
          cells.add(new int[] {r, innerCols});
          coefs.add(-1);
          sum = 0;
        }
        out.add(new Relation(cells, coefs, sum));
      }
    }
    if (colKnown) {
      for (int c = 0; c < cols; c++) {
        List<int[]> cells = new ArrayList<>();
        List<Integer> coefs = new ArrayList<>();
        long sum = 0;
        for (int r = 0; r < innerRows; r++) {
          cells.add(new int[] {r, c});
          coefs.add(1);
          sum += truth[r][c];
        }
        if (totals.row()) {
          cells.add(new int[] {innerRows, c});
          coefs.add(-1);
          sum = 0;
        }
        out.add(new Relation(cells, coefs, sum));
      }
    }
    return out;
  }

  /** Cells given back by repeated subtraction: any relation with one unknown left yields it. */
  List<int[]> bySubtraction() {
    boolean[][] known = new boolean[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        known[r][c] = !outcome.suppressed(r, c);
      }
    }
    List<int[]> recovered = new ArrayList<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Relation rel : relations()) {
        int[] lone = null;
        int unknown = 0;
        for (int[] cell : rel.cells()) {
          if (!known[cell[0]][cell[1]]) {
            unknown++;
            lone = cell;
          }
        }
        if (unknown == 1) {
          known[lone[0]][lone[1]] = true;
          recovered.add(lone);
          changed = true;
        }
      }
    }
    return recovered;
  }

  /** The least and greatest value of each suppressed cell consistent with what is known. */
  double[][] bounds() {
    List<LinearConstraint> cons = new ArrayList<>();
    for (Relation rel : relations()) {
      double[] a = new double[unknowns];
      double rhs = rel.rhs();
      boolean any = false;
      for (int k = 0; k < rel.cells().size(); k++) {
        int[] cell = rel.cells().get(k);
        int coef = rel.coefs().get(k);
        int i = index[cell[0]][cell[1]];
        if (i >= 0) {
          a[i] += coef;
          any = true;
        } else {
          rhs -= coef * truth[cell[0]][cell[1]];
        }
      }
      if (any) {
        cons.add(new LinearConstraint(a, Relationship.EQ, rhs));
      }
    }
    double[][] out = new double[unknowns][2];
    for (int i = 0; i < unknowns; i++) {
      double[] obj = new double[unknowns];
      obj[i] = 1;
      if (cons.isEmpty()) {
        out[i] = new double[] {0, Double.POSITIVE_INFINITY};
        continue;
      }
      out[i][0] = solve(obj, cons, GoalType.MINIMIZE);
      out[i][1] = solve(obj, cons, GoalType.MAXIMIZE);
    }
    return out;
  }

  /** Non-negativity as explicit constraints: see SuppressionGrid.bound for why. */
  private static double solve(double[] obj, List<LinearConstraint> equalities, GoalType goal) {
    List<LinearConstraint> cons = new ArrayList<>(equalities);
    for (int i = 0; i < obj.length; i++) {
      double[] e = new double[obj.length];
      e[i] = 1;
      cons.add(new LinearConstraint(e, Relationship.GEQ, 0));
    }
    try {
      PointValuePair p =
          new SimplexSolver()
              .optimize(
                  new MaxIter(10_000),
                  new LinearObjectiveFunction(obj, 0),
                  new LinearConstraintSet(cons),
                  goal,
                  new NonNegativeConstraint(false));
      return p.getValue();
    } catch (org.apache.commons.math3.optim.linear.UnboundedSolutionException e) {
      return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }
  }

  /** The suppressed cells whose value the reader pins down exactly, as "row,column". */
  List<String> recoveredExactly() {
    double[][] b = bounds();
    List<String> out = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int i = index[r][c];
        if (i >= 0 && b[i][1] - b[i][0] < 0.5) {
          out.add(r + "," + c + "=" + truth[r][c]);
        }
      }
    }
    return out;
  }
}
