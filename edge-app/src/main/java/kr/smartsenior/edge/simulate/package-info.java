/**
 * Stand-ins for the senior in front of the kiosk ({@code --simulate}). {@code SimulatedBattery}
 * (what {@code KioskMain} runs) has simulated members take the fitness tests: a
 * {@code SimulatedSenior} turns their movements into sensor traces, the simulated sensors replay
 * them, and the real protocols of {@code measure} produce the results, recorded through the same
 * {@code Kiosk.record} the screen uses. {@code SimulatedSessions} records random plausible results
 * of every catalogue code, exercise included, for load generation. With the screen:
 * {@link kr.smartsenior.edge.simulate.SimulatedKiosk} implements the screen's ports (test cards,
 * presence, pads, fitness tests, prescriptions) and maps keyboard keys to them.
 *
 * <p>One way only: this package uses the kiosk's production packages; none of them uses it. Only
 * the launcher ({@code KioskMain}) and the programs of {@code bench} compose simulators
 * (KioskArchitectureTest).
 */
package kr.smartsenior.edge.simulate;
