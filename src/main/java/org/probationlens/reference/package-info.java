/**
 * Published figures that the notebooks reproduce (the registry {@code
 * data/reference/published_figures.csv}), and checks that set a computed value beside its published
 * one with a pass or fail.
 */
package org.probationlens.reference;
