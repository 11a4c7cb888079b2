/**
 * Programs that {@code scripts/bench-*.sh} and {@code scripts/rollout-sim.sh} run against the real
 * kiosk code, never the kiosk itself: {@code ExerciseBenchmark} (pad-to-feedback latency through the
 * screens' controller), {@code UiBenchmark} (start-up and screen reactions), {@code SyncBenchmark}
 * (the outbox and the sync path) and {@code RolloutSimulation} (a fleet of kiosks against a server).
 * Each is a {@code main} started with {@code java -cp smartsenior-kiosk.jar}; results are printed,
 * see docs/benchmarks.md.
 *
 * <p>They compose the production packages with the simulators of {@code simulate}; nothing depends
 * on them. The two white-box benchmarks stay beside what they measure, since they drive package
 * internals (mock I2C registers, the QR decoder's passes) and use no simulator:
 * {@code sensor.SensorBenchmark} and {@code identify.IdentifyBenchmark}.
 */
package kr.smartsenior.edge.bench;
