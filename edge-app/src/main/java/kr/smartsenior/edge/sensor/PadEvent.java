package kr.smartsenior.edge.sensor;

/**
 * A foot pad changed state, after debouncing.
 *
 * @param pad     the pad's number on the mat, from 1 (see the pin map)
 * @param pressed true when a foot came down on it, false when it lifted
 * @param atNanos {@link SensorLoop#nanos()} when the first edge of the change arrived (debouncing
 *                delays the event, never its timestamp)
 */
public record PadEvent(int pad, boolean pressed, long atNanos) {

    public PadEvent {
        if (pad < 1) {
            throw new IllegalArgumentException("pads are numbered from 1, got " + pad);
        }
    }
}
