package org.probationlens.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The log-rank (Mantel-Haenszel) test that k groups share one survival function, from
 * right-censored times.
 *
 * <p>At each distinct event time with n at risk and d events, group j with n_j at risk is expected
 * to have d n_j / n of them. Summing over event times gives observed minus expected, U, and its
 * hypergeometric covariance V, with V_jj = d (n_j/n)(1 - n_j/n)(n - d)/(n - 1) and V_jl = -d n_j
 * n_l (n - d) / (n^2 (n - 1)). The statistic U' V^- U uses the Moore-Penrose inverse of V (whose
 * rows sum to 0), so it does not depend on how the groups are labelled or ordered; it is referred
 * to chi-square with rank(V) degrees of freedom, k - 1 in the usual case. This is the test R's
 * {@code survdiff} and Stata's {@code sts test} compute.
 */
public final class LogRankTest {

  private static final double RANK_TOLERANCE = 1e-10;

  private LogRankTest() {}

  /**
   * Tests whether the groups' survival functions are equal.
   *
   * @param times the observed times, finite and at least 0; not empty
   * @param events {@code true} for an observed event, {@code false} for a censored time
   * @param groups the group label of each subject (for example an owner code); at least two
   *     distinct labels; same length as {@code times}
   * @return the test result, not null
   * @throws IllegalArgumentException naming the index and value of a bad entry, on unequal lengths,
   *     with fewer than 2 groups, or when no group difference can be measured (no events)
   */
  public static LogRankResult test(double[] times, boolean[] events, String[] groups) {
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(groups, "groups");
    if (times.length != events.length || times.length != groups.length) {
      throw new IllegalArgumentException(
          "times, events and groups must have the same length; got "
              + times.length
              + ", "
              + events.length
              + " and "
              + groups.length);
    }
    TreeMap<String, Integer> index = new TreeMap<>();
    for (int i = 0; i < times.length; i++) {
      if (!Double.isFinite(times[i]) || times[i] < 0) {
        throw new IllegalArgumentException(
            "times[" + i + "]: expected a finite time >= 0, got " + times[i]);
      }
      if (groups[i] == null) {
        throw new IllegalArgumentException("groups[" + i + "]: expected a label, got null");
      }
      index.put(groups[i], 0);
    }
    if (index.size() < 2) {
      throw new IllegalArgumentException(
          "groups: expected at least 2 distinct labels, got " + index.keySet());
    }
    List<String> labels = new ArrayList<>(index.keySet());
    for (int j = 0; j < labels.size(); j++) {
      index.put(labels.get(j), j);
    }
    int k = labels.size();
    int[] group = new int[times.length];
    int[] atRisk = new int[k];
    int[] observed = new int[k];
    for (int i = 0; i < times.length; i++) {
      group[i] = index.get(groups[i]);
      atRisk[group[i]]++;
    }
    int[] subjects = atRisk.clone();
    double[] expected = new double[k];
    double[][] v = new double[k][k];

    Integer[] order = new Integer[times.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(times[a], times[b]));
    int n = times.length;
    int i = 0;
    int[] dj = new int[k];
    int[] leaving = new int[k];
    while (i < order.length) {
      double t = times[order[i]];
      Arrays.fill(dj, 0);
      Arrays.fill(leaving, 0);
      int d = 0;
      while (i < order.length && times[order[i]] == t) {
        int g = group[order[i]];
        leaving[g]++;
        if (events[order[i]]) {
          dj[g]++;
          d++;
        }
        i++;
      }
      if (d > 0) {
        double factor = n > 1 ? (double) d * (n - d) / ((double) n * n * (n - 1)) : 0.0;
        for (int a = 0; a < k; a++) {
          expected[a] += (double) d * atRisk[a] / n;
          observed[a] += dj[a];
          for (int b = 0; b < k; b++) {
            double cov =
                a == b ? atRisk[a] * (double) (n - atRisk[a]) : -atRisk[a] * (double) atRisk[b];
            v[a][b] += factor * cov;
          }
        }
      }
      for (int a = 0; a < k; a++) {
        atRisk[a] -= leaving[a];
        n -= leaving[a];
      }
    }
    RealVector u = new ArrayRealVector(k);
    for (int a = 0; a < k; a++) {
      u.setEntry(a, observed[a] - expected[a]);
    }
    RealMatrix vm = new Array2DRowRealMatrix(v, false);
    SingularValueDecomposition svd = new SingularValueDecomposition(vm);
    double[] sv = svd.getSingularValues();
    double maxSv = sv.length == 0 ? 0 : sv[0];
    int rank = 0;
    for (double s : sv) {
      if (s > RANK_TOLERANCE * Math.max(1.0, maxSv)) {
        rank++;
      }
    }
    if (rank == 0) {
      throw new IllegalArgumentException(
          "no group difference can be measured: no event time had subjects from two groups at"
              + " risk (events observed: "
              + Arrays.stream(observed).sum()
              + ")");
    }
    RealMatrix pinv = pseudoInverse(svd, maxSv);
    double statistic = Math.max(0.0, u.dotProduct(pinv.operate(u)));
    double p = 1.0 - new ChiSquaredDistribution(rank).cumulativeProbability(statistic);
    List<LogRankGroup> result = new ArrayList<>(k);
    for (int a = 0; a < k; a++) {
      result.add(new LogRankGroup(labels.get(a), subjects[a], observed[a], expected[a]));
    }
    return new LogRankResult(result, statistic, rank, Math.max(0.0, Math.min(1.0, p)));
  }

  private static RealMatrix pseudoInverse(SingularValueDecomposition svd, double maxSv) {
    RealMatrix uMat = svd.getU();
    RealMatrix vMat = svd.getV();
    double[] sv = svd.getSingularValues();
    int k = sv.length;
    RealMatrix out = new Array2DRowRealMatrix(k, k);
    for (int r = 0; r < k; r++) {
      if (sv[r] <= RANK_TOLERANCE * Math.max(1.0, maxSv)) {
        continue;
      }
      RealVector vr = vMat.getColumnVector(r);
      RealVector ur = uMat.getColumnVector(r);
      out = out.add(vr.outerProduct(ur).scalarMultiply(1.0 / sv[r]));
    }
    return out;
  }
}
