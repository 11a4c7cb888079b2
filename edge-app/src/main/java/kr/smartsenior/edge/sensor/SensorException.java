package kr.smartsenior.edge.sensor;

/** A sensor cannot be set up or used (pins taken, device absent, bad configuration). */
public class SensorException extends RuntimeException {

    public SensorException(String message) {
        super(message);
    }

    public SensorException(String message, Throwable cause) {
        super(message, cause);
    }
}
