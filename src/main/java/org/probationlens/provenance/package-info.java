/**
 * Where a dataset or a result came from, and the result contract every analysis follows.
 *
 * <p>{@link org.probationlens.provenance.Provenance} says what one input is (published, derived,
 * official-sensitive or synthetic; source, licence, SHA-256); {@link
 * org.probationlens.provenance.Sources} carries every input behind a result; {@link
 * org.probationlens.provenance.LoadedDataset} is a table with its provenance; {@link
 * org.probationlens.provenance.Result} is what every analysis returns (title, table, notes,
 * sources, and the {@link org.probationlens.provenance.CountColumns} that disclosure control
 * protects). This package depends on nothing else of the project's.
 */
package org.probationlens.provenance;
