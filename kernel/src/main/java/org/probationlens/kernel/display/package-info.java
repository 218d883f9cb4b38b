/**
 * What a cell shows: {@code display(value)} and {@code clearOutput()}, values turned into MIME
 * bundles through the library's renderers, and the progress bar that updates in place.
 */
package org.probationlens.kernel.display;
