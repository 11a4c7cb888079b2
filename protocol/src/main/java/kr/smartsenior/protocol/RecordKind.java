package kr.smartsenior.protocol;

/** Whether a record is a fitness test result or an exercise session. */
public enum RecordKind {
    TEST("test"),
    EXERCISE("exercise");

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
