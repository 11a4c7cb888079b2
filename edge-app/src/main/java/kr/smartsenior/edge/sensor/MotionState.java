package kr.smartsenior.edge.sensor;

/**
 * What the distance sensor says about the person in front of the kiosk, after each reading.
 *
 * @param atNanos     loop time the filtered value stands for (the middle reading of the median)
 * @param millimetres filtered distance (median of the last readings), or -1 while the signal is lost
 * @param rise        0 seated, 1 standing, above 1 nearer the kiosk than standing (see {@link SiteCalibration#rise})
 * @param present     someone is in the beam
 * @param posture     sitting or standing (with hysteresis), or absent
 * @param movement    approaching the kiosk, receding from it, or still
 * @param signalLost  no usable reading for longer than the hold time; the other fields are stale
 */
public record MotionState(long atNanos, int millimetres, double rise, boolean present, Posture posture, Movement movement,
        boolean signalLost) {

    /** Sitting or standing, as far as the beam can tell. */
    public enum Posture {
        UNKNOWN, ABSENT, SITTING, STANDING
    }

    /** Along the beam. */
    public enum Movement {
        STILL, APPROACHING, RECEDING
    }
}
