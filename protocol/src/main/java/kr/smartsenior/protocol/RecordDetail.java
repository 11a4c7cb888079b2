package kr.smartsenior.protocol;

/**
 * The keys of a record's {@code detail} that both sides read: written by the kiosk, read by the
 * server's grading, prescription and validation. Keys only one side reads (raw trace summaries)
 * stay with that side.
 */
public final class RecordDetail {

    /** How the result was taken: a {@link MeasurementProtocol#id()}. */
    public static final String PROTOCOL = "protocol";
    /** Grip: {@code "right"} or {@code "left"}. */
    public static final String HAND = "hand";
    /** Trials of a best-of test, in order (numbers); the record's value is the best. */
    public static final String TRIALS = "trials";
    /** Exercise and effort records: the program's level (1-5). */
    public static final String LEVEL = "level";
    /** Effort records: the program ({@link MeasurementCode} name) of the session rated. */
    public static final String PROGRAM = "program";
    /** Exercise records: the senior stopped before the end. */
    public static final String STOPPED_EARLY = "stoppedEarly";
    /** Exercise records: the symptom the senior stopped for. */
    public static final String SYMPTOM = "symptom";
    /**
     * 검증 측정 (validation): the same trial timed or counted by a staff member by hand, as a number in
     * the record's unit. The record's value stays the kiosk's own measurement.
     */
    public static final String HAND_REFERENCE = "handReference";

    private RecordDetail() {
    }
}
