package kr.smartsenior.edge.exercise;

/** Why a session ended before its cool-down was over; recorded as {@code detail.stopReason}. */
public enum StopReason {
    /** The senior chose to stop. */
    USER("user"),
    /** The senior stopped because of dizziness or chest pain (the safety prompt); the server lowers the level. */
    SYMPTOM("symptom"),
    /** Off the mat for longer than {@link ExerciseSession#MAX_PAUSE}. */
    STEPPED_OFF("stepped-off"),
    /** The kiosk session ended around it (nobody answered, another card, the screen closed). */
    TIMEOUT("timeout");

    /** The only symptom the kiosk can be told about: the one the safety prompt names. */
    public static final String SYMPTOM_DIZZY_OR_CHEST_PAIN = "dizziness-or-chest-pain";

    private final String wireName;

    StopReason(String wireName) {
        this.wireName = wireName;
    }

    /** As written in the record. */
    public String wireName() {
        return wireName;
    }
}
