/**
 * CRC work volumes against the volumes the contracts were let on: shortfall by reporting unit (PCC
 * area, CPA, owner, NPS division, England and Wales), work type and period, its range and ranking,
 * and the work-type mix behind it.
 *
 * <p>Entry point: {@link org.probationlens.volume.VolumeVariance}. Periods: {@link
 * org.probationlens.period.FinancialYear} (April to March) and {@link
 * org.probationlens.period.ReportingPeriod} (a financial year, a financial quarter or a calendar
 * {@link org.threeten.extra.YearQuarter}).
 */
package org.probationlens.volume;
