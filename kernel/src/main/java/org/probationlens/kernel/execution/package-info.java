/**
 * Running a cell: split into JShell snippets, evaluated in the kernel's own JVM with the library on
 * the class path and its packages imported, its output streams routed to the cell that owns each
 * thread, its errors reported in the analyst's terms, {@code System.exit} refused, and a run record
 * of the files it read.
 */
package org.probationlens.kernel.execution;
