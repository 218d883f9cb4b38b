/**
 * The calendar every analysis shares: UK government financial years ("2015-16", April to March),
 * the reporting periods built from them (a year, a financial quarter, any date range), and business
 * days in England and Wales (weekends and the bank holidays gov.uk lists). Volumes, payments, court
 * timeliness, the fast engine and the synthetic generator all take their period rules from here, so
 * a quarter or a working day means one thing everywhere.
 */
package org.probationlens.period;
