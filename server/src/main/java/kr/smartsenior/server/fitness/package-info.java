/**
 * Fitness evaluation: norms kept as data files with their sources ({@code resources/norms}),
 * grading of each result by age band and sex (Korean seniors' 국민체력100 cut-offs where the kiosk
 * takes the item by their procedure, the 1999 US Senior Fitness Test range as the second
 * reference), grip on the best trial of the better hand with 상대악력, fall-risk flags, trends
 * against the senior's own earlier results beyond measurement error (short-term and long-term,
 * {@code Trends}), and a picture per fitness component. Every text staff read is Korean.
 * {@link kr.smartsenior.server.fitness.Evaluator} is the entry point;
 * {@code GET /api/members/{id}/evaluation} shows it to staff.
 */
package kr.smartsenior.server.fitness;
