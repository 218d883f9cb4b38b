/**
 * Reading, the bottom layer: a {@link org.probationlens.read.Schema} of typed columns ({@link
 * org.probationlens.read.ColumnSpec}) and cross-field {@link org.probationlens.read.Rule}s, the one
 * validating reader ({@link org.probationlens.read.DatasetLoader}) that checks every row and
 * reports every {@link org.probationlens.read.Problem} (file, line, column, value, what was
 * expected; or, for a table held in memory, its name, row and column) in one {@link
 * org.probationlens.read.DatasetValidationException}, and the {@link
 * org.probationlens.read.Manifest} that states what a case-level file is.
 *
 * <p>Nothing here knows about probation, geography or periods: the datasets in {@code
 * org.probationlens.data} and the reference tables build their schemas from these parts.
 */
package org.probationlens.read;
