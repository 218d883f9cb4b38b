/**
 * The geography of probation in England and Wales after June 2014: the 42 police and crime
 * commissioner (PCC) areas, the 21 contract package areas (CPAs) served by Community Rehabilitation
 * Companies, the 8 organisations that owned them, and the 7 National Probation Service divisions;
 * look-ups between them and roll-up of tables from a finer level to a coarser one.
 *
 * <p>Start from {@link org.probationlens.area.Geography#standard()}, which reads the published
 * tables in {@code data/reference} (shipped on the class path). Where the published sources do not
 * settle a fact (Northamptonshire's NPS division), the fact stays flagged as uncertain and a
 * roll-up that needs it fails until the caller states an assumption.
 */
package org.probationlens.area;
