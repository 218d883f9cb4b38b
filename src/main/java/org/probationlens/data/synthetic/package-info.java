/**
 * The deterministic synthetic case-level data generator: invented orders and licences for England
 * and Wales, June 2014 to December 2020, calibrated to published aggregates.
 *
 * <p>Case-level probation data is personal data and is never published. Everything this package
 * writes is synthetic: no row describes a real person, order or licence. What is calibrated to a
 * published figure, and what is invented, is set out in {@code data/README.md}. Start at {@link
 * org.probationlens.data.synthetic.CaseGenerator}.
 */
package org.probationlens.data.synthetic;
