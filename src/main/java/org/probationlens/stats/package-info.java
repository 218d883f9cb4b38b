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
 * <p>Shares and their comparisons, for questions such as the share of reports delivered on time:
 *
 * <ul>
 *   <li>{@link org.probationlens.stats.Proportion}: a share with its Wilson score interval;
 *   <li>{@link org.probationlens.stats.ProportionDifference}: the difference of two independent
 *       shares with Newcombe's interval;
 *   <li>{@link org.probationlens.stats.OrdinalSummary}: answers on an ordered (Likert) scale;
 *   <li>{@link org.probationlens.stats.FunnelLimits}: control limits for funnel plots of shares;
 *   <li>{@link org.probationlens.stats.RankCorrelation}: Spearman's rank correlation.
 * </ul>
 *
 * <p>Inspection sampling and provider comparison:
 *
 * <ul>
 *   <li>{@link org.probationlens.stats.SampleSize}: Cochran's sample size and margin with the
 *       finite-population correction, the two-group size of R's {@code power.prop.test};
 *   <li>{@link org.probationlens.stats.SubgroupCount}: how many cases of a subgroup a random sample
 *       holds;
 *   <li>{@link org.probationlens.stats.SequentialProbabilityRatio} and {@link
 *       org.probationlens.stats.FixedSampleTest}: Wald's sequential test for when to stop reviewing
 *       cases (its error rates exact or simulated, truncated at a case limit) against the
 *       fixed-size test with the same aims, sized exactly with the binomial;
 *   <li>{@link org.probationlens.stats.FisherExact}, {@link
 *       org.probationlens.stats.FreemanHaltonTest} and {@link
 *       org.probationlens.stats.ExactOrdinalTest}: exact tests for 2 x 2, r x c and ordered tables,
 *       the last with Cliff's delta.
 * </ul>
 *
 * <p>Disclosure control for tables of counts of people on probation: {@link
 * org.probationlens.stats.DisclosurePolicy} (a minimum count, secondary suppression so that totals
 * cannot give a suppressed cell back, optional rounding) gives a {@link
 * org.probationlens.stats.DisclosureOutcome} saying which cells to withhold and why.
 *
 * <p>Results are immutable records validated on construction; inputs are never changed, and bad
 * input fails with a message naming the argument, the value and what was allowed.
 */
package org.probationlens.stats;
