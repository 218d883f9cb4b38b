/**
 * People: the staff who deliver probation, the people it supervises, and the victims of the crimes
 * it deals with, and what each of them says or receives. Staff morale and workload from surveys and
 * inspections ({@link org.probationlens.people.StaffSurveys}); service users' view of their
 * supervision against the inspector's judgement of the same case ({@link
 * org.probationlens.people.ViewsAgreement}); statutory victim contact by NPS division ({@link
 * org.probationlens.people.VictimContact}).
 *
 * <p>Named {@code people} because these three questions are about the people probation works with
 * and for, as opposed to its contracts ({@code payment}, {@code volume}) and its partner
 * organisations ({@code partners}, the voluntary sector's supply chain). A single {@code voice}
 * package was considered and rejected: victim contact and referral counts are services delivered,
 * not views, and a reader looking for the referral funnel would not guess {@code voice}.
 *
 * <p>Published figures come from {@code data/reference} ({@code staff_surveys.csv}, {@code
 * caseloads.csv}, {@code victim_contact.csv}); nothing was published at case or division level on
 * users' views or victim contact, so those analyses run on labelled synthetic data from {@link
 * org.probationlens.people.SyntheticPairedViews} and {@link
 * org.probationlens.people.SyntheticVictimContact}, whose provenance says SYNTHETIC with the
 * generator's version and seed.
 */
package org.probationlens.people;
