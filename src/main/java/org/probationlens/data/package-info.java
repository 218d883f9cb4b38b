/**
 * Datasets and their loaders: the schema of each CSV layout the project reads, a validating loader
 * that checks every row and reports every problem (file, line, column, value, what was expected) in
 * one exception, and the provenance every loaded dataset carries (published, derived or synthetic;
 * source, licence, SHA-256 of the file).
 *
 * <p>Entry points: {@link org.probationlens.data.CaseRecords} and {@link
 * org.probationlens.data.ForecastVolumes} for the synthetic case-level data, {@link
 * org.probationlens.data.OmsProbation} for the Ministry of Justice's published probation caseload
 * and starts CSVs, and {@link org.probationlens.data.DatasetLoader} with a {@link
 * org.probationlens.data.Schema} for any other layout. Nothing here guesses: values are read
 * exactly as written, with explicit types and date formats, and a bad file loads nothing.
 */
package org.probationlens.data;
