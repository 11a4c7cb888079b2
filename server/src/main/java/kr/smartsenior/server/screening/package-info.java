/**
 * Safety screening recorded by staff before a senior exercises: PAR-Q+ style questions, resting
 * blood pressure and staff clearance. {@link kr.smartsenior.server.screening.Screenings} stores
 * them; {@link kr.smartsenior.server.screening.ScreeningStatus} says what the latest one means,
 * and the prescription turns that into visible restrictions.
 */
package kr.smartsenior.server.screening;
