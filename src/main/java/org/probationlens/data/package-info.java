/**
 * The datasets: the case table, the forecast and the Ministry of Justice's published OMSQ files,
 * each with its schema and its code lists (work types, provider types, areas), read through the
 * validating reader of {@code org.probationlens.read} and carrying the provenance of {@code
 * org.probationlens.provenance}. This package stands above {@code area} and {@code period}, whose
 * code lists it uses.
 *
 * <p>Entry points: {@link org.probationlens.data.CaseRecords} and {@link
 * org.probationlens.data.ForecastVolumes} for the synthetic case-level data, {@link
 * org.probationlens.data.NDeliusExtract} for an nDelius extract read into the same case table,
 * {@link org.probationlens.data.CaseLayout} to name or recognise a case layout, {@link
 * org.probationlens.data.OmsProbation} for the Ministry of Justice's published probation caseload
 * and starts CSVs, and {@link org.probationlens.read.DatasetLoader} with a {@link
 * org.probationlens.read.Schema} for any other layout. Nothing here guesses: values are read
 * exactly as written, with explicit types and date formats, and a bad file loads nothing.
 */
package org.probationlens.data;
