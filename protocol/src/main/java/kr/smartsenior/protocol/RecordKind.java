package kr.smartsenior.protocol;

/** Whether a record is a fitness test result, an exercise session, or a senior's answer to a check at the kiosk. */
public enum RecordKind {
    TEST("test"),
    EXERCISE("exercise"),
    /** An answer the senior gave at the kiosk that staff should see (not a measurement, never graded). */
    CHECK("check");

    private final String wireName;

    RecordKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The kind with this wire name, or {@code null} when there is none. */
    public static RecordKind fromWire(String text) {
        for (RecordKind kind : values()) {
            if (kind.wireName.equals(text)) {
                return kind;
            }
        }
        return null;
    }
}
