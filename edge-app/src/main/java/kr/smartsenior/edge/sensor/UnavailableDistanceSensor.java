package kr.smartsenior.edge.sensor;

import java.util.Objects;

/**
 * A distance sensor that could not be set up (its I2C bus cannot be opened, no pin map): it delivers
 * no readings, and {@link #health()} says why. Not a simulator: motion signals simply stay silent, and
 * the screens refuse the tests that need the sensor.
 */
final class UnavailableDistanceSensor implements DistanceSensor {

    private final String problem;

    UnavailableDistanceSensor(String problem) {
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    @Override
    public void addListener(DistanceListener listener) {
    }

    @Override
    public void start() {
    }

    @Override
    public String health() {
        return problem;
    }

    @Override
    public void close() {
    }
}
