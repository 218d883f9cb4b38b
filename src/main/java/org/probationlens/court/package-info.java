/**
 * Court liaison: how the probation services (the National Probation Service and the Community
 * Rehabilitation Companies) serve the courts. Pre-sentence reports by type and their timeliness;
 * how often sentences follow the report's proposal; rehabilitation activity requirements (RARs)
 * ordered and delivered; breach referral within 8 business days (CRC service level AE); what
 * sentencers say in a survey; and whether courts with a stronger liaison manager do better.
 *
 * <p>Start from {@link org.probationlens.court.CourtLiaison#of(CourtData)} over {@link
 * org.probationlens.court.CourtData#sample()}. Published figures (the report mix, the RAR thematic,
 * the national AE series) come from {@link org.probationlens.court.PublishedCourtFigures}, exactly
 * as published. No court-level data is published: {@link
 * org.probationlens.court.CourtDataGenerator} makes synthetic data calibrated to those figures, and
 * everything built on it says "SYNTHETIC". Business days follow the England and Wales bank holidays
 * ({@link org.probationlens.period.BusinessDays}).
 */
package org.probationlens.court;
