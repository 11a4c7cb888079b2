package kr.smartsenior.edge.sensor;

/**
 * A time-of-flight distance sensor looking at the person in front of the kiosk, read at a fixed
 * rate. Implemented by {@link TfLunaSensor} (I2C) and {@link SimulatedDistanceSensor}; readings
 * arrive on the {@link SensorLoop}, unusable ones included, so a dropout is visible as such.
 */
public interface DistanceSensor extends AutoCloseable {

    /** Adds a listener for every reading. */
    void addListener(DistanceListener listener);

    /** Starts reading; readings before this are not delivered. */
    void start();

    /** "ok", "not responding", or "noisy (…)". Safe from any thread. */
    String health();

    /** Stops reading. Safe to call twice. */
    @Override
    void close();
}
