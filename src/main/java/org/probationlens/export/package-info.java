/**
 * Exports of results to files an analyst can publish: an accessible spreadsheet ({@link
 * org.probationlens.export.Spreadsheet}, XLSX through Apache POI) laid out as the Government
 * Analysis Function's guidance "Releasing statistics in spreadsheets" asks. Exports sit beside
 * {@code render} and take from it what it draws: the table under disclosure control ({@link
 * org.probationlens.render.Disclosure}) and its note, so nothing leaves in a file that the screen
 * would not show.
 */
package org.probationlens.export;
