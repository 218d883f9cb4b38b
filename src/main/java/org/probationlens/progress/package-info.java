/**
 * Progress of long work (reading a large case file, generating a 300,000-case run), reported by the
 * library without knowing who shows it: the Jupyter kernel draws one bar that updates in place, and
 * outside a notebook nothing is drawn. Analyses call {@link
 * org.probationlens.progress.Progress#start}; only a front end calls {@link
 * org.probationlens.progress.Progress#listen}. The listener and the task numbers belong to a
 * session ({@link org.probationlens.progress.ProgressReporter}, owned by the session object in
 * {@code render}); the static calls report to the session in use.
 */
package org.probationlens.progress;
