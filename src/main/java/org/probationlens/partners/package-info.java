/**
 * Partners: the voluntary and community organisations (the "third sector") that CRCs said in their
 * bids they would work with, and how many people CRCs actually referred to them. HMI Probation
 * asked "whether CRCs ... are referring as many clients across as they promised they would"; {@link
 * org.probationlens.partners.ReferralFunnel} follows promised, referred, started and completed
 * referrals by CRC, with the shortfall against the promise and its interval.
 *
 * <p>A package of its own, apart from {@code people}, because its unit is an organisation and a
 * contract promise, not a person's experience. Published: about 700 organisations named in bids
 * (Clinks), HMIP's 2018 finding that the sector was "less involved than ever" ({@code
 * data/reference/third_sector.csv}). No CRC's promised or actual referrals were published, so the
 * funnel runs on labelled synthetic data from {@link org.probationlens.partners.SyntheticReferrals}
 * (SYNTHETIC provenance with generator version and seed), calibrated to the 700.
 */
package org.probationlens.partners;
