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
 * A reader of perturbed tables trying to learn true counts: each true count is an unknown, at least
 * 0; every figure the reader sees (a cell, a total, the same area in another table, a filtered
 * copy) says that the sum of some unknowns lies in the range of true counts the published
 * perturbation table could have shown that figure from ({@link CellKeyMethod#possibleTrueCounts},
 * which already holds what a shown 0 says). Linear programming, with Commons Math's simplex solver,
 * then gives the least and greatest value each unknown can take. Public for the attacks on the
 * analyses' own outputs in other test packages.
 */
public final class IntervalAttack {

  private final int unknowns;
  private final List<LinearConstraint> known = new ArrayList<>();

  /**
   * An attack on the given number of unknown true counts.
   *
   * @param unknowns how many
   */
  public IntervalAttack(int unknowns) {
    this.unknowns = unknowns;
  }

  /**
   * What one shown figure tells: the sum of the given unknowns is a true count that the method
   * could have shown as {@code shown}.
   *
   * @param method the published method
   * @param shown the figure shown
   * @param of the unknowns it sums
   */
  public void sees(CellKeyMethod method, long shown, int... of) {
    long[] possible = method.possibleTrueCounts(shown);
    if (possible.length == 0) {
      throw new IllegalArgumentException(shown + " cannot be shown by " + method);
    }
    double[] a = new double[unknowns];
    for (int i : of) {
      a[i] += 1;
    }
    known.add(new LinearConstraint(a, Relationship.GEQ, possible[0]));
    known.add(new LinearConstraint(a, Relationship.LEQ, possible[possible.length - 1]));
  }

  /**
   * The least and greatest value the unknown can take given everything seen.
   *
   * @param unknown which
   * @return {least, greatest}
   */
  public double[] range(int unknown) {
    double[] c = new double[unknowns];
    c[unknown] = 1;
    return new double[] {solve(c, GoalType.MINIMIZE), solve(c, GoalType.MAXIMIZE)};
  }

  /**
   * How many whole numbers the range of an unknown holds: 1 means the attacker knows the true
   * count.
   *
   * @param range from {@link #range}
   * @return the number of whole values in it
   */
  public static long wholeValues(double[] range) {
    return (long) Math.floor(range[1] + 1e-7) - (long) Math.ceil(range[0] - 1e-7) + 1;
  }

  private double solve(double[] objective, GoalType goal) {
    PointValuePair p =
        new SimplexSolver()
            .optimize(
                new MaxIter(10_000),
                new LinearObjectiveFunction(objective, 0),
                new LinearConstraintSet(known),
                goal,
                new NonNegativeConstraint(true));
    return p.getValue();
  }
}
