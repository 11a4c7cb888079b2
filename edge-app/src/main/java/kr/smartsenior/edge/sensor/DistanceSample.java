package kr.smartsenior.edge.sensor;

/**
 * One reading of the distance sensor.
 *
 * @param atNanos     {@link SensorLoop#nanos()} when it was read
 * @param millimetres distance to the target; meaningful only when {@link #usable()}
 * @param quality     whether the reading can be used, and if not why
 */
public record DistanceSample(long atNanos, int millimetres, Quality quality) {

    /** Why a reading can or cannot be used. */
    public enum Quality {
        /** A target, with enough signal. */
        GOOD,
        /** Too little light came back: no target in range, a dark or angled surface. */
        WEAK,
        /** Too much light: the target is too close, or sunlight floods the receiver. */
        SATURATED,
        /** The sensor did not answer, or answered with an old frame. */
        NO_DATA
    }

    public static DistanceSample good(long atNanos, int millimetres) {
        return new DistanceSample(atNanos, millimetres, Quality.GOOD);
    }

    public static DistanceSample unusable(long atNanos, Quality why) {
        return new DistanceSample(atNanos, -1, why);
    }

    public boolean usable() {
        return quality == Quality.GOOD;
    }
}
