/**
 * The kiosk's physical inputs: the step mat (foot pads on GPIO) and the distance sensor (a TF-Luna
 * time-of-flight sensor on I2C), plus what is derived from them (present, sitting or standing,
 * approaching or receding).
 *
 * <p>Every device is an interface ({@link kr.smartsenior.edge.sensor.StepMat},
 * {@link kr.smartsenior.edge.sensor.DistanceSensor}) with a Pi4J driver for the Raspberry Pi and a
 * simulator that replays {@link kr.smartsenior.edge.sensor.Trace}s. All events are delivered on one
 * {@link kr.smartsenior.edge.sensor.SensorLoop} thread, stamped with the loop's monotonic time, so
 * consumers (the test protocols) need no locks and see the same sequence whether the loop runs in
 * real time, faster ({@code SSC_SIM_SPEED}) or on virtual time in tests.
 *
 * <p>{@link kr.smartsenior.edge.sensor.Sensors} bundles one kiosk's devices and reports their
 * health ("ok", "pad 3 stuck pressed", "not responding") for the device status.
 */
package kr.smartsenior.edge.sensor;
