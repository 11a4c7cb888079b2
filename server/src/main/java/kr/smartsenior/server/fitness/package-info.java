/**
 * Fitness evaluation: norms kept as data files with their sources ({@code resources/norms}),
 * grading of each result by age band and sex (band, estimated percentile, derived 국민체력100-style
 * grade), fall-risk flags, trends against the senior's own earlier results beyond measurement
 * error, and a picture per fitness component. {@link kr.smartsenior.server.fitness.Evaluator} is
 * the entry point; {@code GET /api/members/{id}/evaluation} shows it to staff.
 */
package kr.smartsenior.server.fitness;
