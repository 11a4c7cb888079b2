/**
 * 검증 측정 (validation against hand timing) for the pilot: on a test record the kiosk may carry
 * {@code detail.handReference}, the same trial timed or counted by staff by hand. The record's value
 * stays the kiosk's; this package compares the two per test and per site (Bland &amp; Altman 1986:
 * mean difference, 95 % limits of agreement) and says which tests a site's kiosks measure within the
 * test's smallest real change ({@link kr.smartsenior.server.validation.KioskAgreements}, which
 * implements the fall-risk evaluation's {@code fitness.KioskValidation}). Staff and admins read it
 * at {@code GET /api/sites/{id}/validation} and {@code GET /api/validation}.
 */
package kr.smartsenior.server.validation;
