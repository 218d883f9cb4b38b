/**
 * Inspection and provider quality: how precise an inspection's case sample is and what a larger one
 * costs ({@link org.probationlens.inspection.SamplePlan}, planned from a {@link
 * org.probationlens.inspection.SampleDesign}: expected share, confidence, caseload), how many
 * women's cases a provider sample holds ({@link org.probationlens.inspection.SubgroupPrecision}),
 * stratified samples and their design effect ({@link org.probationlens.inspection.StratifiedPlan}),
 * how many cases are needed to tell two providers apart ({@link
 * org.probationlens.inspection.ComparisonPlan}), when to stop reviewing cases ({@link
 * org.probationlens.inspection.StoppingRuleStudy}, set out by a {@link
 * org.probationlens.inspection.StoppingRuleDesign}), HM Inspectorate of Probation's published
 * ratings of the 21 CRCs and 7 NPS divisions by inspection cycle ({@link
 * org.probationlens.inspection.HmipRatings}, {@link org.probationlens.inspection.InspectionCycle}),
 * contract service levels against those ratings ({@link
 * org.probationlens.inspection.TasksAgainstQuality}) and a funnel of case-level quality on
 * synthetic case reviews ({@link org.probationlens.inspection.SyntheticCaseReviews}).
 *
 * <p>Every result is a {@link org.probationlens.provenance.Result}. The statistics are in {@code
 * org.probationlens.stats}. Sample-size inputs (confidence level, margin, cost per case) are the
 * user's: HMI Probation's own confidence level and margin are not confirmed by the stored sources,
 * and no result here states them as HMI Probation's.
 */
package org.probationlens.inspection;
