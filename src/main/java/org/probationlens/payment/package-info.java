/**
 * The CRC payment mechanism as published (fee for service against a weighted baseline band,
 * reconciled annually; payment by results on reoffending against a 2011 baseline; service credits),
 * applied to volumes: income by CPA, owner and year, under-spend against the contracts' maximum,
 * and sensitivity to the inputs that were never published.
 *
 * <p>Entry point: {@link org.probationlens.payment.PaymentModel}, configured by {@link
 * org.probationlens.payment.PaymentOptions}. {@link org.probationlens.payment.OriginalTerm} gives
 * the volumes of the contracts' original term (2014-15 to 2021-22, the basis of the published GBP
 * 3.7bn maximum), observed to a date and projected after it.
 */
package org.probationlens.payment;
