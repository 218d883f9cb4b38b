/**
 * The statistics behind Probation Lens: the only package that imports Apache Commons Math.
 *
 * <p>Survival analysis for "time until something happens" questions in probation, such as the time
 * from a CRC submitting an innovation for Ministry of Justice sign-off until it is approved, where
 * some submissions are still pending (right-censored) when the data end:
 *
 * <ul>
 *   <li>{@link org.probationlens.stats.KaplanMeier}: the Kaplan-Meier estimate of the survival
 *       function with Greenwood standard errors, log-log pointwise confidence intervals and the
 *       median with a Brookmeyer-Crowley style interval;
 *   <li>{@link org.probationlens.stats.LogRankTest}: the log-rank (Mantel-Haenszel) test that k
 *       groups share one survival function, chi-square on k-1 degrees of freedom.
 * </ul>
 *
 * <p>Other families (proportions and their intervals, ordinal comparisons, funnel limits,
 * disclosure control) live here too. Results are immutable records validated on construction;
 * inputs are never changed, and bad input fails with a message naming the argument, the value and
 * what was allowed.
 */
package org.probationlens.stats;
