/**
 * Innovation tracking: a register of the changes CRCs made to how they delivered probation after
 * 2014 (new delivery models such as hubs, IT and case management systems, telephony, premises,
 * telephone supervision, digital reporting, third-sector partnerships), their lifecycle from
 * proposal through Ministry of Justice sign-off to roll-out or withdrawal, and the evidence for
 * each step.
 *
 * <p>Start from {@link org.probationlens.innovation.InnovationRegister#documented()} (events found
 * in published sources, {@code data/reference/innovations.csv}) and, for the timing analyses the
 * published record cannot support, add {@link
 * org.probationlens.innovation.InnovationRegister#synthetic(long)} (labelled synthetic throughout).
 * The register gives counts by provider, owner, type and year; time to sign-off and to roll-out as
 * survival analyses ({@link org.probationlens.stats.KaplanMeier}, {@link
 * org.probationlens.stats.LogRankTest}); diffusion of a type across the 21 CRCs; and an innovation
 * index per CRC. {@link org.probationlens.innovation.AccreditedProgrammes} measures the use of
 * tried-and-tested interventions over time from case-level data.
 */
package org.probationlens.innovation;
