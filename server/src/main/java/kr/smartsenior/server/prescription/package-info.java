/**
 * Exercise prescriptions: {@link kr.smartsenior.server.prescription.PrescriptionRules} turns an
 * evaluation, the safety screening and the exercise records into a FITT-VP plan per component
 * (WHO 2020, ACSM) with kiosk programs and levels, visible restrictions and a reason for every
 * line; {@link kr.smartsenior.server.prescription.Prescriber} stores a new version when the plan
 * changes and announces it with {@code RosterChanged}, once per visit: the ingest notes the member in
 * the durable derived-work queue and {@code PrescriptionTrigger} prescribes when the row falls due
 * (decision 0037); the kiosk summary, the staff API and a
 * large-type Korean PDF read the stored versions.
 */
package kr.smartsenior.server.prescription;
