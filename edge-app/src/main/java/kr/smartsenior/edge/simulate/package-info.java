/**
 * Stand-ins for the senior in front of the kiosk ({@code --simulate}). {@code SimulatedBattery}
 * (what {@code KioskMain} runs) has simulated members take the fitness tests: a
 * {@code SimulatedSenior} turns their movements into sensor traces, the simulated sensors replay
 * them, and the real protocols of {@code measure} produce the results, recorded through the same
 * {@code Kiosk.record} the screen will use. {@code SimulatedSessions} records random plausible
 * results of every catalogue code, exercise included, for load generation; {@code SyncBenchmark}
 * measures the sync path. With the screen: {@link kr.smartsenior.edge.simulate.SimulatedKiosk}
 * implements the screen's ports (test cards, presence, pads, fitness tests, prescriptions) and maps
 * keyboard keys to them; {@link kr.smartsenior.edge.simulate.UiBenchmark} measures the screen.
 */
package kr.smartsenior.edge.simulate;
