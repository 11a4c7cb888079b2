/**
 * The senior fitness test battery (국민체력100 for ages 65+, overlapping the Senior Fitness Test):
 * each sensor-measured test is a state machine over sensor events and loop time, and turns its
 * outcome into a protocol record only when it passes its validity checks. Each test's protocol is a
 * package-private {@code *Protocol} on {@code SensorProtocol}, built from the parts of
 * {@code kr.smartsenior.edge.session} it shares with the exercise programs.
 *
 * <p>The screen drives a {@link kr.smartsenior.edge.measure.FitnessTestSession} (instructions, optional
 * practice, countdown, measuring with live progress, result or invalid with retry) and listens
 * through {@link kr.smartsenior.edge.measure.TestListener}. A
 * {@link kr.smartsenior.edge.measure.TestBattery} is opened for one member only after the
 * {@link kr.smartsenior.edge.measure.SafetyCheck} clears them, and records each result (and the
 * staff-entered items: grip, sit-and-reach, height, weight with BMI) in the outbox.
 *
 * <p>Threads: tests run on the {@link kr.smartsenior.edge.sensor.SensorLoop}; their actions may be
 * called from any thread and are handed to the loop; listeners are called on the loop.
 */
package kr.smartsenior.edge.measure;
