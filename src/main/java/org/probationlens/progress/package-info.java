/**
 * Progress of long work (reading a large case file, generating a 300,000-case run), reported by the
 * library without knowing who shows it: the Jupyter kernel draws one bar that updates in place, and
 * outside a notebook nothing is drawn. Analyses call {@link
 * org.probationlens.progress.Progress#start}; only a front end calls {@link
 * org.probationlens.progress.Progress#listen}.
 */
package org.probationlens.progress;
